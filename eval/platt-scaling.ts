import { type Calibration, logOdds } from '../shared/domain/classify/confidence-calibration.js';

/** A label the classifier gave, read at `reading`, and whether the labels agree with it. */
export interface ScoredLabel {
  readonly reading: number;
  readonly right: boolean;
}

/** Nothing to fit a calibration on. */
export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';
}

/** Fitting stops when a Newton step moves neither number by more than this. */
const TOLERANCE = 1e-10;
const MAX_STEPS = 100;
/** A little L2 on the slope keeps the fit finite when the readings separate right from wrong. */
const RIDGE = 1e-6;

/**
 * Platt scaling: the slope and intercept of a logistic regression of "right" on the reading's
 * log-odds, by Newton's method (two unknowns, so the Hessian is 2 × 2), from the flat fit (slope
 * 0, intercept the log-odds of the share right) and halving any step that does not lower the loss:
 * plain Newton from slope 1 overshoots when the readings are far too sure. Deterministic.
 */
export function fitPlattScaling(labels: readonly ScoredLabel[]): Calibration {
  if (labels.length === 0) throw new CalibrationError('Platt scaling needs at least one scored label');
  const xs = labels.map((label) => logOdds(label.reading));
  const ys = labels.map((label) => (label.right ? 1 : 0));
  const share = (ys.reduce<number>((sum, y) => sum + y, 0) + 0.5) / (labels.length + 1);
  const loss = (slope: number, intercept: number) => {
    let total = 0.5 * RIDGE * slope * slope;
    xs.forEach((x, index) => {
      const z = slope * x + intercept;
      // log(1 + e^z) − y·z, written so that neither term overflows
      total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (ys[index] ?? 0) * z;
    });
    return total;
  };
  let slope = 0;
  let intercept = Math.log(share / (1 - share));
  let current = loss(slope, intercept);
  for (let step = 0; step < MAX_STEPS; step++) {
    let gradientSlope = RIDGE * slope;
    let gradientIntercept = 0;
    let hss = RIDGE;
    let hsi = 0;
    let hii = 0;
    xs.forEach((x, index) => {
      const p = 1 / (1 + Math.exp(-(slope * x + intercept)));
      const error = p - (ys[index] ?? 0);
      const weight = Math.max(p * (1 - p), 1e-12);
      gradientSlope += error * x;
      gradientIntercept += error;
      hss += weight * x * x;
      hsi += weight * x;
      hii += weight;
    });
    const determinant = hss * hii - hsi * hsi;
    if (!(determinant > 0)) break;
    let moveSlope = (hii * gradientSlope - hsi * gradientIntercept) / determinant;
    let moveIntercept = (hss * gradientIntercept - hsi * gradientSlope) / determinant;
    let next = loss(slope - moveSlope, intercept - moveIntercept);
    for (let halving = 0; next > current && halving < 30; halving++) {
      moveSlope /= 2;
      moveIntercept /= 2;
      next = loss(slope - moveSlope, intercept - moveIntercept);
    }
    if (next > current) break;
    slope -= moveSlope;
    intercept -= moveIntercept;
    current = next;
    if (Math.abs(moveSlope) < TOLERANCE && Math.abs(moveIntercept) < TOLERANCE) break;
  }
  return { slope, intercept };
}

/** Labels per tenth of confidence, and how many of them are right: a reliability table. */
export function reliability(
  labels: readonly { readonly confidence: number; readonly right: boolean }[],
): { from: number; labels: number; right: number }[] {
  const bins = new Map<number, { from: number; labels: number; right: number }>();
  for (const label of labels) {
    const from = Math.min(9, Math.floor(label.confidence * 10)) / 10;
    const bin = bins.get(from) ?? { from, labels: 0, right: 0 };
    bin.labels++;
    if (label.right) bin.right++;
    bins.set(from, bin);
  }
  return [...bins.values()].sort((a, b) => a.from - b.from);
}

/** A reliability table on one line: "0.8: 122/138 right (88%) · 0.9: …". */
export const formatReliability = (bins: readonly { from: number; labels: number; right: number }[]) =>
  bins
    .map(
      (bin) =>
        `${bin.from.toFixed(1)}: ${bin.right}/${bin.labels} right (${((100 * bin.right) / bin.labels).toFixed(0)}%)`,
    )
    .join(' · ');
