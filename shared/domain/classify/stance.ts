import type { Stance } from './classification.js';
import {
  innermostFrame,
  inRanges,
  type SentenceStructure,
  type SpeechFrame,
  type Subject,
} from './clauses.js';
import type { Polarity } from './dictionaries.js';
import {
  AFFIRMED,
  AFFIRMING,
  CONTRASTS,
  MODALS,
  NEEDED,
  NEUTRAL,
  OBJECT_STOPS,
  OWN,
  PERFORMING,
  PERMITTING,
  PREDICTING,
  PREVENTING,
  WISHING,
} from './grammar.js';
import type { Mention } from './mentions.js';
import type { Hit } from './scan.js';
import type { Sentence } from './sentences.js';
import { type Token, TokenKind } from './tokens.js';
import type { TopicHit } from './topics.js';
import { WordSet } from './word-set.js';

// Asked of the tokens around every cue: by word number, not by hashing norms into string Sets.
const OBJECT_STOP = new WordSet(OBJECT_STOPS);
const OWN_WORD = new WordSet(OWN);
const PERFORMING_WORD = new WordSet(PERFORMING);
const NEEDED_WORD = new WordSet(NEEDED);
const PREDICTING_WORD = new WordSet(PREDICTING);
const MODAL = new WordSet(MODALS);
const WISHING_WORD = new WordSet(WISHING);
const PREVENTING_WORD = new WordSet(PREVENTING);
const AFFIRMING_WORD = new WordSet(AFFIRMING);
const AFFIRMED_WORD = new WordSet(AFFIRMED);
const NEUTRAL_WORD = new WordSet(NEUTRAL);
const PERMITTING_WORD = new WordSet(PERMITTING);
const CONTRAST = new WordSet(CONTRASTS);

/** One sentence's evidence that an actor holds a position on a topic. */
export interface Observation {
  readonly actor: string;
  readonly topic: string;
  readonly polarity: Stance;
  readonly weight: number;
  readonly sentence: Sentence;
  readonly speaker: Mention;
  /** A position the text says the actor held before ("as recently as February …"). */
  readonly earlier: boolean;
}

/** A cue phrase with its polarities: per topic, and general (no topic). */
interface Cue {
  readonly from: number;
  readonly to: number;
  readonly general: Polarity | undefined;
  readonly topical: ReadonlyMap<string, Polarity>;
  readonly harm: boolean;
  readonly emphatic: boolean;
  /** For "the decision": the topic of the act it stands for (set on every cue, if only to undefined: one shape). */
  readonly event: string | undefined;
}

export interface SentenceContext {
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  readonly structure: SentenceStructure;
  readonly mentions: readonly Mention[];
  readonly topics: readonly TopicHit[];
  readonly cues: readonly Hit[];
  readonly negators: readonly Hit[];
  /** Where the author hedges or forecasts ("might", "likely"), outside anyone's words. */
  readonly forecast: readonly number[];
  readonly earlier: readonly Hit[];
  /** The author's own closing analysis: only reported speech in it is anyone's position. */
  readonly analysis: boolean;
  /** Topics of the nearest sentence of the paragraph that names any: a sentence naming none continues them. */
  readonly previousTopics: readonly string[];
  /** Event nouns ("withdrawal", "cuts"): a stance only when the holder performs, proposes or judges the act. */
  readonly nominal: ReadonlySet<string>;
  /** The dispatch's topics, strongest first. */
  readonly dispatchTopics: readonly string[];
  /** Token indexes of speech verbs. */
  readonly speechAt: ReadonlySet<number>;
  /** The act reported last before this sentence, which "the decision" stands for. */
  readonly lastAct: Act | undefined;
  /** Who spoke last in the paragraph: a quotation without a speaker is theirs. */
  readonly lastSpeaker: readonly Mention[] | undefined;
}

/** How far (in tokens) a cue reaches for its topic. */
const TOPIC_REACH = 12;
/** How far a general verb ("opposed", "welcomed") reaches for the thing it is about. */
const OBJECT_REACH = 8;
const NEGATION_REACH = 4;
/** Words between an act and the harm said of it: "any move to deploy such a system would undermine". */
const HARM_SUBJECT_REACH = 8;
const VERDICTS =
  /^(?:mistake|wrong|error|regret|dangerous|unacceptable|blunder|ill-advised|misguided|incompatible)/;

