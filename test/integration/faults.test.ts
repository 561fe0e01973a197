import { Logger } from '@aws-lambda-powertools/logger';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/ingest-s3/make-handler.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { type Adapters, buildAdapters } from '../../shared/adapters/build-adapters.js';
import { batchGetExisting, writeAll } from '../../shared/adapters/dynamodb/batch-writes.js';
import { createDynamoDbClients } from '../../shared/adapters/dynamodb/dynamodb-clients.js';
import { LocalQueue } from '../../shared/adapters/local/local-queue.js';
import { createS3Client } from '../../shared/adapters/s3/s3-client.js';
import { ingestObjects } from '../../shared/usecases/ingest-objects.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { type Fault, FaultInjectingHandler } from '../support/fault-injection.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

// s3rver accepts only its own well-known key pair.
const LOCAL = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const text = (n: number) =>
  `The Russian foreign minister said on Tuesday, for the ${n}th time, that the ABM treaty must stay in force (Interfax, May ${(n % 28) + 1}).`;

describe('faults injected below the SDK retries, against DynamoDB Local and s3rver', () => {
  let runtime: LocalRuntime;
  let counter = 0;
  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
  });
  afterAll(() => runtime.stop());

  /** The runtime's adapters, with DynamoDB and/or S3 going through a fault plan. */
  function faulty(plans: {
    dynamo?: (operation: string, attempt: number) => Fault | undefined;
    s3?: (operation: string, attempt: number) => Fault | undefined;
  }) {
    const dynamoHandler = new FaultInjectingHandler(plans.dynamo ?? (() => undefined));
    const s3Handler = new FaultInjectingHandler(plans.s3 ?? (() => undefined));
    const adapters: Adapters = buildAdapters(runtime.config, {
      dynamoDb: createDynamoDbClients({
        ...LOCAL,
        endpoint: runtime.config.dynamoDbEndpoint,
        requestHandler: dynamoHandler,
      }),
      s3Client: createS3Client({
        ...LOCAL,
        endpoint: runtime.config.s3Endpoint,
        forcePathStyle: true,
        requestHandler: s3Handler,
      }),
    });
    const handler = makeHandler({
      ingest: (announced) => ingestObjects(adapters, announced),
      rejects: adapters.rejects,
      clock: adapters.clock,
      incomingPrefix: 'incoming/',
      logger: new Logger({ logLevel: process.env.DEBUG_FAULTS ? 'WARN' : 'SILENT' }),
    });
    return { adapters, handler, dynamoHandler, s3Handler };
  }

  async function uploaded() {
    counter++;
    const key = `incoming/fault-${counter}.txt`;
    return {
      key,
      body: s3Notification(runtime.config.bucketName, key, await upload(runtime, key, text(counter))),
    };
  }

  it('case 5: throttled twice, then success: stored once', async () => {
    // Prepare
    const { handler, dynamoHandler } = faulty({
      dynamo: (operation, attempt) =>
        operation === 'TransactWriteItems' && attempt <= 2 ? { kind: 'throttle' } : undefined,
    });
    const { body } = await uploaded();
    // Act
    const response = await handler(sqsEvent(body));
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(dynamoHandler.seen.filter((operation) => operation === 'TransactWriteItems')).toHaveLength(3);
    const stored = await runtime.adapters.dispatches.listDispatches({});
    expect(
      stored.filter(
        (item) => item.source.kind === 's3' && item.source.key === `incoming/fault-${counter}.txt`,
      ),
    ).toHaveLength(1);
  });

  it('case 5: persistent throttling is surfaced as a failed message, not swallowed, and nothing half-stored', async () => {
    const { handler } = faulty({
      dynamo: (operation) => (operation === 'TransactWriteItems' ? { kind: 'throttle' } : undefined),
    });
    const { body, key } = await uploaded();
    const event = sqsEvent(body);
    const response = await handler(event);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    const stored = await runtime.adapters.dispatches.listDispatches({});
    expect(stored.filter((item) => item.source.kind === 's3' && item.source.key === key)).toEqual([]);
    expect(
      (await runtime.adapters.rejects.listRejects({ includeReplayed: true })).filter(
        (reject) => reject.source.kind === 's3' && reject.source.key === key,
      ),
    ).toEqual([]);
  });

  it('case 5: BatchWriteItem with unprocessed items retries until all are written', async () => {
    const { adapters, dynamoHandler } = faulty({
      dynamo: (operation, attempt) =>
        operation === 'BatchWriteItem' && attempt <= 2 ? { kind: 'unprocessed' } : undefined,
    });
    const items = Array.from({ length: 30 }, (_, index) => ({ pk: `unprocessed-${index}`, sk: '#' }));
    await writeAll(adapters.documentClient, runtime.config.tableName, items);
    expect(
      dynamoHandler.seen.filter((operation) => operation === 'BatchWriteItem').length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      (await batchGetExisting(runtime.adapters.documentClient, runtime.config.tableName, items)).size,
    ).toBe(30);
  });

  it('a transient S3 500 and a timeout are retried by the SDK and the dispatch is stored', async () => {
    const { handler } = faulty({
      s3: (operation, attempt) =>
        operation.startsWith('GET')
          ? attempt === 1
            ? { kind: 'server-error' }
            : attempt === 2
              ? { kind: 'timeout' }
              : undefined
          : undefined,
    });
    const { body, key } = await uploaded();
    expect((await handler(sqsEvent(body))).batchItemFailures).toEqual([]);
    const stored = await runtime.adapters.dispatches.listDispatches({});
    expect(stored.some((item) => item.source.kind === 's3' && item.source.key === key)).toBe(true);
  });

  it('a connection that always drops is retried 5 times through the queue, then dead-lettered with its reason', async () => {
    // Prepare: the local queue with the stack's redrive policy, its consumer on the faulty client
    const { handler } = faulty({
      s3: (operation) => (operation.startsWith('GET') ? { kind: 'dropped-connection' } : undefined),
    });
    const deadLetters: string[] = [];
    const queue = new LocalQueue({
      batchSize: 10,
      concurrency: 1,
      maxReceiveCount: 5,
      consumer: handler,
      onDeadLetter: async (body, receiveCount) => {
        deadLetters.push(body);
        await runtime.adapters.rejects.recordReject(
          {
            code: 'retries-exhausted',
            message: `failed ${receiveCount} deliveries`,
            source: { kind: 'event', body },
          },
          new Date(),
        );
      },
    });
    const { body } = await uploaded();
    // Act
    queue.send(body);
    await queue.drained();
    // Assess
    expect(deadLetters).toEqual([body]);
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(
      rejects.find((reject) => reject.source.kind === 'event' && reject.source.body === body)?.code,
    ).toBe('retries-exhausted');
  });

  it('case 2: ten concurrent deliveries of one event give exactly one set of side effects', async () => {
    // Prepare
    const { body } = await uploaded();
    // Act
    const responses = await Promise.all(Array.from({ length: 10 }, () => runtime.handler(sqsEvent(body))));
    // Assess
    expect(responses.flatMap((response) => response.batchItemFailures)).toEqual([]);
    const stored = (await runtime.adapters.dispatches.listDispatches({})).filter(
      (item) => item.dispatch.text === text(counter),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.duplicateDeliveries).toBe(9);
    const observations = await runtime.adapters.positions.observations({ actor: 'RUS', topic: 'ABM' });
    expect(
      observations.filter((observation) => observation.dispatchId === stored[0]?.dispatch.id),
    ).toHaveLength(1);
  });
});

