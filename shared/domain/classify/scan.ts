import { LAYERS, type Layer, type LexValue, perLayer } from './dictionaries.js';
import { PhraseMatches } from './phrase-matches.js';
import type { PhraseTrie } from './phrase-trie.js';
import type { Token } from './tokens.js';

/** Each layer's index in LAYERS: a property read per match, not a search of the list. */
const LAYER_INDEX = perLayer(() => 0);
LAYERS.forEach((layer, index) => {
  LAYER_INDEX[layer] = index;
});

/** A dictionary phrase found in the text: tokens[from] … tokens[to - 1], with every value it has there. */
export interface Hit {
  readonly from: number;
  readonly to: number;
  readonly values: readonly LexValue[];
}

export type ScanResult = Readonly<Record<Layer, readonly Hit[]>>;

/**
 * One pass of the lexicon over the tokens. Within each layer (topics, actor mentions, cues,
 * speech verbs, negators…) matches do not overlap: the longest phrase at the leftmost start wins,
 * so "theater missile defense" (ignored) hides "missile defense" and "Washington Post" hides
 * "Washington".
 */
export function scan(tokens: readonly Token[], text: string, lexicon: PhraseTrie<LexValue>): ScanResult {
  const result = perLayer<Hit[]>(() => []);
  // Per layer by its index in LAYERS: arrays rather than records read with a variable key.
  const hits = LAYERS.map((layer) => result[layer]);
  const busyUntil = new Int32Array(LAYERS.length);
  const longest = new Int32Array(LAYERS.length);
  const cue = LAYERS.indexOf('cue');
  const speech = LAYERS.indexOf('speech');
  // Cleared and refilled for every token: no object per match.
  const matches = new PhraseMatches<LexValue>();
  let layers = new Int32Array(16);
  for (let index = 0; index < tokens.length; index++) {
    matches.clear();
    lexicon.matchInto(tokens, index, text, matches);
    const count = matches.length;
    if (count === 0) continue;
    if (layers.length < count) layers = new Int32Array(count * 2);
    // "early-warning", "well-understood": the second half of a compound is no verb or cue.
    const compound = (tokens[index] as Token).joined;
    longest.fill(-1);
    for (let at = 0; at < count; at++) {
      const layer = LAYER_INDEX[matches.value(at).layer];
      layers[at] = layer;
      if ((busyUntil[layer] as number) > index || (compound && (layer === speech || layer === cue))) continue;
      const to = matches.to(at);
      if ((longest[layer] as number) < to) longest[layer] = to;
    }
    for (let layer = 0; layer < LAYERS.length; layer++) {
      const to = longest[layer] as number;
      if (to < 0) continue;
      const values: LexValue[] = [];
      for (let at = 0; at < count; at++)
        if (matches.to(at) === to && layers[at] === layer) values.push(matches.value(at));
      if (layer === cue) inheritTopics(values, matches, to);
      (hits[layer] as Hit[]).push({ from: index, to, values });
      busyUntil[layer] = to;
    }
  }
  return result;
}

/**
 * A longer cue hides a shorter one only for the topics it names itself: "destroy the basis" (of the
 * ABM treaty) still says of a missile defense what "destroy" says.
 */
function inheritTopics(values: LexValue[], matches: PhraseMatches<LexValue>, to: number): void {
  // The longer cue's own values come first; a set of their topics would cost more than these few compares.
  const own = values.length;
  if (!values.some((value) => value.kind === 'cue' && value.topic !== null)) return;
  for (let at = 0; at < matches.length; at++) {
    const value = matches.value(at);
    if (
      matches.to(at) < to &&
      value.kind === 'cue' &&
      value.topic !== null &&
      !namesTopic(values, own, value.topic)
    )
      values.push(value);
  }
}

/** One of values[0 … count) is a cue of the topic. */
function namesTopic(values: readonly LexValue[], count: number, topic: string): boolean {
  for (let index = 0; index < count; index++) {
    const value = values[index];
    if (value?.kind === 'cue' && value.topic === topic) return true;
  }
  return false;
}
