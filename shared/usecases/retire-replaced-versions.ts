import type { Dispatch } from '../domain/index.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { Pair, PositionStore } from '../ports/position-store.js';
import { rederivePositions } from './rederive-positions.js';

/** A dispatch that went through from an upload: where it came from and when it was written. */
export interface Upload {
  readonly dispatch: Dispatch;
  readonly bucket: string;
  readonly key: string;
  /** S3's Last-Modified of the object read, ISO. */
  readonly uploadedAt: string;
}

/**
 * A file changed and uploaded again under the same key replaces its earlier version: the older of
 * the two dispatches is retired (its tags and observations go, it stays readable as replaced) and
 * the timelines it touched are derived again. Which is older is decided by upload time, never by
 * the order events arrive in. Idempotent: a redelivery finds the work done. A dispatch first
 * stored from another key (the same text uploaded twice) is not this key's to retire.
 */
export async function retireReplacedVersions(
  deps: {
    readonly dispatches: Pick<DispatchStore, 'getDispatch' | 'latestAtKey' | 'recordLatestAtKey' | 'retire'>;
    readonly positions: PositionStore;
  },
  uploads: readonly Upload[],
): Promise<void> {
  const touched: Pair[] = [];
  const retire = async (older: string, newer: string, upload: Upload) => {
    const stored = await deps.dispatches.getDispatch(older);
    if (!stored || stored.replacedBy !== undefined) return;
    if (
      stored.source.kind !== 's3' ||
      stored.source.bucket !== upload.bucket ||
      stored.source.key !== upload.key
    )
      return;
    await deps.dispatches.retire(stored, newer);
    for (const stance of stored.classification?.stances ?? [])
      touched.push({ actor: stance.actor, topic: stance.topic });
  };
  // Oldest first, so that several versions in one batch retire each other in order.
  const ordered = [...uploads].sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
  for (const upload of ordered) {
    const object = { bucket: upload.bucket, key: upload.key };
    const id = upload.dispatch.id;
    const prior = await deps.dispatches.latestAtKey(object);
    if (prior?.dispatchId === id) continue;
    if (prior && prior.uploadedAt >= upload.uploadedAt) {
      // An older version whose event came late: the newer one stays.
      await retire(id, prior.dispatchId, upload);
      continue;
    }
    // Retired before the pointer moves on, so a failure here is retried with the same prior.
    if (prior) await retire(prior.dispatchId, id, upload);
    if (
      !(await deps.dispatches.recordLatestAtKey(object, { dispatchId: id, uploadedAt: upload.uploadedAt }))
    ) {
      // Another delivery recorded a later upload meanwhile: this one is the older.
      const latest = await deps.dispatches.latestAtKey(object);
      if (latest && latest.dispatchId !== id) await retire(id, latest.dispatchId, upload);
    }
  }
  if (touched.length > 0) await rederivePositions(deps.positions, touched);
}
