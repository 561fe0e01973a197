import type { Polarity } from './dictionaries.js';
import { knownWordOf, type Token, wordOf } from './tokens.js';

/**
 * The features the stance model reads around one topic phrase, kept as numbers (token indexes
 * and marker numbers) rather than strings: the model weighs them by word number (stance-model.ts)
 * without building and hashing a string per feature, and `names()` spells them as the model file
 * and the trainer name them ("ABM|w:withdraw", "ABM|b:<actor> said"). Kept in the order they were
 * read: the model sums their weights in that order, so the sums are the same to the last bit.
 */
export class FeaturesAround {
  /** Three numbers per feature: its kind, then a token index (or a marker), then a pair's first token (ACTOR_BEFORE: an actor). */
  readonly codes: number[] = [];
  private named: readonly string[] | undefined;

  constructor(
    readonly topic: string,
    readonly tokens: readonly Token[],
  ) {}

  marker(marker: number): void {
    this.codes.push(FeatureKind.Marker, marker, 0);
  }

  /** The word of tokens[at]. */
  word(at: number): void {
    this.codes.push(FeatureKind.Word, at, 0);
  }

  /** The word pair tokens[before] tokens[at]; ACTOR_BEFORE for an actor's name before it. */
  pair(before: number, at: number): void {
    this.codes.push(FeatureKind.Pair, at, before);
  }

  /** The features as the model file names them. */
  names(): readonly string[] {
    if (this.named) return this.named;
    const { topic, tokens, codes } = this;
    const names: string[] = [];
    for (let index = 0; index < codes.length; index += 3) {
      const kind = codes[index];
      const operand = codes[index + 1] ?? 0;
      if (kind === FeatureKind.Marker) names.push(`${topic}|${MARKERS[operand]}`);
      else if (kind === FeatureKind.Word) names.push(`${topic}|w:${tokens[operand]?.norm}`);
      else {
        const before = codes[index + 2] ?? ACTOR_BEFORE;
        const first = before === ACTOR_BEFORE ? ACTOR : tokens[before]?.norm;
        names.push(`${topic}|b:${first} ${tokens[operand]?.norm}`);
      }
    }
    this.named = names;
    return names;
  }
}

export const FeatureKind = { Marker: 0, Word: 1, Pair: 2 } as const;

/** How an actor's name reads in a word pair: "Moscow opposed" and "Beijing opposed" are one pair. */
const ACTOR = '<actor>';
/** A pair's first token when it is an actor's name. */
export const ACTOR_BEFORE = -1;
/** The word number the model gives an actor's name (no token's norm is "<actor>": "<" is a sign). */
export const ACTOR_WORD = wordOf(ACTOR);

const POLARITIES: readonly Polarity[] = ['support', 'oppose', 'mixed'];
/** Markers by number: what the sentence says about the phrase, and the cue lexicon's polarities there. */
const MARKERS: readonly string[] = [
  'bias',
  'inherited',
  'neg',
  'quoted',
  'analysis',
  'forecast',
  ...['t', 'g'].flatMap((scope) =>
    POLARITIES.flatMap((polarity) => [`${scope}cue:${polarity}`, `${scope}cue:${polarity}|neg`]),
  ),
];
const MARKER_NUMBERS = new Map(MARKERS.map((name, index) => [name, index]));
export const MARKER_COUNT = MARKERS.length;
/** A marker's number, by its name in the list above: so adding a marker cannot shift another's. */
function markerNumber(name: string): number {
  const number = MARKER_NUMBERS.get(name);
  if (number === undefined) throw new Error(`no stance-model marker named ${name}`);
  return number;
}
export const Marker = {
  bias: markerNumber('bias'),
  inherited: markerNumber('inherited'),
  neg: markerNumber('neg'),
  quoted: markerNumber('quoted'),
  analysis: markerNumber('analysis'),
  forecast: markerNumber('forecast'),
} as const;
/** The first cue marker: topical cues, then general ones, each polarity plain then negated. */
const FIRST_CUE_MARKER = markerNumber('tcue:support');

/** A cue's polarity near the phrase: topical ("tcue") or general ("gcue"), negated or not. */
export const cueMarker = (topical: boolean, polarity: Polarity, negated: boolean): number =>
  FIRST_CUE_MARKER +
  (topical ? 0 : 2 * POLARITIES.length) +
  POLARITIES.indexOf(polarity) * 2 +
  (negated ? 1 : 0);

/** The word number of a token's norm, for the model's tables (which number every word they hold). */
export const wordNumberOf = (token: Token | undefined): number =>
  token === undefined ? -1 : token.word >= 0 ? token.word : knownWordOf(token.norm);

/** A model file's feature name, read back into what FeaturesAround or a holder would make of it. */
export type FeatureKey =
  | { readonly topic: string; readonly kind: 'marker'; readonly marker: number }
  | { readonly topic: string; readonly kind: 'word'; readonly word: number }
  | { readonly topic: string; readonly kind: 'pair'; readonly before: number; readonly word: number }
  | { readonly topic: string; readonly kind: 'role' | 'holderKind'; readonly name: string };

/** The key of a feature name, or undefined for a name no candidate can have. */
export function featureKeyOf(name: string): FeatureKey | undefined {
  const bar = name.indexOf('|');
  if (bar < 0) return undefined;
  const topic = name.slice(0, bar);
  const rest = name.slice(bar + 1);
  if (rest.startsWith('w:')) return { topic, kind: 'word', word: wordOf(rest.slice(2)) };
  if (rest.startsWith('b:')) {
    const space = rest.indexOf(' ');
    if (space < 0) return undefined;
    const first = rest.slice(2, space);
    return { topic, kind: 'pair', before: wordOf(first), word: wordOf(rest.slice(space + 1)) };
  }
  if (rest.startsWith('role:')) return { topic, kind: 'role', name: rest.slice(5) };
  if (rest.startsWith('kind:')) return { topic, kind: 'holderKind', name: rest.slice(5) };
  const marker = MARKER_NUMBERS.get(rest);
  return marker === undefined ? undefined : { topic, kind: 'marker', marker };
}
