/**
 * A stance label's confidence is the chance that it is right, not the raw combined reading:
 * noisy-OR over a pair's sentences and the rules runs high (on dev, cross-validated, labels read
 * at 0.9 or more were right 84% of the time, at 0.6–0.7 half the time). Platt scaling maps the
 * reading's log-odds through a line fitted by `npm run train` on out-of-fold labels:
 * confidence = σ(slope · logit(reading) + intercept).
 */
export interface Calibration {
  readonly slope: number;
  readonly intercept: number;
}

/** The reading as it is: σ(logit(x)) = x. Fold models use it while the fit is being made. */
export const UNCALIBRATED: Calibration = { slope: 1, intercept: 0 };

/** Readings are held this far from 0 and 1: a noisy-OR of sure readings is 1 − 1e-9, or 1. */
const EDGE = 0.001;

/** The log-odds of a reading in (0, 1), held inside [EDGE, 1 − EDGE]. */
export function logOdds(reading: number): number {
  const held = Math.min(1 - EDGE, Math.max(EDGE, reading));
  return Math.log(held / (1 - held));
}

export function calibratedConfidence(calibration: Calibration, reading: number): number {
  return 1 / (1 + Math.exp(-(calibration.slope * logOdds(reading) + calibration.intercept)));
}
