import { describe, expect, it } from 'vitest';
import { type Example, softmax, trainLogisticRegression } from '../../eval/logistic-regression.js';

const OPTIONS = { classes: 3, epochs: 200, l2: 0.001, learningRate: 0.5, prune: 0 };

/** Three classes told apart by one word each, with a shared word that tells nothing. */
const EXAMPLES: Example[] = [
  { features: ['bias', 'w:nothing'], label: 0 },
  { features: ['bias', 'w:welcomed'], label: 1 },
  { features: ['bias', 'w:welcomed', 'w:treaty'], label: 1 },
  { features: ['bias', 'w:condemned'], label: 2 },
  { features: ['bias', 'w:condemned', 'w:treaty'], label: 2 },
  { features: ['bias', 'w:treaty'], label: 0 },
];

describe('trainLogisticRegression', () => {
  it('learns which word marks which class', () => {
    // Act
    const weights = trainLogisticRegression(EXAMPLES, OPTIONS);
    // Assess: weights are relative to class 0, so class 0 reads as [0, …]
    const relative = new Map([...weights].map(([feature, values]) => [feature, [0, ...values]]));
    const best = (features: string[]) => {
      const probabilities = softmax(relative, features, 3);
      return probabilities.indexOf(Math.max(...probabilities));
    };
    expect(best(['bias', 'w:welcomed'])).toBe(1);
    expect(best(['bias', 'w:condemned'])).toBe(2);
    expect(best(['bias', 'w:nothing'])).toBe(0);
  });

  it('keeps its weights smaller under a stronger L2 penalty', () => {
    // Act
    const loose = trainLogisticRegression(EXAMPLES, OPTIONS);
    const tight = trainLogisticRegression(EXAMPLES, { ...OPTIONS, l2: 0.5 });
    // Assess
    const largest = (weights: Map<string, number[]>) =>
      Math.max(...[...weights.values()].flatMap((values) => values.map(Math.abs)));
    expect(largest(tight)).toBeLessThan(largest(loose) / 2);
  });

  it('drops features whose weights stay below the pruning cut', () => {
    // Act
    const all = trainLogisticRegression(EXAMPLES, OPTIONS);
    const pruned = trainLogisticRegression(EXAMPLES, { ...OPTIONS, prune: 2 });
    // Assess
    expect(pruned.size).toBeLessThan(all.size);
    for (const values of pruned.values()) expect(Math.max(...values.map(Math.abs))).toBeGreaterThanOrEqual(2);
  });
});

describe('softmax', () => {
  it('turns summed weights into probabilities that add up to one', () => {
    // Act
    const probabilities = softmax(new Map([['a', [0, 1, 2]]]), ['a', 'a', 'unknown'], 3);
    // Assess
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(probabilities[2]).toBeCloseTo(Math.exp(4) / (1 + Math.exp(2) + Math.exp(4)), 12);
  });
});
