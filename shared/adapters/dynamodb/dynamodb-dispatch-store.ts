import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Classification } from '../../domain/classify/classification.js';
import { classificationSchema } from '../../domain/classify/classification-schema.js';
import { DATE_SOURCES, type Dispatch } from '../../domain/index.js';
import { observationsFrom } from '../../domain/positions/index.js';
import type { DispatchQuery, DispatchStore, NewDispatch, SaveOutcome } from '../../ports/dispatch-store.js';
import type { TextArchive } from '../../ports/object-source.js';
import type { DispatchSource, StoredDispatch } from '../../ports/stored-dispatch.js';
import * as z from '../../zod.js';
import { batchGetExisting, type Item, putGroupsIfAbsent, writeAll } from './batch-writes.js';
import { observationItems } from './dynamodb-position-store.js';
import { queryAll, queryIndexRange } from './query-all.js';
import {
  DISPATCHES_PARTITION,
  dispatchByDate,
  dispatchDateRange,
  dispatchKey,
  ENTITY,
  SCHEMA_VERSION,
  TABLE_KEYS,
  tagKey,
} from './table-keys.js';

/**
 * A body (text and paragraph offsets) above this many bytes goes to S3 and the item keeps a
 * pointer: DynamoDB's item limit is 400 KB, and the rest of the item needs room.
 */
export const INLINE_BODY_LIMIT = 300_000;

const citationSchema = z.object({ outlet: z.string(), date: z.string(), offset: z.number() });
const paragraphSchema = z.object({ start: z.number(), end: z.number(), citations: z.array(citationSchema) });
const bodySchema = z.object({ text: z.string(), paragraphs: z.array(paragraphSchema) });
const itemSchema = z.object({
  entityType: z.literal(ENTITY.dispatch),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string(),
  publication: z.nullable(z.string()),
  volume: z.nullable(z.number()),
  issue: z.nullable(z.number()),
  author: z.optional(z.string()),
  title: z.optional(z.string()),
  date: z.string(),
  dateSource: z.enum(DATE_SOURCES),
  charset: z.string(),
  text: z.optional(z.string()),
  paragraphs: z.optional(z.array(paragraphSchema)),
  bodyRef: z.optional(z.string()),
  source: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('s3'),
      bucket: z.string(),
      key: z.string(),
      versionId: z.optional(z.string()),
      etag: z.optional(z.string()),
    }),
    z.object({
      kind: z.literal('feed'),
      feedUrl: z.string(),
      feedName: z.string(),
      guid: z.optional(z.string()),
      link: z.optional(z.string()),
    }),
  ]),
  ingestedAt: z.string(),
  duplicateDeliveries: z._default(z.number(), 0),
  classification: z.optional(classificationSchema),
});

