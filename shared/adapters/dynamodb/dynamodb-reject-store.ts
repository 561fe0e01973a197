import { createHash } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RejectInput, RejectRecord, RejectSource, RejectStore } from '../../ports/reject-store.js';
import * as z from '../../zod.js';
import { queryAll } from './query-all.js';
import {
  ENTITY,
  REJECTS_PARTITION,
  rejectAtObjectKey,
  rejectByTime,
  rejectKey,
  rejectsAtObjectPartition,
  SCHEMA_VERSION,
  TABLE_KEYS,
} from './table-keys.js';

/** An SQS body is at most 256 KB, so a kept body always fits in an item. */
const MAX_KEPT_BODY = 256 * 1024;

const rejectSchema = z.object({
  entityType: z.literal(ENTITY.reject),
  id: z.string(),
  code: z.string(),
  message: z.string(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('s3'), bucket: z.string(), key: z.string(), version: z.string() }),
    z.object({ kind: z.literal('event'), body: z.string() }),
    z.object({
      kind: z.literal('feed-item'),
      feedUrl: z.string(),
      feedName: z.string(),
      guid: z.optional(z.string()),
      link: z.optional(z.string()),
      published: z.optional(z.string()),
      text: z.string(),
    }),
  ]),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  attempts: z.number(),
  status: z.enum(['open', 'replayed']),
  replayedAt: z.optional(z.string()),
  replayOutcome: z.optional(z.string()),
});

/** Names an uploaded object's key (bucket and key) in the table, however long the key. */
const objectDigest = (bucket: string, key: string) =>
  createHash('sha256').update(`${bucket}\n${key}`).digest('hex').slice(0, 32);

/** The same bad input always maps to one record. */
export function rejectId(source: RejectSource): string {
  const identity =
    source.kind === 's3'
      ? `s3\n${source.bucket}\n${source.key}\n${source.version}`
      : source.kind === 'event'
        ? `event\n${source.body}`
        : `feed\n${source.feedUrl}\n${source.guid ?? source.link ?? ''}\n${source.text}`;
  return createHash('sha256').update(identity).digest('hex').slice(0, 20);
}

export class DynamoDbRejectStore implements RejectStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordReject(reject: RejectInput, at: Date): Promise<RejectRecord> {
    const source: RejectSource =
      reject.source.kind === 'event'
        ? { kind: 'event', body: reject.source.body.slice(0, MAX_KEPT_BODY) }
        : reject.source;
    const id = rejectId(source);
    const now = at.toISOString();
    // One conditional-free upsert: first delivery creates the record, later ones count attempts.
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: rejectKey(id),
        UpdateExpression: [
          'SET entityType = :type, schemaVersion = :version, id = :id, code = :code, message = :message,',
          '#source = :source, lastSeenAt = :now, #status = :open,',
          'firstSeenAt = if_not_exists(firstSeenAt, :now),',
          '#gpk = :gpk, #gsk = if_not_exists(#gsk, :gsk)',
          'ADD attempts :one',
        ].join(' '),
        ExpressionAttributeNames: {
          '#source': 'source',
          '#status': 'status',
          '#gpk': TABLE_KEYS.byKindIndex.partitionKey,
          '#gsk': TABLE_KEYS.byKindIndex.sortKey,
        },
        ExpressionAttributeValues: {
          ':type': ENTITY.reject,
          ':version': SCHEMA_VERSION,
          ':id': id,
          ':code': reject.code,
          ':message': reject.message,
          ':source': source,
          ':now': now,
          ':open': 'open',
          ':gpk': REJECTS_PARTITION,
          ':gsk': rejectByTime(now, id).gsi1sk,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const record = rejectSchema.parse(result.Attributes);
    // Written after the record and idempotent: a failure here fails the delivery, whose retry writes both.
    if (source.kind === 's3')
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...rejectAtObjectKey(objectDigest(source.bucket, source.key), id),
            entityType: ENTITY.rejectAtObject,
            schemaVersion: SCHEMA_VERSION,
            id,
          },
        }),
      );
    return record;
  }

  async getReject(id: string): Promise<RejectRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: rejectKey(id) }));
    return result.Item ? rejectSchema.parse(result.Item) : undefined;
  }

  async listRejects(options: { readonly includeReplayed: boolean }): Promise<RejectRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: TABLE_KEYS.byKindIndex.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TABLE_KEYS.byKindIndex.partitionKey },
      ExpressionAttributeValues: { ':pk': REJECTS_PARTITION },
    });
    const rejects = items.map((item) => rejectSchema.parse(item));
    return options.includeReplayed ? rejects : rejects.filter((reject) => reject.status === 'open');
  }

  async openRejectsAt(
    objects: readonly { readonly bucket: string; readonly key: string }[],
  ): Promise<RejectRecord[]> {
    const digests = [...new Set(objects.map((object) => objectDigest(object.bucket, object.key)))];
    const ids = (
      await Promise.all(
        digests.map((digest) =>
          queryAll(this.client, {
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': rejectsAtObjectPartition(digest) },
          }),
        ),
      )
    ).flatMap((items) => items.map((item) => z.object({ id: z.string() }).parse(item).id));
    const records = await Promise.all(ids.map((id) => this.getReject(id)));
    return records
      .filter((record) => record?.status === 'open')
      .flatMap((record) => (record ? [record] : []));
  }

  async markReplayed(id: string, outcome: string, at: Date): Promise<void> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: rejectKey(id),
        UpdateExpression: 'SET #status = :replayed, replayedAt = :at, replayOutcome = :outcome',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':replayed': 'replayed', ':at': at.toISOString(), ':outcome': outcome },
        ReturnValues: 'ALL_NEW',
      }),
    );
    // A closed reject no longer needs finding by its key: later uploads there read less.
    const { source } = rejectSchema.parse(result.Attributes);
    if (source.kind === 's3')
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: rejectAtObjectKey(objectDigest(source.bucket, source.key), id),
        }),
      );
  }
}
