import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchItemFailure, SQSBatchResponse } from 'aws-lambda';
import { sqsEventSchema } from '../../shared/events/s3-notification.js';
import { type MessageDeps, processMessage } from './process-message.js';

export interface IngestHandlerDeps extends MessageDeps {
  readonly logger: Logger;
}

/** An invocation that is not an SQS event at all: a wiring mistake, not bad input. */
export class UnexpectedEventError extends Error {
  override readonly name = 'UnexpectedEventError';
}

/**
 * SQS → ingest. Messages are processed concurrently; only those that failed for a reason a
 * retry can cure are reported, so SQS redelivers them and nothing else.
 */
export function makeHandler(deps: IngestHandlerDeps) {
  return async (event: unknown): Promise<SQSBatchResponse> => {
    const parsed = sqsEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new UnexpectedEventError(
        `expected an SQS event with Records: ${parsed.error.issues[0]?.message}`,
      );
    }
    const failures: SQSBatchItemFailure[] = [];
    await Promise.all(
      parsed.data.Records.map(async (record) => {
        const log = deps.logger.createChild({ persistentKeys: { messageId: record.messageId } });
        try {
          const outcome = await processMessage(deps, record);
          log.info('message processed', { outcome });
        } catch (error) {
          log.error('message failed; it will be retried', error instanceof Error ? error : String(error));
          failures.push({ itemIdentifier: record.messageId });
        }
      }),
    );
    return { batchItemFailures: failures };
  };
}
