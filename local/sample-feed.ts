import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import { makeFeedReader } from '../shared/adapters/feeds/read-feed.js';
import type { FeedDescription } from '../shared/domain/feeds/feed-item.js';
import { type PollDeps, type PollOutcome, pollFeeds } from '../shared/usecases/poll-feeds.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** An RSS 2.0 document of dispatch files: each file an item, its paragraphs as HTML, dated by its name. */
export function rssOf(files: readonly string[], title: string): string {
  const items = files.map((path) => {
    const name = basename(path);
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
    const html = readFileSync(path, 'utf8')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
      .join('\n');
    return [
      '<item>',
      `<guid isPermaLink="false">treatywatch-sample:${escapeXml(name)}</guid>`,
      `<link>http://localhost/sample/${escapeXml(name)}</link>`,
      date ? `<pubDate>${new Date(`${date}T09:00:00Z`).toUTCString()}</pubDate>` : '',
      `<description>${cdata(html)}</description>`,
      '</item>',
    ].join('');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>http://localhost/</link><description>treatywatch sample feed</description>${items.join('\n')}</channel></rss>\n`;
}

export interface SampleFeedServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves one RSS document on 127.0.0.1 with an ETag, answering 304 to a matching If-None-Match. */
export async function serveFeed(xml: string): Promise<SampleFeedServer> {
  const etag = `"${createHash('sha256').update(xml).digest('hex').slice(0, 16)}"`;
  const server = createServer((request, response) => {
    if (request.url !== '/sample.rss') return response.writeHead(404).end();
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/sample.rss`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The sample feed's identity, the same on every `npm start` whichever free loopback port serves it
 * this time: its feed state (ETag, items seen) and its dispatches' provenance are kept under this
 * URL, so repeated runs reuse one feed record. `localhost` is the site the feed's items link to.
 */
export const SAMPLE_FEED: FeedDescription = {
  url: 'http://localhost/sample.rss',
  name: 'Local sample feed',
  publication: 'Monitor',
  allowPrivateNetwork: true,
};

/** Serves the files as the sample feed on a free port and polls it once under its stable identity. */
export async function pollSampleFeed(
  deps: Omit<PollDeps, 'readFeed'>,
  files: readonly string[],
  readFeed: PollDeps['readFeed'] = makeFeedReader(),
): Promise<{ readonly servedAt: string; readonly outcome: PollOutcome | undefined }> {
  const feed = await serveFeed(rssOf(files, 'treatywatch sample feed'));
  try {
    const [outcome] = await pollFeeds(
      { ...deps, readFeed: (described, previous) => readFeed({ ...described, url: feed.url }, previous) },
      [SAMPLE_FEED],
    );
    return { servedAt: feed.url, outcome };
  } finally {
    await feed.stop();
  }
}
