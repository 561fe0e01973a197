import type { Classification } from '../domain/classify/index.js';
import type { Dispatch } from '../domain/index.js';
import type { DispatchSource, StoredDispatch } from './stored-dispatch.js';

export type SaveOutcome = 'stored' | 'duplicate';

export interface NewDispatch {
  readonly dispatch: Dispatch;
  readonly source: DispatchSource;
  /** Absent for a dispatch known to be stored already: it is only counted as a duplicate. */
  readonly classification?: Classification;
}

export interface DispatchQuery {
  /** Inclusive ISO dates. */
  readonly from?: string;
  readonly to?: string;
}

export interface DispatchStore {
  /**
   * Stores each dispatch once; a second save of the same id (in this call or any earlier one) is
   * a counted duplicate, never a new record. Outcomes come back in input order.
   */
  saveDispatches(entries: readonly NewDispatch[], ingestedAt: Date): Promise<SaveOutcome[]>;
  /** Which of these dispatch ids are stored already (one round trip for a batch). */
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Replaces the stored classification of a dispatch (after a rules change), with its topic and
   * actor tags and its stance observations.
   */
  updateClassification(stored: StoredDispatch, classification: Classification): Promise<void>;
  getDispatch(id: string): Promise<StoredDispatch | undefined>;
  /** Every dispatch in the date range, oldest first (follows pagination to the end). */
  listDispatches(query: DispatchQuery): Promise<StoredDispatch[]>;
  /** Stored dispatches tagged with a topic or an actor by their classification, in the date range. */
  listTagged(
    tag: { readonly kind: 'TOPIC' | 'ACTOR'; readonly value: string },
    query: DispatchQuery,
  ): Promise<StoredDispatch[]>;
  /** Ids of stored dispatches whose id starts with the prefix (for short ids on the CLI). */
  findIdsByPrefix?(prefix: string): Promise<string[]>;
}
