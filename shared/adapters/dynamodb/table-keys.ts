/**
 * Every key format of the single treatywatch table. The CDK table definition imports the
 * attribute and index names from here, so code and infrastructure cannot drift apart.
 * No SDK imports: this file is plain data and string builders.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  byKindIndex: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

export const SCHEMA_VERSION = 1;

export const ENTITY = {
  dispatch: 'Dispatch',
  observation: 'Observation',
  positionState: 'PositionState',
  shift: 'Shift',
  pair: 'Pair',
  tag: 'Tag',
  digest: 'Digest',
  feedState: 'FeedState',
  feedItem: 'FeedItem',
  reject: 'Reject',
  rejectAtObject: 'RejectAtObject',
} as const;

const SORT_SELF = '#';

export const dispatchKey = (id: string) => ({ pk: `DISPATCH#${id}`, sk: SORT_SELF });
/** All dispatches, in date order, under one index partition (a dispatch a second is far below its limit). */
export const dispatchByDate = (date: string, id: string) => ({
  gsi1pk: 'DISPATCHES',
  gsi1sk: `${date}#${id}`,
});
export const DISPATCHES_PARTITION = 'DISPATCHES';
/** Sort-key bounds for an inclusive ISO date range; '~' sorts after every id character. */
export const dispatchDateRange = (from: string, to: string) => ({ low: `${from}#`, high: `${to}#~` });

export const rejectKey = (id: string) => ({ pk: `REJECT#${id}`, sk: SORT_SELF });
export const rejectByTime = (firstSeenAt: string, id: string) => ({
  gsi1pk: 'REJECTS',
  gsi1sk: `${firstSeenAt}#${id}`,
});
export const REJECTS_PARTITION = 'REJECTS';
/**
 * The rejects of one uploaded object's key, whatever its version: a fixed file uploaded again to
 * the key closes them (one Query per stored key, not a read of every reject). The partition is
 * named by a digest of bucket and key, which may be long; the digest is made by the caller.
 */
export const rejectsAtObjectPartition = (objectDigest: string) => `REJECTAT#${objectDigest}`;
export const rejectAtObjectKey = (objectDigest: string, id: string) => ({
  pk: rejectsAtObjectPartition(objectDigest),
  sk: `REJECT#${id}`,
});

/** Positions: one partition per actor and topic holds its observations, states and shifts. */
export const positionPartition = (actor: string, topic: string) => `POSITION#${actor}#${topic}`;
export const observationKey = (actor: string, topic: string, date: string, dispatchId: string) => ({
  pk: positionPartition(actor, topic),
  sk: `OBS#${date}#${dispatchId}`,
});
export const stateKey = (actor: string, topic: string, since: string, index: number) => ({
  pk: positionPartition(actor, topic),
  sk: `STATE#${since}#${String(index).padStart(4, '0')}`,
});
export const shiftKey = (actor: string, topic: string, date: string, index: number) => ({
  pk: positionPartition(actor, topic),
  sk: `SHIFT#${date}#${String(index).padStart(4, '0')}`,
});
/** Every shift of every pair, by date, for "what moved since…". */
export const SHIFTS_PARTITION = 'SHIFTS';
export const shiftByDate = (date: string, actor: string, topic: string, index: number) => ({
  gsi1pk: SHIFTS_PARTITION,
  gsi1sk: `${date}#${actor}#${topic}#${String(index).padStart(4, '0')}`,
});
/** The list of (actor, topic) pairs that have a timeline. */
export const PAIRS_PARTITION = 'PAIRS';
export const pairKey = (actor: string, topic: string) => ({ pk: PAIRS_PARTITION, sk: `${actor}#${topic}` });
/** Dispatches by topic or actor, by date. */
export const tagKey = (kind: 'TOPIC' | 'ACTOR', value: string, date: string, dispatchId: string) => ({
  pk: `TAG#${kind}#${value}`,
  sk: `${date}#${dispatchId}`,
});
/** One record per digest date, written with a condition so a digest is sent once. */
export const digestKey = (date: string) => ({ pk: 'DIGEST', sk: date });

/** Feeds: one state item per feed URL under one partition, and a receipt per item seen. */
export const FEEDS_PARTITION = 'FEED';
export const feedStateKey = (url: string) => ({ pk: FEEDS_PARTITION, sk: url });
export const feedItemKey = (urlHash: string, itemHash: string) => ({
  pk: `FEEDITEM#${urlHash}`,
  sk: itemHash,
});
