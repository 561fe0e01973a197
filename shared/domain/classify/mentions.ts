import type { Dictionaries, LexValue, PersonEntry } from './dictionaries.js';
import {
  ADVERBS,
  AFTER_PREPOSITION,
  CLAUSE_WORDS,
  FEMININE,
  GROUP_SIZES,
  IT_SPEAKS,
  LIST_WORDS,
  OBJECT_LEADS,
  OFFICIAL_NOUNS,
  VERBS,
} from './grammar.js';
import type { Hit } from './scan.js';
import { type Token, TokenKind } from './tokens.js';
import { WordSet } from './word-set.js';

// Asked of the tokens around every mention: by word number, not by hashing norms into string Sets.
const AFTER_PREPOSITION_WORD = new WordSet(AFTER_PREPOSITION);
const LIST_WORD = new WordSet(LIST_WORDS);
const CLAUSE_WORD = new WordSet(CLAUSE_WORDS);
const VERB = new WordSet(VERBS);
const OFFICIAL_NOUN = new WordSet(OFFICIAL_NOUNS);
const OBJECT_LEAD = new WordSet(OBJECT_LEADS);

export type MentionKind = 'person' | 'state' | 'body' | 'voice' | 'pronoun' | 'title' | 'collective';

export interface Person {
  readonly name: string;
  /** Office at the dispatch date: the state or organisation of the office (null: none) and role. */
  readonly actor: string | null;
  readonly role: string | null;
  /** False for an office that does not speak for its state: a senator, a deputy. */
  readonly speaksForState: boolean;
  readonly female: boolean;
}

/**
 * Somebody named in the text who may say or do something. Every field is required, undefined
 * where it does not apply, so every mention is built with all of them: one object shape, and a new
 * field cannot be left out of the one place that builds them (push in findMentions).
 */
export interface Mention {
  /** Token indexes: tokens[from] … tokens[to - 1]. */
  readonly from: number;
  readonly to: number;
  readonly kind: MentionKind;
  /** The states or organisations it speaks for: one, several ("the two leaders"), or none (a voice). */
  readonly actors: readonly string[];
  readonly person: Person | undefined;
  /** A short name for evidence: the person, the state, or the outlet. */
  readonly speaker: string;
  /** "Moscow’s", "Russia’s": what follows is the actor's (its insistence, its plan). */
  readonly possessive: boolean;
  /** "The joint declaration": it speaks ("describes", "calls for") but is not a clause's actor. */
  readonly document: boolean | undefined;
  /** "The American decision", "Moscow’s insistence": an act named as a noun, holding its own phrase only. */
  readonly act: boolean | undefined;
  /** "The Foreign Ministry" read as the state named last: a guess the sentence may correct. */
  readonly guessed: boolean | undefined;
  /** For an act, where its noun starts ("withdrawal" in "the American withdrawal"). */
  readonly head: number | undefined;
}

/** What a finder knows of a mention; push works out the rest and fills in what does not apply. */
type MentionFields = Omit<Mention, 'possessive' | OptionalField> & Partial<Pick<Mention, OptionalField>>;
type OptionalField = 'person' | 'document' | 'act' | 'guessed' | 'head';

/**
 * Per legislators list (a dictionary's), whether a role is a legislator's, answered once per role:
 * every dispatch that resolves a title asks officeAt of every person.
 */
const legislatorRoles = new WeakMap<readonly string[], Map<string, boolean>>();
function isLegislator(role: string, legislators: readonly string[]): boolean {
  let roles = legislatorRoles.get(legislators);
  if (!roles) {
    roles = new Map();
    legislatorRoles.set(legislators, roles);
  }
  let answer = roles.get(role);
  if (answer === undefined) {
    const lowered = role.toLowerCase();
    answer = legislators.some((prefix) => lowered.startsWith(prefix.toLowerCase()));
    roles.set(role, answer);
  }
  return answer;
}

/** The office a person held on a date, or none. */
export function officeAt(person: PersonEntry, date: string, legislators: readonly string[] = []): Person {
  const office = person.offices.find((candidate) => candidate.from <= date && date < candidate.to);
  const role = office?.role ?? null;
  return {
    name: person.name,
    actor: office?.actor ?? null,
    role,
    speaksForState: role === null || !isLegislator(role, legislators),
    female: person.female === true,
  };
}

