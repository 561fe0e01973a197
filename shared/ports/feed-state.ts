export interface FeedState {
  readonly url: string;
  readonly name: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly lastSuccess?: string;
  readonly lastAttempt?: string;
  readonly consecutiveFailures: number;
  readonly lastError?: string;
  readonly itemsStored: number;
}

export interface FeedStateStore {
  get(url: string): Promise<FeedState | undefined>;
  save(state: FeedState): Promise<void>;
  list(): Promise<FeedState[]>;
  /** Which of these item identities (feed + guid or link) were processed before. */
  seenItems(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>>;
  markItemsSeen(feedUrl: string, itemIds: readonly string[], at: Date): Promise<void>;
}
