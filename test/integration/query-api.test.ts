import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/query-api/make-handler.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

const get = (path: string, query: Record<string, string> = {}) => ({
  rawPath: path,
  requestContext: { http: { method: 'GET' } },
  queryStringParameters: query,
});

describe('query API on DynamoDB Local', () => {
  let runtime: LocalRuntime;
  let handler: ReturnType<typeof makeHandler>;

  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
    const bodies = [];
    for (const name of ['headered.txt', 'split-header.txt', 'headerless.txt']) {
      const key = `incoming/2001-11-02-${name}`;
      const body = readFileSync(new URL(`../fixtures/dispatches/${name}`, import.meta.url));
      bodies.push(s3Notification(runtime.config.bucketName, key, await upload(runtime, key, body)));
    }
    await runtime.handler(sqsEvent(...bodies));
    handler = makeHandler({
      ...runtime.adapters,
      cursorSecret: 'x'.repeat(32),
      logger: new Logger({ logLevel: 'SILENT' }),
    });
  });
  afterAll(() => runtime.stop());

  it('answers positions for an actor with the statement behind each', async () => {
    const response = await handler(get('/positions', { actor: 'RUS' }));
    expect(response.statusCode).toBe(200);
    const { items } = JSON.parse(response.body);
    expect(items).toContainEqual(expect.objectContaining({ actor: 'RUS', topic: 'ABM', stance: 'support' }));
    expect(items[0].basis[0].evidence[0].text.length).toBeGreaterThan(20);
  });

  it('pages dispatches with an opaque cursor to the end', async () => {
    const first = JSON.parse((await handler(get('/dispatches', { limit: '2' }))).body);
    const second = JSON.parse(
      (await handler(get('/dispatches', { limit: '2', cursor: first.nextCursor }))).body,
    );
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item: { id: string }) => item.id)).size).toBe(3);
  });

  it.each([
    ['a bad date', '/shifts', { since: '31/05/2001' }, /since: must be a date like 2001-05-31/],
    ['a bad actor code', '/positions', { actor: 'russia' }, /actor: must be an actor code/],
    ['an unknown parameter', '/dispatches', { colour: 'red' }, /Unrecognized key/],
    ['a limit out of range', '/dispatches', { limit: '5000' }, /limit/],
    [
      'a tampered cursor',
      '/dispatches',
      { cursor: 'eyJxIjoiL2Rpc3BhdGNoZXMiLCJvIjo1MH0.forged' },
      /cursor: cursor signature does not match/,
    ],
    ['a cursor from another query', '/shifts', { cursor: 'garbage' }, /cursor: cursor is malformed/],
    [
      'a date that is not in the calendar',
      '/positions',
      { asOf: '2001-02-30' },
      /asOf: is no day of the calendar/,
    ],
    [
      'a topic outside the taxonomy',
      '/positions',
      { topic: 'ABN' },
      /^topic: must be one of the taxonomy's topics: ABM, NMD, START$/,
    ],
    [
      'shifts with until before since',
      '/shifts',
      { since: '2002-01-01', until: '2001-01-01' },
      /^until: 2001-01-01 is before since 2002-01-01$/,
    ],
    [
      'dispatches with to before from',
      '/dispatches',
      { from: '2002-01-01', to: '2001-01-01' },
      /^to: 2001-01-01 is before from 2002-01-01$/,
    ],
  ])('answers %s with a 400 and a message', async (_name, path, query, message) => {
    const response = await handler(get(path, query));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(message);
  });

  it('reads actor and topic codes in any case, as they are stored: upper-case', async () => {
    // Act
    const lower = await handler(get('/positions', { actor: 'rus', topic: 'abm' }));
    const upper = await handler(get('/positions', { actor: 'RUS', topic: 'ABM' }));
    // Assess
    expect(lower.statusCode).toBe(200);
    expect(JSON.parse(lower.body).items).toEqual([
      expect.objectContaining({ actor: 'RUS', topic: 'ABM', stance: 'support' }),
    ]);
    expect(lower.body).toBe(upper.body);
  });

  it('answers a range of a single day (since equal to until)', async () => {
    // Act
    const response = await handler(get('/shifts', { since: '2001-11-02', until: '2001-11-02' }));
    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a cursor issued for a different query', async () => {
    const first = JSON.parse((await handler(get('/dispatches', { limit: '1' }))).body);
    const response = await handler(
      get('/dispatches', { limit: '1', topic: 'ABM', cursor: first.nextCursor }),
    );
    expect(response.statusCode).toBe(400);
  });

  it('answers 404 for an unknown path and 405 for another method', async () => {
    expect((await handler(get('/secrets'))).statusCode).toBe(404);
    expect(
      (await handler({ ...get('/positions'), requestContext: { http: { method: 'POST' } } })).statusCode,
    ).toBe(405);
  });
});
