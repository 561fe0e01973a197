/** Why an input was refused. Parser codes plus the ways a delivery itself can be bad. */
export type RejectSource =
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly version: string }
  | { readonly kind: 'event'; readonly body: string }
  /** A feed item kept whole (its text, date and provenance), so it can be replayed without the feed. */
  | {
      readonly kind: 'feed-item';
      readonly feedUrl: string;
      readonly feedName: string;
      readonly guid?: string;
      readonly link?: string;
      readonly published?: string;
      readonly text: string;
    };

export interface RejectInput {
  readonly code: string;
  readonly message: string;
  readonly source: RejectSource;
}

export interface RejectRecord extends RejectInput {
  readonly id: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  /** Deliveries of the same bad input: one record, counted. */
  readonly attempts: number;
  readonly status: 'open' | 'replayed';
  readonly replayedAt?: string;
  readonly replayOutcome?: string;
}

export interface RejectStore {
  /** Keeps the rejected input with its reason; the same input rejected again updates one record. */
  recordReject(reject: RejectInput, at: Date): Promise<RejectRecord>;
  getReject(id: string): Promise<RejectRecord | undefined>;
  listRejects(options: { readonly includeReplayed: boolean }): Promise<RejectRecord[]>;
  /** Open rejects of uploads at these keys (bucket + key, whatever version was rejected). */
  openRejectsAt(
    objects: readonly { readonly bucket: string; readonly key: string }[],
  ): Promise<RejectRecord[]>;
  /** Closes a reject: its input went through, by a replay or by a new upload to the same key. */
  markReplayed(id: string, outcome: string, at: Date): Promise<void>;
}
