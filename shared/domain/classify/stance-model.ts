import * as z from '../../zod.js';

/**
 * The second reader of stances: a multinomial logistic regression over the words around a topic
 * phrase and the cue lexicon's polarities there (see stance-features.ts), trained on the dev
 * corpus by `npm run train`. The rules read grammar; the model reads wording the rules never
 * listed. Their readings are combined in combine-stances.ts.
 */
export const MODEL_STANCES = ['support', 'oppose', 'mixed'] as const;

/** How many weights each feature has: support, oppose, mixed ("no stance" is the zero reference). */
const PER_FEATURE = MODEL_STANCES.length;

/** Features one per line; weights as plain decimals separated by single spaces. */
const featureList = (features: string) => features.split('\n');
const weightList = (weights: string) => weights.split(' ').map(Number);
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Why a model file's features and weights cannot be read, or undefined when they can. */
function storedProblem(features: string, weights: string): string | undefined {
  const names = featureList(features);
  if (names.some((name) => name.length === 0)) return 'an empty feature name';
  if (new Set(names).size !== names.length) return 'a feature listed twice';
  const values = weights.split(' ');
  if (!values.every((value) => DECIMAL.test(value))) return 'weights must be plain decimals, one space apart';
  if (values.length !== PER_FEATURE * names.length)
    return 'three numbers per feature (support, oppose, mixed)';
  return undefined;
}

/**
 * Features and weights are stored as two strings, not as arrays: a fresh Lambda validates and
 * reads them in about 3.5 ms, against about 9.5 ms for one small tuple per feature.
 */
export const stanceModelSchema = z
  .object({
    version: z.string(),
    /** What it was trained on, for the README and `reclassify`. */
    trainedOn: z.string(),
    /** The topics it was trained on: any other topic is read by the rules alone. */
    topics: z.array(z.string()),
    /** A combined reading of both readers at or above this is a stance (a probability: at most 1). */
    threshold: z.number().check(z.positive(), z.lte(1)),
    features: z.string().check(z.minLength(1)),
    /** Three per feature, in the order of `features`: its weight for support, oppose and mixed. */
    weights: z.string(),
  })
  .check(
    z.superRefine((model, context) => {
      const problem = storedProblem(model.features, model.weights);
      if (problem)
        context.addIssue({ code: 'custom', message: problem, path: ['weights'], input: model.weights });
    }),
  );

export interface StanceModel {
  readonly version: string;
  readonly topics: ReadonlySet<string>;
  readonly threshold: number;
  readonly weights: ReadonlyMap<string, readonly [number, number, number]>;
}

export function compileStanceModel(data: z.infer<typeof stanceModelSchema>): StanceModel {
  const values = weightList(data.weights);
  const weights = new Map<string, readonly [number, number, number]>();
  featureList(data.features).forEach((feature, index) => {
    const at = PER_FEATURE * index;
    weights.set(feature, [values[at] ?? 0, values[at + 1] ?? 0, values[at + 2] ?? 0]);
  });
  return { version: data.version, topics: new Set(data.topics), threshold: data.threshold, weights };
}

/** Per-feature weights in the form the model file stores them. */
export function storedWeights(weights: Readonly<Record<string, readonly number[]>>): {
  features: string;
  weights: string;
} {
  const features = Object.keys(weights).sort();
  return {
    features: features.join('\n'),
    weights: features
      .flatMap((feature) => MODEL_STANCES.map((_, index) => weights[feature]?.[index] ?? 0))
      .join(' '),
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
