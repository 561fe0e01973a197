import { derivePositions, type Observation } from '../domain/positions/index.js';
import type { Pair, PositionStore } from '../ports/position-store.js';

/**
 * Re-derives the timelines of the given pairs from all their stored observations. Idempotent:
 * running it twice, or for observations that arrived out of date order, gives the same result.
 */
export async function rederivePositions(positions: PositionStore, pairs: readonly Pair[]): Promise<number> {
  const unique = [...new Map(pairs.map((pair) => [`${pair.actor}|${pair.topic}`, pair])).values()];
  await Promise.all(
    unique.map(async (pair) => {
      // Derive from stances alone, then read the evidence of just the statements the timeline cites.
      const timeline = derivePositions(pair.actor, pair.topic, await positions.stanceHistory(pair));
      const cited = [
        ...timeline.states.flatMap((state) => state.basis),
        ...timeline.shifts.flatMap((shift) => [...shift.before, ...shift.after]),
      ];
      const full = new Map((await positions.withEvidence(cited)).map((item) => [item.statementKey, item]));
      const hydrate = (items: readonly Observation[]) =>
        items.map((item) => full.get(item.statementKey) ?? item);
      const states = timeline.states.map((state) => ({ ...state, basis: hydrate(state.basis) }));
      const shifts = timeline.shifts.map((shift) => ({
        ...shift,
        before: hydrate(shift.before),
        after: hydrate(shift.after),
      }));
      await positions.replaceTimeline(pair, states, shifts);
    }),
  );
  return unique.length;
}
