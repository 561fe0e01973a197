import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedState, FeedStateStore } from '../../ports/feed-state.js';
import * as z from '../../zod.js';
import { batchGetKeys, writeAll } from './batch-writes.js';
import { queryAll } from './query-all.js';
import { ENTITY, FEEDS_PARTITION, feedItemKey, feedStateKey, SCHEMA_VERSION } from './table-keys.js';

const stateSchema = z.object({
  url: z.string(),
  name: z.string(),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  lastSuccess: z.optional(z.string()),
  lastAttempt: z.optional(z.string()),
  consecutiveFailures: z.number(),
  lastError: z.optional(z.string()),
  itemsStored: z.number(),
});

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

export class DynamoDbFeedStateStore implements FeedStateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(url: string): Promise<FeedState | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: feedStateKey(url) }),
    );
    return result.Item ? stateSchema.parse(result.Item) : undefined;
  }

  async save(state: FeedState): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...feedStateKey(state.url),
          entityType: ENTITY.feedState,
          schemaVersion: SCHEMA_VERSION,
          ...state,
        },
      }),
    );
  }

  async list(): Promise<FeedState[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': FEEDS_PARTITION },
    });
    return items.map((item) => stateSchema.parse(item));
  }

  async seenItems(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>> {
    const keys = itemIds.map((id) => ({ id, key: feedItemKey(hash(feedUrl), hash(id)) }));
    const found = await batchGetKeys(
      this.client,
      this.tableName,
      keys.map((item) => item.key),
    );
    return new Set(
      keys.filter((item) => found.has(`${item.key.pk}\u0000${item.key.sk}`)).map((item) => item.id),
    );
  }

  async markItemsSeen(feedUrl: string, itemIds: readonly string[], at: Date): Promise<void> {
    await writeAll(
      this.client,
      this.tableName,
      itemIds.map((id) => ({
        ...feedItemKey(hash(feedUrl), hash(id)),
        entityType: ENTITY.feedItem,
        schemaVersion: SCHEMA_VERSION,
        itemId: id,
        seenAt: at.toISOString(),
      })),
    );
  }
}
