import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../shared/adapters/feeds/decode-feed.js';
import { FeedParseError, parseFeed } from '../../shared/adapters/feeds/parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const TITLE = 'Министр обороны: договор по ПРО остаётся основой стабильности';
const rss = (encoding: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>t</title><item><title>${TITLE}</title><description>d</description></item></channel></rss>`;

describe('case 10: feed charsets', () => {
  it.each([
    ['windows-1251 declared in the XML', iconv.encode(rss('windows-1251'), 'windows-1251'), undefined],
    [
      'KOI8-R declared in the header',
      iconv.encode(rss('koi8-r'), 'koi8-r'),
      'application/rss+xml; charset=KOI8-R',
    ],
    ['UTF-8 without a BOM', Buffer.from(rss('utf-8')), 'text/xml'],
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('utf-8'))]),
      undefined,
    ],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rss('utf-16'), 'utf-16le')]),
      undefined,
    ],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(rss('utf-16'), 'utf-16be')]),
      undefined,
    ],
  ])('decodes %s with no replacement characters', async (_name, bytes, contentType) => {
    // Act
    const { text } = decodeFeed(bytes, contentType);
    const feed = await parseFeed(text);
    // Assess
    expect(text).not.toContain('\uFFFD');
    expect(feed.items[0]?.title).toBe(TITLE);
  });
});

describe('feed formats', () => {
  it('reads Atom: content, link and updated date', async () => {
    const feed = await parseFeed(fixture('atom.xml'));
    expect(feed.items).toEqual([
      expect.objectContaining({
        link: 'http://example.org/2001/08/14/ivanov-abm',
        published: '2001-08-14T10:00:00.000Z',
      }),
    ]);
    expect(feed.items[0]?.html).toContain('no wish to withdraw');
  });

  it('reads RDF (RSS 1.0): description, link and dc:date', async () => {
    const feed = await parseFeed(fixture('rdf.xml'));
    expect(feed.items[0]).toMatchObject({
      link: 'http://example.org/2001/06/16/ljubljana',
      published: '2001-06-16T18:00:00.000Z',
    });
    expect(feed.items[0]?.html).toContain('go ahead with missile defense');
  });
});

describe('case 8: XML attacks', () => {
  it('refuses a billion-laughs feed without expanding it', async () => {
    const before = process.memoryUsage().heapUsed;
    await expect(parseFeed(fixture('billion-laughs.xml'))).rejects.toBeInstanceOf(FeedParseError);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('never reads an external entity', async () => {
    const result = await parseFeed(fixture('external-entity.xml')).catch((error: unknown) => error);
    if (result instanceof FeedParseError) return;
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('handles deep nesting with an error or a bounded result, never a crash', async () => {
    const depth = 20_000;
    const xml = `<rss version="2.0"><channel><title>t</title><item><description>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</description></item></channel></rss>`;
    const result = await parseFeed(xml).catch((error: unknown) => error);
    expect(
      result instanceof FeedParseError ||
        (typeof result === 'object' && result !== null && 'items' in result),
    ).toBe(true);
  });
});
