import type { Classification } from '../domain/classify/index.js';
import { type Dispatch, MAX_DISPATCH_BYTES, parseDispatch } from '../domain/index.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import { ObjectMissingError, type ObjectSource, ObjectTooLargeError } from '../ports/object-source.js';
import type { Pair, PositionStore } from '../ports/position-store.js';
import type { RejectStore } from '../ports/reject-store.js';
import type { DispatchSource } from '../ports/stored-dispatch.js';
import { rederivePositions } from './rederive-positions.js';

export interface IngestDeps {
  /** The classifier; injected so a test can count its calls. */
  readonly classify: (dispatch: Dispatch) => Classification;
  readonly objects: ObjectSource;
  readonly dispatches: DispatchStore;
  readonly positions: PositionStore;
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
  /** The same text (normalised) is already stored: from this key or any other. */
  | { readonly kind: 'duplicate'; readonly key: string; readonly dispatchId: string }
  | { readonly kind: 'rejected'; readonly key: string; readonly code: string; readonly rejectId: string }
  /** A fault a retry can cure (throttling, network): the delivery must be retried. */
  | { readonly kind: 'retry'; readonly key: string; readonly reason: string };

type Prepared =
  | {
      readonly kind: 'parsed';
      readonly dispatch: Dispatch;
      readonly source: DispatchSource;
      /** When the object was last written (S3's Last-Modified), ISO. */
      readonly uploadedAt: string;
    }
  | IngestOutcome;

/**
 * Reads announced objects, parses them and stores each dispatch exactly once, with one store
 * call for the whole batch. Permanent problems (bad bytes, a missing object) become dead-letter
 * records; transient faults come back as `retry` so only those deliveries are repeated.
 */
export async function ingestObjects(
  deps: IngestDeps,
  announced: readonly ObjectAnnouncement[],
): Promise<IngestOutcome[]> {
  const prepared = await Promise.all(announced.map((announcement) => prepare(deps, announcement)));
  const parsed = prepared.filter((item) => item.kind === 'parsed');
  let saved: readonly ('stored' | 'duplicate')[] = [];
  let saveError: unknown;
  if (parsed.length > 0) {
    try {
      saved = await storeDispatches(deps, parsed);
      // A version rejected in this same batch is not the one the good upload fixed.
      const rejectedNow = new Set(
        prepared.flatMap((item) => (item.kind === 'rejected' ? [item.rejectId] : [])),
      );
      await closeRejectsAtStoredKeys(deps, parsed, saved, rejectedNow);
    } catch (error) {
      saveError = error;
    }
  }
  let next = 0;
  return prepared.map((item): IngestOutcome => {
    if (item.kind !== 'parsed') return item;
    const key = item.source.kind === 's3' ? item.source.key : item.source.feedUrl;
    const outcome = saved[next++];
    if (saveError !== undefined || !outcome) return { kind: 'retry', key, reason: describe(saveError) };
    return { kind: outcome, key, dispatchId: item.dispatch.id };
  });
}

/**
 * Classifies what is new (a dispatch already stored is never classified twice), stores each
 * dispatch once with its tags and observations, and derives the touched timelines again. The
 * path every source takes: uploads and feed items alike. Throws on a fault a retry can cure.
 */
export async function storeDispatches(
  deps: Pick<IngestDeps, 'classify' | 'dispatches' | 'positions' | 'clock'>,
  parsed: readonly { readonly dispatch: Dispatch; readonly source: DispatchSource }[],
): Promise<('stored' | 'duplicate')[]> {
  const known = await deps.dispatches.existingIds(parsed.map((item) => item.dispatch.id));
  const classified = new Map<string, Classification>();
  const entries = parsed.map((item) => {
    const { id } = item.dispatch;
    if (!known.has(id) && !classified.has(id)) classified.set(id, deps.classify(item.dispatch));
    return { ...item, ...(known.has(id) ? {} : { classification: classified.get(id) }) };
  });
  const saved = await deps.dispatches.saveDispatches(entries, deps.clock.now());
  await rederivePositions(deps.positions, await pairsOf(deps, entries));
  return saved;
}

/**
 * The (actor, topic) pairs whose timelines the batch touches. A dispatch stored by an earlier
 * delivery is read back, so a redelivery after a failed derivation finishes the job.
 */
async function pairsOf(
  deps: Pick<IngestDeps, 'dispatches'>,
  entries: readonly { readonly dispatch: Dispatch; readonly classification?: Classification }[],
): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const entry of entries) {
    const classification =
      entry.classification ?? (await deps.dispatches.getDispatch(entry.dispatch.id))?.classification;
    for (const stance of classification?.stances ?? [])
      pairs.push({ actor: stance.actor, topic: stance.topic });
  }
  return pairs;
}