type MentionValue = Extract<LexValue, { layer: 'mention' }>;

const normalTitle = (title: string) => title.toLowerCase().replace(/defence/g, 'defense');
/** "the defense chief" fits a Defense Minister; "the minister" fits any minister. */
const TITLE_SYNONYMS: Record<string, string> = {
  'defense chief': 'defense',
  'foreign chief': 'foreign',
  premier: 'prime minister',
  'secretary general': 'secretary general',
};
const roleFits = (role: string | null, title: string) => {
  if (!role) return false;
  const wanted = normalTitle(title);
  const lowered = normalTitle(role);
  return lowered.includes(TITLE_SYNONYMS[wanted] ?? wanted);
};

function first<K extends MentionValue['kind']>(
  hit: Hit | undefined,
  kind: K,
): Extract<MentionValue, { kind: K }> | undefined {
  // A loop, not find with a closure: asked several times of every mention hit.
  if (!hit) return undefined;
  for (const value of hit.values) if (ofKind(value, kind)) return value;
  return undefined;
}

const ofKind = <K extends MentionValue['kind']>(
  value: LexValue,
  kind: K,
): value is Extract<MentionValue, { kind: K }> => value.kind === kind;

/**
 * Every mention of a state, organisation, person, voice, pronoun, title or group, in text order,
 * with people mapped to the office they held at the dispatch date. A noun phrase counts once:
 * "Russian Foreign Minister Igor Ivanov" and "Kazakhstan’s Nursultan Nazarbaev" are one person;
 * "the Chinese Foreign Ministry" and "Russian officials" are their state; "U.S. allies" and
 * "Russian analysts" are voices of their own. Pronouns, bare titles ("the minister") and groups
 * ("the two leaders", "they", "the joint declaration") resolve to what was named before them.
 */
