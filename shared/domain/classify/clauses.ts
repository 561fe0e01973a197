import {
  ADDRESSEE_VERBS,
  ADVERBS,
  AFTER_PREPOSITION,
  CLAUSE_OPENERS,
  CLAUSE_WORDS,
  DATE_WORDS,
  GOVERNMENT_WORDS,
  isHardBreak,
  OFFICIAL_NOUNS,
  PREPOSITION_WORDS,
  SAYING,
  SUBJECT_LEAD,
  VERBS,
} from './grammar.js';
import type { Mention } from './mentions.js';
import { conjunctGroup, joins, listOf, plainAnd } from './mentions.js';
import type { Hit } from './scan.js';
import type { Sentence } from './sentences.js';
import { type Token, TokenKind, wordOf } from './tokens.js';
import { WordSet } from './word-set.js';

// Asked of every token of every sentence: by word number, not by comparing or hashing strings.
const CLAUSE_WORD = new WordSet(CLAUSE_WORDS);
const VERB = new WordSet(VERBS);
const ADDRESSEE_VERB = new WordSet(ADDRESSEE_VERBS);
const AFTER_PREPOSITION_WORD = new WordSet(AFTER_PREPOSITION);
const CLAUSE_OPENER = new WordSet(CLAUSE_OPENERS);
const SUBJECT_LEAD_WORD = new WordSet(SUBJECT_LEAD);
const GOVERNMENT_WORD = new WordSet(GOVERNMENT_WORDS);
const OFFICIAL_NOUN = new WordSet(OFFICIAL_NOUNS);
const ADVERB = new WordSet(ADVERBS);
const SAYING_WORD = new WordSet(SAYING);
/** "a joint statement that welcomed …": the words that open a relative clause after a mention. */
const RELATIVE = new WordSet(new Set(['that', 'which', 'who']));
const RELATIVE_PRONOUN = new WordSet(new Set(['which', 'who']));
const THAT = wordOf('that');
const AND = wordOf('and');
const AS = wordOf('as');

/**
 * Who holds what a sentence says. A sentence is cut into clauses; a clause's holder is the
 * speaker of the reported speech or quotation it belongs to, else its own subject, else the
 * subject of the clause it continues ("… said X and urged Y" is still the speaker's).
 */

/** A reported statement: its speaker and the tokens that are the statement. */
export interface SpeechFrame {
  readonly verb: Hit;
  readonly holders: readonly Mention[];
  /** Token ranges of the statement, [from, to). */
  readonly content: readonly (readonly [number, number])[];
}

/** A clause subject or possessive that holds the clause after it. */
export interface Subject {
  readonly at: number;
  readonly holders: readonly Mention[];
  /** "Moscow’s insistence", "the American decision": the actor's act, named as a noun. */
  readonly possessive: boolean;
  /**
   * Where an object's possessive stops holding: "welcomed the Duma’s vote and called for …" is not
   * the Duma's call. Set on every subject, if only to undefined: one shape for all of them.
   */
  readonly until: number | undefined;
}

export interface SentenceStructure {
  /** Token indexes where a clause starts, ascending; the first is the sentence start. */
  readonly clauseStarts: readonly number[];
  /** Token ranges inside quotation marks. */
  readonly quotes: readonly (readonly [number, number])[];
  readonly frames: readonly SpeechFrame[];
  readonly subjects: readonly Subject[];
  /** Token ranges of conditional antecedents ("if Washington deploys …,"). */
  readonly conditionals: readonly (readonly [number, number])[];
  /** A quotation still open at the sentence's end: the next sentence starts inside it. */
  readonly quoteOpenAtEnd: boolean;
}

/** The token is inside one of the ranges [from, to): a quotation, a condition, a statement's content. */
export function inRanges(ranges: readonly (readonly [number, number])[], at: number): boolean {
  // A loop, not some() with a destructuring closure: asked of every token the stance model reads.
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index] as readonly [number, number];
    if (range[0] <= at && at < range[1]) return true;
  }
  return false;
}

