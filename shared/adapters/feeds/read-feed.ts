import type { FeedDescription } from '../../domain/feeds/feed-item.js';
import type { FeedState } from '../../ports/feed-state.js';
import type { FeedFetch } from '../../usecases/poll-feeds.js';
import { decodeFeed } from './decode-feed.js';
import { parseFeed } from './parse-feed.js';
import { type FetchOptions, fetchFeed } from './safe-fetch.js';

/** A configured feed; `allowPrivateNetwork` exists for local development only. */
export type FeedConfig = FeedDescription;

/** The safe fetch, charset decoding and rss-parser's parseString, as the poller's one port. */
export function makeFeedReader(defaults: Pick<FetchOptions, 'allowPrivate'> = {}) {
  return async (feed: FeedConfig, previous: FeedState | undefined): Promise<FeedFetch> => {
    const fetched = await fetchFeed(feed.url, {
      ...(previous?.etag ? { etag: previous.etag } : {}),
      ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
      allowPrivate: feed.allowPrivateNetwork === true || defaults.allowPrivate === true,
    });
    if (fetched.kind === 'not-modified') return { kind: 'not-modified' };
    const { text } = decodeFeed(fetched.body, fetched.contentType);
    const { items } = await parseFeed(text);
    return {
      kind: 'fetched',
      items,
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    };
  };
}