/** A topic the sentence does not name but is about (the paragraph's, the dispatch's), as a hit at a token. */
const namedTopic = (topic: string, at: number): TopicHit => ({
  topic,
  from: at,
  to: at,
  weight: 0,
  anaphor: true,
  alternatives: [topic],
});

const flip = (polarity: Polarity): Polarity =>
  polarity === 'support' ? 'oppose' : polarity === 'oppose' ? 'support' : 'mixed';

function cueOf(hit: Hit, lastAct: Act | undefined): Cue | undefined {
  let general: Polarity | undefined;
  const topical = new Map<string, Polarity>();
  let event = false;
  let harm = false;
  let emphatic = false;
  for (const value of hit.values) {
    if (value.kind === 'event') event = true;
    if (value.kind !== 'cue') continue;
    harm ||= value.harm;
    emphatic ||= value.emphatic;
    if (value.topic === null) general ??= value.polarity;
    else if (!topical.has(value.topic)) topical.set(value.topic, value.polarity);
  }
  if (event) {
    if (!lastAct) return undefined;
    return {
      from: hit.from,
      to: hit.to,
      general: undefined,
      topical: new Map([[lastAct.topic, lastAct.polarity]]),
      harm: false,
      emphatic: false,
      event: lastAct.topic,
    };
  }
  return { from: hit.from, to: hit.to, general, topical, harm, emphatic, event: undefined };
}

/** An act a dispatch reports: a withdrawal (ABM, oppose), a deployment decision (NMD, support), cuts. */
export interface Act {
  readonly topic: string;
  readonly polarity: Polarity;
}

const ACT_STEMS = [
  'withdraw',
  'deploy',
  'defer',
  'postpon',
  'delay',
  'ratif',
  'amend',
  'abandon',
  'scrap',
  'pull',
  'leav',
  'cut',
  'reduc',
];

/** ACT_STEMS.some(stem => word.startsWith(stem)) in one test, asked twice of every cue. */
const ACT_STEM = new RegExp(`^(?:${ACT_STEMS.join('|')})`);

/** The last act a sentence reports, for "the decision" in the sentences after it. */
export function lastActOf(context: SentenceContext): Act | undefined {
  let act: Act | undefined;
  for (const hit of context.cues) act = actOf(hit, context) ?? act;
  return act;
}

/** The act a cue reports ("the withdrawal from the ABM treaty"), if it names one. */
function actOf(hit: Hit, context: SentenceContext): Act | undefined {
  const head = context.tokens[hit.from]?.norm ?? '';
  if (!ACT_STEM.test(head)) return undefined;
  const cue = cueOf(hit, undefined);
  if (!cue || cue.topical.size === 0) return undefined;
  const named = context.topics.map((topic) => topic.topic);
  const topic =
    [...cue.topical.keys()].find((candidate) => named.includes(candidate)) ??
    (cue.topical.size === 1
      ? [...cue.topical.keys()].find((candidate) => context.dispatchTopics.includes(candidate))
      : undefined);
  const polarity = topic ? cue.topical.get(topic) : undefined;
  return topic && polarity ? { topic, polarity } : undefined;
}