export function findMentions(
  text: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
  excluded: (tokenIndex: number) => boolean,
  date: string,
  dictionaries: Dictionaries,
): Mention[] {
  const mentions: Mention[] = [];
  const legislators = dictionaries.actors.roles.legislators;
  const recentPeople: Person[] = [];
  let officeHolders: Person[] | undefined;
  const holdersAtDate = () => {
    officeHolders ??= dictionaries.actors.people.map((person) => officeAt(person, date, legislators));
    return officeHolders;
  };
  const remember = (person: Person, from?: number) => {
    const at = recentPeople.findIndex((candidate) => candidate.name === person.name);
    if (at >= 0) recentPeople.splice(at, 1);
    // "He told Clinton …": a person named as an object does not take "he" from the subject.
    const lead = from === undefined ? undefined : tokens[from - 1];
    if (OBJECT_LEAD.has(lead) && recentPeople.length > 0) recentPeople.splice(1, 0, person);
    else recentPeople.unshift(person);
  };
  // "The Foreign Ministry", "the government": the state named last (a person named since may be a visitor).
  // An alliance has no government or foreign ministry of its own: NATO named last is passed over.
  const latestActor = () => {
    for (let index = mentions.length - 1; index >= 0; index--) {
      const mention = mentions[index] as Mention;
      const actor = mention.actors[0];
      if (
        actor !== undefined &&
        mention.actors.length === 1 &&
        (mention.kind === 'state' || mention.kind === 'body') &&
        !Object.hasOwn(dictionaries.actors.organisations, actor)
      )
        return actor;
    }
    return undefined;
  };
  /**
   * "he": the person named last, unless the sentence so far names a state whose person was
   * named recently ("Russia, he said, …" is a Russian speaking). "She" is the woman named last.
   */
  const pronounReferent = (at: number, female: boolean): Person | undefined => {
    const fits = (person: Person) => person.female === female;
    for (let index = mentions.length - 1; index >= 0; index--) {
      const mention = mentions[index] as Mention;
      if (stopBetween(tokens, mention.to, at)) break;
      // "He insisted …, and he said": the same person as the sentence's pronoun before.
      if (mention.kind === 'pronoun' && mention.person && fits(mention.person)) return mention.person;
      // "… before President Clinton takes his decision": a person named nearer than any state.
      if (mention.kind === 'person') break;
      // "A Foreign Ministry spokesman … urged Washington to heed what he called …": an unnamed official.
      const unnamed = unnamedOfficial(mention, text, tokens);
      if (unnamed && fits(unnamed)) return unnamed;
      if (
        mention.kind !== 'state' ||
        mention.actors.length !== 1 ||
        AFTER_PREPOSITION_WORD.has(tokens[mention.from - 1])
      )
        continue;
      // "If the United States tore up the treaty, he said": a state in a condition is no speaker's.
      if (ifBefore(tokens, mention.from)) continue;
      const actor = mention.actors[0];
      const fellow = recentPeople.slice(0, 4).find((person) => person.actor === actor && fits(person));
      if (fellow) return fellow;
    }
    return recentPeople.find(fits);
  };
  const sentencePersonActor = (at: number) => {
    for (let index = mentions.length - 1; index >= 0; index--) {
      const mention = mentions[index] as Mention;
      if (at - mention.to > 30) return undefined;
      if (stopBetween(tokens, mention.to, at)) return undefined;
      if (
        (mention.kind === 'person' || mention.kind === 'pronoun' || mention.kind === 'title') &&
        mention.actors.length === 1 &&
        !OBJECT_LEAD.has(tokens[mention.from - 1])
      )
        return mention.actors[0];
    }
    return undefined;
  };
  const pushTitle = (person: Person, from: number, to: number) => {
    remember(person);
    push({ from, to, kind: 'title', actors: actorsOf(person), person, speaker: person.name });
  };
  /** `objectAt`: where to look for a verb that makes the person an object ("told Clinton"). */
  const pushPerson = (person: Person, from: number, to: number, objectAt?: number) => {
    remember(person, objectAt);
    push({ from, to, kind: 'person', actors: actorsOf(person), person, speaker: person.name });
  };
  const pushVoice = (from: number, to: number) =>
    push({ from, to, kind: 'voice', actors: [], speaker: spokenText(text, tokens, from, to) });
  const push = (mention: MentionFields) => {
    const after = tokens[mention.to];
    // Every field, set or not: one shape for every mention, so the code that reads them stays monomorphic.
    const pushed: Mention = {
      from: mention.from,
      to: mention.to,
      kind: mention.kind,
      actors: mention.actors,
      person: mention.person,
      speaker: mention.speaker,
      possessive: after?.kind === TokenKind.Possessive,
      document: mention.document,
      act: mention.act,
      guessed: mention.guessed,
      head: mention.head,
    };
    mentions.push(pushed);
    // "The Chinese delegate spoke first. He said …": an unnamed official is a person "he" can mean.
    const official = unnamedOfficial(pushed, text, tokens);
    if (official) remember(official, mention.from);
  };

  let index = 0;
  while (index < hits.length) {
    const hit = hits[index] as Hit;
    index++;
    if (excluded(hit.from)) continue;
    const adjacent = (offset: number) => {
      const candidate = hits[index + offset];
      const previous = hits[index + offset - 1] as Hit;
      if (!candidate) return undefined;
      // "Russia’s Foreign Ministry": a possessive between them still joins them.
      const gap = candidate.from - previous.to;
      if (gap === 0) return candidate;
      if (gap === 1 && tokens[previous.to]?.kind === TokenKind.Possessive) return candidate;
      // "China’s disarmament ambassador", "Russia’s chief negotiator": one modifier before the official.
      if (
        gap === 2 &&
        offset === 0 &&
        tokens[previous.to]?.kind === TokenKind.Possessive &&
        isModifier(tokens[previous.to + 1]) &&
        OFFICIAL_NOUN.has(tokens[candidate.to - 1])
      )
        return candidate;
      return undefined;
    };

    // A noun phrase: [state adjective | state’s] [institution | body | title]* [person]
    const lead = first(hit, 'adjective') ?? (possessiveState(hit, tokens) ? first(hit, 'state') : undefined);
    let cursor = 0;
    let lastRole: MentionValue | undefined;
    let roleHit: Hit | undefined;
    if (lead || first(hit, 'title') || first(hit, 'institution') || first(hit, 'body')) {
      let next: Hit | undefined = lead ? adjacent(0) : hit;
      if (!lead) cursor = -1;
      while (next) {
        const role =
          first(next, 'institution') ??
          first(next, 'title') ??
          first(next, 'body') ??
          (lead ? first(next, 'act') : undefined);
        if (!role) break;
        lastRole = role;
        roleHit = next;
        cursor++;
        next = adjacent(cursor);
      }
      const person = next ? first(next, 'person') : undefined;
      if (person && next) {
        index += cursor + 1;
        pushPerson(officeAt(person.person, date, legislators), hit.from, next.to);
        continue;
      }
    }
    if (lead) {
      const other = adjacent(0);
      const otherValue = first(other, 'other') ?? first(other, 'voiceKind');
      if (other && otherValue) {
        index++;
        pushVoice(hit.from, other.to);
        continue;
      }
      if (lastRole && roleHit) {
        index += cursor;
        if (lastRole.kind === 'title') {
          const person = resolveTitle(lastRole.phrase, lead.actor, recentPeople, holdersAtDate);
          if (person) {
            pushTitle(person, hit.from, roleHit.to);
            continue;
          }
        }
        push({
          from: hit.from,
          to: roleHit.to,
          kind: 'body',
          actors: [lead.actor],
          speaker: lead.actor,
          // "the American withdrawal": the act noun itself may be the cue its state holds.
          ...(lastRole.kind === 'act' ? { act: true, head: roleHit.from } : {}),
        });
        continue;
      }
      if (lead.kind === 'adjective') continue; // "the American plan": an attribute, not an actor
    }
    // "Duma deputies", "Moscow analysts": somebody else than the state.
    const state = first(hit, 'state');
    const follower = adjacent(0);
    if (state && follower && (first(follower, 'other') || first(follower, 'voiceKind'))) {
      index++;
      pushVoice(hit.from, follower.to);
      continue;
    }
    if (!lead && lastRole && roleHit) {
      // A title or institution on its own: "the minister", "the Foreign Ministry".
      index += cursor;
      if (lastRole.kind === 'title') {
        if (!definiteBefore(tokens, hit.from)) continue;
        const person = resolveTitle(lastRole.phrase, null, recentPeople, holdersAtDate);
        if (person) pushTitle(person, hit.from, roleHit.to);
        continue;
      }
      if (lastRole.kind === 'institution') {
        // "He told Clinton that the government …": the speaker's government.
        const speakerActor = sentencePersonActor(hit.from);
        const actor = speakerActor ?? latestActor();
        if (actor)
          push({
            from: hit.from,
            to: roleHit.to,
            kind: 'body',
            actors: [actor],
            speaker: actor,
            ...(speakerActor ? {} : { guessed: true }),
          });
      }
      continue;
    }

    const value = hit.values[0] as MentionValue;
    switch (value.kind) {
      case 'state':
        push({ from: hit.from, to: hit.to, kind: 'state', actors: [value.actor], speaker: value.actor });
        break;
      case 'person':
        pushPerson(officeAt(value.person, date, legislators), hit.from, hit.to, hit.from);
        break;
      case 'voice':
      case 'voiceKind':
        pushVoice(hit.from, hit.to);
        break;
      case 'pronoun': {
        if (value.phrase === 'it') {
          // "Beijing reacted sharply. It called the plan …": "it" speaking is the state named last.
          let verb = hit.to;
          while (ADVERBS.has(tokens[verb]?.norm ?? '') || tokens[verb]?.norm === 'still') verb++;
          if (!IT_SPEAKS.has(tokens[verb]?.norm ?? '')) break;
          const actor = latestSubjectState(mentions, tokens, hit.from);
          if (actor) push({ from: hit.from, to: hit.to, kind: 'state', actors: [actor], speaker: actor });
          break;
        }
        const person = pronounReferent(hit.from, FEMININE.has(value.phrase));
        if (person && value.phrase !== 'him')
          push({
            from: hit.from,
            to: hit.to,
            kind: 'pronoun',
            actors: actorsOf(person),
            person,
            speaker: person.name,
          });
        break;
      }
      case 'group':
        push({
          from: hit.from,
          to: hit.to,
          kind: 'collective',
          actors: [...value.actors],
          speaker: value.actors.join(', '),
        });
        break;
      case 'collective': {
        const actors = groupActors(value.phrase, mentions, tokens, hit.from);
        if (actors.length > 0)
          push({ from: hit.from, to: hit.to, kind: 'collective', actors, speaker: actors.join(', ') });
        break;
      }
      case 'document': {
        const actors = documentActors(value.phrase, mentions, tokens);
        if (actors.length > 0)
          push({
            from: hit.from,
            to: hit.to,
            kind: 'collective',
            actors,
            speaker: actors.join(', '),
            document: true,
          });
        break;
      }
      case 'namesakes': {
        const chosen = chooseAmongNamesakes(value.people, recentPeople, date, legislators);
        if (chosen) pushPerson(chosen, hit.from, hit.to);
        break;
      }
      default:
        break;
    }
  }
  return speakingFor(mentions, tokens);
}

