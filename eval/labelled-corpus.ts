import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const labelSchema = z.object({
  file: z.string(),
  date: z.string(),
  topics: z.array(z.string()),
  actors: z.array(z.string()),
  stances: z.array(
    z.object({
      actor: z.string(),
      topic: z.string(),
      stance: z.enum(['support', 'oppose', 'mixed']),
      evidence: z.string(),
      implicit: z.boolean().optional(),
    }),
  ),
});
const labelsSchema = z.object({ dispatches: z.array(labelSchema) });
export type Label = z.infer<typeof labelSchema>;

export interface LabelledFile {
  readonly path: string;
  readonly label: Label;
}

/** The files of a labelled corpus directory with their labels; undefined when it is absent. */
export function readLabelledCorpus(
  directory: string,
  labelsFile = 'labels.json',
): LabelledFile[] | undefined {
  const labelsPath = join(directory, labelsFile);
  if (!existsSync(labelsPath)) return undefined;
  const labels = labelsSchema.parse(JSON.parse(readFileSync(labelsPath, 'utf8')));
  return labels.dispatches.map((label) => ({ path: join(directory, label.file), label }));
}