/** The observations of one sentence. */
export function observeSentence(context: SentenceContext): Observation[] {
  const { sentence, structure, tokens } = context;
  // "the American withdrawal … it still considered the decision mistaken": the act named in the
  // sentence before "the decision", else the one reported last.
  let sentenceAct: Act | undefined;
  const cues: Cue[] = [];
  for (const hit of context.cues) {
    const cue = cueOf(hit, sentenceAct ?? context.lastAct);
    sentenceAct = actOf(hit, context) ?? sentenceAct;
    if (cue) cues.push(cue);
  }
  const observations: Observation[] = [];
  const clauseOf = (index: number) => {
    let clause = 0;
    for (let cursor = 0; cursor < structure.clauseStarts.length; cursor++)
      if ((structure.clauseStarts[cursor] as number) <= index) clause = cursor;
    return clause;
  };
  const clauseEnd = (index: number) => structure.clauseStarts[clauseOf(index) + 1] ?? sentence.to;
  const clauseStart = (index: number) => structure.clauseStarts[clauseOf(index)] ?? sentence.from;

  // A general verb governs the topical cue or topic right after it ("opposed the withdrawal",
  // "welcomed the postponement"); a verdict may look back ("the withdrawal … a mistake").
  const governs = new Map<Cue, Cue | TopicHit>();
  const governed = new Set<Cue>();
  for (const cue of cues) {
    if (!cue.general) continue;
    // "remained unconvinced that missile defense …": a that-clause is the object.
    const thatObject = tokens[cue.to]?.norm === 'that';
    let end = Math.min(
      thatObject ? clauseEnd(cue.to + 1) : clauseEnd(cue.from),
      cue.to + OBJECT_REACH + (thatObject ? 4 : 0),
    );
    for (let index = cue.to; index < end; index++)
      if (OBJECT_STOP.has(tokens[index] as Token) || context.speechAt.has(index)) end = index;
    const nextCue = cues.find(
      (other) => other !== cue && other.topical.size > 0 && other.from >= cue.to && other.from < end,
    );
    const nextTopic = context.topics.find((topic) => topic.from >= cue.to && topic.from < end);
    // "shared the concern that the ABM treaty would be undermined": the act said of the topic is the object.
    const cueAfterTopic =
      nextCue && nextTopic && nextCue.from > nextTopic.from && words(tokens, nextTopic.to, nextCue.from) <= 4;
    // "approve it without delay": the object is "it", whatever follows.
    // ("opposed it being amended", "wanted it to go" make "it" the subject of what follows)
    const itObject =
      tokens[cue.to]?.norm === 'it' &&
      !(tokens[cue.to + 1]?.norm.endsWith('ing') || tokens[cue.to + 1]?.norm === 'to');
    let target: Cue | TopicHit | undefined = itObject
      ? undefined
      : nextCue && (!nextTopic || nextCue.from <= nextTopic.from || cueAfterTopic)
        ? nextCue
        : nextTopic;
    // "saw the plan as a constructive step", "described the treaty as essential": the object is before "as".
    const predicative = asBefore(tokens, cue.from, 0) !== undefined;
    // "approve it": the topic named last.
    if (!target && itObject) {
      target = context.topics.findLast((topic) => topic.to <= cue.from);
      const previous = context.previousTopics[0];
      if (!target && previous) target = namedTopic(previous, cue.from);
    }
    const verdict = !target && VERDICTS.test(tokens[cue.from]?.norm ?? '');
    if (!target && (verdict || predicative)) {
      // A relative clause may stand between them ("the withdrawal, which takes effect in June, as a mistake").
      // A predicative "as" looks back only to the verb's object ("would view its collapse as a threat").
      const start = Math.max(sentence.from, cue.from - (verdict ? 2 * TOPIC_REACH : 10));
      target =
        cues.findLast((other) => other.topical.size > 0 && other.to <= cue.from && other.from >= start) ??
        context.topics.findLast((topic) => topic.to <= cue.from && topic.from >= start);
    }
    // "the national shield, which Russia continues to oppose": the thing before the relative clause.
    const clauseHead = tokens[clauseStart(cue.from)]?.norm;
    if (!target && (clauseHead === 'which' || clauseHead === 'that')) {
      const head = clauseStart(cue.from);
      target = context.topics.findLast((topic) => topic.to <= head && head - topic.to <= 2);
    }
    // "understood the American concern …, but": a hedge in a sentence naming no topic is about the dispatch's.
    const top = context.dispatchTopics[0];
    const main = top && context.previousTopics.includes(top) ? top : (context.previousTopics[0] ?? top);
    if (!target && cue.general === 'mixed' && context.topics.length === 0 && main)
      target = namedTopic(main, cue.from);
    // "careful not to commit Australia to any role … the system": a hedge is about the topic its sentence names.
    if (!target && cue.general === 'mixed' && context.topics.length > 0)
      target = nearestTopic(context.topics, cue, tokens);
    if (!target) continue;
    governs.set(cue, target);
    if ('topical' in target && cue.topical.size === 0) governed.add(target);
  }
  // "deploying a national shield would undermine stability": the act is what the harm is said of,
  // so the harm alone carries the position.
  for (const harm of cues) {
    if (!harm.harm || harm.topical.size === 0) continue;
    for (const act of cues)
      if (
        act !== harm &&
        !act.harm &&
        act.to <= harm.from &&
        clauseStart(act.from) === clauseStart(harm.from) &&
        words(tokens, act.to, harm.from) <= HARM_SUBJECT_REACH &&
        [...act.topical.keys()].some((topic) => harm.topical.has(topic)) &&
        saidOf(tokens, act.to, harm.from)
      )
        governed.add(act);
  }

  for (const cue of cues) {
    // "The decision" is a stance only as what a verb judges: "called the decision a mistake".
    if (governed.has(cue) || cue.event) continue;
    const target = governs.get(cue);
    let readings: [string, Polarity][] = [];
    const ownTopic = cue.topical.size > 0 ? topicFor(cue, context, clauseStart, clauseEnd) : undefined;
    const ownPolarity = ownTopic ? cue.topical.get(ownTopic) : undefined;
    if (ownTopic && ownPolarity) {
      readings = [[ownTopic, ownPolarity]];
    } else if (target && 'topical' in target) {
      // general ∘ topical: "opposed the withdrawal" supports the treaty
      const topic = topicFor(target, context, clauseStart, clauseEnd);
      const polarity = topic ? target.topical.get(topic) : undefined;
      if (topic && polarity && cue.general)
        readings = [
          [
            topic,
            // A harm keeps its sense under any verb: opposing "weakening it" and what would
            // "encourage an arms race" both warn of it.
            cue.general === 'oppose' && !target.harm
              ? flip(polarity)
              : cue.general === 'mixed'
                ? 'mixed'
                : polarity,
          ],
        ];
    } else if (target && cue.general) {
      readings = [[target.topic, cue.general]];
    }
    if (readings.length === 0) continue;

    const at = cue.from;
    if (inRanges(structure.conditionals, at)) continue;
    const holder = holderOf(at, context, clauseStart);
    if (!holder) continue;
    if (ownTopic && isUnclaimedEvent(cue, context)) continue;
    // A forecast covers its own clause and what follows it, not a clause before it: "the treaty
    // should be amended to permit a defense against missiles that Iran might one day field".
    const forecast = context.forecast.some((hit) => hit < clauseEnd(at));
    if ((forecast || context.analysis) && !holder.speech) continue;
    const negatedAs = negation(at, context, clauseStart, cue.harm);
    if (negatedAs === 'void') continue;
    const negated = negatedAs === 'negated';
    const earlier = context.earlier.some(
      (hit) => hit.from >= clauseStart(at) - 6 && hit.from < clauseEnd(at),
    );
    // "since the American withdrawal took effect in June": an act recalled as a fact is no position.
    if (
      !holder.speech &&
      holder.mentions.length > 0 &&
      holder.mentions.every((mention) => mention.act) &&
      takesEffect(tokens, cue.to, sentence.to)
    )
      continue;
    for (const [topic, polarity] of readings) {
      const stance = negated ? flip(polarity) : polarity;
      const weight =
        (cue.emphatic ? 2 : 1) *
        (holder.speech ? 1 : 0.8) *
        (!ownTopic && target && 'topical' in target ? 1.1 : 1) *
        (stance === 'mixed' ? 1.5 : 1) *
        (earlier ? 0.35 : 1);
      for (const mention of holder.mentions) {
        if (mention.kind === 'voice') continue;
        for (const actor of mention.actors)
          observations.push({ actor, topic, polarity: stance, weight, sentence, speaker: mention, earlier });
      }
    }
  }
  return observations;
}

