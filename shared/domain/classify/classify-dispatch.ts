import type { Dispatch } from '../dispatch.js';
import { withCitedVoices } from './cited-voices.js';
import type {
  ActorLabel,
  Classification,
  Evidence,
  PersonLabel,
  Stance,
  StanceLabel,
  TopicLabel,
} from './classification.js';
import { inRanges, structureOf } from './clauses.js';
import { combineStances } from './combine-stances.js';
import { type Dictionaries, defaultDictionaries } from './dictionaries.js';
import { findMentions, type Mention } from './mentions.js';
import { scan } from './scan.js';
import { SentenceCursor } from './sentence-cursor.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type Act, lastActOf, type Observation, observeSentence, type SentenceContext } from './stance.js';
import { type ModelCandidate, modelCandidates } from './stance-features.js';
import { type Token, TokenKind, tokenize } from './tokens.js';
import { findTopicHits, preferCuedReadings, type TopicHit } from './topics.js';

const MAX_EVIDENCE = 3;
/** Below this share of the weight, the minority side does not make a position mixed. */
const MIXED_SHARE = 0.75;

/**
 * Topics, actors, people and stances of one dispatch, each with the sentences that justify it.
 * Pure and deterministic: the same dispatch and dictionaries always give the same answer.
 */
export function classifyDispatch(
  dispatch: Dispatch,
  dictionaries: Dictionaries = defaultDictionaries(),
): Classification {
  return analyseDispatch(dispatch, dictionaries);
}

/** What the classifier saw in one sentence, for `explain` and the stance model's trainer. */
export interface SentenceTrace extends SentenceContext {
  readonly observations: readonly Observation[];
  /** The stance model's (holder, topic) readings of it, made even when the rules decide alone. */
  readonly candidates: readonly ModelCandidate[];
}

export function analyseDispatch(
  dispatch: Dispatch,
  dictionaries: Dictionaries,
  trace?: (sentence: SentenceTrace) => void,
): Classification {
  const text = dispatch.text;
  const tokens = tokenize(text);
  const scanned = scan(tokens, text, dictionaries.lexicon);
  // A false friend ("in place of") hides the cue inside it and is no cue itself.
  const found = {
    ...scanned,
    cue: scanned.cue.filter((hit) => hit.values.some((value) => value.kind !== 'ignore')),
  };
  const inCitation = citationTokens(dispatch, tokens);
  const sentences = splitSentences(dispatch, tokens);
  const allTopicHits = preferCuedReadings(
    findTopicHits(found.topic, (index) => inCitation[index] === 1),
    found.cue,
    sentences,
  );
  const topics = topicLabels(dispatch, sentences, allTopicHits, dictionaries.minimumTopicScore);
  const onTopic = new Set(topics.map((label) => label.topic));
  const topicHits = allTopicHits.filter((hit) => onTopic.has(hit.topic));

  // A name inside a topic phrase ("the Moscow Treaty", "the US plan") is no actor; a name that
  // holds a topic phrase ("the Missile Defense Agency") is.
  const topicEnd = new Int32Array(tokens.length).fill(-1);
  for (const hit of found.topic) for (let index = hit.from; index < hit.to; index++) topicEnd[index] = hit.to;
  const insideTopic = (mention: { from: number; to: number }) => {
    const end = topicEnd[mention.from] ?? -1;
    return end >= mention.to;
  };
  const mentions = findMentions(
    dispatch.text,
    tokens,
    withCitedVoices(
      dispatch,
      tokens,
      inCitation,
      found.mention.filter((hit) => !insideTopic(hit)),
    ),
    (index) => inCitation[index] === 1,
    dispatch.date,
    dictionaries,
  );
  const dispatchTopics = topics.map((label) => label.topic);
  const speechAt = new Set(found.speech.map((hit) => hit.from));
  const verbTokens = new Set<number>();
  for (const hit of [...found.speech, ...found.cue]) verbTokens.add(hit.from);

  const analysisParagraph = closingAnalysis(dispatch);
  const observations: Observation[] = [];
  const candidates: ModelCandidate[] = [];
  const holders: Mention[] = [];
  // Every list is in text order: one cursor per list walks it sentence by sentence.
  const mentionCursor = new SentenceCursor(mentions);
  const topicCursor = new SentenceCursor(topicHits);
  const speechCursor = new SentenceCursor(found.speech);
  const conditionalCursor = new SentenceCursor(found.conditional);
  const cueCursor = new SentenceCursor(found.cue);
  const forecastCursor = new SentenceCursor(found.forecast);
  const negatorCursor = new SentenceCursor(found.negator);
  const earlierCursor = new SentenceCursor(found.earlier);
  let paragraph = -1;
  let quoteOpen = false;
  let lastSpeaker: readonly Mention[] | undefined;
  let previousTopics: readonly string[] = [];
  let lastAct: Act | undefined;

  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      quoteOpen = false;
      lastSpeaker = undefined;
      // The topics named last carry over: "In Berlin, Fischer welcomed the decision" opens a
      // paragraph about the ratification the one before named.
    }
    const mentionRange = mentionCursor.range(sentence);
    const sentenceTopics = topicCursor.slice(sentence);
    const speech = speechCursor.slice(sentence);
    const conditional = conditionalCursor.slice(sentence);
    const structure = structureOf(
      sentence,
      tokens,
      mentions,
      mentionRange,
      speech,
      conditional,
      verbTokens,
      quoteOpen,
    );
    const cues = cueCursor.slice(sentence).filter((hit) => inCitation[hit.from] !== 1);
    // "might", "likely" in what someone said is their hedge; the author forecasts only where nobody speaks.
    const forecast =
      speech.length === 0
        ? forecastCursor
            .slice(sentence)
            .filter((hit) => !inRanges(structure.quotes, hit.from))
            .map((hit) => hit.from)
        : [];
    const context: SentenceContext = {
      sentence,
      tokens,
      structure,
      mentions: mentions.slice(mentionRange[0], mentionRange[1]),
      topics: sentenceTopics,
      cues,
      negators: negatorCursor.slice(sentence),
      forecast,
      earlier: earlierCursor.slice(sentence),
      analysis: sentence.paragraph === analysisParagraph,
      previousTopics,
      nominal: dictionaries.nominal,
      dispatchTopics,
      speechAt,
      lastSpeaker,
      lastAct,
    };
    const sentenceObservations = observeSentence(context);
    lastAct = lastActOf(context) ?? lastAct;
    observations.push(...sentenceObservations);
    // The model's readings, for the model or for a trace (explain, the trainer): made once.
    const sentenceCandidates = dictionaries.stanceModel || trace ? modelCandidates(context) : [];
    candidates.push(...sentenceCandidates);
    trace?.({ ...context, observations: sentenceObservations, candidates: sentenceCandidates });
    for (const frame of structure.frames) holders.push(...frame.holders);
    // "If Pyongyang goes ahead …": the subject of a condition does nothing in the dispatch.
    for (const subject of structure.subjects)
      if (!subject.possessive && !inRanges(structure.conditionals, subject.at))
        holders.push(...subject.holders);
    const lastFrame = structure.frames.at(-1);
    if (lastFrame) lastSpeaker = lastFrame.holders;
    quoteOpen = structure.quoteOpenAtEnd;
    if (sentenceTopics.length > 0) previousTopics = [...new Set(sentenceTopics.map((hit) => hit.topic))];
  }

  const ruleStances = stanceLabels(dispatch, observations);
  const stances = dictionaries.stanceModel
    ? combineStances(ruleStances, candidates, dictionaries.stanceModel, (sentence, speaker) =>
        evidenceOf(dispatch, sentence, speaker.speaker),
      )
    : ruleStances;
  return {
    rulesVersion: dictionaries.version,
    topics,
    actors: actorLabels(dispatch, sentences, mentions, holders, observations, stances),
    people: peopleLabels(mentions),
    stances,
  };
}

