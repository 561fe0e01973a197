import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { softmax, trainLogisticRegression } from '../../eval/logistic-regression.js';
import { analyseDispatch } from '../../shared/domain/classify/classify-dispatch.js';
import { UNCALIBRATED } from '../../shared/domain/classify/confidence-calibration.js';
import actors from '../../shared/domain/classify/data/actors.json' with { type: 'json' };
import cues from '../../shared/domain/classify/data/cues.json' with { type: 'json' };
import stanceModel from '../../shared/domain/classify/data/stance-model.json' with { type: 'json' };
import topics from '../../shared/domain/classify/data/topics.json' with { type: 'json' };
import {
  compileDictionaries,
  DictionaryError,
  defaultDictionaries,
} from '../../shared/domain/classify/dictionaries.js';
import { holderFeatures, type ModelCandidate } from '../../shared/domain/classify/stance-features.js';
import {
  classProbabilities,
  compileStanceModel,
  holderLogits,
  logitsAround,
  logitsOf,
  storedWeights,
} from '../../shared/domain/classify/stance-model.js';
import { parseDispatch } from '../../shared/domain/index.js';

function dispatchOf(body: string) {
  const text = `Publication: Monitor Volume: 7 Issue: 101\n\n${body} (Interfax, May 30).`;
  const parsed = parseDispatch(new TextEncoder().encode(text), { receivedAt: '2026-11-22T00:00:00Z' });
  if (!parsed.ok) throw parsed.error;
  return parsed.dispatch;
}
const stancesOf = (body: string, dictionaries = defaultDictionaries()) =>
  analyseDispatch(dispatchOf(body), dictionaries).stances.map(
    (stance) => `${stance.actor} ${stance.topic} ${stance.stance}`,
  );

