import { describe, expect, it } from 'vitest';
import { findReject } from '../../cli/commands/replay.js';
import type { RejectRecord, RejectStore } from '../../shared/ports/reject-store.js';

const reject = (id: string): RejectRecord => ({
  id,
  code: 'empty',
  message: 'dispatch is empty (0 bytes)',
  source: { kind: 's3', bucket: 'b', key: `incoming/${id}.txt`, version: 'v1' },
  firstSeenAt: '2001-01-01T00:00:00.000Z',
  lastSeenAt: '2001-01-01T00:00:00.000Z',
  attempts: 1,
  status: 'open',
});

/** A hand-written reject store holding three rejects, two of them sharing a 7-character prefix. */
const records = [
  reject('91855494306f2c4d8539'),
  reject('0acd0cc8f0eecb91f8d6'),
  reject('0acd0cc1111111111111'),
];
const store: Pick<RejectStore, 'getReject' | 'listRejects'> = {
  getReject: async (id) => records.find((record) => record.id === id),
  listRejects: async () => records,
};

describe('finding a reject by id or prefix for replay', () => {
  it.each([
    ['91855494306f2c4d8539', '91855494306f2c4d8539'],
    ['918554', '91855494306f2c4d8539'],
    ['0acd0cc8', '0acd0cc8f0eecb91f8d6'],
    ['91855494306F', '91855494306f2c4d8539'],
  ])('%s finds %s', async (given, id) => {
    // Act
    const found = await findReject(store, given);
    // Assess
    expect(found.id).toBe(id);
  });

  it('prefers the one open reject to a closed one sharing its prefix', async () => {
    // Prepare
    const closed = { ...reject('91855494300000000000'), status: 'replayed' as const };
    const both: Pick<RejectStore, 'getReject' | 'listRejects'> = {
      getReject: async () => undefined,
      listRejects: async () => [...records, closed],
    };
    // Act
    const found = await findReject(both, '918554');
    // Assess
    expect(found.id).toBe('91855494306f2c4d8539');
  });

  it.each([
    ['0acd0cc', /2 reject ids start with 0acd0cc: 0acd0cc8f0eecb91f8d6, 0acd0cc1111111111111; give more/],
    ['abcdef', /no reject id starts with abcdef/],
    ['9185', /"9185" is not a reject id \(20 hex characters, or a prefix of 6 or more\)/],
    ['not-an-id', /is not a reject id/],
  ])('%s is refused: %s', async (given, message) => {
    // Act
    const found = findReject(store, given);
    // Assess
    await expect(found).rejects.toThrow(message);
  });
});
