import { z } from 'zod';
import { STANCES } from './classification.js';

const evidenceSchema = z.object({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  speaker: z.string().nullable(),
  citation: z.array(z.object({ outlet: z.string(), date: z.string() })).nullable(),
});

/** Validates a classification read back from storage or another process. */
export const classificationSchema = z.object({
  rulesVersion: z.string(),
  topics: z.array(z.object({ topic: z.string(), score: z.number(), evidence: z.array(evidenceSchema) })),
  actors: z.array(z.object({ actor: z.string(), mentions: z.number(), evidence: z.array(evidenceSchema) })),
  people: z.array(z.object({ name: z.string(), actor: z.string().nullable(), role: z.string().nullable() })),
  stances: z.array(
    z.object({
      actor: z.string(),
      topic: z.string(),
      stance: z.enum(STANCES),
      confidence: z.number(),
      evidence: z.array(evidenceSchema),
    }),
  ),
});
