import { describe, expect, it } from 'vitest';
import type { Evidence, StanceLabel } from '../../shared/domain/classify/classification.js';
import { combineStances } from '../../shared/domain/classify/combine-stances.js';
import { UNCALIBRATED } from '../../shared/domain/classify/confidence-calibration.js';
import { FeaturesAround } from '../../shared/domain/classify/features-around.js';
import type { Mention } from '../../shared/domain/classify/mentions.js';
import type { Sentence } from '../../shared/domain/classify/sentences.js';
import type { ModelCandidate } from '../../shared/domain/classify/stance-features.js';
import { compileStanceModel, storedWeights } from '../../shared/domain/classify/stance-model.js';
import { tokenize } from '../../shared/domain/classify/tokens.js';

/** A model that knows "backed" (support), "condemned" (oppose), and "fair", "mild" and "faint" (ever weaker support). */
const MODEL_DATA = {
  version: 'model-test',
  trainedOn: 'a table',
  topics: ['ABM'],
  threshold: 0.85,
  calibration: UNCALIBRATED,
  ...storedWeights({
    'ABM|w:backed': [6, 0, 0],
    'ABM|w:condemned': [0, 6, 0],
    'ABM|w:fair': [2.2, 0, 0],
    'ABM|w:mild': [1.2, 0, 0],
    'ABM|w:faint': [0.8, 0, 0],
  }),
};
const MODEL = compileStanceModel(MODEL_DATA);

const sentence = (index: number): Sentence => ({
  index,
  paragraph: 0,
  start: index * 100,
  end: index * 100 + 50,
  text: `sentence ${index}`,
  from: index * 10,
  to: index * 10 + 9,
});
const speaker: Mention = {
  from: 0,
  to: 1,
  kind: 'state',
  actors: ['RUS'],
  speaker: 'Moscow',
  possessive: false,
  person: undefined,
  document: undefined,
  act: undefined,
  guessed: undefined,
  head: undefined,
};
const reading = (index: number, word: string, topic = 'ABM'): ModelCandidate => ({
  actor: 'RUS',
  topic,
  sentence: sentence(index),
  speaker,
  role: 'speech',
  around: wordAround(topic, word),
});
/** The features of a topic phrase with one word beside it: "<topic>|w:<word>". */
function wordAround(topic: string, word: string): FeaturesAround {
  const around = new FeaturesAround(topic, tokenize(word));
  around.word(0);
  return around;
}
const evidenceOf = (at: Sentence, who: Mention): Evidence => ({
  text: at.text,
  start: at.start,
  end: at.end,
  speaker: who.speaker,
  citation: null,
});
const rule = (stance: StanceLabel['stance'], confidence: number, topic = 'ABM'): StanceLabel => ({
  actor: 'RUS',
  topic,
  stance,
  confidence,
  evidence: [{ text: 'rule sentence', start: 1000, end: 1013, speaker: 'Moscow', citation: null }],
});
const summary = (labels: readonly StanceLabel[]) =>
  labels.map(
    (label) =>
      `${label.topic} ${label.stance} ${label.confidence} [${label.evidence.map((item) => item.text).join(' | ')}]`,
  );

describe('combining the rules and the model', () => {
  it.each([
    ['a sure rule label stands alone', [rule('support', 0.9)], [], ['ABM support 0.9 [rule sentence]']],
    ['an unsure rule label the model does not share is dropped', [rule('support', 0.5)], [], []],
    ['a fair model reading alone is not enough', [], [reading(1, 'fair')], []],
    [
      'an unsure rule label and a fair model reading that agree stand together, with both readers’ sentences',
      [rule('support', 0.5)],
      [reading(1, 'fair')],
      ['ABM support 0.88 [rule sentence | sentence 1]'],
    ],
    ['a sure model reading stands alone', [], [reading(2, 'backed')], ['ABM support 0.99 [sentence 2]']],
    [
      'a sure model reading outweighs an unsure rule label of another stance',
      [rule('support', 0.5)],
      [reading(3, 'condemned')],
      ['ABM oppose 0.99 [sentence 3]'],
    ],
    ['one weak reading is not enough', [], [reading(4, 'mild')], []],
    [
      'weak readings in several sentences add up',
      [],
      [reading(4, 'mild'), reading(5, 'mild'), reading(6, 'mild')],
      ['ABM support 0.89 [sentence 4 | sentence 5 | sentence 6]'],
    ],
    [
      'readings of one sentence (its speaker and its subject) count once',
      [],
      [reading(4, 'mild'), reading(4, 'mild'), reading(4, 'mild')],
      [],
    ],
    [
      'a topic the model was not trained on keeps the rules’ label as it is',
      [rule('support', 0.4, 'CTBT')],
      [reading(7, 'condemned', 'CTBT')],
      ['CTBT support 0.4 [rule sentence]'],
    ],
  ])('%s', (_name, rules, readings, expected) => {
    // Act
    const labels = combineStances(rules, readings, MODEL, evidenceOf);
    // Assess
    expect(summary(labels)).toEqual(expected);
  });

  it('gives the calibrated reading as the confidence, and labels by the reading itself', () => {
    // Prepare: a calibration that halves the log-odds
    const calibrated = compileStanceModel({
      ...MODEL_DATA,
      calibration: { slope: 0.5, intercept: 0 },
    });
    // Act
    const plain = combineStances([rule('support', 0.5)], [reading(1, 'fair')], MODEL, evidenceOf);
    const labels = combineStances([rule('support', 0.5)], [reading(1, 'fair')], calibrated, evidenceOf);
    // Assess: the same label, read at 0.88, is right about 73% of the time (σ(½ · logit 0.88))
    expect(plain.map((label) => label.stance)).toEqual(['support']);
    expect(labels.map((label) => label.stance)).toEqual(['support']);
    expect(labels[0]?.confidence).toBe(0.73);
  });

  it('never gives a label without evidence', () => {
    // Prepare: many faint readings, none sure enough to be shown on its own merits
    const readings = Array.from({ length: 8 }, (_, index) => reading(index, 'faint'));
    // Act
    const labels = combineStances([], readings, MODEL, evidenceOf);
    // Assess: the surest one is shown
    expect(summary(labels)).toEqual(['ABM support 0.99 [sentence 0]']);
  });
});