/** The innermost statement a token sits in: "According to Chinese officials, the two presidents agreed that …". */
export function innermostFrame(frames: readonly SpeechFrame[], at: number): SpeechFrame | undefined {
  let innermost: SpeechFrame | undefined;
  for (const frame of frames)
    if (inRanges(frame.content, at) && (!innermost || frame.verb.from > innermost.verb.from))
      innermost = frame;
  return innermost;
}

/** Words after which a mention is not a subject: it is an object or sits in a phrase. */
const PREPOSITION_LIST = new Set([
  ...PREPOSITION_WORDS,
  'than',
  'over',
  'under',
  'upon',
  'via',
  'behind',
  'within',
  'without',
  'help',
  'helping',
  'let',
  'urge',
  'urged',
  'urging',
  'told',
  'tell',
  'telling',
  'persuade',
  'convince',
  'pressed',
  'asked',
  'invited',
  'thanked',
  'praised',
  'congratulated',
  'blamed',
  'briefed',
  'received',
  'hosted',
  'rebuffed',
  'pressing',
  'persuading',
  'allow',
  'allowed',
  'visited',
  'visit',
  'met',
  'meet',
  'meeting',
  'joined',
  'join',
  'outflank',
  'reassure',
  'warned',
  'accused',
  'criticized',
  'criticised',
  'called',
  'notified',
  'informed',
  'assured',
  'reminded',
  'give',
  'gave',
  'offered',
  'leave',
  'leaving',
  'left',
  'despite',
  'including',
  'such',
  'as',
  'near',
  'across',
  'through',
  'throughout',
  'during',
  'per',
]);
const PREPOSITIONS = new WordSet(PREPOSITION_LIST);

const isVerbish = (token: Token | undefined, verbs: ReadonlySet<number>, index: number) => {
  if (!token || token.kind !== TokenKind.Word) return false;
  if (verbs.has(index) || VERB.has(token)) return true;
  const word = token.norm;
  return !token.capital && word.length > 4 && (word.endsWith('ed') || word.endsWith('es'));
};

const NO_ENDS: readonly number[] = [];
const NO_VERBS: ReadonlySet<number> = new Set();
/** Tokens after an object's possessive that are still its phrase ("the Duma’s decision to ratify"). */
const POSSESSIVE_REACH = 5;

