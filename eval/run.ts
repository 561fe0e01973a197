import { basename } from 'node:path';
import { classifyDispatch } from '../shared/domain/classify/classify-dispatch.js';
import { defaultDictionaries } from '../shared/domain/classify/dictionaries.js';
import {
  type LabelledFile,
  parseLabelledFile,
  readDevCorpus,
  readLabelledCorpus,
} from './labelled-corpus.js';
import { formatReliability, reliability } from './platt-scaling.js';
import { type Counts, emptyScores, f1, type Scores, scoreAgreement, scoreDispatch } from './score.js';

const SECOND_LABELS = 'labels.second.json';

const showErrors = process.argv.includes('--errors');
const heldOut = readLabelledCorpus('corpus/heldout') ?? [];
const parts: { name: string; tuned: boolean; files: LabelledFile[] }[] = [
  {
    name: 'dev (tuned on)',
    tuned: true,
    files: readDevCorpus(),
  },
  { name: 'held-out', tuned: false, files: heldOut },
  // Written on 2026-12-01 after held-out had been read often: a second test part, scored as it came.
  { name: 'held-out 2', tuned: false, files: readLabelledCorpus('corpus/heldout2') ?? [] },
  // Written on 2026-12-01 evening, while dev2 and dev3 were tuned on: read once, at the end of that day.
  { name: 'held-out 3', tuned: false, files: readLabelledCorpus('corpus/heldout3') ?? [] },
  { name: 'seeds', tuned: false, files: readLabelledCorpus('../shared/seeds') ?? [] },
];

const classifyFile = (file: LabelledFile) => classifyDispatch(parseLabelledFile(file));

/** Stance confidences at which precision is also reported: what a reader trusting only surer labels gets. */
const CONFIDENCE_CUTS = [0.6, 0.8];

function scorePart(files: readonly LabelledFile[]): {
  scores: Scores;
  byConfidence: { cut: number; stances: Counts }[];
  /** Every label given, at its confidence, and whether the labels agree (implicit ones left out). */
  given: { confidence: number; right: boolean }[];
} {
  const scores = emptyScores();
  const byConfidence = CONFIDENCE_CUTS.map((cut) => ({ cut, scores: emptyScores() }));
  const given: { confidence: number; right: boolean }[] = [];
  for (const { path, label } of files) {
    const classification = classifyFile({ path, label });
    scoreDispatch(scores, label, classification, basename(path));
    for (const { cut, scores: surer } of byConfidence) {
      const stances = classification.stances.filter((stance) => stance.confidence >= cut);
      scoreDispatch(surer, label, { ...classification, stances }, basename(path));
    }
    for (const stance of classification.stances) {
      const gold = label.stances.find((item) => item.actor === stance.actor && item.topic === stance.topic);
      if (!gold?.implicit)
        given.push({ confidence: stance.confidence, right: gold?.stance === stance.stance });
    }
  }
  return {
    scores,
    byConfidence: byConfidence.map(({ cut, scores: surer }) => ({ cut, stances: surer.stances })),
    given,
  };
}

const format = (counts: Counts) => {
  const { precision, recall, f1: f } = f1(counts);
  return `P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${f.toFixed(2)}  (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})`;
};

function printScores(title: string, scores: Scores) {
  console.log(`\n${title}`);
  console.log(`  topics   ${format(scores.topics)}`);
  console.log(`  actors   ${format(scores.actors)}`);
  console.log(`  stances  ${format(scores.stances)}`);
  const labels = ['support', 'oppose', 'mixed', 'none'];
  console.log(
    `  confusion (rows labelled, columns predicted): ${labels.map((label) => label.padStart(8)).join('')}`,
  );
  for (const row of labels) {
    const cells = scores.confusion[row] ?? {};
    console.log(
      `  ${row.padStart(45)} ${labels.map((column) => String(cells[column] ?? (row === 'none' && column === 'none' ? '-' : 0)).padStart(8)).join('')}`,
    );
  }
}

console.log(`treatywatch classifier evaluation — rules ${defaultDictionaries().version}`);
for (const part of parts) {
  if (part.files.length === 0) {
    console.log(`\n${part.name}: no labelled files found`);
    continue;
  }
  const { scores, byConfidence, given } = scorePart(part.files);
  const stanceCount = part.files.reduce((sum, file) => sum + file.label.stances.length, 0);
  printScores(`${part.name}: ${part.files.length} dispatches, ${stanceCount} labelled stances`, scores);
  for (const { cut, stances } of byConfidence)
    console.log(`  stances with confidence ≥ ${cut}: ${format(stances)}`);
  // A confidence is meant as the chance the label is right: how often labels at each are.
  console.log(`  labels by confidence: ${formatReliability(reliability(given))}`);
  if (showErrors && part.tuned) for (const error of scores.errors) console.log(`    ${error}`);
}

// A second labeller labelled the dev and held-out texts blind, from the codebook alone: how far two
// careful people agree is the ceiling any classifier can be measured against.
function printAgreement(
  directory: string,
  part: string,
  firstLabels: readonly LabelledFile[],
  tuned: boolean,
) {
  const second = readLabelledCorpus(directory, SECOND_LABELS);
  if (!second) return;
  const ours = new Map(firstLabels.map((file) => [basename(file.path), file.label]));
  const humans = emptyScores();
  const againstSecond = emptyScores();
  for (const file of second) {
    const name = basename(file.path);
    const first = ours.get(name);
    if (!first) throw new Error(`${directory}/${SECOND_LABELS} labels ${name}, which labels.json does not`);
    scoreAgreement(humans, first, file.label, name);
    scoreDispatch(againstSecond, file.label, classifyFile(file), name);
  }
  printScores(
    `labeller agreement on ${part}: ${second.length} dispatches labelled again, blind; the second labeller scored against ours as adjudicated since (the blind figure is in corpus/AGREEMENT.md)`,
    humans,
  );
  console.log(
    `  the classifier against the second labeller${tuned ? ' (on text the classifier was tuned on)' : ''}: stances ${format(againstSecond.stances)}`,
  );
}
printAgreement('corpus/dev', 'dev', readLabelledCorpus('corpus/dev') ?? [], true);
printAgreement('corpus/heldout', 'held-out', heldOut, false);
