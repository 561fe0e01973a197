import { innermostFrame, inRanges } from './clauses.js';
import { ACTOR_BEFORE, cueMarker, FeaturesAround, Marker } from './features-around.js';
import { VERBS } from './grammar.js';
import type { Mention } from './mentions.js';
import type { Sentence } from './sentences.js';
import type { SentenceContext } from './stance.js';
import { TokenKind } from './tokens.js';

/** How many tokens either side of a topic phrase the model reads. */
const WINDOW = 10;
/** A negator this many tokens before a cue turns the cue's feature round. */
const NEGATED_CUE_REACH = 4;

/** One actor and topic in one sentence, as the model sees them. */
export interface ModelCandidate {
  readonly actor: string;
  readonly topic: string;
  readonly sentence: Sentence;
  /** Who holds it in the sentence: a speaker or a clause subject. */
  readonly speaker: Mention;
  readonly role: HolderRole;
  /**
   * Words and markers around the topic phrase, each named with the topic ("ABM|w:withdraw"):
   * the same word means different things for different topics. A word seen twice counts twice.
   * One per topic phrase, shared by every holder of the sentence.
   */
  readonly around: FeaturesAround;
}

/**
 * Every feature of a candidate, as the model is trained on them: the words around, then how the
 * holder holds it (speaker, last speaker of a quotation, or subject) and what kind of mention it is.
 */
export const featuresOf = (candidate: ModelCandidate): string[] => [
  ...candidate.around.names(),
  ...holderFeatures(candidate),
];

export const holderFeatures = (candidate: ModelCandidate): string[] => [
  `${candidate.topic}|role:${candidate.role}`,
  `${candidate.topic}|kind:${candidate.speaker.kind}`,
];

export type HolderRole = 'speech' | 'quoted' | 'subject';

interface Holder {
  readonly mention: Mention;
  readonly role: HolderRole;
  /** Token range of the only topic phrases it holds; undefined: all of the sentence's. */
  readonly within?: readonly [number, number];
}

interface TopicSpan {
  readonly topic: string;
  readonly from: number;
  readonly to: number;
  /** The sentence names no topic and continues the one before's: the whole sentence is read. */
  readonly inherited: boolean;
}

/**
 * Every (holder, topic) pair of a sentence: each speaker and clause subject against each topic
 * phrase, or the previous sentence's topics when it names none.
 */
export function modelCandidates(context: SentenceContext): ModelCandidate[] {
  const { structure, sentence } = context;
  // "If the United States abandons the ABM treaty, …": what a condition says of a topic is
  // hypothetical, nobody's position (as for the rules).
  const spans: TopicSpan[] = context.topics
    .filter((hit) => !inRanges(structure.conditionals, hit.from))
    .map(({ topic, from, to }) => ({ topic, from, to, inherited: false }));
  // A sentence naming no topic continues the one before; one whose topics are all hypothetical does not.
  if (context.topics.length === 0)
    for (const topic of context.previousTopics)
      spans.push({ topic, from: sentence.from, to: sentence.to, inherited: true });
  // A sentence with no topic to read has no candidates: its holders need not be worked out.
  if (spans.length === 0) return [];

  const holders: Holder[] = [];
  for (const frame of structure.frames) {
    // "… whether or not Moscow agreed to amend it": a statement inside a condition is hypothetical.
    if (inRanges(structure.conditionals, frame.verb.from)) continue;
    for (const mention of frame.holders) holders.push({ mention, role: 'speech' });
  }
  // A quotation with no speaker of its own is the last speaker's, as the rules read it.
  const quotedSpeakers = structure.frames.length === 0 ? (context.lastSpeaker ?? []) : [];
  if (structure.quotes.length > 0)
    for (const mention of quotedSpeakers) holders.push({ mention, role: 'quoted' });
  for (const subject of structure.subjects) {
    // "If the United States abandons the treaty, Russia will …": a condition's subject does nothing.
    // "Moscow opposed Washington’s plans": a possessive holds its own phrase only, which the model
    // cannot tell from the sentence around it, so it is left to the rules.
    if (subject.possessive || inRanges(structure.conditionals, subject.at)) continue;
    // "Nezavisimaya Gazeta argued that the Kremlin would be wiser to bargain": a subject inside
    // someone else's statement or quotation is reported, not speaking (stance.ts holderOf).
    const speakers =
      innermostFrame(structure.frames, subject.at)?.holders ??
      (inRanges(structure.quotes, subject.at) ? quotedSpeakers : undefined);
    const within = relativeClause(structure.clauseStarts, subject.at, context);
    for (const mention of subject.holders)
      if (
        !speakers ||
        speakers.some((speaker) => speaker.actors.some((actor) => mention.actors.includes(actor)))
      )
        holders.push({ mention, role: 'subject', within });
  }
  if (holders.length === 0) return [];

  const inMention = new Uint8Array(sentence.to - sentence.from);
  for (const mention of context.mentions)
    for (
      let index = Math.max(mention.from, sentence.from);
      index < Math.min(mention.to, sentence.to);
      index++
    )
      inMention[index - sentence.from] = 1;

  const candidates: ModelCandidate[] = [];
  const around = spans.map((span) => wordsAround(context, span, inMention, windowOf(span, sentence)));
  for (const { mention, role, within } of holders) {
    if (mention.kind === 'voice') continue;
    for (let index = 0; index < spans.length; index++) {
      const span = spans[index] as TopicSpan;
      if (within && (span.inherited || span.from < within[0] || span.from >= within[1])) continue;
      // The last speaker holds the quotation's words only, not the rest of the sentence.
      if (role === 'quoted' && !inRanges(structure.quotes, span.from)) continue;
      for (const actor of mention.actors)
        candidates.push({
          actor,
          topic: span.topic,
          sentence,
          speaker: mention,
          role,
          around: around[index] as FeaturesAround,
        });
    }
  }
  return candidates;
}