/** Clause starts, quotations, speech frames, subjects and conditionals of one sentence. */
export function structureOf(
  sentence: Sentence,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  mentionRange: readonly [number, number],
  speech: readonly Hit[],
  conditionalHits: readonly Hit[],
  verbTokens: ReadonlySet<number>,
  quoteOpenAtStart: boolean,
): SentenceStructure {
  const { from, to } = sentence;
  const [firstMention, lastMention] = mentionRange;
  const own = mentions.slice(firstMention, lastMention);

  // Quotations, including one still open from an earlier sentence of the paragraph.
  const quotes: [number, number][] = [];
  let open = quoteOpenAtStart ? from : -1;
  for (let index = from; index < to; index++) {
    const token = tokens[index] as Token;
    const opening = token.kind === TokenKind.QuoteOpen || (token.kind === TokenKind.Quote && open < 0);
    const closing = token.kind === TokenKind.QuoteClose || (token.kind === TokenKind.Quote && open >= 0);
    if (opening && open < 0) open = index + 1;
    else if (closing && open >= 0) {
      quotes.push([open, index]);
      open = -1;
    }
  }
  const quoteOpenAtEnd = open >= 0;
  if (quoteOpenAtEnd) quotes.push([open, to]);
  const inQuote = (index: number) => inRanges(quotes, index);

  // Clauses.
  const clauseStarts: number[] = [from];
  for (let index = from + 1; index < to; index++) {
    const token = tokens[index] as Token;
    const previous = tokens[index - 1] as Token;
    if (isHardBreak(previous.kind)) clauseStarts.push(index);
    else if (token.kind === TokenKind.Word && CLAUSE_WORD.has(token)) clauseStarts.push(index);
    else if (token.word === THAT && isComplementizer(tokens, index, to)) {
      clauseStarts.push(index + 1);
    } else if (token.word === AND && previous.kind === TokenKind.Comma) clauseStarts.push(index);
  }
  // Each start is the token or the one after it, so the list only ever repeats a start: dropped.
  const unique = clauseStarts.filter((start, index) => start !== clauseStarts[index - 1]);

  // Subjects: a mention at the start of a clause, followed by its verb. A subject of several
  // ("Jiang, Putin and Nazarbaev put their names …") holds as one.
  const subjects: Subject[] = [];
  // A group of subjects is own[index …] up to here: its later members open no subject of their own.
  let groupedUntil = 0;
  // A sentence has a few mentions and verbs: lists, not sets, of where they end.
  const mentionEnds = own.map((mention) => mention.to);
  // Only verbs of saying take a bare clause: "said Japan regarded …", not "urged the Duma to ratify".
  const speechEnds: number[] = [];
  for (const verb of speech) if (SAYING_WORD.has(tokens[verb.to - 1])) speechEnds.push(verb.to);
  for (let index = 0; index < own.length; index++) {
    const mention = own[index] as Mention;
    // "a joint statement that welcomed …", "a declaration calling for …": it holds its relative clause.
    const relative = tokens[mention.to];
    // "told Clinton that …": that is the verb's clause, not Clinton's.
    const addressee = ADDRESSEE_VERB.has(tokens[mention.from - 1]);
    // "remains in Spain fighting extradition", "those in Washington who favor": a place after a
    // preposition holds no clause; what follows it is the clause of the noun before.
    const place = mention.kind === 'state' && AFTER_PREPOSITION_WORD.has(tokens[mention.from - 1]);
    if (
      relative &&
      !addressee &&
      !place &&
      (RELATIVE.has(relative) || relative.norm.endsWith('ing')) &&
      mention.kind !== 'pronoun' &&
      verbSoon(tokens, relative.norm.endsWith('ing') ? mention.to : mention.to + 1, to, verbTokens)
    )
      subjects.push({ at: mention.to + 1, holders: [mention], possessive: false, until: undefined });
    if (index < groupedUntil || mention.document) continue;
    if (mention.kind === 'voice' && mention.actors.length === 0 && !startsClause(tokens, mention.from, from))
      continue;
    const possessive = mention.possessive || mention.kind === 'body';
    // An act, or a possessive that is not the clause's subject, holds only its own phrase.
    if (mention.act || (possessive && !startsClause(tokens, mention.from, from))) {
      subjects.push({
        at: mention.head ?? mention.to,
        holders: [mention],
        possessive: true,
        until: mention.to + POSSESSIVE_REACH,
      });
      continue;
    }
    if (!startsClause(tokens, mention.from, from, mentionEnds, speechEnds)) continue;
    if (!verbSoon(tokens, mention.to, to, verbTokens)) {
      if (possessive)
        subjects.push({ at: mention.to, holders: [mention], possessive: true, until: undefined });
      continue;
    }
    const holders = withFollowingConjuncts(own, index, tokens);
    groupedUntil = Math.max(groupedUntil, index + holders.length);
    const last = holders.at(-1) as Mention;
    subjects.push({ at: last.to, holders, possessive: false, until: undefined });
  }

  subjects.sort((a, b) => a.at - b.at);

  // Speech frames: "X said (that) …", "…, X said", "…,” said X", "according to X, …".
  const frames: SpeechFrame[] = [];
  for (const verb of speech) {
    if (verb.from < from || verb.from >= to || inQuote(verb.from)) continue;
    // "States", "Calls": a capital mid-sentence is a name or a noun, not a verb.
    if ((tokens[verb.from] as Token).capital && verb.from !== from) continue;
    // "Kiev should say so": what someone should or would say is not said.
    if (PRESCRIBING_MODALS.has(tokens[verb.from - 1]?.norm ?? '')) continue;
    const holder =
      continuedStatement(verb, frames, tokens, own, from, mentionEnds, speechEnds) ??
      speakerOf(verb, own, subjects, tokens, from);
    if (!holder) continue;
    const holders = holder.group;
    const frameStart = Math.min(holder.mention.from, verb.from);
    const frameEnd = Math.max(holder.mention.to, verb.to);
    const next = tokens[frameEnd];
    const followed = next !== undefined && frameEnd < to && next.kind !== TokenKind.Stop;
    const content: [number, number][] = [];
    // Postposed or parenthetical: the statement is (also) before the frame.
    if (frameStart > from + 1 && (!followed || next?.kind === TokenKind.Comma))
      content.push([from, frameStart]);
    if (followed) content.push([Math.max(frameEnd, verb.to), to]);
    frames.push({ verb, holders, content });
  }
  for (const mention of own) {
    const a = tokens[mention.from - 2];
    const b = tokens[mention.from - 1];
    if (a?.norm === 'according' && b?.norm === 'to') {
      const holders = conjunctGroup(own, own.indexOf(mention), tokens);
      const content: [number, number][] = [];
      if (mention.from - 2 > from + 1) content.push([from, mention.from - 2]);
      content.push([mention.to, to]);
      frames.push({ verb: { from: mention.from - 2, to: mention.from, values: [] }, holders, content });
    }
  }

  // Conditional antecedents: from "if" to the next comma (or "then").
  const conditionals: [number, number][] = [];
  for (const hit of conditionalHits) {
    if (hit.from < from || hit.from >= to) continue;
    // "should" opens a condition only at the head of a clause ("Should Washington scrap the treaty, …").
    if (tokens[hit.from]?.norm === 'should' && !unique.includes(hit.from) && hit.from !== from) continue;
    let end = hit.to;
    while (
      end < to &&
      (tokens[end] as Token).kind !== TokenKind.Comma &&
      (tokens[end] as Token).norm !== 'then'
    )
      end++;
    conditionals.push([hit.from, end]);
  }
  return { clauseStarts: unique, quotes, frames, subjects, conditionals, quoteOpenAtEnd };
}

