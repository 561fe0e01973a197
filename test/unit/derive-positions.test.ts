import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stance } from '../../shared/domain/classify/index.js';
import { derivePositions, type Observation, positionAsOf } from '../../shared/domain/positions/index.js';

function observation(
  date: string,
  stance: Stance,
  strength: number,
  statement = `${date}-${stance}-${strength}`,
): Observation {
  return {
    actor: 'RUS',
    topic: 'START',
    stance,
    strength,
    dispatchId: `d-${date}-${statement}`,
    dispatchDate: date,
    evidence: [{ text: statement, start: 0, end: statement.length, speaker: 'Igor Ivanov', citation: null }],
    statementKey: `RUS|START|${statement}`,
  };
}

const kinds = (items: Observation[]) =>
  derivePositions('RUS', 'START', items).shifts.map((shift) => `${shift.date} ${shift.kind} ${shift.to}`);

describe('derivePositions', () => {
  it.each<[string, Observation[], string[]]>([
    [
      'the first statement is a new position',
      [observation('2001-01-01', 'support', 0.5)],
      ['2001-01-01 new support'],
    ],
    [
      'one weak contrary statement does not flip a position',
      [
        observation('2001-01-01', 'support', 0.8),
        observation('2001-02-01', 'oppose', 0.4),
        observation('2001-03-01', 'support', 0.7),
      ],
      ['2001-01-01 new support'],
    ],
    [
      'a clear statement flips it at once',
      [observation('2001-01-01', 'support', 0.8), observation('2001-02-01', 'oppose', 0.9)],
      ['2001-01-01 new support', '2001-02-01 shift oppose'],
    ],
    [
      'two weak contrary statements in a row flip it',
      [
        observation('2001-01-01', 'support', 0.8),
        observation('2001-02-01', 'oppose', 0.4),
        observation('2001-03-01', 'oppose', 0.3),
      ],
      ['2001-01-01 new support', '2001-03-01 shift oppose'],
    ],
    [
      'a clear but much weaker statement of the same stance softens it',
      [observation('2001-01-01', 'oppose', 1), observation('2001-02-01', 'oppose', 0.65)],
      ['2001-01-01 new oppose', '2001-02-01 softened oppose'],
    ],
    [
      'an unsure restatement confirms a position without softening it',
      [observation('2001-01-01', 'oppose', 1), observation('2001-02-01', 'oppose', 0.5)],
      ['2001-01-01 new oppose'],
    ],
    [
      'a much stronger statement of the same stance hardens a clearly held position',
      [observation('2001-01-01', 'oppose', 0.6), observation('2001-02-01', 'oppose', 0.95)],
      ['2001-01-01 new oppose', '2001-02-01 hardened oppose'],
    ],
    [
      'a clear statement confirms a position read only weakly so far, without hardening it',
      [observation('2001-01-01', 'oppose', 0.4), observation('2001-02-01', 'oppose', 0.95)],
      ['2001-01-01 new oppose'],
    ],
  ])('%s', (_name, items, expected) => {
    expect(kinds(items)).toEqual(expected);
  });

  it('reads a position as of a date on the statements reported by then, the one that set it first', () => {
    // Prepare: set in 2000, restated in 2001 and three times in 2002
    const timeline = derivePositions('RUS', 'START', [
      observation('2000-04-14', 'support', 0.8),
      observation('2001-07-23', 'support', 0.8),
      observation('2002-01-10', 'support', 0.8),
      observation('2002-03-01', 'support', 0.8),
      observation('2002-06-17', 'support', 0.8),
    ]);
    // Act
    const then = positionAsOf(timeline, '2000-05-01');
    const later = positionAsOf(timeline, '2001-12-31');
    const now = positionAsOf(timeline, '2002-12-31');
    // Assess
    expect(then?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14']);
    expect(later?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14', '2001-07-23']);
    expect(now?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14', '2002-03-01', '2002-06-17']);
  });

  it('orders by dispatch date: an old dispatch uploaded last changes nothing after it', () => {
    const items = [observation('2001-03-01', 'oppose', 0.9), observation('2001-01-01', 'support', 0.9)];
    expect(kinds(items)).toEqual(['2001-01-01 new support', '2001-03-01 shift oppose']);
  });
});

const runs = { seed: 20011213, numRuns: 300 };
const stances = fc.constantFrom<Stance>('support', 'oppose', 'mixed');
const observations = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 900 }), stances, fc.double({ min: 0.1, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 30,
  })
  .map((items) =>
    items.map(([day, stance, strength], index) =>
      observation(
        new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10),
        stance,
        Math.round(strength * 100) / 100,
        `s${index}`,
      ),
    ),
  );

describe('derivePositions properties', () => {
  it('never reports a shift for a constant stance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 30 }),
        stances,
        (days, stance) => {
          const items = days.map((day, index) =>
            observation(
              new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10),
              stance,
              0.7,
              `c${index}`,
            ),
          );
          return derivePositions('RUS', 'START', items).shifts.every((shift) => shift.kind !== 'shift');
        },
      ),
      runs,
    );
  });

  it('never shows a position as of a date with a statement reported after it', () => {
    fc.assert(
      fc.property(observations, fc.integer({ min: 0, max: 900 }), (items, day) => {
        // Prepare
        const date = new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
        // Act
        const state = positionAsOf(derivePositions('RUS', 'START', items), date);
        // Assess: nothing later, and never an empty basis
        if (!state) return;
        expect(state.basis.length).toBeGreaterThan(0);
        for (const item of state.basis) expect(item.dispatchDate <= date).toBe(true);
      }),
      runs,
    );
  });

  it('gives the same positions and shifts in any arrival order', () => {
    fc.assert(
      fc.property(
        observations.chain((items) =>
          fc.tuple(
            fc.constant(items),
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
          ),
        ),
        ([items, shuffled]) => {
          expect(derivePositions('RUS', 'START', shuffled)).toEqual(derivePositions('RUS', 'START', items));
        },
      ),
      runs,
    );
  });

  it('counts a statement reported by several dispatches once', () => {
    fc.assert(
      fc.property(observations, fc.nat(), (items, pick) => {
        const original = items[pick % items.length] as Observation;
        const copy = {
          ...original,
          dispatchId: `${original.dispatchId}-wire`,
          dispatchDate: original.dispatchDate,
        };
        const withCopy = derivePositions('RUS', 'START', [...items, copy]);
        const without = derivePositions('RUS', 'START', items);
        expect(withCopy.shifts.map((shift) => [shift.kind, shift.date, shift.to])).toEqual(
          without.shifts.map((shift) => [shift.kind, shift.date, shift.to]),
        );
      }),
      runs,
    );
  });
});
