import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS } from './table-keys.js';

export type Key = { readonly pk: string; readonly sk: string };
export type Item = Key & Record<string, unknown>;

const BATCH_GET_LIMIT = 100;
/** TransactWriteItems takes up to 100 items and 4 MB; a dispatch group is at most ~350 KB. */
const TRANSACTION_ITEMS = 100;
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
  const found = await batchGetKeys(client, tableName, keys);
  return new Set([...found].map((composite) => composite.split('\u0000')[0] as string));
}

/** Which of the keys exist, as "pk\u0000sk" strings, following UnprocessedKeys with backoff. */
export async function batchGetKeys(
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
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ProjectionExpression: `${TABLE_KEYS.partitionKey}, ${TABLE_KEYS.sortKey}`,
            },
          },
        }),
      );
      for (const item of response.Responses?.[tableName] ?? []) {
        const pk = item[TABLE_KEYS.partitionKey];
        const sk = item[TABLE_KEYS.sortKey];
        if (typeof pk === 'string' && typeof sk === 'string') found.add(`${pk}\u0000${sk}`);
      }
      pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

/** An item written only if its key is free, with the items that belong to it (indexes, observations). */
export interface ItemGroup {
  readonly primary: Item;
  readonly companions: readonly Item[];
}

/**
 * Writes each group in a transaction with as many other groups as the limits allow: the primary
 * only if its key is still free, the companions with it or not at all. Returns the partition keys
 * of primaries that existed already (a concurrent writer won); their companions are not written.
 */
export async function putGroupsIfAbsent(
  client: DynamoDBDocumentClient,
  tableName: string,
  groups: readonly ItemGroup[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of chunks(groups)) {
    let pending = chunk;
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new WriteNotCompletedError(`transaction of ${pending.length} groups kept conflicting`);
      if (round > 0) await pause(round);
      const items = pending.flatMap((group) => {
        return [
          {
            Put: {
              TableName: tableName,
              Item: group.primary,
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
            },
          },
          ...group.companions.map((item) => ({ Put: { TableName: tableName, Item: item } })),
        ];
      });
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        pending = [];
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        // Reasons line up with the items: find each group's primary and see whether its condition failed.
        let offset = 0;
        const failed = new Set<ItemGroup>();
        for (const group of pending) {
          if (reasons[offset]?.Code === 'ConditionalCheckFailed') failed.add(group);
          offset += 1 + group.companions.length;
        }
        for (const group of failed) taken.add(group.primary.pk);
        pending = pending.filter((group) => !failed.has(group));
      }
    }
  }
  return taken;
}

/** Puts and deletes in batches of 25, retrying unprocessed items with backoff until none is left. */
export async function writeAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  puts: readonly Item[],
  deletes: readonly Key[] = [],
): Promise<void> {
  const requests: Record<string, unknown>[] = [
    ...puts.map((item) => ({ PutRequest: { Item: item } })),
    ...deletes.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })),
  ];
  for (let offset = 0; offset < requests.length; offset += 25) {
    let pending = requests.slice(offset, offset + 25);
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new WriteNotCompletedError(
          `${pending.length} writes still unprocessed after ${round} attempts`,
        );
      if (round > 0) await pause(round);
      const response: { UnprocessedItems?: Record<string, Record<string, unknown>[]> } = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = response.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

function chunks(groups: readonly ItemGroup[]): ItemGroup[][] {
  const result: ItemGroup[][] = [];
  let current: ItemGroup[] = [];
  let bytes = 0;
  let count = 0;
  for (const item of groups) {
    const size = JSON.stringify(item).length;
    const items = 1 + item.companions.length;
    if (current.length > 0 && (count + items > TRANSACTION_ITEMS || bytes + size > TRANSACTION_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
      count = 0;
    }
    current.push(item);
    bytes += size;
    count += items;
  }
  if (current.length > 0) result.push(current);
  return result;
}
