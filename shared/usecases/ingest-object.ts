import { MAX_DISPATCH_BYTES, parseDispatch } from '../domain/index.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { ObjectReceipts, ObjectRef, ReceiptOutcome } from '../ports/object-receipts.js';
import { ObjectMissingError, type ObjectSource, ObjectTooLargeError } from '../ports/object-source.js';
import type { RejectStore } from '../ports/reject-store.js';

export interface IngestObjectDeps {
  readonly objects: ObjectSource;
  readonly dispatches: DispatchStore;
  readonly receipts: ObjectReceipts;
  readonly rejects: RejectStore;
  readonly clock: Clock;
}

/** One announced object: what the S3 event says, before anything is read. */
export interface ObjectAnnouncement {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
  readonly etag?: string;
}

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly key: string; readonly dispatchId: string }
  | {
      readonly kind: 'duplicate';
      readonly key: string;
      /** same-object: this object version was processed before; same-text: another key had this text. */
      readonly reason: 'same-object' | 'same-text';
      readonly dispatchId?: string;
      /** For a same-object duplicate: what the first delivery of this object came to. */
      readonly previously?: ReceiptOutcome;
    }
  | { readonly kind: 'rejected'; readonly key: string; readonly code: string; readonly rejectId: string };

/**
 * Reads one uploaded object, parses it and stores the dispatch exactly once. Permanent problems
 * (bad bytes, a missing object) become dead-letter records and are acknowledged; anything else
 * (throttling, network) is thrown so the delivery is retried.
 */
export async function ingestObject(
  deps: IngestObjectDeps,
  announced: ObjectAnnouncement,
): Promise<IngestOutcome> {
  const { bucket, key } = announced;
  const announcedVersion = announced.versionId ?? announced.etag;
  const receipt = announcedVersion
    ? await deps.receipts.findReceipt({ bucket, key, version: announcedVersion })
    : undefined;
  if (receipt) return { kind: 'duplicate', key, reason: 'same-object', previously: receipt };

  const fetched = await fetchObject(deps, announced);
  // A replay announces no version: the object read now is the one the receipt describes.
  const ref: ObjectRef = {
    bucket,
    key,
    version:
      announcedVersion ?? ('bytes' in fetched ? (fetched.versionId ?? fetched.etag) : undefined) ?? 'unknown',
  };
  if ('code' in fetched) return reject(deps, ref, fetched.code, fetched.message);

  const published = fetched.metadata.published;
  const parsed = parseDispatch(fetched.bytes, {
    sourceKey: key,
    receivedAt: fetched.lastModified.toISOString(),
    ...(published ? { published: { value: published, from: 'metadata' as const } } : {}),
  });
  if (!parsed.ok) return reject(deps, ref, parsed.error.code, parsed.error.message);

  const { dispatch } = parsed;
  const source = {
    kind: 's3' as const,
    bucket,
    key,
    ...(fetched.versionId ? { versionId: fetched.versionId } : {}),
    ...(fetched.etag ? { etag: fetched.etag } : {}),
  };
  const saved = await deps.dispatches.saveDispatch(dispatch, source, deps.clock.now());
  await deps.receipts.recordReceipt(ref, saved, dispatch.id, deps.clock.now());
  return saved === 'stored'
    ? { kind: 'stored', key, dispatchId: dispatch.id }
    : { kind: 'duplicate', key, reason: 'same-text', dispatchId: dispatch.id };
}

async function fetchObject(deps: IngestObjectDeps, announced: ObjectAnnouncement) {
  try {
    return await deps.objects.getObject(
      announced.bucket,
      announced.key,
      MAX_DISPATCH_BYTES,
      announced.versionId,
    );
  } catch (error) {
    if (error instanceof ObjectMissingError) return { code: 'object-missing', message: error.message };
    if (error instanceof ObjectTooLargeError) return { code: 'too-large', message: error.message };
    throw error;
  }
}

async function reject(
  deps: IngestObjectDeps,
  ref: ObjectRef,
  code: string,
  message: string,
): Promise<IngestOutcome> {
  const record = await deps.rejects.recordReject(
    { code, message, source: { kind: 's3', bucket: ref.bucket, key: ref.key, version: ref.version } },
    deps.clock.now(),
  );
  await deps.receipts.recordReceipt(ref, 'rejected', undefined, deps.clock.now());
  return { kind: 'rejected', key: ref.key, code, rejectId: record.id };
}
