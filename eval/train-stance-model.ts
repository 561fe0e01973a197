/**
 * Trains the stance model (shared/domain/classify/stance-model.ts) on the dev corpus: every
 * (holder, topic) pair of every sentence. A pair the dispatch's labels give no stance is "no
 * stance"; a labelled pair teaches its stance in the sentence its label quotes (implicit labels
 * are left out). Held-out text is never read.
 *
 *   npm run train                 write shared/domain/classify/data/stance-model.json, with the
 *                                 threshold that cross-validates best
 *   npm run train -- --cv         print the 5-fold cross-validation on dev (by dispatch) instead
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { StanceLabel } from '../shared/domain/classify/classification.js';
import { analyseDispatch } from '../shared/domain/classify/classify-dispatch.js';
import { combinedLabels } from '../shared/domain/classify/combine-stances.js';
import {
  type Calibration,
  calibratedConfidence,
  UNCALIBRATED,
} from '../shared/domain/classify/confidence-calibration.js';
import actors from '../shared/domain/classify/data/actors.json' with { type: 'json' };
import cues from '../shared/domain/classify/data/cues.json' with { type: 'json' };
import topics from '../shared/domain/classify/data/topics.json' with { type: 'json' };
import { compileDictionaries } from '../shared/domain/classify/dictionaries.js';
import { featuresOf, type ModelCandidate } from '../shared/domain/classify/stance-features.js';
import {
  compileStanceModel,
  MODEL_STANCES,
  type StanceModel,
  stanceModelSchema,
  storedWeights,
} from '../shared/domain/classify/stance-model.js';
import { DEV_DIRECTORIES, type LabelledFile, parseLabelledFile, readDevCorpus } from './labelled-corpus.js';
import { type Example, trainLogisticRegression } from './logistic-regression.js';
import { fitPlattScaling, formatReliability, reliability, type ScoredLabel } from './platt-scaling.js';
import { type Counts, emptyScores, f1, scoreDispatch } from './score.js';

const OUTPUT = 'shared/domain/classify/data/stance-model.json';
const TRAINING = { classes: 4, epochs: 300, l2: 0.001, learningRate: 0.5, prune: 0.2 };
const FOLDS = 5;

interface Read {
  readonly file: LabelledFile;
  readonly candidates: readonly ModelCandidate[];
  readonly ruleStances: readonly StanceLabel[];
  readonly classification: ReturnType<typeof analyseDispatch>;
}

// The rules alone read each dispatch: the model's features never depend on the model, and a
// stale or broken model file never stops it being retrained.
const rulesOnly = compileDictionaries({ topics, actors, cues });
const files = readDevCorpus();
const reads: Read[] = files.map((file) => {
  const candidates: ModelCandidate[] = [];
  const classification = analyseDispatch(parseLabelledFile(file), rulesOnly, (trace) =>
    candidates.push(...trace.candidates),
  );
  return { file, candidates, ruleStances: classification.stances, classification };
});

function examplesOf(training: readonly Read[]): Example[] {
  return training.flatMap(({ file, candidates }) =>
    candidates.flatMap((candidate) => {
      const label = file.label.stances.find(
        (stance) => stance.actor === candidate.actor && stance.topic === candidate.topic,
      );
      if (!label) return [{ features: featuresOf(candidate), label: 0 }];
      // A label quotes the sentence that shows it; the pair's other sentences may or may not
      // show it too, so they teach nothing either way.
      if (label.implicit || !quotes(candidate.sentence.text, label.evidence)) return [];
      return [{ features: featuresOf(candidate), label: MODEL_STANCES.indexOf(label.stance) + 1 }];
    }),
  );
}

/** The label's evidence lies in the sentence, or the sentence lies in evidence that spans several. */
const quotes = (sentence: string, evidence: string) =>
  sentence.includes(evidence) || evidence.includes(sentence);

const topicsOf = (training: readonly Read[]) =>
  [...new Set(training.flatMap((read) => read.file.label.topics))].sort();

function train(
  training: readonly Read[],
  threshold: number,
  calibration: Calibration = UNCALIBRATED,
  examples = examplesOf(training),
) {
  const weights = trainLogisticRegression(examples, TRAINING);
  return {
    topics: topicsOf(training),
    threshold,
    calibration,
    ...storedWeights(Object.fromEntries(weights)),
  };
}

function counts(testing: readonly Read[], stancesOf: (read: Read) => readonly StanceLabel[]) {
  const scores = emptyScores();
  for (const read of testing)
    scoreDispatch(scores, read.file.label, { ...read.classification, stances: stancesOf(read) }, '');
  return scores.stances;
}

function format(stances: Counts) {
  const { precision, recall, f1: f } = f1(stances);
  return `P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${f.toFixed(2)}  (tp ${stances.tp}, fp ${stances.fp}, fn ${stances.fn})`;
}

const combinedOf = (read: Read, model: StanceModel, rules: readonly StanceLabel[]) =>
  combinedLabels(rules, read.candidates, model, (sentence, speaker) => ({
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    speaker: speaker.speaker,
    citation: null,
  }));
