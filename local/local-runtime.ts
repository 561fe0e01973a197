import { Logger } from '@aws-lambda-powertools/logger';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse } from 'aws-lambda';
import { makeHandler } from '../functions/ingest-s3/make-handler.js';
import { type Adapters, buildAdapters } from '../shared/adapters/build-adapters.js';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { startDynamoDbLocal } from '../shared/adapters/local/dynamodb-local.js';
import { LocalQueue } from '../shared/adapters/local/local-queue.js';
import { startS3rver } from '../shared/adapters/local/s3rver-local.js';
import type { Config } from '../shared/config/config.js';
import { encodeS3Key, s3NotificationSchema } from '../shared/events/s3-notification.js';
import {
  type IngestOutcome,
  ingestObjects,
  type ObjectAnnouncement,
} from '../shared/usecases/ingest-objects.js';

export const LOCAL_TABLE = 'treatywatch';
export const LOCAL_BUCKET = 'treatywatch-local';
/** The redrive policy the CDK stack gives the ingest queue. */
export const INGEST_MAX_RECEIVE_COUNT = 5;
export const INGEST_BATCH_SIZE = 10;
/** Concurrent batches: what Lambda's SQS pollers start with. */
export const INGEST_CONCURRENCY = 5;

export interface LocalRuntime {
  readonly config: Config;
  readonly adapters: Adapters;
  /** The same ingest use case Lambda runs, fed by the local queue; observed outcomes included. */
  readonly ingest: (announced: readonly ObjectAnnouncement[]) => Promise<IngestOutcome[]>;
  readonly queue: LocalQueue;
  /** The ingest Lambda's handler, as the queue invokes it. */
  readonly handler: (event: unknown) => Promise<SQSBatchResponse>;
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  /** Persist data here (`.treatywatch/`); in memory and a temporary directory otherwise. */
  readonly stateDir?: string;
  readonly tableName?: string;
  readonly bucketName?: string;
  /** Sees every ingest outcome (for summaries and tests). */
  readonly observe?: (outcome: IngestOutcome) => void;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Use an already running DynamoDB Local (tests start one per run) instead of spawning one. */
  readonly dynamoDbEndpoint?: string;
  /** Replace the classifier (tests count its calls). */
  readonly classify?: Adapters['classify'];
  /** Relay s3rver's object-created events to the queue (default); tests that deliver by hand turn it off. */
  readonly relayS3Events?: boolean;
}

/**
 * DynamoDB Local + s3rver on loopback, wired as AWS wires them: an object created under the
 * incoming prefix becomes an S3 notification in an SQS-style message, delivered in batches to
 * the ingest Lambda's handler, with failed messages retried and then dead-lettered.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const tableName = options.tableName ?? LOCAL_TABLE;
  const bucketName = options.bucketName ?? LOCAL_BUCKET;
  const [dynamo, s3] = await Promise.all([
    options.dynamoDbEndpoint
      ? { endpoint: options.dynamoDbEndpoint, stop: async () => {} }
      : startDynamoDbLocal(options.stateDir ? { directory: `${options.stateDir}/dynamodb` } : {}),
    startS3rver({
      buckets: [bucketName],
      ...(options.stateDir ? { directory: `${options.stateDir}/s3` } : {}),
    }),
  ]);
  const config: Config = {
    tableName,
    bucketName,
    incomingPrefix: 'incoming/',
    region: 'us-east-1',
    dynamoDbEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
  };
  const built = buildAdapters(config);
  const adapters: Adapters = options.classify ? { ...built, classify: options.classify } : built;
  await ensureTable(adapters.dynamoDbClient, tableName);
  await ensureBucket(adapters, bucketName);

  const ingest = async (announced: readonly ObjectAnnouncement[]) => {
    const outcomes = await ingestObjects(adapters, announced);
    for (const outcome of outcomes) options.observe?.(outcome);
    return outcomes;
  };
  const handler = makeHandler({
    ingest,
    rejects: adapters.rejects,
    clock: adapters.clock,
    incomingPrefix: config.incomingPrefix,
    logger: new Logger({ serviceName: 'ingest-s3', logLevel: options.logLevel ?? 'SILENT' }),
  });
  const queue = new LocalQueue({
    batchSize: INGEST_BATCH_SIZE,
    concurrency: INGEST_CONCURRENCY,
    maxReceiveCount: INGEST_MAX_RECEIVE_COUNT,
    consumer: handler,
    onDeadLetter: async (body, receiveCount) => {
      await adapters.rejects.recordReject(
        {
          code: 'retries-exhausted',
          message: `message failed ${receiveCount} deliveries and was moved to the dead-letter queue`,
          source: { kind: 'event', body },
        },
        adapters.clock.now(),
      );
    },
  });
  if (options.relayS3Events !== false)
    s3.onEvent((notification) => {
      const relayed = asAwsNotification(notification, config.incomingPrefix);
      if (relayed) queue.send(relayed);
    });

  return {
    config,
    adapters,
    ingest,
    queue,
    handler,
    async stop() {
      await queue.drained();
      adapters.s3Client.destroy();
      adapters.dynamoDbClient.destroy();
      await Promise.all([s3.stop(), dynamo.stop()]);
    },
  };
}

async function ensureBucket(adapters: Adapters, bucketName: string): Promise<void> {
  try {
    await adapters.s3Client.send(new CreateBucketCommand({ Bucket: bucketName }));
  } catch (error) {
    if (!(error instanceof Error && /BucketAlready/.test(error.name))) throw error;
  }
}

/**
 * s3rver emits raw keys; S3 URL-encodes them (`+` for a space). Only object-created events under
 * the incoming prefix are relayed, as the bucket's notification filter does in AWS.
 */
function asAwsNotification(notification: unknown, incomingPrefix: string): string | undefined {
  const parsed = s3NotificationSchema.safeParse(notification);
  if (!parsed.success) return undefined;
  const records = parsed.data.Records.filter(
    (record) =>
      record.eventName.startsWith('ObjectCreated:') && record.s3.object.key.startsWith(incomingPrefix),
  );
  if (records.length === 0) return undefined;
  return JSON.stringify({
    Records: records.map((record) => ({
      ...record,
      s3: { ...record.s3, object: { ...record.s3.object, key: encodeS3Key(record.s3.object.key) } },
    })),
  });
}
