import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_LIMITS, FeedFetchError, fetchFeed } from '../../shared/adapters/feeds/safe-fetch.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Which error a fetch ends in (the promise must reject with a FeedFetchError). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedFetchError) return error.code;
    throw error;
  }
  throw new Error('the fetch succeeded');
}

describe('case 9: fetchFeed on loopback servers', () => {
  // The canary must never see a connection: every spelling of it is refused before connecting.
  const canary = createServer((_request, response) => response.end('canary'));
  let canaryConnections = 0;
  let canaryPort = 0;
  const feed = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    if (url.pathname === '/redirect') {
      const next = hops > 1 ? `/redirect?hops=${hops - 1}` : '/rss';
      response.writeHead(302, { location: next }).end();
    } else if (url.pathname === '/to-canary') {
      response.writeHead(302, { location: `http://127.0.0.1:${canaryPort}/` }).end();
    } else if (url.pathname === '/rss') {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else
        response
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' })
          .end(RSS);
    } else if (url.pathname === '/huge') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return response.once('drain', pump);
        }
        response.end();
      };
      pump();
    } else if (url.pathname === '/stall') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss');
    } else {
      response.writeHead(500).end();
    }
  });
  let feedPort = 0;
  // Local development switch, narrowed to the feed server alone.
  const onlyFeed = (address: string, port: number) => address === '127.0.0.1' && port === feedPort;

  beforeAll(async () => {
    canary.on('connection', () => {
      canaryConnections++;
    });
    canaryPort = await listen(canary);
    feedPort = await listen(feed);
  });
  beforeEach(() => {
    canaryConnections = 0;
  });
  afterAll(() => {
    canary.closeAllConnections();
    feed.closeAllConnections();
    canary.close();
    feed.close();
  });

  it('fetches a feed and reports its validators, then treats 304 as no change', async () => {
    const first = await fetchFeed(`http://127.0.0.1:${feedPort}/rss`, { allowPrivate: onlyFeed });
    expect(first).toMatchObject({
      kind: 'fetched',
      etag: '"v1"',
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(first.kind === 'fetched' && first.body.toString()).toBe(RSS);
    expect(
      await fetchFeed(`http://127.0.0.1:${feedPort}/rss`, { allowPrivate: onlyFeed, etag: '"v1"' }),
    ).toMatchObject({ kind: 'not-modified' });
  });

  it('follows 3 redirects and refuses a fourth', async () => {
    expect(
      (await fetchFeed(`http://127.0.0.1:${feedPort}/redirect?hops=3`, { allowPrivate: onlyFeed })).kind,
    ).toBe('fetched');
    expect(
      await failure(fetchFeed(`http://127.0.0.1:${feedPort}/redirect?hops=4`, { allowPrivate: onlyFeed })),
    ).toBe('too-many-redirects');
  });

  it('checks the address again after a redirect: a hop to an internal address is refused', async () => {
    expect(
      await failure(fetchFeed(`http://127.0.0.1:${feedPort}/to-canary`, { allowPrivate: onlyFeed })),
    ).toBe('blocked-address');
    expect(canaryConnections).toBe(0);
  });

  it('aborts a body over 5 MB', async () => {
    expect(FEED_LIMITS.maxBytes).toBe(5 * 1024 * 1024);
    expect(await failure(fetchFeed(`http://127.0.0.1:${feedPort}/huge`, { allowPrivate: onlyFeed }))).toBe(
      'too-large',
    );
  });

  it('aborts a stalled server at the time limit (10 s by default; 300 ms here)', async () => {
    expect(FEED_LIMITS.timeoutMs).toBe(10_000);
    const started = Date.now();
    expect(
      await failure(
        fetchFeed(`http://127.0.0.1:${feedPort}/stall`, { allowPrivate: onlyFeed, timeoutMs: 300 }),
      ),
    ).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses every spelling of a loopback address before connecting, without the switch', async () => {
    const port = () => canaryPort;
    const spellings = [
      `http://127.0.0.1:${port()}/`,
      `http://localhost:${port()}/`,
      `http://LOCALHOST:${port()}/`,
      `http://localhost.:${port()}/`,
      `http://127.1:${port()}/`,
      `http://127.0.1:${port()}/`,
      `http://2130706433:${port()}/`,
      `http://0x7f000001:${port()}/`,
      `http://0x7f.0x0.0x0.0x1:${port()}/`,
      `http://0177.0.0.1:${port()}/`,
      `http://017700000001:${port()}/`,
      `http://127.000.000.001:${port()}/`,
      `http://0:${port()}/`,
      `http://0.0.0.0:${port()}/`,
      `http://[::1]:${port()}/`,
      `http://[0:0:0:0:0:0:0:1]:${port()}/`,
      `http://[::ffff:127.0.0.1]:${port()}/`,
      `http://[::ffff:7f00:1]:${port()}/`,
      `http://[::]:${port()}/`,
      `https://127.0.0.1:${port()}/`,
      `http://127.0.0.1:${port()}/feed.xml?redirect=http://example.org`,
      `http://user@127.0.0.1:${port()}/`,
    ];
    const codes = await Promise.all(spellings.map((url) => failure(fetchFeed(url))));
    // "localhost." does not resolve here (a network error); credentials in a URL are refused as such.
    expect(codes.every((code) => ['blocked-address', 'bad-url', 'network'].includes(code))).toBe(true);
    expect(codes.filter((code) => code === 'blocked-address').length).toBeGreaterThanOrEqual(
      spellings.length - 2,
    );
    expect(canaryConnections).toBe(0);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://127.0.0.1/feed',
    'gopher://127.0.0.1:70/',
    'data:text/xml,<rss/>',
    'javascript:alert(1)',
  ])('refuses the scheme of %s', async (url) => {
    expect(await failure(fetchFeed(url))).toBe('scheme');
  });

  it('reaches a loopback feed only with the local-development switch', async () => {
    expect(await failure(fetchFeed(`http://127.0.0.1:${feedPort}/rss`))).toBe('blocked-address');
    expect((await fetchFeed(`http://127.0.0.1:${feedPort}/rss`, { allowPrivate: true })).kind).toBe(
      'fetched',
    );
  });
});
