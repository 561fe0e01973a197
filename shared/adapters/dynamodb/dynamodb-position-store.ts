import { createHash } from 'node:crypto';
import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { evidenceSchema } from '../../domain/classify/classification-schema.js';
import {
  type Observation,
  type PositionState,
  restatedBy,
  type Shift,
} from '../../domain/positions/index.js';
import type { Pair, PositionStore } from '../../ports/position-store.js';
import * as z from '../../zod.js';
import { type Item, writeAll } from './batch-writes.js';
import { queryAll, queryIndexRange } from './query-all.js';
import {
  ENTITY,
  observationKey,
  PAIRS_PARTITION,
  pairKey,
  positionPartition,
  SCHEMA_VERSION,
  SHIFTS_PARTITION,
  shiftByDate,
  shiftKey,
  stateKey,
} from './table-keys.js';

const stanceSchema = z.enum(['support', 'oppose', 'mixed']);
const observationSchema = z.object({
  actor: z.string(),
  topic: z.string(),
  stance: stanceSchema,
  strength: z.number(),
  dispatchId: z.string(),
  dispatchDate: z.string(),
  evidence: z.array(evidenceSchema),
  statementKey: z.string(),
});
const stateSchema = z.object({
  actor: z.string(),
  topic: z.string(),
  stance: stanceSchema,
  since: z.string(),
  strength: z.number(),
  basis: z.array(observationSchema),
});
const shiftSchema = z.object({
  kind: z.enum(['new', 'shift', 'hardened', 'softened']),
  actor: z.string(),
  topic: z.string(),
  date: z.string(),
  from: z.nullable(stanceSchema),
  to: stanceSchema,
  before: z.array(observationSchema),
  after: z.array(observationSchema),
});
const keyOnly = z.object({ pk: z.string(), sk: z.string(), contentHash: z.optional(z.string()) });
const contentHash = (item: Item) => createHash('sha256').update(JSON.stringify(item)).digest('base64url');

/**
 * The items stored with a dispatch, in its transaction: one observation per stance. Each has a
 * key of its own, so concurrent ingests never contend for an item (the pair list is written when
 * the timeline is derived).
 */
export function observationItems(observations: readonly Observation[]): Item[] {
  return observations.map((observation) => ({
    ...observationKey(observation.actor, observation.topic, observation.dispatchDate, observation.dispatchId),
    entityType: ENTITY.observation,
    schemaVersion: SCHEMA_VERSION,
    ...observation,
  }));
}

const firstEvidence = (observation: Observation): Observation => ({
  ...observation,
  evidence: observation.evidence.slice(0, 1),
});

/** Statements read per page for an as-of position's evidence, and how many distinct ones it needs. */
const RESTATEMENT_PAGE = 20;
const RESTATEMENTS_WANTED = 3;

