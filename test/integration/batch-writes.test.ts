import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  batchGetExisting,
  putGroupsIfAbsent,
  writeAll,
} from '../../shared/adapters/dynamodb/batch-writes.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { createDynamoDbClients } from '../../shared/adapters/dynamodb/dynamodb-clients.js';

describe('conditional batch writes on DynamoDB Local', () => {
  const tableName = `batch-${randomUUID().slice(0, 8)}`;
  const clients = createDynamoDbClients({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  beforeAll(() => ensureTable(clients.dynamoDbClient, tableName));
  afterAll(() => clients.dynamoDbClient.destroy());

  it('writes the free keys of a cancelled transaction and reports the taken ones, keeping the first writer', async () => {
    // Prepare: another writer got to "a" first
    await clients.documentClient.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'a', sk: '#', by: 'first' } }),
    );
    // Act
    const taken = await putGroupsIfAbsent(clients.documentClient, tableName, [
      { primary: { pk: 'a', sk: '#', by: 'second' }, companions: [{ pk: 'a-index', sk: '#' }] },
      { primary: { pk: 'b', sk: '#', by: 'second' }, companions: [{ pk: 'b-index', sk: '#' }] },
    ]);
    // Assess
    expect([...taken]).toEqual(['a']);
    const a = await clients.documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'a', sk: '#' } }),
    );
    const b = await clients.documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'b', sk: '#' } }),
    );
    expect([a.Item?.by, b.Item?.by]).toEqual(['first', 'second']);
    const companions = await batchGetExisting(clients.documentClient, tableName, [
      { pk: 'a-index', sk: '#' },
      { pk: 'b-index', sk: '#' },
    ]);
    expect([...companions]).toEqual(['b-index']);
  });

  it('writes more groups than one transaction holds, never splitting a group', async () => {
    const items = Array.from({ length: 60 }, (_, index) => ({ pk: `many-${index}`, sk: '#' }));
    const groups = items.map((primary) => ({
      primary,
      companions: [
        { pk: `${primary.pk}-x`, sk: '#' },
        { pk: `${primary.pk}-y`, sk: '#' },
      ],
    }));
    const taken = await putGroupsIfAbsent(clients.documentClient, tableName, groups);
    expect(taken.size).toBe(0);
    const existing = await batchGetExisting(clients.documentClient, tableName, [
      ...items,
      { pk: 'absent', sk: '#' },
    ]);
    expect(existing.size).toBe(60);
    expect(existing.has('absent')).toBe(false);
    expect(
      (
        await batchGetExisting(
          clients.documentClient,
          tableName,
          groups.flatMap((group) => group.companions),
        )
      ).size,
    ).toBe(120);
  });

  it('writes and deletes more than one batch of 25', async () => {
    const items = Array.from({ length: 40 }, (_, index) => ({ pk: `w-${index}`, sk: '#' }));
    await writeAll(clients.documentClient, tableName, items);
    await writeAll(clients.documentClient, tableName, [], items.slice(0, 30));
    expect((await batchGetExisting(clients.documentClient, tableName, items)).size).toBe(10);
  });
});
