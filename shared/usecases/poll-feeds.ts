import {
  type FeedDescription,
  type FeedItemInput,
  feedItemText,
  parseFeedItem,
} from '../domain/feeds/feed-item.js';
import type { Dispatch } from '../domain/index.js';
import type { Clock } from '../ports/clock.js';
import type { FeedState, FeedStateStore } from '../ports/feed-state.js';
import type { RejectStore } from '../ports/reject-store.js';
import type { DispatchSource } from '../ports/stored-dispatch.js';
import { type IngestDeps, storeDispatches } from './ingest-objects.js';

export interface FeedFetch {
  readonly kind: 'not-modified' | 'fetched';
  readonly items?: readonly FeedItemInput[];
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface PollDeps extends Pick<IngestDeps, 'classify' | 'dispatches' | 'positions' | 'clock'> {
  readonly feeds: FeedStateStore;
  readonly rejects: RejectStore;
  /** Fetches, decodes and parses one feed (the safe client); throws when it cannot. */
  readonly readFeed: (feed: FeedDescription, previous: FeedState | undefined) => Promise<FeedFetch>;
}

export interface FeedItemsOutcome {
  readonly stored: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly seenBefore: number;
}

export interface PollOutcome extends Partial<FeedItemsOutcome> {
  readonly feed: string;
  readonly status: 'ok' | 'not-modified' | 'failed';
  readonly error?: string;
}

/** A feed failing this many polls in a row is reported in the digest. */
export const FAILING_FEED_THRESHOLD = 3;

const itemId = (item: FeedItemInput) => item.guid ?? item.link ?? feedItemText(item).slice(0, 500);

/**
 * New items of one feed through the same parser, classifier and store as uploads. An item is
 * known by feed + guid (or link); its text by its content hash, so the same dispatch uploaded and
 * syndicated is one. Items that do not parse are dead-lettered whole, so they can be replayed.
 */
export async function ingestFeedItems(
  deps: Omit<PollDeps, 'readFeed'>,
  feed: FeedDescription,
  items: readonly FeedItemInput[],
  clock: Clock,
): Promise<FeedItemsOutcome> {
  const seen = await deps.feeds.seenItems(feed.url, items.map(itemId));
  const fresh = items.filter((item) => !seen.has(itemId(item)));
  const fetchedAt = clock.now().toISOString();
  const parsed: { dispatch: Dispatch; source: DispatchSource }[] = [];
  let rejected = 0;
  for (const item of fresh) {
    const text = feedItemText(item);
    const result = parseFeedItem(text, item, feed, fetchedAt);
    const provenance = {
      feedUrl: feed.url,
      feedName: feed.name,
      ...(item.guid ? { guid: item.guid } : {}),
      ...(item.link ? { link: item.link } : {}),
    };
    if (result.ok) {
      parsed.push({ dispatch: result.dispatch, source: { kind: 'feed', ...provenance } });
    } else {
      rejected++;
      await deps.rejects.recordReject(
        {
          code: result.error.code,
          message: result.error.message,
          source: {
            kind: 'feed-item',
            ...provenance,
            ...(item.published ? { published: item.published } : {}),
            text,
          },
        },
        clock.now(),
      );
    }
  }
  const saved = parsed.length > 0 ? await storeDispatches(deps, parsed) : [];
  await deps.feeds.markItemsSeen(feed.url, fresh.map(itemId), clock.now());
  return {
    stored: saved.filter((outcome) => outcome === 'stored').length,
    duplicates: saved.filter((outcome) => outcome === 'duplicate').length,
    rejected,
    seenBefore: items.length - fresh.length,
  };
}

/** Polls every feed; one bad feed never stops the others, and each feed's state records how it went. */
export async function pollFeeds(deps: PollDeps, feeds: readonly FeedDescription[]): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  for (const feed of feeds) {
    const previous = await deps.feeds.get(feed.url);
    const base: FeedState = previous ?? {
      url: feed.url,
      name: feed.name,
      consecutiveFailures: 0,
      itemsStored: 0,
    };
    const attempt = deps.clock.now().toISOString();
    try {
      const fetched = await deps.readFeed(feed, previous);
      const counts =
        fetched.kind === 'fetched'
          ? await ingestFeedItems(deps, feed, fetched.items ?? [], deps.clock)
          : undefined;
      await deps.feeds.save({
        ...base,
        name: feed.name,
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        lastAttempt: attempt,
        lastSuccess: attempt,
        consecutiveFailures: 0,
        itemsStored: base.itemsStored + (counts?.stored ?? 0),
      });
      outcomes.push({
        feed: feed.url,
        status: fetched.kind === 'fetched' ? 'ok' : 'not-modified',
        ...counts,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.feeds.save({
        ...base,
        lastAttempt: attempt,
        consecutiveFailures: base.consecutiveFailures + 1,
        lastError: message.slice(0, 500),
      });
      outcomes.push({ feed: feed.url, status: 'failed', error: message });
    }
  }
  return outcomes;
}