/** The topic a topical cue is about: one of its topics named nearby, or the sentence before's. */
function topicFor(
  cue: Cue,
  context: SentenceContext,
  clauseStart: (index: number) => number,
  clauseEnd: (index: number) => number,
): string | undefined {
  const { tokens } = context;
  if (cue.event) return cue.event;
  // "withdraw not only from START II": what it is done to is named, and it is not one of this cue's topics.
  if (objectElsewhere(cue, context)) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const hit of context.topics) {
    const readings = hit.anaphor ? hit.alternatives : [hit.topic];
    const reading = readings.find((topic) => cue.topical.has(topic));
    if (!reading) continue;
    // A topic before its cue counts as two words further: objects follow their verbs.
    const distance = wordsApart(tokens, cue, hit) + (hit.from >= cue.to ? 0 : 2);
    const sameClause = hit.from >= clauseStart(cue.from) && hit.from < clauseEnd(cue.from);
    const score = distance + (sameClause ? 0 : 4);
    if (score < bestDistance) {
      bestDistance = score;
      best = reading;
    }
  }
  if (best && bestDistance <= TOPIC_REACH) return best;
  // "abandon it", "withdraw from it", "tear it down": the topic named last that the cue can be about.
  const next = tokens[cue.to]?.norm === 'from' || tokens[cue.to]?.norm === 'to' ? cue.to + 1 : cue.to;
  if (tokens[next]?.norm === 'it' || holdsIt(tokens, cue)) {
    const before = context.topics.findLast((hit) => hit.to <= cue.from && cue.topical.has(hit.topic));
    if (before) return before.topic;
    for (const topic of context.previousTopics) if (cue.topical.has(topic)) return topic;
  }
  if (context.topics.length === 0 && cue.topical.size === 1) {
    const [only] = cue.topical.keys();
    // A cue of one topic only ("reserve judgment", "little in return") in a sentence that names
    // none is about the topic the paragraph or the dispatch is about.
    if (only && (context.previousTopics.includes(only) || context.dispatchTopics.includes(only))) return only;
  }
  // "welcomed the reductions", "regretted the withdrawal": the act the dispatch is about.
  if (
    context.topics.length === 0 &&
    tokens[cue.from - 1]?.norm === 'the' &&
    context.nominal.has(tokens[cue.from]?.norm ?? '')
  ) {
    const main = context.dispatchTopics.find((topic) => cue.topical.has(topic));
    if (main) return main;
  }
  return undefined;
}

