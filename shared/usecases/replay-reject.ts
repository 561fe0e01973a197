import type { Clock } from '../ports/clock.js';
import type { RejectRecord, RejectStore } from '../ports/reject-store.js';

export interface ReplayDeps {
  readonly rejects: RejectStore;
  readonly clock: Clock;
  /** Re-reads an object at its key now (a fixed file may have been uploaded over the bad one). */
  readonly reingestObject: (
    bucket: string,
    key: string,
  ) => Promise<{ kind: string; code?: string; dispatchId?: string }>;
  /** Re-submits a raw queue message body to the ingest handler. */
  readonly resubmitEvent: (body: string) => Promise<{ failed: boolean }>;
  /** Parses and stores a kept feed item again. */
  readonly reingestFeedItem: (
    source: Extract<RejectRecord['source'], { kind: 'feed-item' }>,
  ) => Promise<{ kind: string; code?: string; dispatchId?: string }>;
}

export interface ReplayResult {
  readonly rejectId: string;
  readonly outcome: string;
  /** True when the input still does not go through; its record stays open. */
  readonly stillRejected: boolean;
}

/** Re-submits one dead-lettered input through the same ingest path as a first delivery. */
export async function replayReject(deps: ReplayDeps, reject: RejectRecord): Promise<ReplayResult> {
  if (reject.source.kind === 's3') {
    const result = await deps.reingestObject(reject.source.bucket, reject.source.key);
    const outcome =
      result.kind === 'rejected'
        ? `rejected again (${result.code})`
        : `${result.kind} ${result.dispatchId ?? ''}`.trim();
    return finish(deps, reject, outcome, result.kind === 'rejected');
  }
  if (reject.source.kind === 'feed-item') {
    const result = await deps.reingestFeedItem(reject.source);
    const outcome =
      result.kind === 'rejected'
        ? `rejected again (${result.code})`
        : `${result.kind} ${result.dispatchId ?? ''}`.trim();
    return finish(deps, reject, outcome, result.kind === 'rejected');
  }
  const resubmitted = await deps.resubmitEvent(reject.source.body);
  const after = await deps.rejects.getReject(reject.id);
  const stillRejected = resubmitted.failed || (after?.attempts ?? 0) > reject.attempts;
  return finish(deps, reject, stillRejected ? 'rejected again' : 'accepted', stillRejected);
}

async function finish(deps: ReplayDeps, reject: RejectRecord, outcome: string, stillRejected: boolean) {
  if (!stillRejected) await deps.rejects.markReplayed(reject.id, outcome, deps.clock.now());
  return { rejectId: reject.id, outcome, stillRejected };
}
