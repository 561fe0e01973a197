/**
 * Ingest throughput through the local runtime (s3rver → queue → the ingest Lambda's handler →
 * DynamoDB Local) against a storage floor: the same number of items of the same size written
 * with raw BatchWriteItem into the same DynamoDB Local.
 *
 *   npm run bench            2,000 dispatches
 *   npm run bench -- 500     another count
 */
import { readFileSync } from 'node:fs';

// `npm run bench -- --load` is the load run of the reliability checks.
if (process.argv.includes('--load')) {
  await import('./load.js');
  process.exit(process.exitCode ?? 0);
}

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { corpusFiles, SAMPLE_CORPUS } from '../cli/commands/start.js';
import { startLocalRuntime } from '../local/local-runtime.js';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { parseDispatch } from '../shared/domain/index.js';
import { encodeS3Key } from '../shared/events/s3-notification.js';

const COUNT = Number(process.argv[2] ?? 2000);
const UPLOAD_CONCURRENCY = 16;

/** The sample corpus repeated, each copy made unique by a varied closing sentence. */
function variants(count: number): { key: string; body: string }[] {
  const texts = corpusFiles(SAMPLE_CORPUS)
    .map((path) => readFileSync(path))
    .filter((bytes) => parseDispatch(bytes, { receivedAt: new Date(0).toISOString() }).ok)
    .map((bytes) => bytes.toString('utf8'));
  return Array.from({ length: count }, (_, index) => {
    const text = texts[index % texts.length] ?? '';
    return {
      key: `incoming/bench/${String(index).padStart(5, '0')}.txt`,
      body: `${text.trimEnd()}\n\nThis is copy ${index} of the benchmark corpus, kept for comparison only.\n`,
    };
  });
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

const seconds = (start: number) => (performance.now() - start) / 1000;

const outcomes: Record<string, number> = {};
const runtime = await startLocalRuntime({
  relayS3Events: false,
  observe: (outcome) => {
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
  },
});
try {
  const { adapters, config } = runtime;
  const files = variants(COUNT);
  const totalBytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.body), 0);

  let start = performance.now();
  const etags = new Map<string, string>();
  await inParallel(files, UPLOAD_CONCURRENCY, async (file) => {
    const response = await adapters.s3Client.send(
      new PutObjectCommand({ Bucket: config.bucketName, Key: file.key, Body: file.body }),
    );
    etags.set(file.key, (response.ETag ?? '').replaceAll('"', ''));
  });
  const uploadSeconds = seconds(start);

  // Timed: the notifications S3 would send, through the queue and the handler, until drained.
  start = performance.now();
  for (const file of files) {
    runtime.queue.send(
      JSON.stringify({
        Records: [
          {
            eventName: 'ObjectCreated:Put',
            s3: {
              bucket: { name: config.bucketName },
              object: { key: encodeS3Key(file.key), eTag: etags.get(file.key) },
            },
          },
        ],
      }),
    );
  }
  await runtime.queue.drained();
  const ingestSeconds = seconds(start);

  // Floor: the same number of items of the same size, written by BatchWriteItem (25 per call).
  const floorTable = `${config.tableName}-floor`;
  await ensureTable(adapters.dynamoDbClient, floorTable);
  const batches: Record<string, unknown>[][] = [];
  for (let index = 0; index < files.length; index += 25) {
    batches.push(
      files
        .slice(index, index + 25)
        .map((file) => ({ PutRequest: { Item: { pk: file.key, sk: '#', text: file.body } } })),
    );
  }
  start = performance.now();
  await inParallel(batches, 4, async (requests) => {
    let pending: Record<string, unknown>[] | undefined = requests;
    while (pending && pending.length > 0) {
      const response: { UnprocessedItems?: Record<string, Record<string, unknown>[]> } =
        await adapters.documentClient.send(
          new BatchWriteCommand({ RequestItems: { [floorTable]: pending } }),
        );
      pending = response.UnprocessedItems?.[floorTable];
    }
  });
  const floorSeconds = seconds(start);

  const stored = (await adapters.dispatches.listDispatches({})).length;
  const rate = COUNT / ingestSeconds;
  const floorRate = COUNT / floorSeconds;
  console.log(`ingest benchmark: ${COUNT} dispatches, ${(totalBytes / 1e6).toFixed(2)} MB`);
  console.log(
    `  upload to s3rver        ${uploadSeconds.toFixed(2)} s  (${(COUNT / uploadSeconds).toFixed(0)} objects/s, not part of the ratio)`,
  );
  console.log(
    `  ingest (queue→handler)  ${ingestSeconds.toFixed(2)} s  ${rate.toFixed(0)} dispatches/s  outcomes ${JSON.stringify(outcomes)}`,
  );
  console.log(`  floor (BatchWriteItem)  ${floorSeconds.toFixed(2)} s  ${floorRate.toFixed(0)} items/s`);
  console.log(`  ratio ingest/floor      ${(floorRate / rate).toFixed(2)}x slower (target: within 2x)`);
  console.log(`  stored dispatches       ${stored}`);
  if (stored !== COUNT) process.exitCode = 1;
} finally {
  await runtime.stop();
}
// The Lambda bundle sizes, as the deploy builds them.
await import('./bundles.js');
