import type { Dispatch } from '../dispatch.js';
import type { Evidence, Stance } from './classification.js';
import type { Cue, Markers } from './cues.js';
import type { Mention } from './mentions.js';
import type { Sentence } from './sentences.js';
import type { TopicHit } from './topics.js';

/** One sentence's evidence that an actor holds a position on a topic. */
export interface Observation {
  readonly actor: string;
  readonly topic: string;
  readonly polarity: Stance;
  readonly weight: number;
  readonly sentence: Sentence;
  readonly speaker: Mention;
}

interface Frame {
  /** Where the frame starts to govern: cues after this point are the holder's. */
  readonly from: number;
  readonly holders: readonly Mention[];
  readonly speech: boolean;
  /** "Washington's plans", "the American decision": what follows is that actor's act, not a statement. */
  readonly possessive?: boolean;
}

const PREPOSITION_BEFORE =
  /(?:\b(?:such as|of|to|with|by|from|for|on|at|against|between|toward|towards|into|about|among|than|over|under|upon|after|before|like|via|behind|within|without|help|helping|let|urge|urged|told|tell|persuade|convince|pressed|asked|invited|allow|allowed|and)\s+(?:the\s+)?)$/i;
const CLAUSE_START =
  /(?:^|[,;:“"(]\s*|\b(?:that|but|while|whereas|although|though|as|because|since|when|if|and|so|should|unless|once)\s+)(?:(?:the|both|also|now|meanwhile|however|then|even|still|indeed|instead|moreover|in turn|for (?:its|his|her|their) part),?\s+)*$/i;
const POSSESSIVE_AFTER = /^['’]s?\b/;
/** A clause subject is followed by its verb within a few words. */
const VERB_SOON =
  /^(?:[,\s]+[\p{L}’'-]+){0,6}?\s+(?:\p{L}+ed|will|would|has|have|had|is|was|were|are|can|could|should|must|did|does|do|says|said|wants|sees|plans|insists|argues|remains|takes|makes|holds|continues|appears|seems|stands|regards|views|considers|believes|hopes|fears|knows|intends|needs|refuses|accepts|rejects|opposes|supports|welcomes|insist|want|see|remain|oppose|support|reject|accept|welcome)\b/u;
const ACCORDING_TO = /according to\s+$/i;
const WORDS = /[A-Za-z0-9\u00C0-\u024F]+/g;
const wordsBetween = (text: string) => (text.match(WORDS) ?? []).length;

/** A stance observation for each cue whose holder is a state or organisation and whose target is a topic. */
export interface Observed {
  readonly observations: Observation[];
  /** Everyone who holds a frame somewhere: the actors that state or do something. */
  readonly holders: Mention[];
}

export function observe(
  dispatch: Dispatch,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  topics: readonly TopicHit[],
  markers: Markers,
): Observed {
  const text = dispatch.text;
  const observations: Observation[] = [];
  const holders: Mention[] = [];
  let lastSpeech: readonly Mention[] = [];
  let lastParagraph = -1;
  let previousTopics: readonly string[] = [];

  for (const sentence of sentences) {
    if (sentence.paragraph !== lastParagraph) {
      lastSpeech = [];
      lastParagraph = sentence.paragraph;
    }
    const inside = <T extends { start: number; end: number }>(items: readonly T[]) =>
      items.filter((item) => item.start >= sentence.start && item.end <= sentence.end);
    const sentenceMentions = inside(mentions);
    const sentenceTopics = inside(topics);
    const frames = framesOf(text, sentence, sentenceMentions, inside(markers.speech));
    for (const frame of frames) holders.push(...frame.holders);
    const quotes = quoteSpans(text, sentence);
    const forecast = inside(markers.forecast).length > 0;
    const speechFrames = frames.filter((frame) => frame.speech);
    const cues = inside(markers.cues);
    const negators = inside(markers.negators);

    // A general verb governs the topic cue next to it in the same frame, before ("opposed the
    // withdrawal") or after it ("regarded the withdrawal as a mistake").
    const governed = new Map<Cue, Cue>();
    const sameFrame = (from: number, to: number) =>
      !frames.some((candidate) => candidate.from > from && candidate.from <= to);
    for (const cue of cues) {
      if (cue.topics.length > 0) continue;
      const next = cues.find(
        (other) =>
          other.start > cue.end &&
          other.topics.length > 0 &&
          wordsBetween(text.slice(cue.end, other.start)) <= 8,
      );
      const previous = cues.findLast(
        (other) =>
          other.end < cue.start &&
          other.topics.length > 0 &&
          wordsBetween(text.slice(other.end, cue.start)) <= 16,
      );
      // Only verdicts look back at their object: "the withdrawal … a mistake".
      const verdict = /^(?:mistake|wrong|error|regret|dangerous|unacceptable|blunder)/i.test(cue.text);
      const target =
        next && sameFrame(cue.end, next.start)
          ? next
          : verdict && previous && sameFrame(previous.end, cue.start)
            ? previous
            : undefined;
      if (target && !governed.has(target)) governed.set(target, cue);
    }
    const governing = new Map([...governed.entries()].map(([target, general]) => [general, target]));
    for (const cue of cues) {
      if (governed.has(cue)) continue;
      const inQuote = quotes.some((quote) => quote.start <= cue.start && cue.end <= quote.end);
      let frame = frames.filter((candidate) => candidate.from <= cue.start).at(-1);
      if (inQuote) {
        frame =
          speechFrames[0] ??
          (lastSpeech.length > 0 ? { from: sentence.start, holders: lastSpeech, speech: true } : undefined);
      }
      if (!frame) continue;
      if (forecast && !frame.speech) continue;
      const enclosing = speechFrames.filter((candidate) => candidate.from <= cue.start).at(-1);
      if (enclosing && enclosing !== frame) {
        const sameActors = frame.holders.every((holder) =>
          enclosing.holders.some((speaker) => speaker.actor === holder.actor),
        );
        // Inside someone's statement, another actor's plan or decision is reported, not stated.
        if (frame.possessive && !sameActors) continue;
        // "Ivanov said that Moscow …": the statement is still Ivanov's.
        if (sameActors) frame = enclosing;
      }

      const target = governing.get(cue) ?? cue;
      const polarity =
        target === cue ? cue.polarity : cue.polarity === 'oppose' ? flip(target.polarity) : target.polarity;
      const topic = targetTopic(text, target, sentenceTopics, previousTopics);
      if (!topic) continue;
      const stance = negated(text, cue, negators, frame) ? flip(polarity) : polarity;
      // Explicit qualifiers ("unilaterally", "reserve judgment") outweigh a single plain verb.
      const weight = (frame.speech ? 1 : 0.8) * (target === cue ? 1 : 1.1) * (stance === 'mixed' ? 1.5 : 1);
      for (const holder of frame.holders) {
        if (!holder.actor) continue;
        observations.push({
          actor: holder.actor,
          topic,
          polarity: stance,
          weight,
          sentence,
          speaker: holder,
        });
      }
    }
    if (speechFrames.length > 0) lastSpeech = speechFrames.at(-1)?.holders ?? lastSpeech;
    if (sentenceTopics.length > 0) previousTopics = [...new Set(sentenceTopics.map((hit) => hit.topic))];
  }
  return { observations, holders };
}

const flip = (polarity: Stance): Stance =>
  polarity === 'support' ? 'oppose' : polarity === 'oppose' ? 'support' : 'mixed';

/** The topic a cue is about: its own topic nearby, or for a general cue the nearest topic named. */
function targetTopic(
  text: string,
  cue: Cue,
  hits: readonly TopicHit[],
  previousTopics: readonly string[],
): string | undefined {
  const distance = (hit: TopicHit) =>
    hit.start >= cue.end
      ? wordsBetween(text.slice(cue.end, hit.start))
      : wordsBetween(text.slice(hit.end, cue.start)) + 2;
  // "the treaty" may mean ABM or START: a cue of one of them picks its own reading.
  const reading = (hit: TopicHit) =>
    cue.topics.length === 0 || cue.topics.includes(hit.topic)
      ? hit.topic
      : hit.alternatives?.find((topic) => cue.topics.includes(topic));
  const candidates = hits.filter((hit) => reading(hit) !== undefined);
  const nearest = [...candidates].sort((a, b) => distance(a) - distance(b))[0];
  if (nearest && distance(nearest) <= 14) return reading(nearest);
  // A sentence that names no topic continues the one before (tried on dev: falling back to the
  // dispatch's main topic, or letting general verbs do so too, cost precision).
  if (hits.length === 0 && cue.topics.length > 0)
    return cue.topics.find((topic) => previousTopics.includes(topic));
  return undefined;
}

/** A negator shortly before the cue, inside the same frame, reverses it. */
function negated(
  text: string,
  cue: Cue,
  negators: readonly { start: number; end: number }[],
  frame: Frame,
): boolean {
  return negators.some(
    (negator) =>
      negator.end <= cue.start &&
      negator.start >= frame.from - 1 &&
      wordsBetween(text.slice(negator.end, cue.start)) <= 4 &&
      !/[,;:]/.test(text.slice(negator.end, cue.start)),
  );
}

/** Who holds what follows: speakers of reported speech, "according to", possessives, clause subjects. */
function framesOf(
  text: string,
  sentence: Sentence,
  mentions: readonly Mention[],
  speech: readonly { start: number; end: number }[],
): Frame[] {
  const frames: Frame[] = [];
  const usable = mentions.filter((mention) => mention.kind !== 'pronoun' || !/^[Hh]is$/.test(mention.text));
  for (const verb of speech) {
    const before = usable
      .filter(
        (mention) => mention.end <= verb.start && wordsBetween(text.slice(mention.end, verb.start)) <= 8,
      )
      .at(-1);
    const after = usable.find(
      (mention) => mention.start >= verb.end && wordsBetween(text.slice(verb.end, mention.start)) <= 2,
    );
    const quoteBefore = /[”"]\s*,?\s*$/.test(text.slice(sentence.start, verb.start).slice(-6));
    const holder = quoteBefore && after ? after : (before ?? after);
    if (holder) frames.push({ from: verb.end, holders: withConjuncts(text, holder, usable), speech: true });
  }
  for (const mention of usable) {
    const lead = text.slice(sentence.start, mention.start);
    const tail = text.slice(mention.end, mention.end + 3);
    if (ACCORDING_TO.test(lead)) frames.push({ from: mention.end, holders: [mention], speech: true });
    else if (POSSESSIVE_AFTER.test(tail) || mention.kind === 'body')
      frames.push({ from: mention.end, holders: [mention], speech: false });
    else if (
      CLAUSE_START.test(lead) &&
      !PREPOSITION_BEFORE.test(lead) &&
      VERB_SOON.test(text.slice(mention.end, sentence.end))
    ) {
      frames.push({ from: mention.end, holders: withConjuncts(text, mention, usable), speech: false });
    }
  }
  frames.sort((a, b) => a.from - b.from);
  // Frames that start at the same point (a collective subject) hold together.
  for (let index = frames.length - 1; index > 0; index--) {
    const current = frames[index] as Frame;
    const previous = frames[index - 1] as Frame;
    if (current.from === previous.from) {
      frames.splice(index - 1, 2, {
        ...previous,
        holders: [...new Set([...previous.holders, ...current.holders])],
        speech: previous.speech || current.speech,
      });
    }
  }
  // What a newspaper or analyst says about others is its own view: nothing after it is a state's.
  const voice = frames.findIndex(
    (frame) => frame.speech && frame.holders.every((holder) => holder.kind === 'voice'),
  );
  return voice >= 0 ? frames.slice(0, voice + 1) : frames;
}

/** "Russia and China", "France and Germany": a subject of two actors holds for both. */
function withConjuncts(text: string, holder: Mention, mentions: readonly Mention[]): Mention[] {
  const joined = [holder];
  for (const other of mentions) {
    if (other === holder) continue;
    const between =
      other.start >= holder.end ? text.slice(holder.end, other.start) : text.slice(other.end, holder.start);
    if (/^\s*(?:,|and|,\s*and|as well as|together with)\s*$/.test(between)) joined.push(other);
  }
  return joined;
}

function quoteSpans(text: string, sentence: Sentence): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const match of body.matchAll(/[“"][^”"]{3,}[”"]/g)) {
    spans.push({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
  }
  return spans;
}

/** The citation group that sources a sentence: the first one after it in its paragraph. */
export function citationFor(dispatch: Dispatch, sentence: Sentence): Evidence['citation'] {
  const paragraph = dispatch.paragraphs[sentence.paragraph];
  if (!paragraph) return null;
  const paragraphStart = dispatch.paragraphs
    .slice(0, sentence.paragraph)
    .reduce((sum, item) => sum + item.text.length + 2, 0);
  const after = paragraph.citations.filter((citation) => citation.offset >= sentence.start - paragraphStart);
  const firstOffset = after[0]?.offset;
  if (firstOffset === undefined) return null;
  return after
    .filter((citation) => citation.offset === firstOffset)
    .map(({ outlet, date }) => ({ outlet, date }));
}
