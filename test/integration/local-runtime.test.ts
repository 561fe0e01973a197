import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/ingest-s3/make-handler.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { recoverUploads } from '../../local/recover-uploads.js';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { createS3Client } from '../../shared/adapters/s3/s3-client.js';
import { ingestObjects } from '../../shared/usecases/ingest-objects.js';
import { replayReject } from '../../shared/usecases/replay-reject.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dispatches/${name}`, import.meta.url));

/** Uploads a file and hands its S3 notification to the ingest handler, as SQS would. */
async function handledUpload(runtime: LocalRuntime, key: string, body: string | Uint8Array) {
  await runtime.handler(
    sqsEvent(s3Notification(runtime.config.bucketName, key, await upload(runtime, key, body))),
  );
}

/** Uploads a bad file through the handler and returns the open reject it left at its key. */
async function rejectedUpload(runtime: LocalRuntime, key: string, body: string) {
  await handledUpload(runtime, key, body);
  return (await runtime.adapters.rejects.listRejects({ includeReplayed: false })).find(
    (candidate) => candidate.source.kind === 's3' && candidate.source.key === key,
  );
}

describe('local runtime: s3rver events drive the ingest handler through a queue', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime();
  });
  afterAll(() => runtime.stop());

  it('stores an uploaded dispatch without any call but the upload', async () => {
    // Act
    await upload(runtime, 'incoming/2000-06-21-ivanov.txt', fixture('headered.txt'));
    await runtime.queue.drained();
    // Assess
    const stored = await runtime.adapters.dispatches.listDispatches({});
    expect(
      stored.map((item) => [item.source.kind === 's3' ? item.source.key : '', item.dispatch.date]),
    ).toEqual([['incoming/2000-06-21-ivanov.txt', '2000-06-21']]);
  });

  it('dead-letters a bad upload with its reason', async () => {
    await upload(runtime, 'incoming/blank.txt', '\n\n');
    await runtime.queue.drained();
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(rejects.map((reject) => [reject.code, reject.source.kind === 's3' && reject.source.key])).toEqual([
      ['empty', 'incoming/blank.txt'],
    ]);
  });
});

/** Replay wired to the runtime: objects are re-read through its ingest path. */
const replayDeps = (runtime: LocalRuntime) => ({
  rejects: runtime.adapters.rejects,
  clock: runtime.adapters.clock,
  reingestObject: async (bucket: string, objectKey: string) =>
    (await runtime.ingest([{ bucket, key: objectKey }]))[0] ?? expect.fail('no outcome'),
  resubmitEvent: async () => ({ failed: true }),
  reingestFeedItem: async () => ({ kind: 'rejected', code: 'unused' }),
});

