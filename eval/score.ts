import type { Classification } from '../shared/domain/classify/classification.js';
import type { Label } from './labelled-corpus.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  readonly topics: Counts;
  readonly actors: Counts;
  readonly stances: Counts;
  /** gold → predicted → count; "none" where one side has no stance for that actor and topic. */
  readonly confusion: Record<string, Record<string, number>>;
  readonly errors: string[];
}

export const emptyScores = (): Scores => ({
  topics: { tp: 0, fp: 0, fn: 0 },
  actors: { tp: 0, fp: 0, fn: 0 },
  stances: { tp: 0, fp: 0, fn: 0 },
  confusion: {},
  errors: [],
});

function compareSets(
  counts: Counts,
  gold: readonly string[],
  predicted: readonly string[],
  what: string,
  errors: string[],
) {
  for (const item of predicted) {
    if (gold.includes(item)) counts.tp++;
    else {
      counts.fp++;
      errors.push(`extra ${what} ${item}`);
    }
  }
  for (const item of gold) {
    if (!predicted.includes(item)) {
      counts.fn++;
      errors.push(`missed ${what} ${item}`);
    }
  }
}

/** What scoring reads of a prediction: the classifier's output, or another labeller's labels. */
export interface Prediction {
  readonly topics: readonly Pick<Classification['topics'][number], 'topic'>[];
  readonly actors: readonly Pick<Classification['actors'][number], 'actor'>[];
  readonly stances: readonly {
    readonly actor: string;
    readonly topic: string;
    readonly stance: string;
    readonly evidence: readonly { readonly text: string }[];
  }[];
}

/**
 * Adds one dispatch to the scores. A stance counts when actor, topic and stance all match; a
 * label marked implicit neither rewards nor penalises whatever is predicted for its actor and topic.
 */
export function scoreDispatch(scores: Scores, label: Label, predicted: Prediction, file: string): void {
  const errors: string[] = [];
  compareSets(
    scores.topics,
    label.topics,
    predicted.topics.map((topic) => topic.topic),
    'topic',
    errors,
  );
  compareSets(
    scores.actors,
    label.actors,
    predicted.actors.map((actor) => actor.actor),
    'actor',
    errors,
  );
  const gold = new Map(label.stances.map((stance) => [`${stance.actor}|${stance.topic}`, stance]));
  const guessed = new Map(predicted.stances.map((stance) => [`${stance.actor}|${stance.topic}`, stance]));
  const confusion = scores.confusion;
  const cell = (row: string, column: string) => {
    confusion[row] ??= {};
    const cells = confusion[row] as Record<string, number>;
    cells[column] = (cells[column] ?? 0) + 1;
  };
  for (const [key, stance] of guessed) {
    const expected = gold.get(key);
    if (expected?.implicit) continue;
    cell(expected?.stance ?? 'none', stance.stance);
    if (expected?.stance === stance.stance) scores.stances.tp++;
    else {
      scores.stances.fp++;
      errors.push(
        `stance ${key} predicted ${stance.stance}, labelled ${expected?.stance ?? 'none'} — ${stance.evidence[0]?.text.slice(0, 140) ?? ''}`,
      );
    }
  }
  for (const [key, stance] of gold) {
    if (stance.implicit) continue;
    const predictedStance = guessed.get(key);
    if (predictedStance?.stance === stance.stance) continue;
    scores.stances.fn++;
    if (!predictedStance) {
      cell(stance.stance, 'none');
      errors.push(`missed stance ${key} ${stance.stance} — ${stance.evidence.slice(0, 140)}`);
    }
  }
  scores.errors.push(...errors.map((error) => `${file}: ${error}`));
}

export function f1(counts: Counts) {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: f };
}

/**
 * Two labellers' labels of one dispatch, scored as the classifier is: the first as gold, the second
 * as the prediction. A pair either labeller marks implicit counts for neither, so the figure is
 * symmetric in what it leaves out.
 */
export function scoreAgreement(scores: Scores, first: Label, second: Label, file: string): void {
  const implicit = new Set(
    [...first.stances, ...second.stances]
      .filter((stance) => stance.implicit)
      .map((stance) => `${stance.actor}|${stance.topic}`),
  );
  const gold: Label = {
    ...first,
    stances: first.stances.map((stance) =>
      implicit.has(`${stance.actor}|${stance.topic}`) ? { ...stance, implicit: true } : stance,
    ),
  };
  scoreDispatch(
    scores,
    gold,
    {
      topics: second.topics.map((topic) => ({ topic })),
      actors: second.actors.map((actor) => ({ actor })),
      stances: second.stances
        .filter((stance) => !implicit.has(`${stance.actor}|${stance.topic}`))
        .map((stance) => ({ ...stance, evidence: [{ text: stance.evidence }] })),
    },
    file,
  );
}
