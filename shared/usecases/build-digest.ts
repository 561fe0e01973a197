import type { DigestInput } from '../domain/digest/index.js';
import { distinctStatements, type PositionState, type Timeline } from '../domain/positions/index.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { FeedStateStore } from '../ports/feed-state.js';
import type { PositionStore } from '../ports/position-store.js';
import { FAILING_FEED_THRESHOLD } from './poll-feeds.js';

export interface DigestDeps {
  readonly dispatches: DispatchStore;
  readonly feeds: FeedStateStore;
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
  const [shifts, pairs, dispatches, feeds] = await Promise.all([
    deps.positions.shiftsBetween(period.since, period.until),
    deps.positions.pairs(),
    deps.dispatches.listDispatches({ from: period.since, to: period.until }),
    deps.feeds.list(),
  ]);
  const shifted = new Set(shifts.map((shift) => `${shift.actor}|${shift.topic}`));
  // Only the period's statements are read: what held is the stored state at the period's end.
  const perPair = await Promise.all(
    pairs.map(async (pair) => {
      const observations = await deps.positions.observations(pair, period);
      const key = `${pair.actor}|${pair.topic}`;
      const state =
        observations.length > 0 && !shifted.has(key)
          ? await deps.positions.positionAsOf(pair, period.until)
          : undefined;
      return { pair, observations, state };
    }),
  );
  const held: PositionState[] = perPair.flatMap(({ state }) => (state ? [state] : []));
  const timelines: Timeline[] = perPair
    .filter(({ pair }) => shifted.has(`${pair.actor}|${pair.topic}`))
    .map(({ pair, observations }) => ({
      ...pair,
      states: [],
      shifts: [],
      observations: distinctStatements(observations),
    }));
  return {
    period,
    generatedAt: deps.clock.now().toISOString(),
    shifts,
    timelines,
    held,
    dispatches: dispatches.map((stored) => ({
      id: stored.dispatch.id,
      date: stored.dispatch.date,
      headline: stored.dispatch.title ?? headline(stored.dispatch.text),
      topics: stored.classification?.topics.map((topic) => topic.topic) ?? [],
    })),
    feedAlerts: feeds
      .filter((feed) => feed.consecutiveFailures >= FAILING_FEED_THRESHOLD)
      .map((feed) => ({
        feed: `${feed.name} (${feed.url})`,
        failures: feed.consecutiveFailures,
        lastError: feed.lastError ?? '',
      })),
  };
}

function headline(text: string): string {
  const words = text.split(/\s+/);
  return words.length > HEADLINE_WORDS ? `${words.slice(0, HEADLINE_WORDS).join(' ')}…` : text;
}