/** "that" introduces a clause unless it is a determiner ("that treaty") or a relative "that is". */
function isComplementizer(tokens: readonly Token[], index: number, to: number): boolean {
  const next = tokens[index + 1];
  if (!next || index + 1 >= to) return false;
  if (next.norm === 'is' || next.norm === 'was') return false;
  const previous = tokens[index - 1];
  // "so that", "such that", "now that": still a clause.
  if (VERB.has(previous)) return true;
  return (
    next.capital ||
    CLAUSE_SUBJECT_START.has(next) ||
    (previous?.kind === TokenKind.Word && previous.norm.endsWith('ed'))
  );
}

/** Words that start a clause's subject after "that": "that the …", "that it …", "that no …". */
const CLAUSE_SUBJECT_START = new WordSet(
  new Set([
    'the',
    'it',
    'he',
    'she',
    'they',
    'its',
    'his',
    'their',
    'a',
    'any',
    'if',
    'no',
    'there',
    'this',
    'such',
    'both',
    'neither',
    'all',
    'we',
    'i',
  ]),
);

const isQuoteEnd = (tokens: readonly Token[], at: number) => {
  for (let index = at - 1; index >= Math.max(0, at - 3); index--) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.QuoteClose || token.kind === TokenKind.Quote) return true;
    if (token.kind !== TokenKind.Comma) return false;
  }
  return false;
};

/**
 * Who speaks through a verb: the mention just before it ("Ivanov, the minister, said"), the
 * clause subject further back ("Blair, whose government …, said"), the sentence's subject for a
 * verb joined by "and" ("Clinton made the case … and insisted"), or one right after it after a
 * quote or comma ("…,” said Ivanov").
 */
