import type { Hit } from './scan.js';
import type { Sentence } from './sentences.js';

export interface TopicHit {
  readonly topic: string;
  /** Token indexes: tokens[from] … tokens[to - 1]. */
  readonly from: number;
  readonly to: number;
  readonly weight: number;
  /** "the treaty", "the system": counts for stance, not for the topic score. */
  readonly anaphor: boolean;
  /** For an anaphor, every topic it could mean that was named before it, latest first. */
  readonly alternatives: readonly string[];
}

/**
 * Topic phrases (ignore phrases already removed by the scan: "theater missile defense" is not
 * NMD) and anaphora resolved to the latest topic named that they can mean: "the treaty" after the
 * ABM treaty is ABM, after START II it is START.
 */
export function findTopicHits(hits: readonly Hit[], excluded: (tokenIndex: number) => boolean): TopicHit[] {
  const found: TopicHit[] = [];
  /** The latest explicit mention of each topic, by token index. */
  const latest = new Map<string, number>();
  const hitReadings = new Map<number, string[]>();
  for (const hit of hits) {
    if (excluded(hit.from)) continue;
    let weight = 0;
    let topic: string | undefined;
    const readings: string[] = [];
    for (const value of hit.values) {
      if (value.kind === 'topic' && value.weight > weight) {
        weight = value.weight;
        topic = value.topic;
      } else if (value.kind === 'anaphor') readings.push(value.topic);
    }
    if (topic) {
      latest.set(topic, hit.from);
      found.push({ topic, from: hit.from, to: hit.to, weight, anaphor: false, alternatives: [] });
      continue;
    }
    if (readings.length === 0) continue;
    hitReadings.set(hit.from, readings);
    const alternatives = readings
      .filter((reading) => latest.has(reading))
      .sort((a, b) => (latest.get(b) ?? 0) - (latest.get(a) ?? 0));
    const resolved = alternatives[0] ?? readings[0];
    if (resolved)
      found.push({ topic: resolved, from: hit.from, to: hit.to, weight: 0, anaphor: true, alternatives });
  }
  // "The treaty" may also mean a topic the dispatch names only later: those readings come last.
  const named = new Set(found.filter((hit) => !hit.anaphor).map((hit) => hit.topic));
  return found.map((hit) => {
    if (!hit.anaphor) return hit;
    const readings = hitReadings.get(hit.from) ?? [];
    const later = readings.filter((topic) => named.has(topic) && !hit.alternatives.includes(topic));
    return later.length > 0 ? { ...hit, alternatives: [...hit.alternatives, ...later] } : hit;
  });
}

/**
 * "Minsk was sorry to see the end of a treaty that had been one of the foundations of strategic
 * stability": after START II was named, "a treaty" still means the ABM treaty when the sentence's
 * topic cues speak of that one alone. An anaphor takes the reading most of its sentence's
 * one-topic cues name; with no such cue, or a tie, it keeps the latest topic named.
 */
export function preferCuedReadings(
  hits: readonly TopicHit[],
  cues: readonly Hit[],
  sentences: readonly Sentence[],
): TopicHit[] {
  let sentence = 0;
  let cue = 0;
  return hits.map((hit) => {
    if (!hit.anaphor || hit.alternatives.length < 2) return hit;
    while (sentence < sentences.length - 1 && (sentences[sentence] as Sentence).to <= hit.from) sentence++;
    const { from, to } = sentences[sentence] as Sentence;
    while (cue > 0 && (cues[cue - 1] as Hit).from >= from) cue--;
    while (cue < cues.length && (cues[cue] as Hit).from < from) cue++;
    const votes = new Map<string, number>();
    for (let index = cue; index < cues.length && (cues[index] as Hit).from < to; index++) {
      const named = new Set<string>();
      for (const value of (cues[index] as Hit).values)
        if (value.kind === 'cue' && value.topic !== null && hit.alternatives.includes(value.topic))
          named.add(value.topic);
      const [only] = named;
      if (named.size === 1 && only) votes.set(only, (votes.get(only) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (!top || (second && second[1] === top[1]) || top[0] === hit.topic) return hit;
    return {
      ...hit,
      topic: top[0],
      alternatives: [top[0], ...hit.alternatives.filter((topic) => topic !== top[0])],
    };
  });
}
