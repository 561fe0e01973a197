import {
  decodeS3Key,
  type SqsRecord,
  s3NotificationSchema,
  s3TestEventSchema,
} from '../../shared/events/s3-notification.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { RejectStore } from '../../shared/ports/reject-store.js';
import type { IngestOutcome, ObjectAnnouncement } from '../../shared/usecases/ingest-objects.js';

export interface BatchDeps {
  /** Ingests many objects with one store round trip; outcomes in input order. */
  readonly ingest: (announced: readonly ObjectAnnouncement[]) => Promise<IngestOutcome[]>;
  readonly rejects: RejectStore;
  readonly clock: Clock;
  /** Objects outside this prefix (our own archive writes) are never ingested. */
  readonly incomingPrefix: string;
}

export type MessageResult =
  | { readonly messageId: string; readonly kind: 'test-event' }
  | { readonly messageId: string; readonly kind: 'malformed'; readonly rejectId: string }
  | { readonly messageId: string; readonly kind: 'objects'; readonly outcomes: readonly IngestOutcome[] }
  | { readonly messageId: string; readonly kind: 'failed'; readonly reason: string };

type Translated =
  | { readonly kind: 'test-event' }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'objects'; readonly announced: readonly ObjectAnnouncement[] };

/**
 * An SQS batch of S3 notifications → one result per message. A message fails (and is retried)
 * only if something in it failed for a reason a retry can cure.
 */
export async function processBatch(deps: BatchDeps, records: readonly SqsRecord[]): Promise<MessageResult[]> {
  const translated = records.map((record) => translate(record.body, deps.incomingPrefix));
  const announced = translated.flatMap((message) => (message.kind === 'objects' ? message.announced : []));
  const outcomes = announced.length > 0 ? await deps.ingest(announced) : [];
  let next = 0;
  return Promise.all(
    records.map(async (record, index): Promise<MessageResult> => {
      const { messageId } = record;
      const message = translated[index] as Translated;
      if (message.kind === 'test-event') return { messageId, kind: 'test-event' };
      if (message.kind === 'malformed') return deadLetter(deps, record, message.reason);
      const mine = outcomes.slice(next, next + message.announced.length);
      next += message.announced.length;
      const retry = mine.find((outcome) => outcome.kind === 'retry');
      if (retry?.kind === 'retry') return { messageId, kind: 'failed', reason: retry.reason };
      return { messageId, kind: 'objects', outcomes: mine };
    }),
  );
}

function translate(body: string, incomingPrefix: string): Translated {
  const json = parseJson(body);
  if (s3TestEventSchema.safeParse(json).success) return { kind: 'test-event' };
  const notification = s3NotificationSchema.safeParse(json);
  if (!notification.success) {
    const reason =
      json === undefined ? 'body is not JSON' : (notification.error.issues[0]?.message ?? 'unexpected shape');
    return { kind: 'malformed', reason };
  }
  const announced = notification.data.Records.flatMap((record): ObjectAnnouncement[] => {
    const key = decodeS3Key(record.s3.object.key);
    if (!record.eventName.startsWith('ObjectCreated:') || !key.startsWith(incomingPrefix)) return [];
    const { eTag, versionId } = record.s3.object;
    return [
      {
        bucket: record.s3.bucket.name,
        key,
        ...(versionId ? { versionId } : {}),
        ...(eTag ? { etag: eTag } : {}),
      },
    ];
  });
  return { kind: 'objects', announced };
}

async function deadLetter(deps: BatchDeps, record: SqsRecord, reason: string): Promise<MessageResult> {
  try {
    const reject = await deps.rejects.recordReject(
      {
        code: 'malformed-event',
        message: `message ${record.messageId} is not an S3 event notification: ${reason}`,
        source: { kind: 'event', body: record.body },
      },
      deps.clock.now(),
    );
    return { messageId: record.messageId, kind: 'malformed', rejectId: reject.id };
  } catch (error) {
    return {
      messageId: record.messageId,
      kind: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
