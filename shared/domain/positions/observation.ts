import type { Evidence, Stance } from '../classify/classification.js';

/** One dispatch's evidence of an actor's stance on a topic, as stored on the position timeline. */
export interface Observation {
  readonly actor: string;
  readonly topic: string;
  readonly stance: Stance;
  /** 0-1: the classifier's confidence, raised for a senior official's own words. */
  readonly strength: number;
  readonly dispatchId: string;
  readonly dispatchDate: string;
  readonly evidence: readonly Evidence[];
  /** The statement itself, normalised: the same words reported by two wires count once. */
  readonly statementKey: string;
}
