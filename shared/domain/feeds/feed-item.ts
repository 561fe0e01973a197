import type { DispatchContext } from '../dispatch.js';
import { type ParseResult, parseDispatch } from '../parse/parse-dispatch.js';
import { htmlToText } from './html-to-text.js';

export interface FeedDescription {
  readonly url: string;
  readonly name: string;
  /** Publication name given to headerless items ("Monitor"). */
  readonly publication?: string;
  /** Local development only: the feed may be on 127.0.0.1 or a private address. */
  readonly allowPrivateNetwork?: boolean;
}

export interface FeedItemInput {
  readonly guid?: string;
  readonly link?: string;
  readonly title?: string;
  readonly html: string;
  readonly published?: string;
}

/** The text a feed item stands for: its title, then its content reduced to paragraphs. */
export function feedItemText(item: FeedItemInput): string {
  const body = htmlToText(item.html);
  return item.title ? `${item.title.replace(/\s+/g, ' ').trim()}\n\n${body}` : body;
}

/**
 * A feed item through the same parser as an upload: dated by its pubDate/updated, keyed by its
 * link for a date in the URL, and given the feed's publication when it has no header of its own.
 */
export function parseFeedItem(
  text: string,
  item: Pick<FeedItemInput, 'link' | 'published'>,
  feed: FeedDescription,
  fetchedAt: string,
): ParseResult {
  const context: DispatchContext = {
    receivedAt: fetchedAt,
    ...(item.link ? { sourceKey: item.link } : {}),
    ...(item.published ? { published: { value: item.published, from: 'feed' } } : {}),
  };
  const result = parseDispatch(new TextEncoder().encode(text), context);
  if (!result.ok || result.dispatch.publication !== null || !feed.publication) return result;
  return { ok: true, dispatch: { ...result.dispatch, publication: feed.publication } };
}