/** 1 for every token inside a citation group "(Interfax, May 2)": sources, not actors. */
function citationTokens(dispatch: Dispatch, tokens: readonly Token[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  const starts: number[] = [];
  let paragraphStart = 0;
  for (const paragraph of dispatch.paragraphs) {
    for (const citation of paragraph.citations) starts.push(paragraphStart + citation.offset);
    paragraphStart += paragraph.text.length + 2;
  }
  if (starts.length === 0) return marks;
  const wanted = new Set(starts);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.ParenOpen || !wanted.has(token.start)) continue;
    let cursor = index;
    while (cursor < tokens.length && (tokens[cursor] as Token).kind !== TokenKind.ParenClose)
      marks[cursor++] = 1;
    if (cursor < tokens.length) marks[cursor] = 1;
  }
  return marks;
}

/** The last paragraph, when it carries no citation though others do: the author's own analysis. */
function closingAnalysis(dispatch: Dispatch): number {
  const paragraphs = dispatch.paragraphs;
  const last = paragraphs.length - 1;
  if (last < 1) return -1;
  const cited = paragraphs.some((paragraph) => paragraph.citations.length > 0);
  return cited && (paragraphs[last]?.citations.length ?? 0) === 0 ? last : -1;
}

function evidenceOf(dispatch: Dispatch, sentence: Sentence, speaker: string | null): Evidence {
  return {
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    speaker,
    citation: citationFor(dispatch, sentence),
  };
}

/** The citation group that sources a sentence: the first one after it in its paragraph. */
export function citationFor(dispatch: Dispatch, sentence: Sentence): Evidence['citation'] {
  const paragraph = dispatch.paragraphs[sentence.paragraph];
  if (!paragraph) return null;
  let paragraphStart = 0;
  for (let index = 0; index < sentence.paragraph; index++)
    paragraphStart += (dispatch.paragraphs[index]?.text.length ?? 0) + 2;
  const after = paragraph.citations.filter((citation) => citation.offset >= sentence.start - paragraphStart);
  const firstOffset = after[0]?.offset;
  if (firstOffset === undefined) return null;
  return after
    .filter((citation) => citation.offset === firstOffset)
    .map(({ outlet, date }) => ({ outlet, date }));
}

