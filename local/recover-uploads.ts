import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { rejectId } from '../shared/adapters/dynamodb/dynamodb-reject-store.js';
import { MAX_DISPATCH_BYTES, parseDispatch } from '../shared/domain/index.js';
import type { ObjectAnnouncement } from '../shared/usecases/ingest-objects.js';
import type { LocalRuntime } from './local-runtime.js';

const BATCH = 10;

/**
 * After a crash the local queue's pending notifications are gone (in AWS, SQS keeps them). This
 * finds every upload under incoming/ that has neither a stored dispatch nor a dead-letter record
 * and ingests it, so nothing acknowledged is lost and nothing already counted is counted again.
 */
export async function recoverUploads(runtime: LocalRuntime): Promise<number> {
  const { adapters, config } = runtime;
  const objects: { key: string; etag: string }[] = [];
  let token: string | undefined;
  do {
    const page = await adapters.s3Client.send(
      new ListObjectsV2Command({
        Bucket: config.bucketName,
        Prefix: config.incomingPrefix,
        ContinuationToken: token,
      }),
    );
    for (const item of page.Contents ?? []) {
      if (item.Key) objects.push({ key: item.Key, etag: (item.ETag ?? '').replaceAll('"', '') });
    }
    token = page.NextContinuationToken;
  } while (token);

  const missing: ObjectAnnouncement[] = [];
  for (let offset = 0; offset < objects.length; offset += 50) {
    const slice = objects.slice(offset, offset + 50);
    const parsed = await Promise.all(
      slice.map(async (object) => {
        const fetched = await adapters.objects
          .getObject(config.bucketName, object.key, MAX_DISPATCH_BYTES)
          .catch(() => undefined);
        const result = fetched
          ? parseDispatch(fetched.bytes, {
              sourceKey: object.key,
              receivedAt: fetched.lastModified.toISOString(),
            })
          : undefined;
        return { object, id: result?.ok ? result.dispatch.id : undefined };
      }),
    );
    const stored = await adapters.dispatches.existingIds(
      parsed.flatMap((item) => (item.id ? [item.id] : [])),
    );
    for (const { object, id } of parsed) {
      if (id && stored.has(id)) continue;
      if (!id) {
        const kept = await adapters.rejects.getReject(
          rejectId({ kind: 's3', bucket: config.bucketName, key: object.key, version: object.etag }),
        );
        if (kept) continue;
      }
      missing.push({ bucket: config.bucketName, key: object.key, etag: object.etag });
    }
  }
  for (let offset = 0; offset < missing.length; offset += BATCH)
    await runtime.ingest(missing.slice(offset, offset + BATCH));
  return missing.length;
}
