import type { Dispatch } from '../domain/index.js';
import type { DispatchSource, StoredDispatch } from './stored-dispatch.js';

export type SaveOutcome = 'stored' | 'duplicate';

export interface DispatchQuery {
  /** Inclusive ISO dates. */
  readonly from?: string;
  readonly to?: string;
}

export interface DispatchStore {
  /** Stores a dispatch once; a second save of the same id is a counted duplicate, never a new record. */
  saveDispatch(dispatch: Dispatch, source: DispatchSource, ingestedAt: Date): Promise<SaveOutcome>;
  getDispatch(id: string): Promise<StoredDispatch | undefined>;
  /** Every dispatch in the date range, oldest first (follows pagination to the end). */
  listDispatches(query: DispatchQuery): Promise<StoredDispatch[]>;
  /** Ids of stored dispatches whose id starts with the prefix (for short ids on the CLI). */
  findIdsByPrefix?(prefix: string): Promise<string[]>;
}