function speakerOf(
  verb: Hit,
  own: readonly Mention[],
  subjects: readonly Subject[],
  tokens: readonly Token[],
  sentenceStart: number,
): { mention: Mention; group: readonly Mention[] } | undefined {
  const after = own.find((mention) => mention.from >= verb.to && mention.from - verb.to <= 2);
  const inverted = after && inversionAllowed(tokens, verb, after) ? after : undefined;
  if (isQuoteEnd(tokens, verb.from) && inverted)
    return { mention: inverted, group: conjunctGroup(own, own.indexOf(inverted), tokens) };
  let cursor = verb.from - 1;
  while (cursor > sentenceStart && ADVERB.has(tokens[cursor])) cursor--;
  const coordinated = ['and', 'but'].includes((tokens[cursor] as Token | undefined)?.norm ?? '');
  const active = subjects.filter((subject) => !subject.possessive && subject.at <= verb.from);
  // "…, warning that", "…, saying": a participle after a comma is the sentence subject's, not the
  // nearest mention's ("demanded that the government refuse, warning that …").
  const participle =
    (tokens[verb.from] as Token).norm.endsWith('ing') && tokens[verb.from - 1]?.kind === TokenKind.Comma;
  if (coordinated || participle) {
    const main = active[0];
    // "…, Igor Ivanov said, adding that": after a statement's frame, the speaker is the nearest.
    if (
      main &&
      !hardBreakBetween(tokens, main.at, verb.from) &&
      !(participle && saysBetween(tokens, main.at, verb.from))
    )
      return { mention: main.holders[0] as Mention, group: main.holders };
  }
  const aside = parentheticalSubject(verb, own, active, tokens, sentenceStart);
  if (aside) return { mention: aside.holders[0] as Mention, group: aside.holders };
  const before = nearestBefore(own, verb.from, tokens, 10);
  if (before && !before.document && before.kind !== 'collective') {
    const subject = active.find((candidate) => candidate.holders.includes(before));
    return {
      mention: before,
      group: subject ? subject.holders : conjunctGroup(own, own.indexOf(before), tokens),
    };
  }
  if (before) return { mention: before, group: [before] };
  const subject = active.at(-1);
  if (subject && !hardBreakBetween(tokens, subject.at, verb.from))
    return { mention: subject.holders[0] as Mention, group: subject.holders };
  if (inverted) return { mention: inverted, group: conjunctGroup(own, own.indexOf(inverted), tokens) };
  return undefined;
}

/**
 * "Fischer, speaking in the Bundestag before Schroeder left, said": a verb right after an aside
 * set off by commas is the subject's before the aside, not a name inside it.
 */
function parentheticalSubject(
  verb: Hit,
  own: readonly Mention[],
  active: readonly Subject[],
  tokens: readonly Token[],
  sentenceStart: number,
): Subject | undefined {
  const close = verb.from - 1;
  if (tokens[close]?.kind !== TokenKind.Comma) return undefined;
  let open = close - 1;
  while (open > sentenceStart && tokens[open]?.kind !== TokenKind.Comma) {
    const kind = (tokens[open] as Token).kind;
    if (isHardBreak(kind) || kind === TokenKind.QuoteOpen || kind === TokenKind.QuoteClose) return undefined;
    open--;
  }
  if (open <= sentenceStart || open === close - 1) return undefined;
  // "Washington, she said, wanted …" is the aside's own statement; "the minister, Tokaev, said"
  // names the speaker in the aside.
  if (
    saysBetween(tokens, open, close) ||
    own.some((mention) => mention.from === open + 1 && mention.to === close)
  )
    return undefined;
  return active.find((subject) => subject.at === open);
}

/** A modal before a verb of saying that makes the saying unsaid. */
const PRESCRIBING_MODALS = new Set(['should', 'must', 'ought', 'would', 'could', 'might']);

/** Words that may open a participle clause after its comma: "…, while stressing that". */
const PARTICIPLE_OPENERS = new WordSet(new Set(['while', 'after', 'before', 'when', 'also', 'and']));

/**
 * "X said that A would …, adding that …", "…, while stressing that …": a participle inside a
 * statement goes on with that statement's speaker, not with a state the statement names.
 */
