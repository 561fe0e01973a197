export const STANCES = ['support', 'oppose', 'mixed'] as const;
export type Stance = (typeof STANCES)[number];

export interface EvidenceCitation {
  readonly outlet: string;
  readonly date: string;
}

/** A sentence that justifies a label, with where to find it and who said it. */
export interface Evidence {
  readonly text: string;
  /** Offsets into the dispatch text. */
  readonly start: number;
  readonly end: number;
  /** Who the sentence is attributed to (a person, state or voice), if anyone. */
  readonly speaker: string | null;
  /** The citation group that sources the sentence in its paragraph, if any. */
  readonly citation: readonly EvidenceCitation[] | null;
}

export interface TopicLabel {
  readonly topic: string;
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

export interface ActorLabel {
  readonly actor: string;
  readonly mentions: number;
  readonly evidence: readonly Evidence[];
}

export interface PersonLabel {
  readonly name: string;
  /** The state or organisation the person's office belonged to at the dispatch date; null if none. */
  readonly actor: string | null;
  readonly role: string | null;
}

export interface StanceLabel {
  readonly actor: string;
  readonly topic: string;
  readonly stance: Stance;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

export interface Classification {
  /** The versions of the topic, actor and cue dictionaries that produced this. */
  readonly rulesVersion: string;
  readonly topics: readonly TopicLabel[];
  readonly actors: readonly ActorLabel[];
  readonly people: readonly PersonLabel[];
  readonly stances: readonly StanceLabel[];
}
