import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse } from 'aws-lambda';
import { sqsEventSchema } from '../../shared/events/s3-notification.js';
import { type BatchDeps, processBatch } from './process-batch.js';

export interface IngestHandlerDeps extends BatchDeps {
  readonly logger: Logger;
}

/** An invocation that is not an SQS event at all: a wiring mistake, not bad input. */
export class UnexpectedEventError extends Error {
  override readonly name = 'UnexpectedEventError';
}

/**
 * SQS → ingest. Only messages that failed for a reason a retry can cure are reported, so SQS
 * redelivers them and nothing else; permanently bad input is dead-lettered and acknowledged.
 */
export function makeHandler(deps: IngestHandlerDeps) {
  return async (event: unknown): Promise<SQSBatchResponse> => {
    const parsed = sqsEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new UnexpectedEventError(
        `expected an SQS event with Records: ${parsed.error.issues[0]?.message}`,
      );
    }
    const results = await processBatch(deps, parsed.data.Records);
    for (const result of results) {
      if (result.kind === 'failed') deps.logger.warn('message failed; SQS will retry it', { ...result });
      else deps.logger.info('message processed', { ...result });
    }
    return {
      batchItemFailures: results
        .filter((result) => result.kind === 'failed')
        .map((result) => ({ itemIdentifier: result.messageId })),
    };
  };
}
