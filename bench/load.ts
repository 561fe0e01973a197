/**
 * The load run: 5,000 uploads into the local bucket as fast as it takes them, 1% of them exact
 * duplicates and 1% bad files, ingested through s3rver's events, the queue and the handler.
 * Afterwards every good dispatch must be stored exactly once, every bad one dead-lettered, none lost.
 *
 *   npm run bench -- --load          5,000 uploads
 *   npm run bench -- --load 1000     another count
 */
import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { corpusFiles, SAMPLE_CORPUS } from '../cli/commands/start.js';
import { startLocalRuntime } from '../local/local-runtime.js';
import { parseDispatch } from '../shared/domain/index.js';

const COUNT = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 5000);
const texts = corpusFiles(SAMPLE_CORPUS)
  .map((path) => readFileSync(path))
  .filter((bytes) => parseDispatch(bytes, { receivedAt: new Date(0).toISOString() }).ok)
  .map((bytes) => bytes.toString('utf8'));

type Upload = { key: string; body: Buffer; kind: 'good' | 'duplicate' | 'bad' };
const uploads: Upload[] = [];
for (let index = 0; index < COUNT; index++) {
  const key = `incoming/load/${String(index).padStart(5, '0')}.txt`;
  if (index % 100 === 50) {
    uploads.push({ key, body: Buffer.from([0, 1, 2, 3, 0xff, index & 255]), kind: 'bad' });
  } else if (index % 100 === 99) {
    // An exact copy of an earlier upload under a new key: the same dispatch.
    const earlier = uploads[index - 1] as Upload;
    uploads.push({ key, body: earlier.body, kind: earlier.kind === 'bad' ? 'bad' : 'duplicate' });
  } else {
    const text = texts[index % texts.length] ?? '';
    uploads.push({
      key,
      body: Buffer.from(`${text.trimEnd()}\n\nLoad copy ${index}, kept for the load run only.\n`),
      kind: 'good',
    });
  }
}

const outcomes: Record<string, number> = {};
const runtime = await startLocalRuntime({
  observe: (outcome) => {
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
  },
});
try {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < uploads.length) {
        const upload = uploads[next++] as Upload;
        await runtime.adapters.s3Client.send(
          new PutObjectCommand({ Bucket: runtime.config.bucketName, Key: upload.key, Body: upload.body }),
        );
      }
    }),
  );
  const uploadedSeconds = (performance.now() - start) / 1000;
  await runtime.queue.drained();
  const seconds = (performance.now() - start) / 1000;

  const stored = await runtime.adapters.dispatches.listDispatches({});
  const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: true });
  const expected = {
    good: uploads.filter((upload) => upload.kind === 'good').length,
    duplicate: uploads.filter((upload) => upload.kind === 'duplicate').length,
    bad: uploads.filter((upload) => upload.kind === 'bad').length,
  };
  // A dispatch is identified by its content: a copy may win the race and be stored under its own key.
  const storedIds = new Set(stored.map((item) => item.dispatch.id));
  const idOf = (upload: Upload) => {
    const parsed = parseDispatch(upload.body, { receivedAt: new Date(0).toISOString() });
    return parsed.ok ? parsed.dispatch.id : '';
  };
  const lost = uploads.filter((upload) => upload.kind !== 'bad' && !storedIds.has(idOf(upload))).length;
  const badKept = rejects.filter((reject) => reject.source.kind === 's3' && reject.code === 'binary').length;
  console.log(
    `load run: ${COUNT} uploads (${expected.good} good, ${expected.duplicate} exact duplicates, ${expected.bad} bad)`,
  );
  console.log(
    `  uploaded in ${uploadedSeconds.toFixed(1)} s, all ingested in ${seconds.toFixed(1)} s: ${(COUNT / seconds).toFixed(0)} uploads/s`,
  );
  console.log(`  outcomes ${JSON.stringify(outcomes)}`);
  console.log(
    `  stored dispatches ${stored.length} (expected ${expected.good}), lost ${lost}, dead-lettered bad files ${badKept} (expected ${expected.bad})`,
  );
  const ok =
    stored.length === expected.good &&
    lost === 0 &&
    badKept === expected.bad &&
    (outcomes.duplicate ?? 0) === expected.duplicate;
  console.log(
    ok
      ? '  every good dispatch stored exactly once, every bad file dead-lettered, 0 lost'
      : '  MISMATCH: see the counts above',
  );
  if (!ok) process.exitCode = 1;
} finally {
  await runtime.stop();
}
