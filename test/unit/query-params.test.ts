import { describe, expect, it } from 'vitest';
import {
  actorParam,
  isNoSuchDay,
  isoDateParam,
  reversedRange,
  topicParam,
} from '../../shared/usecases/query-params.js';

describe('query parameters shared by the CLI and the query API', () => {
  it.each([
    ['2001-05-31', true],
    ['2000-02-29', true],
    ['2001-02-29', false],
    ['2001-02-30', false],
    ['2001-04-31', false],
    ['2001-13-01', false],
    ['31/05/2001', false],
    ['2001-5-31', false],
  ])('date %s is accepted: %s', (value, accepted) => {
    // Act
    const parsed = isoDateParam.safeParse(value);
    // Assess
    expect(parsed.success).toBe(accepted);
  });

  it.each([
    ['2001-02-30', true],
    ['2001-13-01', true],
    ['2001-5-31', false],
    ['tomorrow', false],
  ])('date %s is refused as no day of the calendar: %s', (value, noSuchDay) => {
    // Act
    const parsed = isoDateParam.safeParse(value);
    // Assess
    expect(parsed.error?.issues.some(isNoSuchDay)).toBe(noSuchDay);
  });

  it.each([
    ['RUS', 'RUS'],
    ['rus', 'RUS'],
    ['Nato', 'NATO'],
    [' usa ', 'USA'],
  ])('actor code %j reads as %s', (value, code) => {
    // Act
    const parsed = actorParam.safeParse(value);
    // Assess
    expect(parsed.data).toBe(code);
  });

  it.each(['russia', 'R', 'RU5', ''])('actor code %j is refused with what codes look like', (value) => {
    // Act
    const parsed = actorParam.safeParse(value);
    // Assess
    expect(parsed.error?.issues[0]?.message).toMatch(/ISO 3166-1 alpha-3/);
  });

  it('reads topic codes in any case', () => {
    // Act
    const parsed = topicParam.safeParse('start');
    // Assess
    expect(parsed.data).toBe('START');
  });

  it.each(['ABN', 'CTBT', 'start2', ''])(
    'topic %j outside the taxonomy is refused, naming the topics there are',
    (value) => {
      // Act
      const parsed = topicParam.safeParse(value);
      // Assess
      expect(parsed.error?.issues[0]?.message).toBe("must be one of the taxonomy's topics: ABM, NMD, START");
    },
  );

  it.each([
    [{ first: '2002-01-01', last: '2001-01-01' }, '2001-01-01 is before since 2002-01-01'],
    [{ first: '2001-01-01', last: '2001-01-01' }, undefined],
    [{ first: '2001-01-01', last: '2002-01-01' }, undefined],
    [{ first: '2002-01-01' }, undefined],
    [{ last: '2001-01-01' }, undefined],
  ])('range %j is reversed: %s', (range, problem) => {
    // Act
    const found = reversedRange(range, 'since');
    // Assess
    expect(found).toBe(problem);
  });
});