const sentenceOf = (sentences: readonly Sentence[], token: number) =>
  sentences.find((sentence) => sentence.from <= token && token < sentence.to);

function topicLabels(
  dispatch: Dispatch,
  sentences: readonly Sentence[],
  hits: readonly TopicHit[],
  minimum: number,
): TopicLabel[] {
  const byTopic = new Map<string, TopicHit[]>();
  for (const hit of hits) {
    if (hit.anaphor) continue;
    const list = byTopic.get(hit.topic);
    if (list) list.push(hit);
    else byTopic.set(hit.topic, [hit]);
  }
  return [...byTopic.entries()]
    .map(([topic, topicHits]) => {
      const score = topicHits.reduce((sum, hit) => sum + hit.weight, 0);
      const strongest = [...topicHits].sort((a, b) => b.weight - a.weight || a.from - b.from);
      const evidence = uniqueSentences(strongest.map((hit) => sentenceOf(sentences, hit.from)))
        .slice(0, MAX_EVIDENCE)
        .map((sentence) => evidenceOf(dispatch, sentence, null));
      return { topic, score, evidence };
    })
    .filter((label) => label.score >= minimum)
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
}

function uniqueSentences(items: readonly (Sentence | undefined)[]): Sentence[] {
  const seen = new Set<number>();
  return items.filter((sentence): sentence is Sentence => {
    if (!sentence || seen.has(sentence.index)) return false;
    seen.add(sentence.index);
    return true;
  });
}

function stanceLabels(dispatch: Dispatch, observations: readonly Observation[]): StanceLabel[] {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = `${observation.actor}|${observation.topic}`;
    const group = groups.get(key);
    if (group) group.push(observation);
    else groups.set(key, [observation]);
  }
  return [...groups.values()].map((all) => {
    // A position the text dates before the latest one gives way to it (codebook rule 9).
    const current = all.filter((item) => !item.earlier);
    const group = current.length > 0 ? current : all;
    const weight = (polarity: Stance) =>
      group.filter((item) => item.polarity === polarity).reduce((sum, item) => sum + item.weight, 0);
    const support = weight('support');
    const oppose = weight('oppose');
    const mixed = weight('mixed');
    const total = support + oppose + mixed;
    const stance: Stance =
      mixed >= Math.max(support, oppose) ||
      Math.min(support, oppose) >= MIXED_SHARE * Math.max(support, oppose)
        ? 'mixed'
        : support > oppose
          ? 'support'
          : 'oppose';
    const agreeing = group.filter((item) => item.polarity === stance || stance === 'mixed');
    const confidence =
      Math.round(Math.min(1, total / 2) * (Math.max(support, oppose, mixed) / total) * 100) / 100;
    const first = group[0] as Observation;
    return {
      actor: first.actor,
      topic: first.topic,
      stance,
      confidence,
      evidence: uniqueObservations(agreeing)
        .slice(0, MAX_EVIDENCE)
        .map((item) => evidenceOf(dispatch, item.sentence, item.speaker.speaker)),
    };
  });
}

function uniqueObservations(items: readonly Observation[]): Observation[] {
  const seen = new Set<number>();
  return items.filter((item) => {
    if (seen.has(item.sentence.index)) return false;
    seen.add(item.sentence.index);
    return true;
  });
}

/** An actor is listed when it states or does something: it holds a stance, speaks, or is a clause subject. */
function actorLabels(
  dispatch: Dispatch,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  holders: readonly Mention[],
  observations: readonly Observation[],
  stances: readonly StanceLabel[],
): ActorLabel[] {
  const acting = new Map<string, Sentence[]>();
  const add = (actor: string, sentence: Sentence | undefined) => {
    if (!sentence) return;
    const list = acting.get(actor);
    if (list) list.push(sentence);
    else acting.set(actor, [sentence]);
  };
  for (const observation of observations) add(observation.actor, observation.sentence);
  for (const holder of holders) {
    if (holder.kind === 'voice') continue;
    for (const actor of holder.actors) add(actor, sentenceOf(sentences, holder.from));
  }
  const actors = new Set([...stances.map((stance) => stance.actor), ...acting.keys()]);
  const counts = new Map<string, number>();
  for (const mention of mentions)
    for (const actor of mention.actors) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  return [...actors].sort().map((actor) => ({
    actor,
    mentions: counts.get(actor) ?? 0,
    evidence: uniqueSentences(acting.get(actor) ?? [])
      .slice(0, MAX_EVIDENCE)
      .map((sentence) => evidenceOf(dispatch, sentence, actor)),
  }));
}

function peopleLabels(mentions: readonly Mention[]): PersonLabel[] {
  const people = new Map<string, PersonLabel>();
  for (const mention of mentions) {
    if (mention.kind !== 'person' || !mention.person) continue;
    const { name, actor, role } = mention.person;
    if (!people.has(name)) people.set(name, { name, actor, role });
  }
  return [...people.values()];
}