/**
 * "The Indian Foreign Ministry singled out the promised unilateral cuts": an event noun that the
 * holder only mentions is no stance. It is one when the holder's own ("its withdrawal") or the
 * object of a verb by which the holder performs or seeks it ("announced the withdrawal").
 */
function isUnclaimedEvent(cue: Cue, context: SentenceContext): boolean {
  const { tokens } = context;
  const head = tokens[cue.from];
  if (!head || !context.nominal.has(head.norm)) return false;
  // "the American withdrawal": the state's own act.
  if (context.mentions.some((mention) => mention.act && mention.head === cue.from)) return false;
  for (let index = cue.from - 1; index >= Math.max(context.sentence.from, cue.from - 4); index--) {
    const token = tokens[index] as Token;
    if (OWN_WORD.has(token) || token.kind === TokenKind.Possessive) return false;
    if (PERFORMING_WORD.has(token)) return false;
    if (token.kind !== TokenKind.Word) break;
  }
  // "Those amendments … are needed": the act is claimed as necessary.
  for (let index = cue.to; index < Math.min(context.sentence.to, cue.to + 8); index++)
    if (NEEDED_WORD.has(tokens[index])) return false;
  return true;
}

/** "… would undermine": the harm is the predicate of what stands before it, with nothing joined between. */
function saidOf(tokens: readonly Token[], from: number, to: number): boolean {
  // "attempts to revise or abandon the treaty would destroy …": "or" stays inside the act.
  for (let index = from; index < to; index++) {
    const word = (tokens[index] as Token).norm;
    if (word !== 'or' && OBJECT_STOPS.has(word)) return false;
  }
  return PREDICTING_WORD.has(tokens[to - 1]);
}

function nearestTopic(topics: readonly TopicHit[], cue: Cue, tokens: readonly Token[]): TopicHit | undefined {
  let best: TopicHit | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const topic of topics) {
    const distance = wordsApart(tokens, cue, topic);
    if (distance < bestDistance) {
      best = topic;
      bestDistance = distance;
    }
  }
  return best;
}

