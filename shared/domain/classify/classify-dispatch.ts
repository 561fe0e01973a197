import type { Dispatch } from '../dispatch.js';
import type {
  ActorLabel,
  Classification,
  Evidence,
  PersonLabel,
  Stance,
  StanceLabel,
  TopicLabel,
} from './classification.js';
import { findMarkers } from './cues.js';
import { type Dictionaries, defaultDictionaries } from './dictionaries.js';
import { findMentions, type Mention } from './mentions.js';
import { searchText } from './phrases.js';
import { type Sentence, splitSentences } from './sentences.js';
import { citationFor, type Observation, observe } from './stance.js';
import { findTopicHits, type TopicHit } from './topics.js';

const MAX_EVIDENCE = 3;
/** Below this share of the weight, the minority side does not make a position mixed. */
const MIXED_SHARE = 0.75;

/**
 * Topics, actors, people and stances of one dispatch, each with the sentences that justify it.
 * Pure and deterministic: the same dispatch and dictionaries always give the same answer.
 */
export function classifyDispatch(
  dispatch: Dispatch,
  dictionaries: Dictionaries = defaultDictionaries,
): Classification {
  const text = dispatch.text;
  const sentences = splitSentences(dispatch);
  const search = searchText(text);
  const hits = findTopicHits(search, dictionaries);
  const topics = topicLabels(dispatch, sentences, hits, dictionaries.minimumTopicScore);
  const onTopic = new Set(topics.map((label) => label.topic));
  const mentions = findMentions(text, dispatch.date, dictionaries);
  const markers = findMarkers(search, dictionaries);
  const { observations, holders } = observe(
    dispatch,
    sentences,
    mentions,
    hits.filter((hit) => onTopic.has(hit.topic)),
    markers,
  );
  const stances = stanceLabels(dispatch, observations);
  return {
    rulesVersion: dictionaries.version,
    topics,
    actors: actorLabels(dispatch, sentences, mentions, holders, observations, stances),
    people: peopleLabels(mentions),
    stances,
  };
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

const sentenceAt = (sentences: readonly Sentence[], offset: number) =>
  sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);

function topicLabels(
  dispatch: Dispatch,
  sentences: readonly Sentence[],
  hits: readonly TopicHit[],
  minimum: number,
): TopicLabel[] {
  const byTopic = new Map<string, TopicHit[]>();
  for (const hit of hits.filter((candidate) => !candidate.anaphor))
    byTopic.set(hit.topic, [...(byTopic.get(hit.topic) ?? []), hit]);
  return [...byTopic.entries()]
    .map(([topic, topicHits]) => {
      const score = topicHits.reduce((sum, hit) => sum + hit.weight, 0);
      const strongest = [...topicHits].sort((a, b) => b.weight - a.weight || a.start - b.start);
      const evidence = uniqueSentences(strongest.map((hit) => sentenceAt(sentences, hit.start)))
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
    groups.set(key, [...(groups.get(key) ?? []), observation]);
  }
  return [...groups.values()].map((group) => {
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

/** An actor is listed when it states or does something: it holds a stance, or speaks. */
function actorLabels(
  dispatch: Dispatch,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  holders: readonly Mention[],
  observations: readonly Observation[],
  stances: readonly StanceLabel[],
): ActorLabel[] {
  const speaking = new Map<string, Sentence[]>();
  const add = (actor: string | null, sentence: Sentence | undefined) => {
    if (actor && sentence) speaking.set(actor, [...(speaking.get(actor) ?? []), sentence]);
  };
  for (const observation of observations) add(observation.actor, observation.sentence);
  for (const holder of holders) add(holder.actor, sentenceAt(sentences, holder.start));
  const actors = new Set([...stances.map((stance) => stance.actor), ...speaking.keys()]);
  return [...actors].sort().map((actor) => {
    const own = mentions.filter((mention) => mention.actor === actor);
    const evidence = uniqueSentences(speaking.get(actor) ?? [])
      .slice(0, MAX_EVIDENCE)
      .map((sentence) => evidenceOf(dispatch, sentence, actor));
    return { actor, mentions: own.length, evidence };
  });
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