/**
 * "a defense aimed at the small arsenals that North Korea may acquire": the subject of a relative
 * clause acts only inside it. The clause's token range, or undefined for any other subject.
 */
function relativeClause(
  clauseStarts: readonly number[],
  at: number,
  { tokens, sentence }: SentenceContext,
): readonly [number, number] | undefined {
  let clause = 0;
  while (clause + 1 < clauseStarts.length && (clauseStarts[clause + 1] as number) <= at - 1) clause++;
  const start = clauseStarts[clause] ?? sentence.from;
  const pronoun = tokens[start - 1];
  const antecedent = tokens[start - 2];
  if (
    !pronoun ||
    !RELATIVE_PRONOUNS.has(pronoun.norm) ||
    !antecedent ||
    antecedent.kind !== TokenKind.Word ||
    antecedent.capital ||
    VERBS.has(antecedent.norm) ||
    antecedent.norm.endsWith('ed')
  )
    return undefined;
  return [start, clauseStarts[clause + 1] ?? sentence.to];
}

const RELATIVE_PRONOUNS = new Set(['that', 'which', 'whom']);

/** No word before: a pair needs one. */
const NONE = -2;

/** The tokens the model reads for a topic phrase: ten either side, or the whole sentence it continues. */
const windowOf = (span: TopicSpan, sentence: Sentence): readonly [number, number] =>
  span.inherited
    ? [sentence.from, sentence.to]
    : [Math.max(sentence.from, span.from - WINDOW), Math.min(sentence.to, span.to + WINDOW)];

function wordsAround(
  context: SentenceContext,
  span: TopicSpan,
  inMention: Uint8Array,
  [from, to]: readonly [number, number],
): FeaturesAround {
  const { tokens, structure, sentence } = context;
  const topic = span.topic;
  const features = new FeaturesAround(topic, tokens);
  features.marker(Marker.bias);
  if (span.inherited) features.marker(Marker.inherited);
  // Words and word pairs around the topic phrase; an actor's name reads as "<actor>", so
  // "Moscow opposed" and "Beijing opposed" are the same pair.
  let previous = NONE;
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    // The topic phrase itself says nothing; a condition's words are hypothetical.
    if (
      !token ||
      (!span.inherited && index >= span.from && index < span.to) ||
      inRanges(structure.conditionals, index)
    ) {
      previous = NONE;
      continue;
    }
    if (inMention[index - sentence.from] === 1) {
      previous = ACTOR_BEFORE;
      continue;
    }
    if (token.kind !== TokenKind.Word) {
      previous = NONE;
      continue;
    }
    features.word(index);
    if (previous !== NONE) features.pair(previous, index);
    previous = index;
  }
  if (context.negators.some((hit) => hit.from >= from && hit.from < to)) features.marker(Marker.neg);
  if (inRanges(structure.quotes, span.from)) features.marker(Marker.quoted);
  if (context.analysis) features.marker(Marker.analysis);
  if (context.forecast.length > 0) features.marker(Marker.forecast);
  // The cue lexicon's own polarities, so the model can weigh what the rules know.
  for (const cue of context.cues) {
    if (cue.from < from || cue.from >= to || inRanges(structure.conditionals, cue.from)) continue;
    const negated = context.negators.some(
      (hit) => hit.from < cue.from && hit.from >= cue.from - NEGATED_CUE_REACH,
    );
    for (const value of cue.values) {
      if (value.kind !== 'cue' || (value.topic !== null && value.topic !== topic)) continue;
      features.marker(cueMarker(value.topic !== null, value.polarity, negated));
    }
  }
  return features;
}
