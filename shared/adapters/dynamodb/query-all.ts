import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS } from './table-keys.js';

/** Runs a Query to the last page: a page stops at 1 MB, and a partial answer would be a silent lie. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every item of one partition of the by-kind index with a sort key in [low, high]. */
export function queryIndexRange(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  low: string,
  high: string,
): Promise<Record<string, unknown>[]> {
  const index = TABLE_KEYS.byKindIndex;
  return queryAll(client, {
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
    ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
    ExpressionAttributeValues: { ':pk': partition, ':low': low, ':high': high },
  });
}