describe('case 6: dispatches of every size and encoding', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
  });
  afterAll(() => runtime.stop());

  it('gives each a typed error or a stored dispatch, and never sends DynamoDB an item over 400 KB', async () => {
    // Prepare
    const paragraph =
      'The Russian defense ministry said on Monday that the 1972 ABM treaty remains the basis of strategic stability (Interfax, May 4).';
    const cyrillic =
      'Министр иностранных дел заявил, что договор по ПРО 1972 года остаётся основой стратегической стабильности и не подлежит пересмотру.';
    const inputs: [string, Buffer, string][] = [
      ['empty.txt', Buffer.alloc(0), 'empty'],
      ['binary.bin', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00]), 'binary'],
      [
        'invalid-utf8.txt',
        Buffer.from([0x54, 0x65, 0xa6, 0xa7, 0xa9, 0xac, 0xae, 0xb0, 0xb1, 0xb6]),
        'invalid-encoding',
      ],
      ['two-megabytes.txt', Buffer.from(`${paragraph}\n\n`.repeat(16_000)), 'too-large'],
      ['cyrillic-1251.txt', iconv.encode(cyrillic, 'windows-1251'), 'stored'],
      ['six-hundred-kb.txt', Buffer.from(`${paragraph}\n\n`.repeat(4_800)), 'stored'],
    ];
    const outcomes: string[] = [];
    for (const [name, body] of inputs) {
      const key = `incoming/2001-05-04-${name}`;
      const etag = await upload(runtime, key, body);
      const [outcome] = await runtime.ingest([{ bucket: runtime.config.bucketName, key, etag }]);
      outcomes.push(outcome?.kind === 'rejected' ? outcome.code : (outcome?.kind ?? 'none'));
    }
    // Assess
    expect(outcomes).toEqual(inputs.map(([, , expected]) => expected));
    const stored = await runtime.adapters.dispatches.listDispatches({});
    for (const item of stored) {
      const raw = await runtime.adapters.documentClient.send(
        new GetCommand({
          TableName: runtime.config.tableName,
          Key: { pk: `DISPATCH#${item.dispatch.id}`, sk: '#' },
        }),
      );
      expect(Buffer.byteLength(JSON.stringify(raw.Item))).toBeLessThan(400 * 1024);
    }
    expect(stored.find((item) => item.dispatch.charset === 'windows-1251')?.dispatch.text).toBe(cyrillic);
  });
});