export class DynamoDbPositionStore implements PositionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async observations(
    pair: Pair,
    range: { readonly since?: string; readonly until?: string } = {},
  ): Promise<Observation[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
      ExpressionAttributeValues: {
        ':pk': positionPartition(pair.actor, pair.topic),
        ':low': `OBS#${range.since ?? ''}`,
        ':high': `OBS#${range.until ?? '9999-99-99'}#~`,
      },
    });
    return items.map((item) => observationSchema.parse(item));
  }

  async stanceHistory(pair: Pair): Promise<Observation[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :obs)',
      ExpressionAttributeValues: { ':pk': positionPartition(pair.actor, pair.topic), ':obs': 'OBS#' },
      ProjectionExpression: 'actor, topic, stance, strength, dispatchId, dispatchDate, statementKey',
    });
    return items.map((item) => observationSchema.parse({ ...item, evidence: [] }));
  }

  async withEvidence(observations: readonly Observation[]): Promise<Observation[]> {
    const keys = [
      ...new Map(
        observations.map((item) => {
          const key = observationKey(item.actor, item.topic, item.dispatchDate, item.dispatchId);
          return [`${key.pk}|${key.sk}`, key];
        }),
      ).values(),
    ];
    const found = new Map<string, Observation>();
    for (let offset = 0; offset < keys.length; offset += 100) {
      let pending: Record<string, unknown>[] = keys.slice(offset, offset + 100);
      for (let round = 0; pending.length > 0 && round < 5; round++) {
        const response = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
        );
        for (const item of response.Responses?.[this.tableName] ?? []) {
          const observation = observationSchema.parse(item);
          found.set(`${observation.dispatchId}|${observation.dispatchDate}`, observation);
        }
        pending = response.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
      if (pending.length > 0) throw new Error(`${pending.length} observations could not be read back`);
    }
    return observations.map((item) => found.get(`${item.dispatchId}|${item.dispatchDate}`) ?? item);
  }

  async pairs(): Promise<Pair[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': PAIRS_PARTITION },
    });
    return items.map((item) => z.object({ actor: z.string(), topic: z.string() }).parse(item));
  }

  async replaceTimeline(
    pair: Pair,
    states: readonly PositionState[],
    shifts: readonly Shift[],
  ): Promise<void> {
    const partition = positionPartition(pair.actor, pair.topic);
    const existing = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
      ExpressionAttributeValues: { ':pk': partition, ':low': 'SHIFT#', ':high': 'STATE#~' },
      ProjectionExpression: 'pk, sk, contentHash',
    });
    const puts: Item[] = [
      {
        ...pairKey(pair.actor, pair.topic),
        entityType: ENTITY.pair,
        schemaVersion: SCHEMA_VERSION,
        actor: pair.actor,
        topic: pair.topic,
      },
      ...states.map((state, index) => ({
        ...stateKey(pair.actor, pair.topic, state.since, index),
        entityType: ENTITY.positionState,
        schemaVersion: SCHEMA_VERSION,
        ...state,
      })),
      ...shifts.map((shift, index) => ({
        ...shiftKey(pair.actor, pair.topic, shift.date, index),
        ...shiftByDate(shift.date, pair.actor, pair.topic, index),
        entityType: ENTITY.shift,
        schemaVersion: SCHEMA_VERSION,
        ...shift,
        // A shift item is read by every "what moved" query: it keeps the last statement before
        // and the statements after, each with its first sentence of evidence.
        before: shift.before.slice(-1).map(firstEvidence),
        after: shift.after.slice(-2).map(firstEvidence),
      })),
    ];
    // Only what changed is written: a new statement usually touches the last state alone.
    const stored = new Map(
      existing.map((item) => keyOnly.parse(item)).map((key) => [key.sk, key.contentHash]),
    );
    const hashed = puts.map((item) => ({ ...item, contentHash: contentHash(item) }));
    const changed = hashed.filter(
      (item) => item.pk !== partition || stored.get(item.sk) !== item.contentHash,
    );
    const kept = new Set(hashed.filter((item) => item.pk === partition).map((item) => item.sk));
    const stale = [...stored.keys()].filter((sk) => !kept.has(sk)).map((sk) => ({ pk: partition, sk }));
    await writeAll(this.client, this.tableName, changed, stale);
  }

  async positionAsOf(pair: Pair, date: string): Promise<PositionState | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: {
          ':pk': positionPartition(pair.actor, pair.topic),
          ':low': 'STATE#',
          ':high': `STATE#${date}#~`,
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = result.Items?.[0];
    if (!item) return undefined;
    // The stored basis holds the latest restatements of all; a reader of this date gets those
    // made by then, from the pair's statements since the state began (one more Query). A state
    // stored before its basis kept the statement that set it (2026-12-01) gets its restatements.
    const state = stateSchema.parse(item);
    return restatedBy(state, await this.latestRestatements(pair, state, date), date);
  }

  /**
   * The newest few distinct statements of the state's stance from its start to the date, newest
   * first, a page at a time: a timeline of thousands of statements is not read for three.
   */
  private async latestRestatements(pair: Pair, state: PositionState, date: string): Promise<Observation[]> {
    const found = new Map<string, Observation>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ExpressionAttributeValues: {
            ':pk': positionPartition(pair.actor, pair.topic),
            ':low': `OBS#${state.since}`,
            ':high': `OBS#${date}#~`,
          },
          ScanIndexForward: false,
          Limit: RESTATEMENT_PAGE,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const observation = observationSchema.parse(item);
        if (observation.stance === state.stance && !found.has(observation.statementKey))
          found.set(observation.statementKey, observation);
      }
      start = page.LastEvaluatedKey;
    } while (start && found.size < RESTATEMENTS_WANTED);
    return [...found.values()];
  }

  async shiftsBetween(since: string, until: string): Promise<Shift[]> {
    const items = await queryIndexRange(
      this.client,
      this.tableName,
      SHIFTS_PARTITION,
      `${since}#`,
      `${until}#~`,
    );
    return items.map((item) => shiftSchema.parse(item));
  }
}