/** "Portugal, speaking for the European Union presidency, …": the speaker is the body it speaks for. */
function speakingFor(mentions: Mention[], tokens: readonly Token[]): Mention[] {
  return mentions.map((mention, index) => {
    const next = mentions[index + 1];
    if (next?.kind !== 'state' || next.from - mention.to > 6) return mention;
    const between = tokens.slice(mention.to, next.from).map((token) => token.norm);
    const speaking = between.includes('speaking') || between.includes('behalf');
    if (!speaking || !(between.includes('for') || between.includes('of'))) return mention;
    return { ...mention, actors: next.actors, speaker: `${mention.speaker} for ${next.speaker}` };
  });
}

/** The state or body named last, not after a preposition, within the last few sentences. */
function latestSubjectState(
  mentions: readonly Mention[],
  tokens: readonly Token[],
  at: number,
): string | undefined {
  for (let index = mentions.length - 1; index >= 0; index--) {
    const mention = mentions[index] as Mention;
    if (at - mention.to > 60) return undefined;
    if ((mention.kind !== 'state' && mention.kind !== 'body') || mention.actors.length !== 1 || mention.act)
      continue;
    if (AFTER_PREPOSITION_WORD.has(tokens[mention.from - 1])) continue;
    return mention.actors[0];
  }
  return undefined;
}

