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
  reject: 'Reject',
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
