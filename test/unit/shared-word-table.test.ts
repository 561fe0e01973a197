import { describe, expect, it } from 'vitest';
import actors from '../../shared/domain/classify/data/actors.json' with { type: 'json' };
import cues from '../../shared/domain/classify/data/cues.json' with { type: 'json' };
import stanceModel from '../../shared/domain/classify/data/stance-model.json' with { type: 'json' };
import topics from '../../shared/domain/classify/data/topics.json' with { type: 'json' };
import { compileDictionaries, defaultDictionaries } from '../../shared/domain/classify/dictionaries.js';
import { classifyDispatch } from '../../shared/domain/classify/index.js';
import { tokenize } from '../../shared/domain/classify/tokens.js';
import { parseDispatch } from '../../shared/domain/index.js';

/**
 * Word numbers and spellings live in one table per process (tokens.ts), shared by every set of
 * dictionaries and every dispatch. These tests run in a file of their own because they fill it.
 */
const DISPATCH = `Publication: Monitor Volume: 7 Issue: 101

Foreign Minister Igor Ivanov said on Tuesday that Russia would never agree to abandon the ABM treaty, and warned that an American national missile defense would start a new arms race. Washington, he added, should ratify START II before asking for anything (Interfax, May 29).

The Zorblax Accord, which the two sides initialled in Geneva, was not discussed. Secretary of State Colin Powell replied that the United States would deploy a limited defense whatever Moscow said (Reuters, May 30).`;

const dispatch = (() => {
  const parsed = parseDispatch(new TextEncoder().encode(DISPATCH), { receivedAt: '2026-11-22T00:00:00Z' });
  if (!parsed.ok) throw parsed.error;
  return parsed.dispatch;
})();

/** The shipped dictionaries with one more topic, as a user would add it. */
const extended = () =>
  compileDictionaries({
    topics: {
      ...topics,
      version: 'topics-with-zorblax',
      topics: {
        ...topics.topics,
        ZORBLAX: {
          label: 'The Zorblax Accord',
          phrases: [{ text: 'Zorblax Accord', weight: 3 }],
          anaphora: [],
          ignore: [],
        },
      },
    },
    actors,
    cues,
    stanceModel,
  });

/** Thousands of words no dictionary holds, each spelt once. */
function unseenWords(count: number): string {
  const words: string[] = [];
  for (let number = 0; number < count; number++) words.push(`qz${number.toString(36)}x`);
  return words.join(' ');
}

describe('the process-wide word table', () => {
  it('classifies alike with the shipped dictionaries before and after another set is compiled and used', () => {
    // Prepare
    const before = JSON.stringify(classifyDispatch(dispatch, defaultDictionaries()));
    const withTopic = extended();
    // Act
    const extendedReading = classifyDispatch(dispatch, withTopic);
    const after = JSON.stringify(classifyDispatch(dispatch, defaultDictionaries()));
    // Assess
    expect(after).toBe(before);
    expect(extendedReading.topics.map((topic) => topic.topic)).toContain('ZORBLAX');
    expect(JSON.parse(before).topics.map((topic: { topic: string }) => topic.topic)).not.toContain('ZORBLAX');
  });

  it('classifies alike once odd text has filled the spelling table, and still finds a new topic', () => {
    // Prepare
    const before = JSON.stringify(classifyDispatch(dispatch, defaultDictionaries()));
    tokenize(unseenWords(120_000));
    // Act
    const after = JSON.stringify(classifyDispatch(dispatch, defaultDictionaries()));
    const withTopic = classifyDispatch(dispatch, extended());
    // Assess
    expect(after).toBe(before);
    expect(withTopic.topics.map((topic) => topic.topic)).toContain('ZORBLAX');
  });
});
