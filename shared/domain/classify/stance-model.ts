import * as z from '../../zod.js';

/**
 * The second reader of stances: a multinomial logistic regression over the words around a topic
 * phrase and the cue lexicon's polarities there (see stance-features.ts), trained on the dev
 * corpus by `npm run train`. The rules read grammar; the model reads wording the rules never
 * listed. Their readings are combined in combine-stances.ts.
 */
export const MODEL_STANCES = ['support', 'oppose', 'mixed'] as const;

export const stanceModelSchema = z.object({
  version: z.string(),
  /** What it was trained on, for the README and `reclassify`. */
  trainedOn: z.string(),
  /** The topics it was trained on: any other topic is read by the rules alone. */
  topics: z.array(z.string()),
  /** A combined reading (model probability + rule confidence) at or above this is a stance. */
  threshold: z.number().check(z.positive()),
  /** Per feature, its weight for support, oppose and mixed; "no stance" is the zero reference. */
  weights: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
});

export interface StanceModel {
  readonly version: string;
  readonly topics: ReadonlySet<string>;
  readonly threshold: number;
  readonly weights: ReadonlyMap<string, readonly [number, number, number]>;
}

export function compileStanceModel(data: z.infer<typeof stanceModelSchema>): StanceModel {
  return {
    version: data.version,
    topics: new Set(data.topics),
    threshold: data.threshold,
    weights: new Map(Object.entries(data.weights)),
  };
}

/** The summed weights for support, oppose and mixed of some features ("no stance" is 0). */
export function logitsOf(model: StanceModel, features: readonly string[]): [number, number, number] {
  const logits: [number, number, number] = [0, 0, 0];
  for (const feature of features) {
    const weights = model.weights.get(feature);
    if (!weights) continue;
    logits[0] += weights[0];
    logits[1] += weights[1];
    logits[2] += weights[2];
  }
  return logits;
}

/** Probabilities of [no stance, support, oppose, mixed] from summed logits. */
export function classProbabilities(
  ...parts: readonly (readonly [number, number, number])[]
): [number, number, number, number] {
  let support = 0;
  let oppose = 0;
  let mixed = 0;
  for (const [s, o, m] of parts) {
    support += s;
    oppose += o;
    mixed += m;
  }
  const top = Math.max(0, support, oppose, mixed);
  const none = Math.exp(-top);
  const s = Math.exp(support - top);
  const o = Math.exp(oppose - top);
  const m = Math.exp(mixed - top);
  const sum = none + s + o + m;
  return [none / sum, s / sum, o / sum, m / sum];
}
