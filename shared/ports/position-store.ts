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

/** A record per digest date; written with a condition so the same digest is sent once. */
export interface DigestLog {
  /** Claims the date before sending; false if a digest for it is sent or being sent. */
  markSent(
    date: string,
    summary: { readonly since: string; readonly until: string; readonly shifts: number },
    at: Date,
  ): Promise<boolean>;
  /** The mail went out: the claim becomes a record that it was sent. */
  confirmSent(date: string, at: Date): Promise<void>;
  /** The mail did not go out: the claim is released so a retry can send it. */
  markFailed(date: string, error: string, at: Date): Promise<void>;
  /** The last digest sent, if any. */
  lastSent(): Promise<{ readonly date: string; readonly until: string } | undefined>;
}