const combined = (read: Read, model: StanceModel, rules: readonly StanceLabel[]) =>
  combinedOf(read, model, rules).map((item) => item.label);

/** Each label a model gave, with its reading, and whether the dispatch's labels agree (implicit ones left out). */
function scoredLabels(read: Read, model: StanceModel): (ScoredLabel & { confidence: number })[] {
  return combinedOf(read, model, read.ruleStances).flatMap(({ label, reading }) => {
    const gold = read.file.label.stances.find(
      (stance) => stance.actor === label.actor && stance.topic === label.topic,
    );
    if (reading === undefined || gold?.implicit) return [];
    return [{ reading, confidence: label.confidence, right: gold?.stance === label.stance }];
  });
}

/**
 * Cross-validation by dispatch: each fold's model never sees the fold. The threshold with the
 * best combined F1 is the one shipped (the rules were tuned on all of dev, so the rules' share of
 * the combined figure is flattered; the model's is not).
 */
function crossValidate() {
  const folds = Array.from({ length: FOLDS }, (_, fold) =>
    train(
      reads.filter((_, index) => index % FOLDS !== fold),
      1,
    ),
  );
  const byThreshold = THRESHOLDS.map((threshold) => {
    const models = folds.map((fold) =>
      compileStanceModel({ version: 'fold', trainedOn: '', ...fold, threshold }),
    );
    // Each dispatch is read by the model of the fold that left it out.
    const stancesOf = (rules: boolean) => {
      const fold = new Map(reads.map((read, index) => [read, models[index % FOLDS]]));
      return (read: Read) => {
        const model = fold.get(read);
        return model ? combined(read, model, rules ? read.ruleStances : []) : [];
      };
    };
    // What each out-of-fold label was read at, and whether it is right: calibration is fitted on these.
    const scored = reads.flatMap((read, index) => {
      const model = models[index % FOLDS];
      return model ? scoredLabels(read, model) : [];
    });
    return {
      threshold,
      both: counts(reads, stancesOf(true)),
      model: counts(reads, stancesOf(false)),
      scored,
    };
  });
  const best = byThreshold.reduce((top, entry) => (f1(entry.both).f1 > f1(top.both).f1 ? entry : top));
  return { byThreshold, best, calibration: fitPlattScaling(best.scored) };
}

/** The reliability table of out-of-fold labels: raw readings, then as calibrated. */
function printReliability(scored: readonly ScoredLabel[], calibration: Calibration) {
  const show = (title: string, confidenceOf: (label: ScoredLabel) => number) => {
    const table = reliability(
      scored.map((label) => ({ confidence: confidenceOf(label), right: label.right })),
    );
    console.log(`  ${title.padEnd(28)} ${formatReliability(table)}`);
  };
  show('readings as they are', (label) => label.reading);
  show('calibrated (fitted on these)', (label) => calibratedConfidence(calibration, label.reading));
}

/** Four decimals are plenty for two numbers, and keep the model file readable. */
const roundedCalibration = (calibration: Calibration): Calibration => ({
  slope: Math.round(calibration.slope * 1e4) / 1e4,
  intercept: Math.round(calibration.intercept * 1e4) / 1e4,
});

const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const { byThreshold, best, calibration } = crossValidate();
if (process.argv.includes('--cv')) {
  console.log(
    `stance model, ${FOLDS}-fold cross-validation on dev (${reads.length} dispatches, by dispatch)`,
  );
  console.log(`  rules alone (tuned on these texts)  ${format(counts(reads, (read) => read.ruleStances))}`);
  for (const entry of byThreshold)
    console.log(
      `  threshold ${entry.threshold.toFixed(2)}${entry === best ? ' (best)' : '       '}  model alone ${format(entry.model)}   rules + model ${format(entry.both)}`,
    );
  console.log(
    `confidence at threshold ${best.threshold}, out of fold: σ(${calibration.slope.toFixed(3)} · logit(reading) + ${calibration.intercept.toFixed(3)})`,
  );
  printReliability(best.scored, calibration);
} else {
  const examples = examplesOf(reads);
  const trained = train(reads, best.threshold, roundedCalibration(calibration), examples);
  const readings = examples.length;
  const digest = createHash('sha256').update(JSON.stringify(trained)).digest('hex').slice(0, 8);
  const model = {
    version: `model-${digest}`,
    trainedOn: `${reads.length} dev dispatches (${DEV_DIRECTORIES.join(', ')}), ${readings} holder-topic readings`,
    ...trained,
  };
  // The file is checked as the classifier will load it, so a model it cannot read is never written.
  stanceModelSchema.parse(model);
  writeFileSync(OUTPUT, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${OUTPUT}: ${model.version}, ${model.features.split('\n').length} features, threshold ${best.threshold} (cross-validated rules + model ${format(best.both)}), confidence σ(${model.calibration.slope} · logit(reading) + ${model.calibration.intercept}), trained on ${model.trainedOn}`,
  );
  printReliability(best.scored, model.calibration);
}