/** What the cue is said of — its "from"/"of" object, or what "as" judges — is a topic the cue does not speak to. */
function objectElsewhere(cue: Cue, context: SentenceContext): boolean {
  const { tokens } = context;
  // "described START II as overtaken by events": the thing judged stands before "as".
  const as = asBefore(tokens, cue.from, context.sentence.from);
  const judged = as === undefined ? undefined : context.topics.find((hit) => hit.to === as);
  if (judged && !judged.anaphor && !cue.topical.has(judged.topic)) return true;
  for (let index = cue.to; index < Math.min(context.sentence.to, cue.to + 4); index++) {
    const word = (tokens[index] as Token).norm;
    if (word !== 'from' && word !== 'of') continue;
    const object = context.topics.find((hit) => hit.from === index + 1 || hit.from === index + 2);
    if (object) return !object.anaphor && !cue.topical.has(object.topic);
    // "the collapse of the Seattle ministerial", "the end of the Cold War": a name that is no topic
    // (but "any amendment of Article V of the ABM treaty" is about the treaty named just after).
    if (context.topics.some((hit) => hit.from > index && hit.from <= index + 6)) return false;
    const head = tokens[index + 1]?.norm === 'the' ? index + 2 : index + 1;
    // "the withdrawal of the United States": a state after "of" is the act's agent, not its object.
    const named = context.mentions.some((mention) => mention.from <= head && head < mention.to);
    return word === 'of' && !named && tokens[head]?.capital === true && tokens[head]?.kind === TokenKind.Word;
  }
  return false;
}

/** The "as" of "saw the plan as …" up to three tokens before `at` (not before `floor`), nearest first. */
function asBefore(tokens: readonly Token[], at: number, floor: number): number | undefined {
  for (let index = at - 1; index >= Math.max(floor, at - 3); index--)
    if (tokens[index]?.norm === 'as') return index;
  return undefined;
}

/** "… took effect", "… came into force" within a few words: the act is reported as done. */
function takesEffect(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < Math.min(to, from + 12); index++) {
    const word = (tokens[index] as Token).norm;
    const before = tokens[index - 1]?.norm ?? '';
    // "came into effect", "entered into force"
    const intoVerb = before === 'into' && EFFECT_VERBS.has(tokens[index - 2]?.norm ?? '');
    if ((word === 'effect' && (EFFECT_VERBS.has(before) || intoVerb)) || (word === 'force' && intoVerb))
      return true;
  }
  return false;
}

// Past tense only: an act that "takes effect in June" is still the actor's plan.
const EFFECT_VERBS = new Set(['took', 'taken', 'came', 'went', 'entered']);

/** A cue phrase with "it" inside: "tear it down", "hollow it out". */
function holdsIt(tokens: readonly Token[], cue: Cue): boolean {
  for (let index = cue.from + 1; index < cue.to; index++) if (tokens[index]?.norm === 'it') return true;
  return false;
}

/** Words between a cue and a topic hit, on whichever side of the cue it stands. */
function wordsApart(tokens: readonly Token[], cue: Cue, hit: TopicHit): number {
  return hit.from >= cue.to ? words(tokens, cue.to, hit.from) : words(tokens, hit.to, cue.from);
}

function words(tokens: readonly Token[], from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if ((tokens[index] as Token).kind === TokenKind.Word) count++;
  return count;
}

interface Holder {
  readonly mentions: readonly Mention[];
  /** Reported speech or a quotation, rather than a clause's own subject. */
  readonly speech: boolean;
}

/**
 * Who holds the cue at a token: the speaker of a quotation or reported statement it sits in
 * (unless the statement's own subject is another actor: then it is reported, and nobody's), else
 * the subject of its clause, else of the clause it continues.
 */