function continuedStatement(
  verb: Hit,
  frames: readonly SpeechFrame[],
  tokens: readonly Token[],
  own: readonly Mention[],
  sentenceStart: number,
  mentionEnds: readonly number[],
  speechEnds: readonly number[],
): { mention: Mention; group: readonly Mention[] } | undefined {
  if (!(tokens[verb.from] as Token).norm.endsWith('ing')) return undefined;
  let before = verb.from - 1;
  if (PARTICIPLE_OPENERS.has(tokens[before])) before--;
  if (tokens[before]?.kind !== TokenKind.Comma) return undefined;
  // "that Russia, insisting that …, would": a participle set off after a clause's subject is the subject's.
  const subject = own.find((mention) => mention.to === before);
  if (subject && startsClause(tokens, subject.from, sentenceStart, mentionEnds, speechEnds)) return undefined;
  const statement = innermostFrame(frames, verb.from);
  const speaker = statement?.holders[0];
  return statement && speaker ? { mention: speaker, group: statement.holders } : undefined;
}

function saysBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (SAYING_WORD.has(tokens[index])) return true;
  return false;
}

function hardBreakBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const kind = (tokens[index] as Token).kind;
    if (isHardBreak(kind) || kind === TokenKind.QuoteOpen || kind === TokenKind.QuoteClose) return true;
  }
  return false;
}

/** "…, said Ivanov", "added the minister": a speaker after the verb only after a comma or quote. */
function inversionAllowed(tokens: readonly Token[], verb: Hit, holder: Mention): boolean {
  const before = tokens[verb.from - 1];
  return (
    (holder.from === verb.to || (holder.from - verb.to === 1 && tokens[verb.to]?.norm === 'the')) &&
    (before === undefined || before.kind === TokenKind.Comma || before.kind === TokenKind.QuoteClose)
  );
}

const ARTICLES = new WordSet(new Set(['a', 'an', 'the']));

/** The mention nearest before a token, within a clause: the speaker of "X, the minister, said". */
function nearestBefore(
  own: readonly Mention[],
  at: number,
  tokens: readonly Token[],
  reach: number,
): Mention | undefined {
  for (let index = own.length - 1; index >= 0; index--) {
    const mention = own[index] as Mention;
    if (mention.to > at || mention.act) continue;
    if (at - mention.to > reach) return undefined;
    for (let cursor = mention.to; cursor < at; cursor++) {
      const token = tokens[cursor] as Token;
      if (
        isHardBreak(token.kind) ||
        token.kind === TokenKind.QuoteClose ||
        token.kind === TokenKind.QuoteOpen ||
        token.kind === TokenKind.Stop
      )
        return undefined;
    }
    // "the Chinese ambassador to Moscow said": the speaker is the ambassador, not Moscow.
    // … unless a relative pronoun makes it the subject: "a gesture to Moscow, which had argued".
    // "in a newspaper interview": the preposition before the article.
    let leadAt = mention.from - 1;
    while (ARTICLES.has(tokens[leadAt])) leadAt--;
    const lead = tokens[leadAt];
    const relative = RELATIVE_PRONOUN.has(tokens[mention.to + 1] ?? tokens[mention.to]);
    // "the government of Prime Minister Koizumi said": the government is his.
    const governmentOf = lead?.norm === 'of' && GOVERNMENT_WORD.has(tokens[mention.from - 2]);
    // "a spokesman for the French Foreign Ministry said": the official speaks for it.
    const officialOf = (lead?.norm === 'for' || lead?.norm === 'of') && OFFICIAL_NOUN.has(tokens[leadAt - 1]);
    if (
      lead &&
      PREPOSITIONS.has(lead) &&
      !['as', 'by'].includes(lead.norm) &&
      !relative &&
      !governmentOf &&
      !officialOf
    )
      continue;
    return mention;
  }
  return undefined;
}