/** "if" among the three tokens before `at`. */
function ifBefore(tokens: readonly Token[], at: number): boolean {
  for (let index = Math.max(0, at - 3); index < at; index++) if (tokens[index]?.norm === 'if') return true;
  return false;
}

/** A full stop between two tokens: they are in different sentences. */
function stopBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index++)
    if ((tokens[index] as Token).kind === TokenKind.Stop) return true;
  return false;
}

/** A lower-case content word: "disarmament", "chief", "top". */
const isModifier = (token: Token | undefined) =>
  token?.kind === TokenKind.Word &&
  !token.capital &&
  !AFTER_PREPOSITION_WORD.has(token) &&
  !LIST_WORD.has(token) &&
  !CLAUSE_WORD.has(token) &&
  !VERB.has(token);

/** "a Foreign Ministry spokesman", "a senior Russian diplomat": a person of a state, not named. */
function unnamedOfficial(mention: Mention, text: string, tokens: readonly Token[]): Person | undefined {
  if (mention.kind !== 'body' || mention.actors.length !== 1 || mention.possessive) return undefined;
  const last = tokens[mention.to - 1];
  if (!OFFICIAL_NOUN.has(last)) return undefined;
  const noun = last?.norm;
  return {
    name: spokenText(text, tokens, mention.from, mention.to),
    actor: mention.actors[0] as string,
    role: null,
    speaksForState: true,
    female: noun === 'spokeswoman',
  };
}

const actorsOf = (person: Person) => (person.actor && person.speaksForState ? [person.actor] : []);

function possessiveState(hit: Hit, tokens: readonly Token[]): boolean {
  return tokens[hit.to]?.kind === TokenKind.Possessive && hit.values.some((value) => value.kind === 'state');
}

function definiteBefore(tokens: readonly Token[], at: number): boolean {
  const previous = tokens[at - 1];
  return previous?.norm === 'the';
}

/** A mention as the dispatch writes it, for the evidence's speaker: "China’s delegate", "Izvestia". */
function spokenText(text: string, tokens: readonly Token[], from: number, to: number): string {
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? start;
  return text.slice(start, end).replace(/\s+/g, ' ');
}