describe('faults and replay', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
  });
  afterAll(() => runtime.stop());

  it('reports a message as failed, and keeps nothing, when S3 cannot be reached', async () => {
    // Prepare: the same adapters, but S3 on a port nothing listens on
    const unreachable = buildAdapters(runtime.config, {
      s3Client: createS3Client({
        endpoint: 'http://127.0.0.1:9',
        forcePathStyle: true,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
    });
    const handler = makeHandler({
      ingest: (announced) => ingestObjects(unreachable, announced),
      rejects: unreachable.rejects,
      clock: unreachable.clock,
      incomingPrefix: 'incoming/',
      logger: new Logger({ logLevel: 'SILENT' }),
    });
    const event = sqsEvent(s3Notification(runtime.config.bucketName, 'incoming/unreachable.txt', 'e1'));
    // Act
    const response = await handler(event);
    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    expect(await runtime.adapters.rejects.listRejects({ includeReplayed: true })).toEqual([]);
    expect(await runtime.adapters.dispatches.listDispatches({})).toEqual([]);
  });

  it('replays a rejected upload once a good file replaces it, and closes the reject', async () => {
    // Prepare: a bad upload is rejected, then the analyst uploads a fixed file to the same key
    const key = 'incoming/2001-11-02-reply.txt';
    await runtime.handler(
      sqsEvent(s3Notification(runtime.config.bucketName, key, await upload(runtime, key, ''))),
    );
    const [reject] = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    await upload(runtime, key, fixture('headerless.txt'));
    // Act
    const result = await replayReject(replayDeps(runtime), reject ?? expect.fail('no reject recorded'));
    // Assess
    expect(result.stillRejected).toBe(false);
    expect(await runtime.adapters.rejects.listRejects({ includeReplayed: false })).toEqual([]);
    const [replayed] = await runtime.adapters.rejects.listRejects({ includeReplayed: true });
    expect(replayed?.status).toBe('replayed');
    expect(
      (await runtime.adapters.dispatches.listDispatches({ from: '2001-11-02', to: '2001-11-02' })).length,
    ).toBe(1);
  });

  it('closes the open reject of a key when a fixed file uploaded to the same key is stored', async () => {
    // Prepare: a bad upload is rejected; the analyst fixes it and uploads it again, no replay
    const key = 'incoming/2001-11-03-fixed-upload.txt';
    const opened = await rejectedUpload(runtime, key, '');
    // Act
    await handledUpload(runtime, key, fixture('split-header.txt'));
    // Assess
    const open = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(
      open.filter((candidate) => candidate.source.kind === 's3' && candidate.source.key === key),
    ).toEqual([]);
    expect(await runtime.adapters.rejects.getReject(opened?.id ?? '')).toMatchObject({
      status: 'replayed',
      replayOutcome: expect.stringMatching(/^stored [0-9a-f]{64} from a new upload to the same key$/),
    });
  });

  it('leaves open a reject recorded after the fixed upload: it is of a newer version, or its event came late', async () => {
    // Prepare: the bad file's reject is recorded an hour after the good file was uploaded
    const key = 'incoming/2001-11-04-crossed-events.txt';
    const later = { now: () => new Date(Date.now() + 3_600_000) };
    await ingestObjects({ ...runtime.adapters, clock: later }, [
      { bucket: runtime.config.bucketName, key, etag: await upload(runtime, key, '') },
    ]);
    // Act
    const [stored] = await ingestObjects(runtime.adapters, [
      { bucket: runtime.config.bucketName, key, etag: await upload(runtime, key, fixture('headered.txt')) },
    ]);
    // Assess
    expect(stored?.kind).toMatch(/^(stored|duplicate)$/);
    const open = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(
      open.filter((candidate) => candidate.source.kind === 's3' && candidate.source.key === key),
    ).toHaveLength(1);
  });

  it('forgets a closed reject’s key, so later uploads there look up nothing', async () => {
    // Prepare: rejected, then fixed by a new upload
    const key = 'incoming/2001-11-05-closed-key.txt';
    await handledUpload(runtime, key, '');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await handledUpload(runtime, key, fixture('split-header.txt'));
    // Act
    const pointers = await runtime.adapters.documentClient.send(
      new ScanCommand({
        TableName: runtime.config.tableName,
        FilterExpression: 'entityType = :type',
        ExpressionAttributeValues: { ':type': 'RejectAtObject' },
      }),
    );
    // Assess: no pointer of this key is left (other tests' rejects may still be open)
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: true });
    const ids = new Set(
      rejects
        .filter((reject) => reject.source.kind === 's3' && reject.source.key === key)
        .map((reject) => reject.id),
    );
    expect(ids.size).toBe(1);
    expect((pointers.Items ?? []).filter((item) => ids.has(String(item.id)))).toEqual([]);
  });

  it('leaves a reject open, counting the attempt, when its replay fails again', async () => {
    const key = 'incoming/still-empty.txt';
    const reject = await rejectedUpload(runtime, key, ' ');
    const result = await replayReject(replayDeps(runtime), reject ?? expect.fail('no reject recorded'));
    expect(result).toMatchObject({ stillRejected: true, outcome: 'rejected again (empty)' });
    const after = await runtime.adapters.rejects.getReject(reject?.id ?? '');
    expect(after).toMatchObject({ status: 'open', attempts: 2 });
  });
});

describe('recovering uploads after a crash', () => {
  it('ingests uploads that were never announced, once, and finds nothing left on a second pass', async () => {
    // Prepare: uploads whose notifications were lost (nothing relays them)
    const runtime = await startTestRuntime({ relayS3Events: false });
    try {
      await upload(runtime, 'incoming/2000-06-21-lost.txt', fixture('headered.txt'));
      await upload(runtime, 'incoming/2002-01-03-lost.txt', fixture('split-header.txt'));
      await upload(runtime, 'incoming/lost-empty.txt', '');
      // Act
      const first = await recoverUploads(runtime);
      const second = await recoverUploads(runtime);
      // Assess
      expect([first, second]).toEqual([3, 0]);
      const stored = await runtime.adapters.dispatches.listDispatches({});
      expect(stored.map((item) => item.duplicateDeliveries)).toEqual([0, 0]);
      expect(
        (await runtime.adapters.rejects.listRejects({ includeReplayed: true })).map((reject) => [
          reject.code,
          reject.attempts,
        ]),
      ).toEqual([['empty', 1]]);
    } finally {
      await runtime.stop();
    }
  });
});
