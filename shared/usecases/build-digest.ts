import { type DigestInput, hasNews } from '../domain/digest/index.js';
import { derivePositions, type PositionState } from '../domain/positions/index.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { PositionStore } from '../ports/position-store.js';

export interface DigestDeps {
  readonly dispatches: DispatchStore;
  readonly positions: PositionStore;
  readonly clock: Clock;
}

export interface DigestPeriod {
  readonly since: string;
  readonly until: string;
}

const HEADLINE_WORDS = 14;

/** Gathers what a digest of the period reports: shifts with their timelines, positions that held, new dispatches. */
export async function buildDigest(deps: DigestDeps, period: DigestPeriod): Promise<DigestInput> {
  const [shifts, pairs, dispatches] = await Promise.all([
    deps.positions.shiftsBetween(period.since, period.until),
    deps.positions.pairs(),
    deps.dispatches.listDispatches({ from: period.since, to: period.until }),
  ]);
  const timelines = await Promise.all(
    pairs.map(async (pair) =>
      derivePositions(pair.actor, pair.topic, await deps.positions.observations(pair, period.until)),
    ),
  );
  const shifted = new Set(shifts.map((shift) => `${shift.actor}|${shift.topic}`));
  const held: PositionState[] = timelines.flatMap((timeline) => {
    const key = `${timeline.actor}|${timeline.topic}`;
    const restated = timeline.observations.some((item) => item.dispatchDate >= period.since);
    const current = timeline.states.at(-1);
    return !shifted.has(key) && restated && current ? [current] : [];
  });
  return {
    period,
    generatedAt: deps.clock.now().toISOString(),
    shifts,
    timelines: timelines.filter((timeline) => shifted.has(`${timeline.actor}|${timeline.topic}`)),
    held,
    dispatches: dispatches.map((stored) => ({
      id: stored.dispatch.id,
      date: stored.dispatch.date,
      headline: stored.dispatch.title ?? headline(stored.dispatch.text),
      topics: stored.classification?.topics.map((topic) => topic.topic) ?? [],
    })),
    feedAlerts: [],
  };
}

function headline(text: string): string {
  const words = text.split(/\s+/);
  return words.length > HEADLINE_WORDS ? `${words.slice(0, HEADLINE_WORDS).join(' ')}…` : text;
}

export { hasNews };
