import { derivePositions } from '../domain/positions/index.js';
import type { Pair, PositionStore } from '../ports/position-store.js';

/**
 * Re-derives the timelines of the given pairs from all their stored observations. Idempotent:
 * running it twice, or for observations that arrived out of date order, gives the same result.
 */
export async function rederivePositions(positions: PositionStore, pairs: readonly Pair[]): Promise<number> {
  const unique = [...new Map(pairs.map((pair) => [`${pair.actor}|${pair.topic}`, pair])).values()];
  await Promise.all(
    unique.map(async (pair) => {
      const timeline = derivePositions(pair.actor, pair.topic, await positions.observations(pair));
      await positions.replaceTimeline(pair, timeline.states, timeline.shifts);
    }),
  );
  return unique.length;
}