describe('the stance model', () => {
  it('sums the weights of the features it knows and ignores the rest', () => {
    // Prepare
    const model = compileStanceModel({
      version: 'model-test',
      trainedOn: 'a table',
      topics: ['ABM'],
      threshold: 0.85,
      calibration: UNCALIBRATED,
      ...storedWeights({ 'ABM|w:a': [1, 0, -1], 'ABM|w:b': [0.5, 2, 0] }),
    });
    // Act
    const logits = logitsOf(model, ['ABM|w:a', 'ABM|w:b', 'ABM|w:a', 'ABM|w:unknown']);
    const probabilities = classProbabilities(logits);
    // Assess
    expect(logits).toEqual([2.5, 2, -2]);
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(probabilities[1]).toBeCloseTo(
      Math.exp(2.5) / (1 + Math.exp(2.5) + Math.exp(2) + Math.exp(-2)),
      12,
    );
  });

  it('reads a trained model exactly as the trainer scores it', () => {
    // Prepare: a toy model trained the way `npm run train` trains the real one
    const examples = [
      { features: ['ABM|bias', 'ABM|w:preserve'], label: 1 },
      { features: ['ABM|bias', 'ABM|w:scrap'], label: 2 },
      { features: ['ABM|bias', 'ABM|w:reserve'], label: 3 },
      { features: ['ABM|bias'], label: 0 },
    ];
    const trained = trainLogisticRegression(examples, {
      classes: 4,
      epochs: 50,
      l2: 0.001,
      learningRate: 0.5,
      prune: 0,
    });
    const model = compileStanceModel({
      version: 'toy',
      trainedOn: '',
      topics: ['ABM'],
      threshold: 0.5,
      calibration: UNCALIBRATED,
      ...storedWeights(Object.fromEntries(trained)),
    });
    const withReference = new Map([...trained].map(([feature, values]) => [feature, [0, ...values]]));
    for (const { features } of examples) {
      // Act
      const read = classProbabilities(logitsOf(model, features));
      const scored = softmax(withReference, features, 4);
      // Assess
      for (const [index, probability] of read.entries())
        expect(probability).toBeCloseTo(scored[index] ?? Number.NaN, 12);
    }
  });

  it('weighs a candidate by word number exactly as by feature name, as the trainer and explain read it', () => {
    // Prepare: every candidate of a few sentences naming all three topics
    const model = defaultDictionaries().stanceModel;
    if (!model) throw new Error('the shipped dictionaries carry a model');
    const candidates: ModelCandidate[] = [];
    analyseDispatch(
      dispatchOf(
        'Igor Ivanov said Russia would never agree to abandon the ABM treaty. Washington, he said, was set on a national missile defense, and Moscow would not ratify START II if it went ahead. “We will not be drawn into an arms race,” Zhu Bangzao said of the shield.',
      ),
      defaultDictionaries(),
      (trace) => candidates.push(...trace.candidates),
    );
    expect(candidates.length).toBeGreaterThan(3);
    for (const candidate of candidates) {
      // Act
      const byNumber = [
        logitsAround(model, candidate.around),
        holderLogits(model, candidate.topic, candidate.role, candidate.speaker.kind),
      ];
      const byName = [
        logitsOf(model, [...candidate.around.names()]),
        logitsOf(model, holderFeatures(candidate)),
      ];
      // Assess: the same sums, to the last bit
      expect(byNumber).toEqual(byName);
    }
  });

  it('ships with a version that is the hash of what it was trained to', () => {
    // Prepare
    const { topics: trainedTopics, threshold, calibration, features, weights } = stanceModel;
    // Act
    const digest = createHash('sha256')
      .update(JSON.stringify({ topics: trainedTopics, threshold, calibration, features, weights }))
      .digest('hex')
      .slice(0, 8);
    // Assess: a hand-edited weight shows as a stale version
    expect(stanceModel.version).toBe(`model-${digest}`);
  });

  it('ships trained on the three topics, and names its version in the rules version', () => {
    // Act
    const dictionaries = defaultDictionaries();
    // Assess
    expect([...(dictionaries.stanceModel?.topics ?? [])].sort()).toEqual(['ABM', 'NMD', 'START']);
    expect(dictionaries.version.endsWith(`+${stanceModel.version}`)).toBe(true);
  });

  it('names the file of a malformed model', () => {
    // Prepare
    const broken = { ...stanceModel, weights: stanceModel.weights.replace(/^\S+ /, '') };
    // Act
    const compile = () => compileDictionaries({ topics, actors, cues, stanceModel: broken });
    // Assess
    expect(compile).toThrow(DictionaryError);
    expect(compile).toThrow(/^stance-model\.json: weights: three numbers per feature/);
  });

  it.each([
    [
      'a trailing space, which would read as a zero weight',
      { weights: `${stanceModel.weights} ` },
      /weights: weights must be plain decimals/,
    ],
    [
      'a number written as hex',
      { weights: stanceModel.weights.replace(/^\S+/, '0x10') },
      /weights: weights must be plain decimals/,
    ],
    [
      'a feature listed twice',
      {
        features: `${stanceModel.features}\n${stanceModel.features.split('\n')[0]}`,
        weights: `${stanceModel.weights} 0 0 0`,
      },
      /weights: a feature listed twice/,
    ],
    ['a threshold no probability reaches', { threshold: 1.5 }, /threshold/],
    [
      'a feature no candidate can have, whose weights classification would never read',
      {
        features: `${stanceModel.features}\nABM|zz:withdraw`,
        weights: `${stanceModel.weights} 0 0 0`,
      },
      /^stance-model\.json: feature "ABM\|zz:withdraw" is not one the model reads/,
    ],
  ])('refuses a model file with %s', (_name, change, message) => {
    // Act
    const compile = () =>
      compileDictionaries({ topics, actors, cues, stanceModel: { ...stanceModel, ...change } });
    // Assess
    expect(compile).toThrow(DictionaryError);
    expect(compile).toThrow(message);
  });

  it.each([
    [
      'the model confirms an unsure rule reading',
      'Foreign Minister Igor Ivanov called the ABM treaty the cornerstone of strategic stability.',
      ['RUS ABM support'],
    ],
    [
      'the model reads a position the rules leave unread: a "relic of the Cold War"',
      'President Bush said the ABM treaty was a relic of the Cold War that prevented America from defending itself.',
      ['USA ABM oppose'],
    ],
    [
      'a newspaper’s argument stays nobody’s position',
      'Nezavisimaya Gazeta argued that the Kremlin would be wiser to bargain over the ABM treaty while it still could.',
      [],
    ],
  ])('shipped: %s', (_name, body, expected) => {
    // Act & Assess
    expect(stancesOf(body)).toEqual(expected);
  });

  it('leaves a topic a user added to the rules alone', () => {
    // Prepare: a test-ban topic the model was never trained on, and a cue for it
    const withCtbt = {
      ...topics,
      topics: {
        ...topics.topics,
        CTBT: { label: 'Comprehensive Test Ban Treaty', phrases: [{ text: 'test ban treaty', weight: 2 }] },
      },
    };
    const ctbtCues = {
      ...cues,
      topics: { ...cues.topics, CTBT: { support: ['ratify'], oppose: [], mixed: [] } },
    };
    const dictionaries = compileDictionaries({ topics: withCtbt, actors, cues: ctbtCues, stanceModel });
    const body = 'Foreign Minister Igor Ivanov said Russia would ratify the test ban treaty.';
    // Act
    const withModel = stancesOf(body, dictionaries);
    const rulesAlone = stancesOf(body, { ...dictionaries, stanceModel: null });
    // Assess
    expect(rulesAlone).toContain('RUS CTBT support');
    expect(withModel).toEqual(rulesAlone);
  });
});
