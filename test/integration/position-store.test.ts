import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { derivePositions, type Observation } from '../../shared/domain/positions/index.js';
import { startTestRuntime } from '../support/local-services.js';

const statement = (date: string): Observation => ({
  actor: 'RUS',
  topic: 'START',
  stance: 'support',
  strength: 0.8,
  dispatchId: `dispatch-${date}`,
  dispatchDate: date,
  evidence: [
    { text: `Moscow backed the treaty on ${date}.`, start: 0, end: 30, speaker: 'RUS', citation: null },
  ],
  statementKey: `RUS|START|${date}`,
});

describe('the position store on DynamoDB Local', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
  });
  afterAll(() => runtime.stop());

  it('reads a position as of a date on the statements reported by then', async () => {
    // Prepare: a position set in 2000 and restated in 2002
    const pair = { actor: 'RUS', topic: 'START' };
    const timeline = derivePositions(
      'RUS',
      'START',
      ['2000-04-14', '2002-01-10', '2002-06-17'].map(statement),
    );
    await runtime.adapters.positions.replaceTimeline(pair, timeline.states, timeline.shifts);
    // Act
    const then = await runtime.adapters.positions.positionAsOf(pair, '2000-05-01');
    const now = await runtime.adapters.positions.positionAsOf(pair, '2002-12-31');
    // Assess
    expect(then?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14']);
    expect(now?.basis.map((item) => item.dispatchDate)).toEqual(['2000-04-14', '2002-01-10', '2002-06-17']);
  });
});
