import Parser from 'rss-parser';

export interface FeedItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title?: string;
  /** The item's content as HTML: `content:encoded`, else the content or description. */
  readonly html: string;
  /** The item's date as published (pubDate, updated, dc:date), as given. */
  readonly published?: string;
}

/** XML a feed parser refused: malformed, or with entity tricks the parser does not expand. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

const parser = new Parser<
  Record<string, unknown>,
  { 'content:encoded'?: string; 'dc:date'?: string; updated?: string }
>({
  customFields: { item: ['content:encoded', 'dc:date', 'updated'] },
});

/** RSS 2.0, Atom and RDF (RSS 1.0) through rss-parser's parseString: never its parseURL. */
export async function parseFeed(xml: string): Promise<{ title?: string; items: FeedItem[] }> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new FeedParseError(
      `feed XML was refused: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const items = (feed.items ?? []).map((item): FeedItem => {
    const html = item['content:encoded'] ?? item.content ?? item.summary ?? item.contentSnippet ?? '';
    const published = item.isoDate ?? item.pubDate ?? item['dc:date'] ?? item.updated;
    return {
      ...(item.guid ? { guid: String(item.guid) } : {}),
      ...(item.link ? { link: item.link } : {}),
      ...(item.title ? { title: item.title } : {}),
      html: typeof html === 'string' ? html : '',
      ...(typeof published === 'string' ? { published } : {}),
    };
  });
  return { ...(feed.title ? { title: feed.title } : {}), items };
}
