import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS } from './table-keys.js';

type Key = { readonly pk: string; readonly sk: string };
type Item = Key & Record<string, unknown>;

const BATCH_GET_LIMIT = 100;
/** TransactWriteItems takes up to 100 items and 4 MB; dispatch items are at most ~300 KB. */
const TRANSACTION_ITEMS = 25;
const TRANSACTION_BYTES = 3_000_000;
const MAX_ROUNDS = 5;

/** Unprocessed keys or conflicting transactions that did not clear: surfaced, never dropped. */
export class WriteNotCompletedError extends Error {
  override readonly name = 'WriteNotCompletedError';
}

const pause = (round: number) => new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));

/** The partition keys of those keys that exist, following UnprocessedKeys with backoff. */
export async function batchGetExisting(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let offset = 0; offset < keys.length; offset += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = keys
      .slice(offset, offset + BATCH_GET_LIMIT)
      .map((key) => ({ ...key }));
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new WriteNotCompletedError(`${pending.length} keys still unprocessed after ${round} reads`);
      if (round > 0) await pause(round);
      const response = await client.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: TABLE_KEYS.partitionKey } },
        }),
      );
      for (const item of response.Responses?.[tableName] ?? []) {
        const pk = item[TABLE_KEYS.partitionKey];
        if (typeof pk === 'string') found.add(pk);
      }
      pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

/**
 * Puts every item only if its key is still free, in as few transactions as the limits allow.
 * Returns the partition keys that turned out to exist already (a concurrent writer won).
 */
export async function putAllIfAbsent(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of chunks(items)) {
    let pending = chunk;
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new WriteNotCompletedError(`transaction of ${pending.length} items kept conflicting`);
      if (round > 0) await pause(round);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: pending.map((item) => ({
              Put: {
                TableName: tableName,
                Item: item,
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
              },
            })),
          }),
        );
        pending = [];
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        // Items whose condition failed exist already; the rest were only cancelled with them.
        const failed = new Set(
          pending.filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed'),
        );
        for (const item of failed) taken.add(item.pk);
        pending = pending.filter((item) => !failed.has(item));
      }
    }
  }
  return taken;
}

function chunks(items: readonly Item[]): Item[][] {
  const result: Item[][] = [];
  let current: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (current.length === TRANSACTION_ITEMS || (current.length > 0 && bytes + size > TRANSACTION_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