/** Skipping determiners and adverbs, is the mention at the start of a clause? */
function startsClause(
  tokens: readonly Token[],
  at: number,
  sentenceStart: number,
  mentionEnds: readonly number[] = NO_ENDS,
  speechEnds: readonly number[] = NO_ENDS,
): boolean {
  for (let index = at - 1; index >= sentenceStart; index--) {
    const token = tokens[index] as Token;
    // "said Japan regarded …": a reported clause without "that".
    if (speechEnds.includes(index + 1)) return true;
    // "with Russia and China": a conjunct of the mention before, not a new clause.
    if (token.word === AND && mentionEnds.includes(index)) return false;
    // "Tajikistan, Uzbekistan, Pakistan and India": a list item, not a clause after a comma.
    // … unless the comma ends an opening phrase: "Under pressure from Washington, Tokyo and Seoul agreed".
    if (
      token.kind === TokenKind.Comma &&
      mentionEnds.includes(index) &&
      continuesList(tokens, at) &&
      !endsOpeningPhrase(tokens, sentenceStart, index)
    )
      return false;
    if (
      token.kind === TokenKind.Comma ||
      isHardBreak(token.kind) ||
      token.kind === TokenKind.QuoteOpen ||
      token.kind === TokenKind.Quote ||
      token.kind === TokenKind.ParenOpen
    )
      return true;
    if (token.kind !== TokenKind.Word) return false;
    if (CLAUSE_OPENER.has(token)) return true;
    // "On Tuesday President Bush ordered …": a date before the subject opens no phrase of its own.
    if (PREPOSITIONS.has(token) && token.word !== AS && !isDate(tokens[index + 1])) return false;
    // "Foreign Ministry spokesman", "Chinese", "Senior": capitalised words in a title run.
    if (!SUBJECT_LEAD_WORD.has(token) && !token.capital) return false;
  }
  return true;
}

/**
 * The comma at `comma` closes a phrase the sentence opens with a preposition, and the names after
 * it are followed by their verb: "Under pressure from Washington, Tokyo and Seoul agreed", not
 * "In Tokyo, Hanoi, Seoul and Beijing his hosts wanted".
 */
function endsOpeningPhrase(tokens: readonly Token[], sentenceStart: number, comma: number): boolean {
  if (!PREPOSITIONS.has(tokens[sentenceStart])) return false;
  for (let index = sentenceStart; index < comma; index++)
    if ((tokens[index] as Token).kind === TokenKind.Comma) return false;
  let index = comma + 1;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Comma || token.norm === 'and' || token.norm === 'or' || token.capital)
      index++;
    else break;
  }
  return isVerbish(tokens[index], NO_VERBS, index);
}

/** The mention starting at `at` is followed by another list comma or "and"/"or". */
function continuesList(tokens: readonly Token[], at: number): boolean {
  let index = at;
  while (
    index < tokens.length &&
    (tokens[index] as Token).kind === TokenKind.Word &&
    (tokens[index] as Token).capital
  )
    index++;
  const next = tokens[index];
  return next !== undefined && (next.kind === TokenKind.Comma || next.norm === 'and' || next.norm === 'or');
}

const isDate = (token: Token | undefined) => token?.capital === true && DATE_WORDS.has(token.norm);

function verbSoon(tokens: readonly Token[], from: number, to: number, verbs: ReadonlySet<number>): boolean {
  let words = 0;
  let inAppositive = false;
  for (let index = from; index < to && words < 12; index++) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Comma) {
      inAppositive = !inAppositive;
      continue;
    }
    if (token.kind === TokenKind.Possessive) continue;
    if (token.kind !== TokenKind.Word && token.kind !== TokenKind.Number) {
      if (token.kind === TokenKind.Stop || isHardBreak(token.kind)) return false;
      continue;
    }
    words++;
    if (isVerbish(token, verbs, index)) return true;
    if (!inAppositive && words > 6) return false;
  }
  return false;
}

/** "Russia and China oppose …": the conjuncts after the first subject hold with it. */
function withFollowingConjuncts(own: readonly Mention[], index: number, tokens: readonly Token[]): Mention[] {
  const group = [own[index] as Mention];
  for (let cursor = index + 1; cursor < own.length; cursor++) {
    const previous = group.at(-1) as Mention;
    const next = own[cursor] as Mention;
    if (!joins(tokens, previous.to, next.from, true)) break;
    if ((previous.kind === 'pronoun' || next.kind === 'pronoun') && !plainAnd(tokens, previous.to, next.from))
      break;
    group.push(next);
  }
  return listOf(group, tokens) ? group : [own[index] as Mention];
}
