import type { Evidence, StanceLabel } from './classification.js';
import { calibratedConfidence } from './confidence-calibration.js';
import type { FeaturesAround } from './features-around.js';
import type { Mention } from './mentions.js';
import type { Sentence } from './sentences.js';
import type { ModelCandidate } from './stance-features.js';
import {
  classProbabilities,
  holderLogits,
  logitsAround,
  MODEL_STANCES,
  type StanceModel,
} from './stance-model.js';

const MAX_EVIDENCE = 3;
/** A rule label below this confidence still counts this much: the rules found a reading. */
const RULE_FLOOR = 0.5;
/** A sentence the model reads at this probability or more is shown as evidence for its class. */
const EVIDENCE_PROBABILITY = 0.5;

/** One sentence's reading by the model: which class, how sure, and whose words. */
interface ScoredCandidate {
  readonly candidate: ModelCandidate;
  readonly probabilities: readonly [number, number, number, number];
}

/**
 * Two readers, one label. For each actor and topic, each stance has the model's probability that
 * some sentence says it (1 − ∏(1 − p) over the pair's sentences, each sentence counted once at its
 * surest reading) and the rules' confidence when the rules chose it (at least 0.5). The two are
 * combined the same way, 1 − (1 − model)(1 − rules); the best stance is the label when that reaches
 * the model's threshold, and that reading, calibrated (confidence-calibration.ts), is the label's
 * confidence: the chance it is right. Topics the model was not trained on keep
 * the rules' labels unchanged.
 */
export function combineStances(
  ruleStances: readonly StanceLabel[],
  candidates: readonly ModelCandidate[],
  model: StanceModel,
  evidenceOf: (sentence: Sentence, speaker: Mention) => Evidence,
): StanceLabel[] {
  return combinedLabels(ruleStances, candidates, model, evidenceOf).map((combined) => combined.label);
}

/** A label, and the combined reading it had before calibration: what `npm run train` fits calibration on. */
export interface CombinedLabel {
  readonly label: StanceLabel;
  /** Undefined for a topic the model was not trained on: the rules' label, kept as it is. */
  readonly reading: number | undefined;
}

/** combineStances, with each label's reading before calibration. */
export function combinedLabels(
  ruleStances: readonly StanceLabel[],
  candidates: readonly ModelCandidate[],
  model: StanceModel,
  evidenceOf: (sentence: Sentence, speaker: Mention) => Evidence,
): CombinedLabel[] {
  const byPair = new Map<string, ScoredCandidate[]>();
  // The words around a topic phrase are shared by every holder of its sentence: weigh them once.
  const around = new Map<FeaturesAround, readonly [number, number, number]>();
  for (const candidate of candidates) {
    if (!model.topics.has(candidate.topic)) continue;
    const key = `${candidate.actor}|${candidate.topic}`;
    let words = around.get(candidate.around);
    if (!words) {
      words = logitsAround(model, candidate.around);
      around.set(candidate.around, words);
    }
    const holder = holderLogits(model, candidate.topic, candidate.role, candidate.speaker.kind);
    const scored = { candidate, probabilities: classProbabilities(words, holder) };
    const list = byPair.get(key);
    if (list) list.push(scored);
    else byPair.set(key, [scored]);
  }
  const rules = new Map(ruleStances.map((stance) => [`${stance.actor}|${stance.topic}`, stance]));
  const pairs = [...new Set([...rules.keys(), ...byPair.keys()])];
  return pairs.flatMap((key): CombinedLabel[] => {
    const rule = rules.get(key);
    if (rule && !model.topics.has(rule.topic)) return [{ label: rule, reading: undefined }];
    const readings = byPair.get(key) ?? [];
    const seen = seenPerClass(readings);
    const scores = MODEL_STANCES.map((stance, index) =>
      either([seen[index] ?? 0, rule?.stance === stance ? Math.max(RULE_FLOOR, rule.confidence) : 0]),
    );
    const score = Math.max(...scores);
    const best = scores.indexOf(score);
    const stance = MODEL_STANCES[best];
    if (stance === undefined || score < model.threshold) return [];
    const first = readings[0]?.candidate;
    const actor = rule?.actor ?? first?.actor;
    const topic = rule?.topic ?? first?.topic;
    if (actor === undefined || topic === undefined) return [];
    const label: StanceLabel = {
      actor,
      topic,
      stance,
      confidence: Math.round(calibratedConfidence(model.calibration, score) * 100) / 100,
      evidence: evidenceFor(rule?.stance === stance ? rule.evidence : [], readings, best, evidenceOf),
    };
    return [{ label, reading: score }];
  });
}

const atClass = (reading: ScoredCandidate, index: number) => reading.probabilities[index + 1] ?? 0;

/** The chance that at least one of several independent readings is right. */
const either = (probabilities: readonly number[]) =>
  1 - probabilities.reduce((none, probability) => none * (1 - probability), 1);

/**
 * Per class (support, oppose, mixed), the chance some sentence says it. A sentence's speaker and
 * subject readings share its words: it counts once, at its surest. All three classes in one pass.
 */
function seenPerClass(readings: readonly ScoredCandidate[]): readonly number[] {
  const surest = new Map<number, number[]>();
  for (const reading of readings) {
    const at = reading.candidate.sentence.index;
    const best = surest.get(at);
    if (!best) surest.set(at, [atClass(reading, 0), atClass(reading, 1), atClass(reading, 2)]);
    else
      for (let index = 0; index < best.length; index++)
        best[index] = Math.max(best[index] ?? 0, atClass(reading, index));
  }
  const sentences = [...surest.values()];
  return MODEL_STANCES.map((_, index) => either(sentences.map((best) => best[index] ?? 0)));
}

/** The rules' sentences first, then the model's surest, one per sentence; never none. */
function evidenceFor(
  fromRules: readonly Evidence[],
  readings: readonly ScoredCandidate[],
  index: number,
  evidenceOf: (sentence: Sentence, speaker: Mention) => Evidence,
): Evidence[] {
  const evidence = [...fromRules];
  const shown = new Set(evidence.map((item) => item.start));
  const surest = [...readings].sort((a, b) => atClass(b, index) - atClass(a, index));
  for (const [rank, reading] of surest.entries()) {
    if (evidence.length >= MAX_EVIDENCE) break;
    const { sentence, speaker } = reading.candidate;
    if (shown.has(sentence.start)) continue;
    if (atClass(reading, index) < EVIDENCE_PROBABILITY && (rank > 0 || evidence.length > 0)) continue;
    shown.add(sentence.start);
    evidence.push(evidenceOf(sentence, speaker));
  }
  return evidence;
}
