import type { Observation, PositionState, Shift } from '../domain/positions/index.js';

export interface Pair {
  readonly actor: string;
  readonly topic: string;
}

export interface PositionStore {
  /** The observations of one actor on one topic in a date range (inclusive), oldest first. */
  observations(
    pair: Pair,
    range?: { readonly since?: string; readonly until?: string },
  ): Promise<Observation[]>;
  /** The same without their evidence: what a derivation needs, at a tenth of the read. */
  stanceHistory(pair: Pair): Promise<Observation[]>;
  /** Fills in the evidence of observations read by stanceHistory. */
  withEvidence(observations: readonly Observation[]): Promise<Observation[]>;
  /** The (actor, topic) pairs that have a timeline. */
  pairs(): Promise<Pair[]>;
  /** Replaces the derived states and shifts of one pair with a fresh derivation. */
  replaceTimeline(pair: Pair, states: readonly PositionState[], shifts: readonly Shift[]): Promise<void>;
  /** The position held on a date, from the stored states (one Query). */
  positionAsOf(pair: Pair, date: string): Promise<PositionState | undefined>;
  /** Shifts of every pair with a date in the range (inclusive), oldest first. */
  shiftsBetween(since: string, until: string): Promise<Shift[]>;
}
