import type { Classification } from './classification.js';

export interface ClassificationChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const facts = (classification: Classification): string[] => [
  ...classification.topics.map((label) => `topic ${label.topic}`),
  ...classification.actors.map((label) => `actor ${label.actor}`),
  ...classification.stances.map((label) => `stance ${label.actor} ${label.topic} ${label.stance}`),
];

/** What a re-run changed, in words an analyst reads: "stance RUS ABM support" added or removed. */
export function diffClassifications(
  before: Classification | undefined,
  after: Classification,
): ClassificationChange {
  const old = new Set(before ? facts(before) : []);
  const next = new Set(facts(after));
  return {
    added: [...next].filter((fact) => !old.has(fact)),
    removed: [...old].filter((fact) => !next.has(fact)),
  };
}
