import { describe, expect, it } from 'vitest';
import type { Label } from '../../eval/labelled-corpus.js';
import { emptyScores, scoreAgreement, scoreDispatch } from '../../eval/score.js';

type StanceLabel = Label['stances'][number];

const label = (stances: StanceLabel[]): Label => ({
  file: 'd.txt',
  date: '2001-05-30',
  topics: ['ABM'],
  actors: [...new Set(stances.map((stance) => stance.actor))],
  stances,
});
const stance = (actor: string, value: StanceLabel['stance'], implicit?: boolean): StanceLabel => ({
  actor,
  topic: 'ABM',
  stance: value,
  evidence: 'a sentence',
  ...(implicit ? { implicit } : {}),
});

describe('scoring a prediction', () => {
  it('counts a stance only when actor, topic and stance all match', () => {
    // Prepare
    const scores = emptyScores();
    const gold = label([stance('RUS', 'support'), stance('USA', 'oppose')]);
    const predicted = label([stance('RUS', 'support'), stance('USA', 'mixed')]);
    // Act
    scoreDispatch(scores, gold, predictionOf(predicted), 'd.txt');
    // Assess
    expect(scores.stances).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(scores.confusion.oppose).toEqual({ mixed: 1 });
  });

  it('neither rewards nor penalises a prediction for a label marked implicit', () => {
    const scores = emptyScores();
    const gold = label([stance('CHN', 'support', true)]);
    scoreDispatch(scores, gold, predictionOf(label([stance('CHN', 'oppose')])), 'd.txt');
    expect(scores.stances).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe('scoring two labellers against each other', () => {
  it('leaves out a pair either labeller marks implicit, whichever one is taken as gold', () => {
    // Prepare: the second labeller calls CHN's stance implicit; the first states it
    const first = label([stance('RUS', 'support'), stance('CHN', 'support')]);
    const second = label([stance('RUS', 'support'), stance('CHN', 'support', true)]);
    const forward = emptyScores();
    const backward = emptyScores();
    // Act
    scoreAgreement(forward, first, second, 'd.txt');
    scoreAgreement(backward, second, first, 'd.txt');
    // Assess
    expect(forward.stances).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(backward.stances).toEqual(forward.stances);
  });

  it('scores a disagreement as a miss and an extra', () => {
    const scores = emptyScores();
    scoreAgreement(scores, label([stance('USA', 'oppose')]), label([stance('USA', 'mixed')]), 'd.txt');
    expect(scores.stances).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

function predictionOf(labels: Label) {
  return {
    topics: labels.topics.map((topic) => ({ topic })),
    actors: labels.actors.map((actor) => ({ actor })),
    stances: labels.stances.map((value) => ({ ...value, evidence: [{ text: value.evidence }] })),
  };
}
