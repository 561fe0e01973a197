import type { SpeechFrame } from './clauses.js';
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
  /**
   * Words and markers around the topic phrase, each prefixed with the topic ("ABM|w:withdraw"):
   * the same word means different things for different topics. A word seen twice counts twice.
   * One array per topic phrase, shared by every holder of the sentence.
   */
  readonly around: readonly string[];
  /** How the holder holds it: speaker, subject or possessive, and what kind of mention. */
  readonly holder: readonly string[];
}

/** Every feature of a candidate, as the model is trained on them. */
export const featuresOf = (candidate: ModelCandidate): string[] => [...candidate.around, ...candidate.holder];

interface Holder {
  readonly mention: Mention;
  readonly role: 'speech' | 'subject' | 'possessive' | 'quoted';
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
  const holders: Holder[] = [];
  for (const frame of structure.frames)
    for (const mention of frame.holders) holders.push({ mention, role: 'speech' });
  for (const subject of structure.subjects) {
    const frame = innermostFrame(structure.frames, subject.at);
    for (const mention of subject.holders) {
      // "Nezavisimaya Gazeta argued that the Kremlin would be wiser to bargain": a subject inside
      // someone else's statement is reported, not speaking (as the rules read it, stance.ts holderOf).
      if (
        frame &&
        !frame.holders.some((speaker) => speaker.actors.some((actor) => mention.actors.includes(actor)))
      )
        continue;
      holders.push({ mention, role: subject.possessive ? 'possessive' : 'subject' });
    }
  }
  // A quotation with no speaker of its own is the last speaker's, as the rules read it.
  if (holders.length === 0 && structure.quotes.length > 0)
    for (const mention of context.lastSpeaker ?? []) holders.push({ mention, role: 'quoted' });
  if (holders.length === 0) return [];
  const spans: TopicSpan[] = context.topics.map(({ topic, from, to }) => ({
    topic,
    from,
    to,
    inherited: false,
  }));
  if (spans.length === 0)
    for (const topic of context.previousTopics)
      spans.push({ topic, from: sentence.from, to: sentence.to, inherited: true });

  const inMention = new Uint8Array(sentence.to - sentence.from);
  for (const mention of context.mentions)
    for (
      let index = Math.max(mention.from, sentence.from);
      index < Math.min(mention.to, sentence.to);
      index++
    )
      inMention[index - sentence.from] = 1;

  const candidates: ModelCandidate[] = [];
  const seen = new Set<string>();
  const around = spans.map((span) => wordsAround(context, span, inMention));
  for (const { mention, role } of holders) {
    if (mention.kind === 'voice') continue;
    for (const actor of mention.actors)
      spans.forEach((span, index) => {
        const key = `${actor}|${span.topic}|${role}`;
        if (seen.has(key)) return;
        seen.add(key);
        candidates.push({
          actor,
          topic: span.topic,
          sentence,
          speaker: mention,
          around: around[index] ?? [],
          holder: [`${span.topic}|role:${role}`, `${span.topic}|kind:${mention.kind}`],
        });
      });
  }
  return candidates;
}

function innermostFrame(frames: readonly SpeechFrame[], at: number): SpeechFrame | undefined {
  let innermost: SpeechFrame | undefined;
  for (const frame of frames)
    if (
      frame.content.some(([start, end]) => start <= at && at < end) &&
      (!innermost || frame.verb.from > innermost.verb.from)
    )
      innermost = frame;
  return innermost;
}

function wordsAround(context: SentenceContext, span: TopicSpan, inMention: Uint8Array): string[] {
  const { tokens, sentence, structure } = context;
  const topic = span.topic;
  const features = [`${topic}|bias`];
  if (span.inherited) features.push(`${topic}|inherited`);
  const from = span.inherited ? sentence.from : Math.max(sentence.from, span.from - WINDOW);
  const to = span.inherited ? sentence.to : Math.min(sentence.to, span.to + WINDOW);
  // Words and word pairs around the topic phrase; an actor's name reads as "<actor>", so
  // "Moscow opposed" and "Beijing opposed" are the same pair.
  let previous = '';
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (!token || (!span.inherited && index >= span.from && index < span.to)) {
      previous = '';
      continue;
    }
    if (inMention[index - sentence.from] === 1) {
      previous = '<actor>';
      continue;
    }
    if (token.kind !== TokenKind.Word) {
      previous = '';
      continue;
    }
    features.push(`${topic}|w:${token.norm}`);
    if (previous) features.push(`${topic}|b:${previous} ${token.norm}`);
    previous = token.norm;
  }
  if (context.negators.some((hit) => hit.from >= from && hit.from < to)) features.push(`${topic}|neg`);
  const inside = (ranges: readonly (readonly [number, number])[]) =>
    ranges.some(([start, end]) => start <= span.from && span.from < end);
  if (inside(structure.quotes)) features.push(`${topic}|quoted`);
  if (inside(structure.conditionals)) features.push(`${topic}|cond`);
  if (context.analysis) features.push(`${topic}|analysis`);
  if (context.forecast.length > 0) features.push(`${topic}|forecast`);
  // The cue lexicon's own polarities, so the model can weigh what the rules know.
  for (const cue of context.cues) {
    if (cue.from < from || cue.from >= to) continue;
    const negated = context.negators.some(
      (hit) => hit.from < cue.from && hit.from >= cue.from - NEGATED_CUE_REACH,
    );
    for (const value of cue.values) {
      if (value.kind !== 'cue' || (value.topic !== null && value.topic !== topic)) continue;
      features.push(`${topic}|${value.topic ? 't' : 'g'}cue:${value.polarity}${negated ? '|neg' : ''}`);
    }
  }
  return features;
}
