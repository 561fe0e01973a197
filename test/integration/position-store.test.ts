import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeAll } from '../../shared/adapters/dynamodb/batch-writes.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { createDynamoDbClients } from '../../shared/adapters/dynamodb/dynamodb-clients.js';
import {
  DynamoDbPositionStore,
  observationItems,
} from '../../shared/adapters/dynamodb/dynamodb-position-store.js';
import { derivePositions, type Observation } from '../../shared/domain/positions/index.js';

const statement = (actor: string, topic: string, date: string): Observation => ({
  actor,
  topic,
  stance: 'support',
  strength: 0.8,
  dispatchId: `dispatch-${date}`,
  dispatchDate: date,
  evidence: [{ text: `It backed the treaty on ${date}.`, start: 0, end: 30, speaker: actor, citation: null }],
  statementKey: `${actor}|${topic}|${date}`,
});

describe('the position store on DynamoDB Local', () => {
  const tableName = `positions-${randomUUID().slice(0, 8)}`;
  const clients = createDynamoDbClients({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = new DynamoDbPositionStore(clients.documentClient, tableName);
  beforeAll(() => ensureTable(clients.dynamoDbClient, tableName));
  afterAll(() => clients.dynamoDbClient.destroy());

  it('reads a position as of a date on the statements reported by then', async () => {
    // Prepare: a position set in 2000 and restated in 2002
    const pair = { actor: 'RUS', topic: 'START' };
    const said = ['2000-04-14', '2001-05-04', '2001-07-23', '2002-01-10', '2002-06-17'].map((date) =>
      statement('RUS', 'START', date),
    );
    await writeAll(clients.documentClient, tableName, observationItems(said));
    const timeline = derivePositions('RUS', 'START', said);
    await store.replaceTimeline(pair, timeline.states, timeline.shifts);
    // Act
    const then = await store.positionAsOf(pair, '2000-05-01');
    const later = await store.positionAsOf(pair, '2001-12-31');
    const now = await store.positionAsOf(pair, '2002-12-31');
    // Assess: the statement that set it, then the latest restatements by the date
    expect(then?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14']);
    expect(later?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14', '2001-05-04', '2001-07-23']);
    expect(now?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14', '2002-01-10', '2002-06-17']);
  });

  it('reads a state stored without the statement that set it on that statement, not on later ones', async () => {
    // Prepare: a state as derivations before 2026-12-01 stored it, its basis only later restatements
    const pair = { actor: 'CHN', topic: 'NMD' };
    const said = ['2000-07-18', '2001-07-16', '2001-11-14'].map((date) => statement('CHN', 'NMD', date));
    await writeAll(clients.documentClient, tableName, observationItems(said));
    const timeline = derivePositions('CHN', 'NMD', said);
    const [first] = timeline.states;
    if (!first) throw new Error('no state derived');
    await store.replaceTimeline(pair, [{ ...first, basis: first.basis.slice(1) }], timeline.shifts);
    // Act
    const then = await store.positionAsOf(pair, '2000-12-31');
    // Assess
    expect(then?.basis.map((item) => item.dispatchDate)).toEqual(['2000-07-18']);
  });
});
