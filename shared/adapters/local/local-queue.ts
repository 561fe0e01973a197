import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface LocalQueueOptions {
  /** The SQS event source's batch size. */
  readonly batchSize: number;
  /** Batches in flight at once, as Lambda runs several pollers' batches concurrently. */
  readonly concurrency: number;
  /** Deliveries before a message moves to the dead-letter callback (the redrive policy). */
  readonly maxReceiveCount: number;
  readonly consumer: (event: SQSEvent) => Promise<SQSBatchResponse>;
  /** Receives a message that failed maxReceiveCount times, as a redrive DLQ would. */
  readonly onDeadLetter: (body: string, receiveCount: number) => Promise<void>;
}

interface Message {
  readonly messageId: string;
  readonly body: string;
  receiveCount: number;
}

/**
 * An in-process stand-in for an SQS queue with an event source mapping: it batches messages,
 * redelivers only the ids a consumer reports as failed, and dead-letters after maxReceiveCount.
 * Delivery is at-least-once, like SQS: a consumer that throws gets the whole batch again.
 */
export class LocalQueue {
  private readonly waiting: Message[] = [];
  private readonly workers = new Set<Promise<void>>();

  constructor(private readonly options: LocalQueueOptions) {}

  send(body: string): string {
    const message = { messageId: randomUUID(), body, receiveCount: 0 };
    this.waiting.push(message);
    if (this.workers.size < this.options.concurrency) {
      const worker: Promise<void> = this.work().finally(() => this.workers.delete(worker));
      this.workers.add(worker);
    }
    return message.messageId;
  }

  /** Resolves when every message sent so far is consumed or dead-lettered. */
  async drained(): Promise<void> {
    while (this.workers.size > 0) await Promise.all(this.workers);
  }

  private async work(): Promise<void> {
    // Let a burst of sends gather into one batch, as the event source mapping's window does.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.batchSize);
      for (const message of batch) message.receiveCount++;
      const failed = await this.deliver(batch);
      for (const message of batch.filter((candidate) => failed.has(candidate.messageId))) {
        if (message.receiveCount >= this.options.maxReceiveCount) {
          await this.options.onDeadLetter(message.body, message.receiveCount);
        } else {
          this.waiting.push(message);
        }
      }
    }
  }

  private async deliver(batch: readonly Message[]): Promise<Set<string>> {
    try {
      const response = await this.options.consumer({ Records: batch.map(toRecord) });
      return new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch {
      return new Set(batch.map((message) => message.messageId));
    }
  }
}

function toRecord(message: Message): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.messageId,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:ingest',
    awsRegion: 'local',
  };
}
