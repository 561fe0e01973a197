import type { Dictionaries, PolarityPatterns } from './dictionaries.js';
import { findAll, type SearchText } from './phrases.js';

export type Polarity = 'support' | 'oppose' | 'mixed';

export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly polarity: Polarity;
  /** Topics whose cue list holds this phrase; empty for a general cue ("opposed", "welcomed"). */
  readonly topics: readonly string[];
}

export interface Markers {
  readonly cues: readonly Cue[];
  readonly speech: readonly { start: number; end: number }[];
  readonly negators: readonly { start: number; end: number }[];
  readonly forecast: readonly { start: number; end: number }[];
}

const POLARITIES: readonly Polarity[] = ['support', 'oppose', 'mixed'];

function cuesOf(patterns: PolarityPatterns, text: SearchText, topic: string | undefined): Cue[] {
  return POLARITIES.flatMap((polarity) =>
    findAll(patterns[polarity], text).map((span) => ({ ...span, polarity, topics: topic ? [topic] : [] })),
  );
}

/** Every stance cue, speech verb, negator and forecast marker in the text, in order. */
export function findMarkers(text: SearchText, dictionaries: Dictionaries): Markers {
  const { cues } = dictionaries;
  const topical = [...cues.topics.entries()].flatMap(([topic, patterns]) => cuesOf(patterns, text, topic));
  // One phrase may cue several topics ("withdraw" for ABM and START): merge them into one cue.
  const merged = new Map<string, Cue>();
  for (const cue of topical) {
    const id = `${cue.start}:${cue.end}:${cue.polarity}`;
    const existing = merged.get(id);
    merged.set(id, existing ? { ...existing, topics: [...existing.topics, ...cue.topics] } : cue);
  }
  const topicalSpans = [...merged.values()];
  const general = cuesOf(cues.general, text, undefined).filter(
    (cue) => !topicalSpans.some((other) => other.start <= cue.start && cue.end <= other.end),
  );
  return {
    cues: [...topicalSpans, ...general].sort((a, b) => a.start - b.start || b.end - a.end),
    speech: findAll(cues.speech, text),
    negators: findAll(cues.negators, text),
    forecast: findAll(cues.forecast, text),
  };
}
