import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../cli/commands/positions.js';
import { headerLine } from '../../cli/commands/show.js';
import type { Observation } from '../../shared/domain/positions/index.js';

const observation = (text: string, overrides: Partial<Observation> = {}): Observation => ({
  actor: 'RUS',
  topic: 'ABM',
  stance: 'support',
  strength: 1,
  dispatchId: 'f93f371520da'.padEnd(64, '0'),
  dispatchDate: '2000-06-06',
  evidence: [
    {
      text,
      start: 0,
      end: text.length,
      speaker: 'Vladimir Putin',
      citation: [
        { outlet: 'Kommersant', date: '2000-06-05' },
        { outlet: 'Reuters', date: '2000-06-05' },
      ],
    },
  ],
  statementKey: text,
  ...overrides,
});

describe('show: the header line', () => {
  it.each([
    [{ publication: 'Monitor', volume: 7, issue: 105 }, 'Monitor, volume 7, issue 105'],
    [{ publication: 'Monitor', volume: null, issue: null }, 'Monitor'],
    [{ publication: 'Monitor', volume: 7, issue: null }, 'Monitor, volume 7'],
    [{ publication: null, volume: null, issue: null }, 'no header'],
  ])('%j reads %j', (dispatch, line) => {
    // Act
    const shown = headerLine(dispatch);
    // Assess
    expect(shown).toBe(line);
  });
});

describe('positions and shifts: the evidence behind a state', () => {
  it('shows the whole sentence, then the speaker, the short dispatch id, its date and the citation', () => {
    // Prepare
    const sentence = `Russia, he said, sees no reason to rewrite a treaty ${'that has kept the balance '.repeat(8)}stable.`;
    // Act
    const lines = evidenceLines([observation(sentence)]);
    // Assess
    expect(lines).toEqual([
      `“${sentence}”`,
      'Vladimir Putin — dispatch f93f371520da of 2000-06-06 (Kommersant, 2000-06-05; Reuters, 2000-06-05)',
    ]);
  });

  it('cuts only a sentence longer than 600 characters, at a word, with an ellipsis', () => {
    // Prepare
    const sentence = 'word '.repeat(200).trim();
    // Act
    const [quote] = evidenceLines([observation(sentence)]);
    // Assess
    expect(quote).toMatch(/^“(word ){119}word…”$/);
  });

  it('leaves out a speaker and citation the classifier did not find', () => {
    // Prepare
    const bare = observation('The treaty was discussed.', {
      evidence: [{ text: 'The treaty was discussed.', start: 0, end: 25, speaker: null, citation: null }],
    });
    // Act
    const lines = evidenceLines([bare]);
    // Assess
    expect(lines[1]).toBe('dispatch f93f371520da of 2000-06-06');
  });
});
