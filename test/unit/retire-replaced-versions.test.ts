import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../shared/domain/index.js';
import type { DispatchStore, LatestAtKey } from '../../shared/ports/dispatch-store.js';
import type { PositionStore } from '../../shared/ports/position-store.js';
import type { StoredDispatch } from '../../shared/ports/stored-dispatch.js';
import { retireReplacedVersions, type Upload } from '../../shared/usecases/retire-replaced-versions.js';

const dispatch = (id: string): Dispatch => ({
  id,
  publication: 'Monitor',
  volume: 7,
  issue: 105,
  date: '2001-05-31',
  dateSource: 'header-citations',
  charset: 'utf-8',
  text: id,
  paragraphs: [],
});

/** A hand-written store of stored dispatches, keyed pointers and retirements, as DynamoDB keeps them. */
function storeOf(stored: { id: string; key: string }[]) {
  const dispatches = new Map<string, StoredDispatch>(
    stored.map(({ id, key }) => [
      id,
      {
        dispatch: dispatch(id),
        source: { kind: 's3', bucket: 'b', key },
        ingestedAt: '2026-12-01T00:00:00Z',
        duplicateDeliveries: 0,
      },
    ]),
  );
  const latest = new Map<string, LatestAtKey>();
  const store: Pick<DispatchStore, 'getDispatch' | 'latestAtKey' | 'recordLatestAtKey' | 'retire'> = {
    getDispatch: async (id) => dispatches.get(id),
    latestAtKey: async ({ key }) => latest.get(key),
    recordLatestAtKey: async ({ key }, next) => {
      const prior = latest.get(key);
      if (prior && prior.uploadedAt >= next.uploadedAt) return false;
      latest.set(key, next);
      return true;
    },
    retire: async (item, by) => {
      dispatches.set(item.dispatch.id, { ...item, replacedBy: by });
    },
  };
  return { store, replacedBy: (id: string) => dispatches.get(id)?.replacedBy };
}

const upload = (id: string, key: string, uploadedAt: string): Upload => ({
  dispatch: dispatch(id),
  bucket: 'b',
  key,
  uploadedAt,
});
/** These dispatches carry no stances, so no timeline is derived again: any call is a bug. */
const unused = async (): Promise<never> => {
  throw new Error('no timeline should be touched');
};
const positions: PositionStore = {
  observations: unused,
  stanceHistory: unused,
  withEvidence: unused,
  pairs: unused,
  replaceTimeline: unused,
  positionAsOf: unused,
  shiftsBetween: unused,
};
const run = (store: ReturnType<typeof storeOf>['store'], uploads: Upload[]) =>
  retireReplacedVersions({ dispatches: store, positions }, uploads);

describe('retiring the versions a newer upload replaced', () => {
  it('retires the older version, whichever event arrives first', async () => {
    // Prepare: version 2 (uploaded at 10:05) is handled before version 1 (10:00)
    const { store, replacedBy } = storeOf([
      { id: 'v1', key: 'incoming/a.txt' },
      { id: 'v2', key: 'incoming/a.txt' },
    ]);
    // Act
    await run(store, [upload('v2', 'incoming/a.txt', '2001-06-01T10:05:00Z')]);
    await run(store, [upload('v1', 'incoming/a.txt', '2001-06-01T10:00:00Z')]);
    // Assess
    expect([replacedBy('v1'), replacedBy('v2')]).toEqual(['v2', undefined]);
  });

  it('retires in upload order when several versions come in one batch', async () => {
    // Prepare
    const { store, replacedBy } = storeOf(['v1', 'v2', 'v3'].map((id) => ({ id, key: 'incoming/a.txt' })));
    // Act
    await run(store, [
      upload('v3', 'incoming/a.txt', '2001-06-01T10:10:00Z'),
      upload('v1', 'incoming/a.txt', '2001-06-01T10:00:00Z'),
      upload('v2', 'incoming/a.txt', '2001-06-01T10:05:00Z'),
    ]);
    // Assess
    expect(['v1', 'v2', 'v3'].map(replacedBy)).toEqual(['v2', 'v3', undefined]);
  });

  it('leaves a dispatch first stored from another key: the same text uploaded twice is not this key’s', async () => {
    // Prepare: "shared" was stored from b.txt, then also uploaded (a duplicate) to a.txt
    const { store, replacedBy } = storeOf([
      { id: 'shared', key: 'incoming/b.txt' },
      { id: 'fixed', key: 'incoming/a.txt' },
    ]);
    await run(store, [upload('shared', 'incoming/a.txt', '2001-06-01T10:00:00Z')]);
    // Act
    await run(store, [upload('fixed', 'incoming/a.txt', '2001-06-01T10:05:00Z')]);
    // Assess
    expect(replacedBy('shared')).toBeUndefined();
  });

  it('does nothing on a redelivery of the latest version', async () => {
    // Prepare
    const { store, replacedBy } = storeOf([{ id: 'v1', key: 'incoming/a.txt' }]);
    await run(store, [upload('v1', 'incoming/a.txt', '2001-06-01T10:00:00Z')]);
    // Act
    await run(store, [upload('v1', 'incoming/a.txt', '2001-06-01T10:00:00Z')]);
    // Assess
    expect(replacedBy('v1')).toBeUndefined();
  });
});
