import {
  decodeS3Key,
  type SqsRecord,
  s3NotificationSchema,
  s3TestEventSchema,
} from '../../shared/events/s3-notification.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { RejectStore } from '../../shared/ports/reject-store.js';
import type { IngestOutcome, ObjectAnnouncement } from '../../shared/usecases/ingest-object.js';

export interface MessageDeps {
  readonly ingest: (announced: ObjectAnnouncement) => Promise<IngestOutcome>;
  readonly rejects: RejectStore;
  readonly clock: Clock;
  /** Objects outside this prefix (our own archive writes) are never ingested. */
  readonly incomingPrefix: string;
}

export type MessageOutcome =
  | { readonly kind: 'test-event' }
  | { readonly kind: 'malformed'; readonly rejectId: string }
  | {
      readonly kind: 'objects';
      readonly outcomes: readonly (IngestOutcome | { kind: 'ignored'; key: string })[];
    };

/** One SQS message carrying an S3 notification. Throws only for faults a retry can cure. */
export async function processMessage(deps: MessageDeps, record: SqsRecord): Promise<MessageOutcome> {
  const body = parseJson(record.body);
  if (s3TestEventSchema.safeParse(body).success) return { kind: 'test-event' };
  const notification = s3NotificationSchema.safeParse(body);
  if (!notification.success) {
    const reason =
      body === undefined ? 'body is not JSON' : (notification.error.issues[0]?.message ?? 'unexpected shape');
    const reject = await deps.rejects.recordReject(
      {
        code: 'malformed-event',
        message: `message ${record.messageId} is not an S3 event notification: ${reason}`,
        source: { kind: 'event', body: record.body },
      },
      deps.clock.now(),
    );
    return { kind: 'malformed', rejectId: reject.id };
  }
  const outcomes = [];
  for (const s3Record of notification.data.Records) {
    const key = decodeS3Key(s3Record.s3.object.key);
    if (!s3Record.eventName.startsWith('ObjectCreated:') || !key.startsWith(deps.incomingPrefix)) {
      outcomes.push({ kind: 'ignored' as const, key });
      continue;
    }
    const { eTag, versionId } = s3Record.s3.object;
    outcomes.push(
      await deps.ingest({
        bucket: s3Record.s3.bucket.name,
        key,
        ...(versionId ? { versionId } : {}),
        ...(eTag ? { etag: eTag } : {}),
      }),
    );
  }
  return { kind: 'objects', outcomes };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