function resolveTitle(
  title: string,
  adjectiveActor: string | null,
  recent: readonly Person[],
  holdersAtDate: () => readonly Person[],
): Person | undefined {
  const head = title.split(' ').at(-1) ?? title;
  if (adjectiveActor) {
    const recentFit = recent.find(
      (person) => person.actor === adjectiveActor && roleFits(person.role, title),
    );
    if (recentFit) return recentFit;
    const holder = holdersAtDate().find(
      (person) => person.actor === adjectiveActor && roleFits(person.role, title),
    );
    if (holder) return holder;
    return recent.find((person) => person.actor === adjectiveActor && roleFits(person.role, head));
  }
  return (
    recent.find((person) => roleFits(person.role, title)) ??
    recent.find((person) => roleFits(person.role, head))
  );
}

/**
 * "They", "their": the group or body named just before, in the same sentence or the one before.
 * "The two leaders", "both sides": the states of the two people (or states) named last.
 * "The joint declaration", "the document": whoever acted together most recently.
 */
function groupActors(
  phrase: string,
  mentions: readonly Mention[],
  tokens: readonly Token[],
  at: number,
): string[] {
  const plural = phrase === 'they' || phrase === 'their' || phrase === 'them';
  if (plural) {
    const previous = mentions.at(-1);
    if (!previous || previous.kind === 'voice' || at - previous.to > 40) return [];
    // "Russian officials … they", "Russia and China … their"
    const group = conjunctGroup(mentions, mentions.length - 1, tokens);
    if (group.length > 1 || previous.kind === 'body' || previous.kind === 'collective')
      return [...new Set(group.flatMap((mention) => mention.actors))];
    return [];
  }
  const size = groupSize(phrase);
  const recent: string[] = [];
  for (let index = mentions.length - 1; index >= 0 && recent.length < Math.max(8, size ?? 0); index--) {
    const mention = mentions[index] as Mention;
    if (mention.kind === 'collective' && mention.actors.length > 1 && recent.length === 0)
      return [...mention.actors];
    for (const actor of mention.actors) if (!recent.includes(actor)) recent.push(actor);
  }
  // One state per person: Chirac speaking for the EU presidency is still one of "the two presidents", France's.
  // Uncounted ("the presidents"), every state whose people were named in the last few sentences.
  const fromPeople: string[] = [];
  for (let index = mentions.length - 1; index >= 0 && fromPeople.length < (size ?? 10); index--) {
    const mention = mentions[index] as Mention;
    if (mention.kind !== 'person' && mention.kind !== 'title') continue;
    if (size === undefined && at - mention.to > UNCOUNTED_REACH) break;
    const actor = mention.person?.actor ?? mention.actors[0];
    if (actor && mention.actors.length > 0 && !fromPeople.includes(actor)) fromPeople.push(actor);
  }
  if (size === undefined) return fromPeople.length >= 2 ? fromPeople.reverse() : [];
  const members = /leaders|presidents|men|ministers/.test(phrase) ? fromPeople : recent;
  // "the seven presidents" after five names: who they are is not known.
  return members.length >= size ? members.slice(0, size).reverse() : [];
}

/** Tokens back that "the presidents" looks for the people it means. */
const UNCOUNTED_REACH = 80;

/** "the five presidents": 5; "both sides": 2; "the leaders": no count. */
function groupSize(phrase: string): number | undefined {
  if (/\bboth\b/.test(phrase)) return 2;
  for (const word of phrase.split(' ')) {
    const size = GROUP_SIZES[word];
    if (size !== undefined) return size;
  }
  return undefined;
}

/**
 * "The joint declaration", "the document": what the actors who acted together last put their
 * names to. Without such a group it is nobody's ("the statement" of one actor is that actor's
 * clause already).
 */