function holderOf(
  at: number,
  context: SentenceContext,
  clauseStart: (index: number) => number,
): Holder | undefined {
  const { structure } = context;
  const quoted = inRanges(structure.quotes, at);
  // A cue that is itself a verb of saying ("…, warning that") is its speaker's.
  const spoken = quoted ? undefined : structure.frames.find((frame) => frame.verb.from === at);
  if (spoken) return { mentions: spoken.holders, speech: true };
  // The innermost statement holds: "According to Chinese officials, the two presidents agreed that …".
  const frame = innermostFrame(structure.frames, at);
  if (quoted) {
    const speaker =
      frame ?? structure.frames.find((candidate) => !inRanges(structure.quotes, candidate.verb.from));
    if (speaker) return { mentions: speaker.holders, speech: true };
    if (context.lastSpeaker) return { mentions: context.lastSpeaker, speech: true };
    return undefined;
  }
  const local = localSubject(at, context, clauseStart, frame);
  if (frame) {
    if (!local) return { mentions: frame.holders, speech: true };
    if (local.holders.some((mention) => mention.kind === 'voice' && mention.actors.length === 0))
      return undefined;
    const speakers = new Set(frame.holders.flatMap((mention) => mention.actors));
    const same = local.holders.filter((mention) => mention.actors.some((actor) => speakers.has(actor)));
    if (same.length > 0) return { mentions: frame.holders, speech: true };
    // "A government spokesman said Germany …": a spokesman of no named state speaks for the state he names.
    if (
      frame.holders.every((mention) => mention.guessed) &&
      local.holders.every((mention) => mention.kind === 'state')
    )
      return { mentions: local.holders, speech: true };
    // "the United States, he said, should give up the program": what another should do is the speaker's view.
    if (prescribes(context.tokens, at) || WISHING_WORD.has(context.tokens[frame.verb.to - 1]))
      return { mentions: frame.holders, speech: true };
    // "Ivanov said Washington’s plan …": a non-subject possessive inside a statement is reported.
    return undefined;
  }
  if (!local) return undefined;
  return { mentions: local.holders, speech: false };
}

/** "should give up", "must abandon": a modal just before the cue. */
function prescribes(tokens: readonly Token[], to: number): boolean {
  for (let index = to - 1; index >= to - 3 && index >= 0; index--) if (MODAL.has(tokens[index])) return true;
  return false;
}

/** The nearest subject before the token in its clause, or in an earlier clause it continues. */
function localSubject(
  at: number,
  context: SentenceContext,
  clauseStart: (index: number) => number,
  frame: SpeechFrame | undefined,
): Subject | undefined {
  const { structure } = context;
  const start = clauseStart(at);
  const lowest = frame ? Math.min(...frame.content.map(([from]) => from)) : context.sentence.from;
  let best: Subject | undefined;
  for (const subject of structure.subjects) {
    if (subject.at > at) break;
    if (subject.at < lowest) continue;
    // A subject inside a conditional antecedent does not hold the main clause.
    if (inRanges(structure.conditionals, subject.at - 1) && !inRanges(structure.conditionals, at)) continue;
    if (subject.possessive && subject.at < start) continue;
    if (subject.until !== undefined && at >= subject.until) continue;
    // Inside a statement, only a subject within the statement's own range counts.
    if (frame && !inRanges(frame.content, subject.at - 1)) continue;
    best = subject;
  }
  return best;
}

/**
 * A negator shortly before the cue, in the same clause and with no comma between, turns it round
 * ('negated'); a negated verb of saying leaves no position at all ('void').
 */
function negation(
  at: number,
  context: SentenceContext,
  clauseStart: (index: number) => number,
  harm: boolean,
): 'negated' | 'void' | undefined {
  const { tokens } = context;
  const start = clauseStart(at);
  for (const negator of context.negators) {
    if (negator.to > at || negator.from < start) continue;
    // "stop the drift toward an arms race", "prevent the treaty's collapse": preventing a harm
    // warns of it, as naming it does.
    if (harm && PREVENTING_WORD.has(tokens[negator.from])) continue;
    // "made no secret of their sympathy", "no doubt": a denial that affirms.
    if (AFFIRMING_WORD.has(tokens[negator.to]) && AFFIRMED_WORD.has(tokens[negator.to + 1])) continue;
    let gap = 0;
    let broken = false;
    let neutral = false;
    for (let index = negator.to; index < at; index++) {
      const token = tokens[index] as Token;
      if (token.kind === TokenKind.Comma || token.kind === TokenKind.Dash) broken = true;
      if (token.kind === TokenKind.Word) gap++;
      if (NEUTRAL_WORD.has(token)) neutral = true;
      // "could not be allowed to stand in its way": refusing what a cue names keeps its sense.
      if (PERMITTING_WORD.has(token)) return undefined;
    }
    // "adapt the treaty rather than discard it": what is set aside is no position either way.
    const contrast = CONTRAST.has(tokens[negator.from]) && (tokens[negator.to - 1] as Token).norm !== 'no';
    if (!broken && gap <= NEGATION_REACH) return neutral || contrast ? 'void' : 'negated';
  }
  return undefined;
}
