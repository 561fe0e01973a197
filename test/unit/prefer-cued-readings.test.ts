import { describe, expect, it } from 'vitest';
import type { LexValue } from '../../shared/domain/classify/dictionaries.js';
import type { Hit } from '../../shared/domain/classify/scan.js';
import type { Sentence } from '../../shared/domain/classify/sentences.js';
import { preferCuedReadings, type TopicHit } from '../../shared/domain/classify/topics.js';

/** "a treaty" at tokens 10-12, read first as START (named last) and then as ABM. */
const anaphor: TopicHit = {
  topic: 'START',
  from: 10,
  to: 12,
  weight: 0,
  anaphor: true,
  alternatives: ['START', 'ABM'],
};
const sentences: Sentence[] = [
  { index: 0, paragraph: 0, start: 0, end: 40, text: '', from: 0, to: 8 },
  { index: 1, paragraph: 0, start: 41, end: 120, text: '', from: 8, to: 30 },
];
const cue = (from: number, ...topics: (string | null)[]): Hit => ({
  from,
  to: from + 1,
  values: topics.map(
    (topic): LexValue => ({
      layer: 'cue',
      kind: 'cue',
      polarity: 'support',
      topic,
      harm: false,
      emphatic: false,
    }),
  ),
});

describe('an anaphor read by the cues of its sentence', () => {
  it.each([
    ['a cue of one of its readings picks that reading', [cue(14, 'ABM')], 'ABM'],
    ['a cue in another sentence does not count', [cue(3, 'ABM')], 'START'],
    ['a cue of several topics does not decide', [cue(14, 'ABM', 'START')], 'START'],
    ['a general cue does not decide', [cue(14, null)], 'START'],
    ['a tie keeps the topic named last', [cue(9, 'ABM'), cue(14, 'START')], 'START'],
    ['more cues of one reading win', [cue(9, 'ABM'), cue(14, 'START'), cue(16, 'ABM')], 'ABM'],
  ])('%s', (_, cues, topic) => {
    // Act
    const [read] = preferCuedReadings([anaphor], cues, sentences);
    // Assess
    expect(read?.topic).toBe(topic);
    expect(read?.alternatives[0]).toBe(topic);
  });

  it('leaves a named topic alone', () => {
    // Prepare
    const named: TopicHit = { ...anaphor, anaphor: false, alternatives: [] };
    // Act
    const [read] = preferCuedReadings([named], [cue(14, 'ABM')], sentences);
    // Assess
    expect(read).toBe(named);
  });
});
