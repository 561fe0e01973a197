import * as z from '../../zod.js';
import type { Calibration } from './confidence-calibration.js';
import {
  ACTOR_BEFORE,
  ACTOR_WORD,
  FeatureKind,
  type FeaturesAround,
  featureKeyOf,
  MARKER_COUNT,
  wordNumberOf,
} from './features-around.js';
import { WordPairTable } from './word-pair-table.js';

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
    /** How a combined reading becomes the label's confidence (confidence-calibration.ts). */
    calibration: z.object({ slope: z.number().check(z.positive()), intercept: z.number() }),
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
  readonly calibration: Calibration;
  readonly weights: ReadonlyMap<string, readonly [number, number, number]>;
  /** The same weights by topic and word number, for FeaturesAround and holders (see logitsAround). */
  readonly byTopic: ReadonlyMap<string, TopicWeights>;
}

/** One topic's features by number: each gives its index into `values` (three weights from there). */
export interface TopicWeights {
  readonly values: Float64Array;
  readonly markers: Int32Array;
  readonly words: ByWord;
  /** By the pair's first word (ACTOR_WORD for an actor's name) and second word. */
  readonly pairs: WordPairTable;
  readonly roles: Map<string, number>;
  readonly kinds: Map<string, number>;
}

/**
 * Numbers by word number (-1: none), in a typed array: asked for every word around a topic phrase.
 * Sized by the largest word number the model names (word numbers are dense, in order of first
 * sight: the dictionaries' and the model's words come first, so a few thousand entries a topic).
 */
class ByWord {
  private numbers = new Int32Array(0);

  get(word: number): number {
    return word >= 0 && word < this.numbers.length ? (this.numbers[word] ?? -1) : -1;
  }

  set(word: number, value: number): void {
    if (word >= this.numbers.length) {
      const grown = new Int32Array(Math.max(word + 1, this.numbers.length * 2)).fill(-1);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[word] = value;
  }
}

/** A model file naming a feature no candidate can have: its weights would be read by `explain` only. */
export class StanceModelError extends Error {
  override readonly name = 'StanceModelError';
}

export function compileStanceModel(data: z.infer<typeof stanceModelSchema>): StanceModel {
  const stored = Float64Array.from(weightList(data.weights));
  const features = featureList(data.features);
  const byTopic = new Map<string, TopicWeights>();
  features.forEach((feature, index) => {
    const at = PER_FEATURE * index;
    const key = featureKeyOf(feature);
    if (!key) throw new StanceModelError(`feature ${JSON.stringify(feature)} is not one the model reads`);
    let table = byTopic.get(key.topic);
    if (!table) {
      table = {
        values: stored,
        markers: new Int32Array(MARKER_COUNT).fill(-1),
        words: new ByWord(),
        pairs: new WordPairTable(),
        roles: new Map(),
        kinds: new Map(),
      };
      byTopic.set(key.topic, table);
    }
    if (key.kind === 'marker') table.markers[key.marker] = at;
    else if (key.kind === 'word') table.words.set(key.word, at);
    else if (key.kind === 'pair') table.pairs.set(key.before, key.word, at);
    else if (key.kind === 'role') table.roles.set(key.name, at);
    else table.kinds.set(key.name, at);
  });
  // By name, for explain and logitsOf only: built when first asked, not at every cold start.
  let weights: Map<string, readonly [number, number, number]> | undefined;
  return {
    version: data.version,
    topics: new Set(data.topics),
    threshold: data.threshold,
    calibration: data.calibration,
    get weights() {
      if (!weights) {
        weights = new Map();
        for (const [index, feature] of features.entries()) {
          const at = PER_FEATURE * index;
          weights.set(feature, [stored[at] ?? 0, stored[at + 1] ?? 0, stored[at + 2] ?? 0]);
        }
      }
      return weights;
    },
    byTopic,
  };
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

/**
 * logitsOf(model, around.names()), read by number: the same weights added in the same order, so
 * the same sums to the last bit.
 */
export function logitsAround(model: StanceModel, around: FeaturesAround): [number, number, number] {
  const logits: [number, number, number] = [0, 0, 0];
  const table = model.byTopic.get(around.topic);
  if (!table) return logits;
  const { codes, tokens } = around;
  for (let index = 0; index < codes.length; index += 3) {
    const kind = codes[index];
    const operand = codes[index + 1] ?? 0;
    let at: number | undefined;
    if (kind === FeatureKind.Marker) at = table.markers[operand];
    else if (kind === FeatureKind.Word) at = table.words.get(wordNumberOf(tokens[operand]));
    else {
      const before = codes[index + 2] ?? ACTOR_BEFORE;
      const first = before === ACTOR_BEFORE ? ACTOR_WORD : wordNumberOf(tokens[before]);
      at = table.pairs.get(first, wordNumberOf(tokens[operand]));
    }
    if (at === undefined || at < 0) continue;
    add(logits, table.values, at);
  }
  return logits;
}

/** logitsOf(model, [`${topic}|role:${role}`, `${topic}|kind:${kind}`]), without building the names. */
export function holderLogits(
  model: StanceModel,
  topic: string,
  role: string,
  kind: string,
): [number, number, number] {
  const logits: [number, number, number] = [0, 0, 0];
  const table = model.byTopic.get(topic);
  if (!table) return logits;
  const byRole = table.roles.get(role);
  if (byRole !== undefined) add(logits, table.values, byRole);
  const byKind = table.kinds.get(kind);
  if (byKind !== undefined) add(logits, table.values, byKind);
  return logits;
}

function add(logits: [number, number, number], values: Float64Array, at: number): void {
  logits[0] += values[at] ?? 0;
  logits[1] += values[at + 1] ?? 0;
  logits[2] += values[at + 2] ?? 0;
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