/** S3 keeps Last-Modified to the second. */
const LAST_MODIFIED_PRECISION_MS = 1000;

/**
 * An upload that goes through closes the open rejects of earlier versions at its key (an analyst
 * fixed the file and uploaded it again), as `treatywatch replay` would have closed them.
 */
async function closeRejectsAtStoredKeys(
  deps: Pick<IngestDeps, 'rejects' | 'clock'>,
  parsed: readonly {
    readonly dispatch: Dispatch;
    readonly source: DispatchSource;
    readonly uploadedAt: string;
  }[],
  saved: readonly ('stored' | 'duplicate')[],
  rejectedNow: ReadonlySet<string>,
): Promise<void> {
  const through = parsed.flatMap((item, index) => {
    const outcome = saved[index];
    return item.source.kind === 's3' && outcome
      ? [
          {
            bucket: item.source.bucket,
            key: item.source.key,
            outcome,
            dispatchId: item.dispatch.id,
            uploadedAt: item.uploadedAt,
          },
        ]
      : [];
  });
  if (through.length === 0) return;
  const open = await deps.rejects.openRejectsAt(through);
  for (const reject of open) {
    if (rejectedNow.has(reject.id)) continue;
    // Only a reject recorded before this file was uploaded (to S3's one-second precision) is one
    // it can have fixed: a later one is of a newer version, or its event overtook this one's (S3
    // does not order events).
    const upload = through.find(
      (item) =>
        reject.source.kind === 's3' &&
        item.bucket === reject.source.bucket &&
        item.key === reject.source.key &&
        Date.parse(reject.firstSeenAt) < Date.parse(item.uploadedAt) + LAST_MODIFIED_PRECISION_MS,
    );
    if (upload) {
      await deps.rejects.markReplayed(
        reject.id,
        `${upload.outcome} ${upload.dispatchId} from a new upload to the same key`,
        deps.clock.now(),
      );
    }
  }
}

/** A single object: replays and the CLI. */
export async function ingestObject(deps: IngestDeps, announced: ObjectAnnouncement): Promise<IngestOutcome> {
  const [outcome] = await ingestObjects(deps, [announced]);
  if (!outcome) throw new Error('ingestObjects returned no outcome for one announcement');
  return outcome;
}

async function prepare(deps: IngestDeps, announced: ObjectAnnouncement): Promise<Prepared> {
  const { bucket, key } = announced;
  try {
    const fetched = await fetchObject(deps, announced);
    // A replay announces no version: the object read now is the one the record describes.
    const version = announced.versionId ?? announced.etag ?? fetched.version;
    if (fetched.kind === 'gone')
      return await reject(deps, { bucket, key, version }, fetched.code, fetched.message);
    const { object } = fetched;
    const published = object.metadata.published;
    const result = parseDispatch(object.bytes, {
      sourceKey: key,
      receivedAt: object.lastModified.toISOString(),
      ...(published ? { published: { value: published, from: 'metadata' as const } } : {}),
    });
    if (!result.ok)
      return await reject(deps, { bucket, key, version }, result.error.code, result.error.message);
    const source: DispatchSource = {
      kind: 's3',
      bucket,
      key,
      ...(object.versionId ? { versionId: object.versionId } : {}),
      ...(object.etag ? { etag: object.etag } : {}),
    };
    return {
      kind: 'parsed',
      dispatch: result.dispatch,
      source,
      uploadedAt: object.lastModified.toISOString(),
    };
  } catch (error) {
    return { kind: 'retry', key, reason: describe(error) };
  }
}

async function fetchObject(deps: IngestDeps, announced: ObjectAnnouncement) {
  try {
    const object = await deps.objects.getObject(
      announced.bucket,
      announced.key,
      MAX_DISPATCH_BYTES,
      announced.versionId,
    );
    return { kind: 'fetched' as const, object, version: object.versionId ?? object.etag ?? 'unknown' };
  } catch (error) {
    if (error instanceof ObjectMissingError || error instanceof ObjectTooLargeError) {
      const code = error instanceof ObjectMissingError ? 'object-missing' : 'too-large';
      return { kind: 'gone' as const, code, message: error.message, version: 'unknown' };
    }
    throw error;
  }
}

async function reject(
  deps: IngestDeps,
  ref: { readonly bucket: string; readonly key: string; readonly version: string },
  code: string,
  message: string,
): Promise<IngestOutcome> {
  const record = await deps.rejects.recordReject(
    { code, message, source: { kind: 's3', bucket: ref.bucket, key: ref.key, version: ref.version } },
    deps.clock.now(),
  );
  return { kind: 'rejected', key: ref.key, code, rejectId: record.id };
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
