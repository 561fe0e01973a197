import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../../shared/adapters/local/local-queue.js';

function queueWith(consumer: (event: SQSEvent) => Promise<SQSBatchResponse>) {
  const deadLetters: { body: string; receiveCount: number }[] = [];
  const queue = new LocalQueue({
    batchSize: 10,
    concurrency: 1,
    maxReceiveCount: 5,
    consumer,
    onDeadLetter: async (body, receiveCount) => {
      deadLetters.push({ body, receiveCount });
    },
  });
  return { queue, deadLetters };
}

describe('LocalQueue', () => {
  it('delivers a burst in batches of at most 10', async () => {
    const sizes: number[] = [];
    const { queue } = queueWith(async (event) => {
      sizes.push(event.Records.length);
      return { batchItemFailures: [] };
    });
    for (let index = 0; index < 25; index++) queue.send(`m${index}`);
    await queue.drained();
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('redelivers only reported failures, then dead-letters them after 5 receives', async () => {
    const seen: string[] = [];
    const { queue, deadLetters } = queueWith(async (event) => {
      seen.push(...event.Records.map((record) => record.body));
      const failed = event.Records.filter((record) => record.body === 'poison');
      return { batchItemFailures: failed.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    queue.send('good');
    queue.send('poison');
    await queue.drained();
    expect(seen.filter((body) => body === 'good')).toHaveLength(1);
    expect(seen.filter((body) => body === 'poison')).toHaveLength(5);
    expect(deadLetters).toEqual([{ body: 'poison', receiveCount: 5 }]);
  });

  it('runs several batches at once when allowed, delivering each message once', async () => {
    // Prepare
    let inFlight = 0;
    let widest = 0;
    const seen: string[] = [];
    const queue = new LocalQueue({
      batchSize: 10,
      concurrency: 3,
      maxReceiveCount: 5,
      consumer: async (event) => {
        inFlight++;
        widest = Math.max(widest, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(...event.Records.map((record) => record.body));
        inFlight--;
        return { batchItemFailures: [] };
      },
      onDeadLetter: async () => {},
    });
    // Act
    for (let index = 0; index < 60; index++) queue.send(`m${index}`);
    await queue.drained();
    // Assess
    expect(widest).toBe(3);
    expect(seen.sort()).toEqual(Array.from({ length: 60 }, (_, index) => `m${index}`).sort());
  });

  it('redelivers the whole batch when the consumer throws', async () => {
    let calls = 0;
    const { queue, deadLetters } = queueWith(async () => {
      calls++;
      if (calls === 1) throw new Error('cold start failed');
      return { batchItemFailures: [] };
    });
    queue.send('a');
    queue.send('b');
    await queue.drained();
    expect(calls).toBe(2);
    expect(deadLetters).toEqual([]);
  });
});
