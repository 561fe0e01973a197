import type { PositionState, Shift } from '../domain/positions/index.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { Pair, PositionStore } from '../ports/position-store.js';
import type { StoredDispatch } from '../ports/stored-dispatch.js';

export interface QueryDeps {
  readonly dispatches: DispatchStore;
  readonly positions: PositionStore;
}

export interface PairFilter {
  readonly actor?: string;
  readonly topic?: string;
}

const matches = (pair: Pair, filter: PairFilter) =>
  (!filter.actor || pair.actor === filter.actor) && (!filter.topic || pair.topic === filter.topic);

/** Each actor's position on each topic on a date (default: the latest), one Query per pair. */
export async function queryPositions(
  deps: QueryDeps,
  filter: PairFilter & { readonly asOf?: string },
): Promise<PositionState[]> {
  const pairs =
    filter.actor && filter.topic
      ? [{ actor: filter.actor, topic: filter.topic }]
      : (await deps.positions.pairs()).filter((pair) => matches(pair, filter));
  const states = await Promise.all(
    pairs.map((pair) => deps.positions.positionAsOf(pair, filter.asOf ?? '9999-12-31')),
  );
  return states.filter((state): state is PositionState => state !== undefined);
}

/** Shifts in a date range, oldest first: one Query on the shifts-by-date index. */
export async function queryShifts(
  deps: QueryDeps,
  filter: PairFilter & { readonly since?: string; readonly until?: string },
): Promise<Shift[]> {
  const shifts = await deps.positions.shiftsBetween(
    filter.since ?? '0000-00-00',
    filter.until ?? '9999-12-31',
  );
  return shifts.filter((shift) => matches(shift, filter));
}

/** Dispatches in a date range, by topic or actor through their tag index, else by date. */
export async function queryDispatches(
  deps: QueryDeps,
  filter: PairFilter & { readonly from?: string; readonly to?: string },
): Promise<StoredDispatch[]> {
  const range = { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) };
  const store = deps.dispatches;
  const found = filter.topic
    ? await store.listTagged({ kind: 'TOPIC', value: filter.topic }, range)
    : filter.actor
      ? await store.listTagged({ kind: 'ACTOR', value: filter.actor }, range)
      : await store.listDispatches(range);
  // Both filters: the topic index answers and the actor narrows.
  return filter.topic && filter.actor
    ? found.filter((item) => item.classification?.actors.some((actor) => actor.actor === filter.actor))
    : found;
}
