import * as z from '../../zod.js';
import { STANCES } from './classification.js';

/** One piece of evidence: a sentence, where it is, who said it and the citation that sources it. */
export const evidenceSchema = z.object({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  speaker: z.nullable(z.string()),
  citation: z.nullable(z.array(z.object({ outlet: z.string(), date: z.string() }))),
});
const evidenceList = z.array(evidenceSchema);

/** Validates a classification read back from storage or another process. */
export const classificationSchema = z.object({
  rulesVersion: z.string(),
  topics: z.array(z.object({ topic: z.string(), score: z.number(), evidence: evidenceList })),
  actors: z.array(z.object({ actor: z.string(), mentions: z.number(), evidence: evidenceList })),
  people: z.array(
    z.object({ name: z.string(), actor: z.nullable(z.string()), role: z.nullable(z.string()) }),
  ),
  stances: z.array(
    z.object({
      actor: z.string(),
      topic: z.string(),
      stance: z.enum(STANCES),
      confidence: z.number(),
      evidence: evidenceList,
    }),
  ),
});
