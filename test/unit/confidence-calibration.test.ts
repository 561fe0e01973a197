import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPlattScaling, reliability } from '../../eval/platt-scaling.js';
import {
  calibratedConfidence,
  logOdds,
  UNCALIBRATED,
} from '../../shared/domain/classify/confidence-calibration.js';

/** Labels read at `reading`, of which `right` in every `of` are right. */
const labelsAt = (reading: number, right: number, of: number) =>
  Array.from({ length: of }, (_, index) => ({ reading, right: index < right }));

describe('calibrated confidence', () => {
  it('leaves a reading as it is when uncalibrated', () => {
    // Act
    const confidence = calibratedConfidence(UNCALIBRATED, 0.8);
    // Assess
    expect(confidence).toBeCloseTo(0.8, 12);
  });

  it('holds sure readings off 0 and 1, so that no label claims certainty', () => {
    // Act
    const top = logOdds(1);
    const bottom = logOdds(0);
    // Assess
    expect(Number.isFinite(top) && Number.isFinite(bottom)).toBe(true);
    expect(calibratedConfidence({ slope: 0.4, intercept: 0 }, 1)).toBeLessThan(0.95);
  });

  it('keeps the order of readings for any positive slope', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (slope, intercept, a, b) => {
          // Act
          const [low, high] = a <= b ? [a, b] : [b, a];
          // Assess
          const calibration = { slope, intercept };
          expect(calibratedConfidence(calibration, low)).toBeLessThanOrEqual(
            calibratedConfidence(calibration, high),
          );
        },
      ),
    );
  });
});

describe('Platt scaling', () => {
  it('brings over-sure readings down to how often they are right', () => {
    // Prepare: read at 0.99 but right 80% of the time; read at 0.7 but right half the time
    const labels = [...labelsAt(0.99, 80, 100), ...labelsAt(0.7, 50, 100)];
    // Act
    const calibration = fitPlattScaling(labels);
    // Assess
    expect(calibratedConfidence(calibration, 0.99)).toBeCloseTo(0.8, 2);
    expect(calibratedConfidence(calibration, 0.7)).toBeCloseTo(0.5, 2);
  });

  it('leaves readings that are already right as they are', () => {
    // Prepare
    const labels = [...labelsAt(0.9, 90, 100), ...labelsAt(0.6, 60, 100)];
    // Act
    const calibration = fitPlattScaling(labels);
    // Assess
    expect(calibration.slope).toBeCloseTo(1, 2);
    expect(calibration.intercept).toBeCloseTo(0, 2);
  });

  it('refuses to fit nothing', () => {
    // Act
    const fit = () => fitPlattScaling([]);
    // Assess
    expect(fit).toThrow(/at least one/);
  });
});

describe('the reliability table', () => {
  it('counts labels and right ones per tenth of confidence', () => {
    // Act
    const table = reliability([
      { confidence: 0.55, right: true },
      { confidence: 0.58, right: false },
      { confidence: 0.91, right: true },
      { confidence: 1, right: true },
    ]);
    // Assess
    expect(table).toEqual([
      { from: 0.5, labels: 2, right: 1 },
      { from: 0.9, labels: 2, right: 2 },
    ]);
  });
});