export class DynamoDbDispatchStore implements DispatchStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly archive: TextArchive,
  ) {}

  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const found = await batchGetExisting(this.client, this.tableName, [...new Set(ids)].map(dispatchKey));
    return new Set(ids.filter((id) => found.has(dispatchKey(id).pk)));
  }

  async saveDispatches(entries: readonly NewDispatch[], ingestedAt: Date): Promise<SaveOutcome[]> {
    // The first entry of each id with a classification is a candidate; the rest are duplicates.
    const candidates = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (entry.classification && !candidates.has(entry.dispatch.id))
        candidates.set(entry.dispatch.id, index);
    });
    const groups = await Promise.all(
      [...candidates.values()].map(async (index) => {
        const entry = entries[index] as NewDispatch;
        const primary = await this.toItem(entry.dispatch, entry.source, ingestedAt, entry.classification);
        return { primary, companions: companionItems(entry.dispatch, entry.classification) };
      }),
    );
    // Conditional puts: a concurrent writer of the same text wins, and this one is a duplicate.
    const lostRace = await putGroupsIfAbsent(this.client, this.tableName, groups);
    const outcomes = entries.map(
      (entry, index): SaveOutcome =>
        candidates.get(entry.dispatch.id) === index && !lostRace.has(dispatchKey(entry.dispatch.id).pk)
          ? 'stored'
          : 'duplicate',
    );
    await Promise.all(
      entries
        .filter((_, index) => outcomes[index] === 'duplicate')
        .map((entry) =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: dispatchKey(entry.dispatch.id),
              UpdateExpression: 'ADD duplicateDeliveries :one',
              ConditionExpression: 'attribute_exists(#pk)',
              ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
              ExpressionAttributeValues: { ':one': 1 },
            }),
          ),
        ),
    );
    return outcomes;
  }

  async updateClassification(stored: StoredDispatch, classification: Classification): Promise<void> {
    const { dispatch } = stored;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: dispatchKey(dispatch.id),
        UpdateExpression: 'SET classification = :classification',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
        ExpressionAttributeValues: { ':classification': classification },
      }),
    );
    const next = companionItems(dispatch, classification);
    const kept = new Set(next.map((item) => `${item.pk}|${item.sk}`));
    const stale = companionItems(dispatch, stored.classification).filter(
      (item) => !kept.has(`${item.pk}|${item.sk}`),
    );
    await writeAll(this.client, this.tableName, next, stale);
  }

  async getDispatch(id: string): Promise<StoredDispatch | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: dispatchKey(id) }),
    );
    return result.Item ? this.fromItem(result.Item) : undefined;
  }

  async listDispatches(query: DispatchQuery): Promise<StoredDispatch[]> {
    const range = dispatchDateRange(query.from ?? '0000-00-00', query.to ?? '9999-99-99');
    const items = await queryIndexRange(
      this.client,
      this.tableName,
      DISPATCHES_PARTITION,
      range.low,
      range.high,
    );
    return Promise.all(items.map((item) => this.fromItem(item)));
  }

  async listTagged(
    tag: { readonly kind: 'TOPIC' | 'ACTOR'; readonly value: string },
    query: DispatchQuery,
  ): Promise<StoredDispatch[]> {
    const range = dispatchDateRange(query.from ?? '0000-00-00', query.to ?? '9999-99-99');
    const tags = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
      ExpressionAttributeValues: {
        ':pk': tagKey(tag.kind, tag.value, '', '').pk,
        ':low': range.low,
        ':high': range.high,
      },
    });
    const ids = tags.map((item) => z.object({ dispatchId: z.string() }).parse(item).dispatchId);
    const found = await Promise.all(ids.map((id) => this.getDispatch(id)));
    return found.filter((item): item is StoredDispatch => item !== undefined);
  }

  async findIdsByPrefix(prefix: string): Promise<string[]> {
    const all = await this.listDispatches({});
    return all.map((stored) => stored.dispatch.id).filter((id) => id.startsWith(prefix));
  }

  private async toItem(
    dispatch: Dispatch,
    source: DispatchSource,
    ingestedAt: Date,
    classification: Classification | undefined,
  ): Promise<{ pk: string; sk: string } & Record<string, unknown>> {
    const body = { text: dispatch.text, paragraphs: paragraphOffsets(dispatch) };
    const serialised = JSON.stringify(body);
    const tooLarge = Buffer.byteLength(serialised, 'utf8') > INLINE_BODY_LIMIT;
    const bodyRef = tooLarge ? await this.archive.putText(dispatch.id, serialised) : undefined;
    return {
      ...dispatchKey(dispatch.id),
      ...dispatchByDate(dispatch.date, dispatch.id),
      entityType: ENTITY.dispatch,
      schemaVersion: SCHEMA_VERSION,
      id: dispatch.id,
      publication: dispatch.publication,
      volume: dispatch.volume,
      issue: dispatch.issue,
      author: dispatch.author,
      title: dispatch.title,
      date: dispatch.date,
      dateSource: dispatch.dateSource,
      charset: dispatch.charset,
      ...(bodyRef ? { bodyRef } : body),
      source,
      ingestedAt: ingestedAt.toISOString(),
      duplicateDeliveries: 0,
      ...(classification ? { classification } : {}),
    };
  }

  private async fromItem(raw: Record<string, unknown>): Promise<StoredDispatch> {
    const item = itemSchema.parse(raw);
    const { text, paragraphs } = item.bodyRef
      ? bodySchema.parse(JSON.parse(await this.archive.getText(item.bodyRef)))
      : bodySchema.parse({ text: item.text, paragraphs: item.paragraphs });
    const dispatch: Dispatch = {
      id: item.id,
      publication: item.publication,
      volume: item.volume,
      issue: item.issue,
      ...(item.author ? { author: item.author } : {}),
      ...(item.title ? { title: item.title } : {}),
      date: item.date,
      dateSource: item.dateSource,
      charset: item.charset,
      text,
      paragraphs: paragraphs.map((paragraph) => ({
        text: text.slice(paragraph.start, paragraph.end),
        citations: paragraph.citations,
      })),
    };
    return {
      dispatch,
      ...(item.classification ? { classification: item.classification } : {}),
      source: item.source,
      ingestedAt: item.ingestedAt,
      duplicateDeliveries: item.duplicateDeliveries,
    };
  }
}

/** What is written with a dispatch, in its transaction: its topic and actor tags and its stance observations. */
function companionItems(dispatch: Dispatch, classification: Classification | undefined): Item[] {
  if (!classification) return [];
  const tag = (kind: 'TOPIC' | 'ACTOR', value: string): Item => ({
    ...tagKey(kind, value, dispatch.date, dispatch.id),
    entityType: ENTITY.tag,
    schemaVersion: SCHEMA_VERSION,
    dispatchId: dispatch.id,
  });
  return [
    ...classification.topics.map((topic) => tag('TOPIC', topic.topic)),
    ...classification.actors.map((actor) => tag('ACTOR', actor.actor)),
    ...observationItems(observationsFrom(dispatch, classification)),
  ];
}

/** Paragraphs are stored as offsets into the text, so the text is kept once. */
function paragraphOffsets(dispatch: Dispatch) {
  let start = 0;
  return dispatch.paragraphs.map((paragraph) => {
    const offsets = { start, end: start + paragraph.text.length, citations: [...paragraph.citations] };
    start = offsets.end + 2;
    return offsets;
  });
}