function documentActors(phrase: string, mentions: readonly Mention[], tokens: readonly Token[]): string[] {
  for (let index = mentions.length - 1; index >= 0; index--) {
    const mention = mentions[index] as Mention;
    if (mention.kind === 'collective' && mention.actors.length > 1) return [...mention.actors];
    const group = conjunctGroup(mentions, index, tokens);
    const actors = [...new Set(group.flatMap((member) => member.actors))];
    if (group.length > 1 && actors.length > 1) return actors;
  }
  if (!phrase.includes('joint')) return [];
  const people: string[] = [];
  for (let index = mentions.length - 1; index >= 0 && people.length < 2; index--) {
    const mention = mentions[index] as Mention;
    if (mention.kind !== 'person' && mention.kind !== 'title') continue;
    for (const actor of mention.actors) if (!people.includes(actor)) people.push(actor);
  }
  return people.length === 2 ? people.reverse() : [];
}

/**
 * A surname shared by several people ("Ivanov") is whoever of them was named last, or the one in
 * office; when none is, the one who left office last before the date ("George Bush" in 2000 is
 * the father, who signed START II in 1993, not the son, who was not yet president).
 */
function chooseAmongNamesakes(
  candidates: readonly PersonEntry[],
  recent: readonly Person[],
  date: string,
  legislators: readonly string[],
): Person | undefined {
  for (const person of recent)
    if (candidates.some((candidate) => candidate.name === person.name)) return person;
  const offices = candidates.map((candidate) => officeAt(candidate, date, legislators));
  const holding = offices.filter((office) => office.actor !== null);
  if (holding.length > 0) return holding.length === 1 ? holding[0] : undefined;
  const lastLeft = candidates.map((candidate) =>
    candidate.offices.reduce(
      (latest, office) => (office.to <= date && office.to > latest ? office.to : latest),
      '',
    ),
  );
  const latest = lastLeft.reduce((top, left) => (left > top ? left : top), '');
  const former = candidates.filter((_, index) => latest !== '' && lastLeft[index] === latest);
  return former.length === 1 && former[0] ? officeAt(former[0], date, legislators) : undefined;
}

/**
 * The mentions joined to mentions[index] by "and", commas or "together with" before it. A
 * pronoun joins nothing, and a list after a preposition ("such as North Korea, Iran and Iraq",
 * "In Washington, Albright …") is no group of holders.
 */
export function conjunctGroup(
  mentions: readonly Mention[],
  index: number,
  tokens: readonly Token[],
): Mention[] {
  const own = mentions[index] as Mention;
  const group = [own];
  for (let cursor = index - 1; cursor >= 0; cursor--) {
    const left = mentions[cursor] as Mention;
    const right = group[0] as Mention;
    if (left.kind === 'voice' || !joins(tokens, left.to, right.from)) break;
    // "he and Kim Jong Il" joins; "Iraq, and he promised" is a new clause.
    if ((left.kind === 'pronoun' || right.kind === 'pronoun') && !plainAnd(tokens, left.to, right.from))
      break;
    group.unshift(left);
  }
  const lead = tokens[(group[0] as Mention).from - 1];
  if (group.length > 1 && AFTER_PREPOSITION_WORD.has(lead)) return [own];
  return listOf(group, tokens) ? group : [own];
}

/** Commas alone make an apposition ("the United States, spokesman Zhu said"); a list has an "and". */
export function listOf(group: readonly Mention[], tokens: readonly Token[]): boolean {
  if (group.length < 2) return true;
  for (let index = 1; index < group.length; index++) {
    const left = group[index - 1] as Mention;
    const right = group[index] as Mention;
    for (let cursor = left.to; cursor < right.from; cursor++) if (LIST_WORD.has(tokens[cursor])) return true;
  }
  return false;
}

export const plainAnd = (tokens: readonly Token[], from: number, to: number) =>
  to - from === 1 && tokens[from]?.norm === 'and';

const JOINERS = new WordSet(new Set(['and', 'as', 'well', 'together', 'with', 'along', ',', 'plus']));
/**
 * Only ",", "and", ", and", "as well as", "together with" between two mentions; read forwards, a
 * possessive may stand there too ("Kazakhstan’s Nazarbaev and …").
 */
export function joins(tokens: readonly Token[], from: number, to: number, possessive = false): boolean {
  if (to <= from || to - from > 3) return false;
  for (let index = from; index < to; index++) {
    const token = tokens[index] as Token;
    if (!JOINERS.has(token) && !(possessive && token.kind === TokenKind.Possessive)) return false;
  }
  return true;
}
