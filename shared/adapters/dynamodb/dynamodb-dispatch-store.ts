import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DATE_SOURCES, type Dispatch } from '../../domain/index.js';
import type { DispatchQuery, DispatchStore, SaveOutcome } from '../../ports/dispatch-store.js';
import type { TextArchive } from '../../ports/object-source.js';
import type { DispatchSource, StoredDispatch } from '../../ports/stored-dispatch.js';
import { queryAll } from './query-all.js';
import {
  DISPATCHES_PARTITION,
  ENTITY,
  SCHEMA_VERSION,
  TABLE_KEYS,
  dispatchByDate,
  dispatchDateRange,
  dispatchKey,
} from './table-keys.js';

/** Text above this many UTF-8 bytes goes to S3: the item limit is 400 KB including everything else. */
export const INLINE_TEXT_LIMIT = 300_000;

const citationSchema = z.object({ outlet: z.string(), date: z.string(), offset: z.number() });
const itemSchema = z.object({
  entityType: z.literal(ENTITY.dispatch),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string(),
  publication: z.string().nullable(),
  volume: z.number().nullable(),
  issue: z.number().nullable(),
  author: z.string().optional(),
  title: z.string().optional(),
  date: z.string(),
  dateSource: z.enum(DATE_SOURCES),
  charset: z.string(),
  text: z.string().optional(),
  textRef: z.string().optional(),
  paragraphs: z.array(z.object({ start: z.number(), end: z.number(), citations: z.array(citationSchema) })),
  source: z.object({
    kind: z.literal('s3'),
    bucket: z.string(),
    key: z.string(),
    versionId: z.string().optional(),
    etag: z.string().optional(),
  }),
  ingestedAt: z.string(),
  duplicateDeliveries: z.number().default(0),
});
type DispatchItem = z.infer<typeof itemSchema>;

export class DynamoDbDispatchStore implements DispatchStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly archive: TextArchive,
  ) {}

  async saveDispatch(dispatch: Dispatch, source: DispatchSource, ingestedAt: Date): Promise<SaveOutcome> {
    const item = await this.toItem(dispatch, source, ingestedAt);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
        }),
      );
      return 'stored';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: dispatchKey(dispatch.id),
          UpdateExpression: 'ADD duplicateDeliveries :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      return 'duplicate';
    }
  }

  async getDispatch(id: string): Promise<StoredDispatch | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: dispatchKey(id) }));
    return result.Item ? this.fromItem(result.Item) : undefined;
  }

  async listDispatches(query: DispatchQuery): Promise<StoredDispatch[]> {
    const range = dispatchDateRange(query.from ?? '0000-00-00', query.to ?? '9999-99-99');
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: TABLE_KEYS.byKindIndex.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      ExpressionAttributeNames: { '#pk': TABLE_KEYS.byKindIndex.partitionKey, '#sk': TABLE_KEYS.byKindIndex.sortKey },
      ExpressionAttributeValues: { ':pk': DISPATCHES_PARTITION, ':low': range.low, ':high': range.high },
    });
    return Promise.all(items.map((item) => this.fromItem(item)));
  }

  async findIdsByPrefix(prefix: string): Promise<string[]> {
    const all = await this.listDispatches({});
    return all.map((stored) => stored.dispatch.id).filter((id) => id.startsWith(prefix));
  }

  private async toItem(dispatch: Dispatch, source: DispatchSource, ingestedAt: Date): Promise<DispatchItem> {
    const tooLarge = Buffer.byteLength(dispatch.text, 'utf8') > INLINE_TEXT_LIMIT;
    const textRef = tooLarge ? await this.archive.putText(dispatch.id, dispatch.text) : undefined;
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
      ...(textRef ? { textRef } : { text: dispatch.text }),
      paragraphs: paragraphOffsets(dispatch),
      source,
      ingestedAt: ingestedAt.toISOString(),
      duplicateDeliveries: 0,
    };
  }

  private async fromItem(raw: Record<string, unknown>): Promise<StoredDispatch> {
    const item = itemSchema.parse(raw);
    const text = item.text ?? (item.textRef ? await this.archive.getText(item.textRef) : '');
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
      paragraphs: item.paragraphs.map((paragraph) => ({
        text: text.slice(paragraph.start, paragraph.end),
        citations: paragraph.citations,
      })),
    };
    return {
      dispatch,
      source: item.source,
      ingestedAt: item.ingestedAt,
      duplicateDeliveries: item.duplicateDeliveries,
    };
  }
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
