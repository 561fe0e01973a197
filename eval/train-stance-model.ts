/**
 * Trains the stance model (shared/domain/classify/stance-model.ts) on the dev corpus: every
 * (holder, topic) pair of every sentence. A pair the dispatch's labels give no stance is "no
 * stance"; a labelled pair teaches its stance in the sentence its label quotes (implicit labels
 * are left out). Held-out text is never read.
 *
 *   npm run train                 write shared/domain/classify/data/stance-model.json
 *   npm run train -- --cv         5-fold cross-validation on dev (by dispatch): rules, model, both
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { StanceLabel } from '../shared/domain/classify/classification.js';
import { analyseDispatch } from '../shared/domain/classify/classify-dispatch.js';
import { combineStances } from '../shared/domain/classify/combine-stances.js';
import { defaultDictionaries } from '../shared/domain/classify/dictionaries.js';
import {
  featuresOf,
  type ModelCandidate,
  modelCandidates,
} from '../shared/domain/classify/stance-features.js';
import {
  compileStanceModel,
  MODEL_CLASSES,
  type StanceModel,
} from '../shared/domain/classify/stance-model.js';
import { parseDispatch } from '../shared/domain/index.js';
import { type LabelledFile, readLabelledCorpus } from './labelled-corpus.js';
import { type Example, trainLogisticRegression } from './logistic-regression.js';
import { emptyScores, f1, scoreDispatch } from './score.js';

const OUTPUT = 'shared/domain/classify/data/stance-model.json';
const TRAINING = { classes: 4, epochs: 300, l2: 0.001, learningRate: 0.5, prune: 0.2 };
/** Model probability + rule confidence a stance needs; chosen by cross-validation (README). */
const THRESHOLD = 0.85;
const FOLDS = 5;

interface Read {
  readonly file: LabelledFile;
  readonly candidates: readonly ModelCandidate[];
  readonly ruleStances: readonly StanceLabel[];
  readonly classification: ReturnType<typeof analyseDispatch>;
}

// The rules alone read each dispatch: the model's features never depend on the model.
const rulesOnly = { ...defaultDictionaries(), stanceModel: null };
const files = [...(readLabelledCorpus('corpus/sample') ?? []), ...(readLabelledCorpus('corpus/dev') ?? [])];
const reads: Read[] = files.map((file) => {
  const parsed = parseDispatch(readFileSync(file.path), {
    sourceKey: `incoming/${basename(file.path)}`,
    receivedAt: `${file.label.date}T12:00:00Z`,
  });
  if (!parsed.ok) throw new Error(`${file.path} does not parse: ${parsed.error.message}`);
  const candidates: ModelCandidate[] = [];
  const classification = analyseDispatch(parsed.dispatch, rulesOnly, (trace) =>
    candidates.push(...modelCandidates(trace)),
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
      return [{ features: featuresOf(candidate), label: MODEL_CLASSES.indexOf(label.stance) + 1 }];
    }),
  );
}

/** The label's evidence lies in the sentence, or the sentence lies in evidence that spans several. */
const quotes = (sentence: string, evidence: string) =>
  sentence.includes(evidence) || evidence.includes(sentence);

const topicsOf = (training: readonly Read[]) =>
  [...new Set(training.flatMap((read) => read.file.label.topics))].sort();

const triple = (values: readonly number[]): [number, number, number] => [
  values[0] ?? 0,
  values[1] ?? 0,
  values[2] ?? 0,
];

function train(training: readonly Read[]) {
  const weights = trainLogisticRegression(examplesOf(training), TRAINING);
  return {
    topics: topicsOf(training),
    threshold: THRESHOLD,
    weights: Object.fromEntries(
      [...weights]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([feature, values]) => [feature, triple(values)]),
    ),
  };
}

function score(testing: readonly Read[], stancesOf: (read: Read) => readonly StanceLabel[]) {
  const scores = emptyScores();
  for (const read of testing)
    scoreDispatch(scores, read.file.label, { ...read.classification, stances: stancesOf(read) }, '');
  const { precision, recall, f1: f } = f1(scores.stances);
  const { tp, fp, fn } = scores.stances;
  return `P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${f.toFixed(2)}  (tp ${tp}, fp ${fp}, fn ${fn})`;
}

if (process.argv.includes('--cv')) {
  const combined = (read: Read, model: StanceModel, rules: readonly StanceLabel[]) =>
    combineStances(rules, read.candidates, model, (sentence, speaker) => ({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      speaker: speaker.speaker,
      citation: null,
    }));
  const models = Array.from({ length: FOLDS }, (_, fold) =>
    compileStanceModel({
      version: `fold-${fold}`,
      trainedOn: '',
      ...train(reads.filter((_, index) => index % FOLDS !== fold)),
    }),
  );
  const modelOf = (read: Read) => models[reads.indexOf(read) % FOLDS] as StanceModel;
  console.log(
    `stance model, ${FOLDS}-fold cross-validation on dev (${reads.length} dispatches, by dispatch)`,
  );
  console.log(`  rules alone (tuned on these texts)  ${score(reads, (read) => read.ruleStances)}`);
  console.log(
    `  model alone (never saw its fold)    ${score(reads, (read) => combined(read, modelOf(read), []))}`,
  );
  console.log(
    `  rules + model                       ${score(reads, (read) => combined(read, modelOf(read), read.ruleStances))}`,
  );
} else {
  const trained = train(reads);
  const digest = createHash('sha256').update(JSON.stringify(trained)).digest('hex').slice(0, 8);
  const model = {
    version: `model-${digest}`,
    trainedOn: `${reads.length} dev dispatches (corpus/sample, corpus/dev), ${examplesOf(reads).length} holder-topic readings`,
    ...trained,
  };
  writeFileSync(OUTPUT, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${OUTPUT}: ${model.version}, ${Object.keys(model.weights).length} features, trained on ${model.trainedOn}`,
  );
}
