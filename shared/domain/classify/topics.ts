import type { Dictionaries } from './dictionaries.js';
import { findAll, overlaps, type SearchText, searchText } from './phrases.js';

export interface TopicHit {
  readonly topic: string;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  /** "the treaty", "the system": counts for stance, not for the topic score. */
  readonly anaphor: boolean;
  /** For an anaphor, every topic it could mean (named earlier), latest first. */
  readonly alternatives?: readonly string[];
}

/** Explicit topic phrases (false friends removed) and anaphora resolved to the latest topic named. */
export function findTopicHits(text: SearchText, dictionaries: Dictionaries): TopicHit[] {
  const explicit: TopicHit[] = [];
  for (const matcher of dictionaries.topics) {
    const ignored = findAll(matcher.ignore, text);
    for (const group of matcher.groups) {
      for (const span of findAll(group.pattern, text)) {
        if (ignored.some((ignore) => overlaps(ignore, span))) continue;
        if (explicit.some((hit) => hit.topic === matcher.topic && overlaps(hit, span))) continue;
        explicit.push({
          topic: matcher.topic,
          start: span.start,
          end: span.end,
          weight: group.weight,
          anaphor: false,
        });
      }
    }
  }
  explicit.sort((a, b) => a.start - b.start);
  const anaphora: TopicHit[] = [];
  const seen = new Set<string>();
  for (const matcher of dictionaries.topics) {
    for (const span of findAll(matcher.anaphora, text)) {
      const id = `${span.start}`;
      if (seen.has(id) || explicit.some((hit) => overlaps(hit, span))) continue;
      const candidates = dictionaries.topics
        .filter((other) => findAll(other.anaphora, searchText(span.text)).length > 0)
        .map((other) => other.topic);
      const latest = explicit
        .filter((hit) => hit.start < span.start && candidates.includes(hit.topic))
        .at(-1);
      if (!latest) continue;
      seen.add(id);
      anaphora.push({ topic: latest.topic, start: span.start, end: span.end, weight: 0, anaphor: true });
    }
  }
  return [...explicit, ...anaphora].sort((a, b) => a.start - b.start);
}
