import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/poll-feeds/make-handler.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { pollSampleFeed, rssOf, SAMPLE_FEED } from '../../local/sample-feed.js';
import { makeFeedReader } from '../../shared/adapters/feeds/read-feed.js';
import { buildDigest } from '../../shared/usecases/build-digest.js';
import { pollFeeds } from '../../shared/usecases/poll-feeds.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;

/** A loopback server answering each path with a fixed feed, honouring If-None-Match. */
async function feedServer(
  routes: Record<string, { status: number; body: string; etag?: string }>,
): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (!route) return response.writeHead(404).end();
    if (route.etag && request.headers['if-none-match'] === route.etag) return response.writeHead(304).end();
    response
      .writeHead(route.status, {
        'content-type': 'application/rss+xml; charset=utf-8',
        ...(route.etag ? { etag: route.etag } : {}),
      })
      .end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('polling feeds into the pipeline on DynamoDB Local', () => {
  let runtime: LocalRuntime;
  let server: Server;
  let feeds: { url: string; name: string; allowPrivateNetwork: boolean }[];
  const poll = () => pollFeeds({ ...runtime.adapters, readFeed: makeFeedReader() }, feeds);

  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
    // The same dispatch was uploaded before it appears in a feed.
    const key = 'incoming/2000-06-21-ivanov.txt';
    await runtime.handler(
      sqsEvent(
        s3Notification(
          runtime.config.bucketName,
          key,
          await upload(runtime, key, readFileSync(fixture('dispatches/headered.txt'))),
        ),
      ),
    );
    const good = rssOf([fixture('dispatches/headered.txt'), fixture('dispatches/split-header.txt')], 'good');
    const started = await feedServer({
      '/good.rss': { status: 200, body: good, etag: '"g1"' },
      '/atom.xml': { status: 200, body: readFileSync(fixture('feeds/atom.xml'), 'utf8') },
      '/poisoned.rss': { status: 200, body: '<rss><channel><item><title>unclosed' },
      '/empty-item.rss': {
        status: 200,
        body: '<?xml version="1.0"?><rss version="2.0"><channel><title>e</title><item><guid>e1</guid><description>   </description></item></channel></rss>',
      },
    });
    server = started.server;
    feeds = ['good.rss', 'poisoned.rss', 'atom.xml', 'empty-item.rss'].map((path) => ({
      url: `${started.base}/${path}`,
      name: path,
      allowPrivateNetwork: true,
    }));
  });
  afterAll(async () => {
    server.close();
    await runtime.stop();
  });

  it('stores new items, counts one that duplicates an upload, and does not let a poisoned feed stop the others', async () => {
    // Act
    const outcomes = await poll();
    // Assess
    expect(outcomes.map((outcome) => [outcome.feed.split('/').at(-1), outcome.status])).toEqual([
      ['good.rss', 'ok'],
      ['poisoned.rss', 'failed'],
      ['atom.xml', 'ok'],
      ['empty-item.rss', 'ok'],
    ]);
    expect(outcomes[0]).toMatchObject({ stored: 1, duplicates: 1, rejected: 0 });
    expect(outcomes[2]).toMatchObject({ stored: 1 });
    const atom = (
      await runtime.adapters.dispatches.listDispatches({ from: '2001-08-14', to: '2001-08-14' })
    )[0];
    expect(atom?.dispatch).toMatchObject({ dateSource: 'feed' });
    expect(atom?.source).toMatchObject({ kind: 'feed', link: 'http://example.org/2001/08/14/ivanov-abm' });
  });

  it('keeps a bad item in the dead-letter store, whole, with its reason', async () => {
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(rejects).toContainEqual(
      expect.objectContaining({
        code: 'empty',
        source: expect.objectContaining({ kind: 'feed-item', guid: 'e1' }),
      }),
    );
  });

  it('uses conditional GET (304 is no change), skips items seen before, and reports a feed failing 3 polls in a row', async () => {
    const second = await poll();
    const third = await poll();
    expect(second[0]).toMatchObject({ status: 'not-modified' });
    expect(second[2]).toMatchObject({ status: 'ok', stored: 0, seenBefore: 1 });
    const states = await runtime.adapters.feeds.list();
    expect(states.find((state) => state.name === 'poisoned.rss')).toMatchObject({ consecutiveFailures: 3 });
    expect(states.find((state) => state.name === 'good.rss')).toMatchObject({
      consecutiveFailures: 0,
      etag: '"g1"',
    });
    expect(third[1]?.status).toBe('failed');
    const digest = await buildDigest(runtime.adapters, { since: '1990-01-01', until: '2099-12-31' });
    expect(digest.feedAlerts).toEqual([
      expect.objectContaining({ failures: 3, feed: expect.stringContaining('poisoned.rss') }),
    ]);
  });

  it('the poller Lambda fails its run only when every feed failed', async () => {
    const metrics: string[] = [];
    const handlerFor = (feedList: typeof feeds) =>
      makeHandler({
        ...runtime.adapters,
        readFeed: makeFeedReader(),
        feedList,
        logger: new Logger({ logLevel: 'SILENT' }),
        emitMetric: (line) => metrics.push(line),
        stage: 'prod',
      });
    const [good, poisoned] = feeds;
    if (!good || !poisoned) throw new Error('feeds not set up');
    await expect(handlerFor([good, poisoned])({})).resolves.toEqual({ polled: 2, failed: 1 });
    await expect(handlerFor([poisoned])({})).rejects.toThrow(/all 1 feeds failed/);
    expect(metrics.map((line) => JSON.parse(line).FeedPollFailures)).toEqual([1, 1]);
    // The dimension the stack's feed-failure alarm reads, so that stages count apart.
    expect(JSON.parse(metrics[0] ?? '{}')).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'Treatywatch', Dimensions: [['Stage']] }] },
      Stage: 'prod',
    });
  });
});

describe('the local sample feed polled by each `npm start`', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
  });
  afterAll(() => runtime.stop());

  it('keeps one feed record across runs, whatever port serves it, so items are seen before', async () => {
    // Prepare: a first run polls two dispatches; the next run's sample holds a third
    const first = [fixture('dispatches/headered.txt'), fixture('dispatches/split-header.txt')];
    const firstRun = await pollSampleFeed(runtime.adapters, first);
    // Act
    const unchanged = await pollSampleFeed(runtime.adapters, first);
    const grown = await pollSampleFeed(runtime.adapters, [...first, fixture('dispatches/headerless.txt')]);
    // Assess
    expect(firstRun.outcome).toMatchObject({ status: 'ok', stored: 2 });
    expect(unchanged.outcome).toMatchObject({ status: 'not-modified' });
    expect(grown.outcome).toMatchObject({ status: 'ok', stored: 1, seenBefore: 2 });
    expect(await runtime.adapters.feeds.list()).toEqual([
      expect.objectContaining({ url: SAMPLE_FEED.url, name: 'Local sample feed', itemsStored: 3 }),
    ]);
  });
});
