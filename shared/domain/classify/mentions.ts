import type { ActorsData, Dictionaries } from './dictionaries.js';
import { LETTER, phraseSource } from './phrases.js';

export type MentionKind = 'person' | 'state' | 'body' | 'voice' | 'pronoun' | 'title';

export interface Person {
  readonly name: string;
  /** Office at the dispatch date: the actor it speaks for (null: no state office) and role. */
  readonly actor: string | null;
  readonly role: string | null;
}

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: MentionKind;
  /** The state or organisation this mention speaks for, or null (a voice, a private person). */
  readonly actor: string | null;
  readonly person?: Person;
  /** A short name for evidence: the person, the state, or the outlet. */
  readonly speaker: string;
}

type PersonEntry = ActorsData['people'][number];

/** Words after a state adjective that make it the state acting ("Russian officials"). */
const BODY_WORDS =
  'officials|government|side|leadership|delegation|diplomats?|negotiators|authorities|Foreign Ministry|Defen[cs]e Ministry|Ministry of Defen[cs]e|military|generals|General Staff|envoys?|ambassador|statement|position|response|reaction|administration|cabinet|parliament|Security Council|president|prime minister|premier|chancellor|foreign minister|defen[cs]e minister|defen[cs]e secretary|foreign secretary|defen[cs]e chief|spokesman|Foreign Office|State Department|embassy|decision|plans?|proposals?|intentions?|calls?|offer|insistence|demands?|refusal|move|efforts?|determination|readiness|willingness|commitment|objections?|opposition to|stance';
/** Words after a state adjective that name someone else ("U.S. allies", "Russian analysts"). */
const OTHER_WORDS =
  'allies|partners|critics|opponents|press|media|newspapers?|analysts|experts|commentators|observers|scientists|public|opposition|lawmakers|legislators|companies|firms|industry';
/** Bodies named without their state: they speak for the state named most recently before them. */
const INSTITUTIONS =
  '(?:Foreign|Defen[cs]e|External Affairs|Interior) Ministry(?:\\s+spokes(?:man|woman))?|Ministry of (?:Foreign Affairs|Defen[cs]e|External Affairs)|General Staff|Foreign Office|Security Council|government spokesman|presidential spokesman|Kremlin spokesman';
const TITLE_WORDS =
  'president|prime minister|premier|chancellor|foreign minister|defen[cs]e minister|defen[cs]e secretary|secretary of state|secretary of defen[cs]e|foreign secretary|national security adviser|defen[cs]e chief|spokesman|spokeswoman|minister|secretary|leader|envoy';

interface Lexicon {
  readonly pattern: RegExp;
  readonly title: RegExp;
  readonly names: Map<string, { kind: MentionKind; actor: string | null; people?: PersonEntry[] }>;
  readonly adjectives: Map<string, string>;
}

const lexicons = new WeakMap<ActorsData, Lexicon>();
const key = (text: string) => text.replace(/\s+/g, ' ').replace(/’/g, "'").replace(/^the /i, '');

function lexiconFor(actors: ActorsData): Lexicon {
  const cached = lexicons.get(actors);
  if (cached) return cached;
  const names = new Map<string, { kind: MentionKind; actor: string | null; people?: PersonEntry[] }>();
  const adjectives = new Map<string, string>();
  const add = (text: string, value: { kind: MentionKind; actor: string | null; people?: PersonEntry[] }) => {
    const existing = names.get(key(text));
    if (existing?.people && value.people) existing.people.push(...value.people);
    else if (!existing) names.set(key(text), value);
  };
  for (const person of actors.people) {
    for (const alias of [person.name, ...person.aliases])
      add(alias, { kind: 'person', actor: null, people: [person] });
  }
  for (const [code, body] of [...Object.entries(actors.states), ...Object.entries(actors.organisations)]) {
    for (const name of [...body.names, ...body.metonyms]) add(name, { kind: 'state', actor: code });
    for (const adjective of body.adjectives) adjectives.set(key(adjective), code);
  }
  for (const voice of actors.voices) add(voice, { kind: 'voice', actor: null });
  const literal = [...names.keys()].sort((a, b) => b.length - a.length).map(phraseSource);
  const adjectiveSource = [...adjectives.keys()]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join('|');
  const voiceKinds = actors.voiceKinds.map(phraseSource).join('|');
  const pattern = new RegExp(
    [
      `(?<adjective>${adjectiveSource})\\s+(?<other>${OTHER_WORDS})\\b`,
      `(?<bodyAdjective>${adjectiveSource})\\s+(?:${BODY_WORDS})\\b`,
      `(?<name>(?:[Tt]he\\s+)?(?:${literal.join('|')}))`,
      `(?<voiceKind>\\b(?:${voiceKinds})\\b)`,
      `(?<pronoun>\\b(?:[Hh]e|[Ss]he|[Hh]is)\\b)`,
      `(?<collective>\\b(?:[Tt]he two (?:leaders|sides|presidents|countries|governments|men|ministers|capitals|states)|[Bb]oth (?:sides|countries|leaders|governments|capitals|presidents)|[Tt]he joint (?:declaration|statement|communiqu[eé])|[Tt]hey|[Tt]heir)\\b)`,
      `(?<institution>(?:[Tt]he\\s+|[Aa]\\s+)?(?:${INSTITUTIONS}))`,
    ]
      .map((part) => `(?<![${LETTER}0-9])${part}(?![${LETTER}0-9])`)
      .join('|'),
    'g',
  );
  const title = new RegExp(
    `(?<![${LETTER}])[Tt]he\\s+(?:(?<adjective>${adjectiveSource})\\s+)?(?<title>${TITLE_WORDS})(?![${LETTER}])(?!\\s+[A-Z])`,
    'g',
  );
  const lexicon = { pattern, title, names, adjectives };
  lexicons.set(actors, lexicon);
  return lexicon;
}

/** The office a person held on a date, or none. */
export function officeAt(person: PersonEntry, date: string): Person {
  const office = person.offices.find((candidate) => candidate.from <= date && date < candidate.to);
  return { name: person.name, actor: office?.actor ?? null, role: office?.role ?? null };
}

const roleMatches = (role: string | null, title: string) =>
  role?.toLowerCase().includes(title.toLowerCase().replace('defence', 'defense'));

/**
 * Every mention of a state, organisation, person, voice, pronoun or bare title, in text order,
 * with people mapped to the office they held at the dispatch date. Pronouns, bare titles and
 * surnames shared by several people resolve to the most recent fitting person.
 */
export function findMentions(text: string, date: string, dictionaries: Dictionaries): Mention[] {
  const lexicon = lexiconFor(dictionaries.actors);
  const raw: { start: number; end: number; text: string; groups: Record<string, string | undefined> }[] = [];
  for (const match of text.matchAll(lexicon.pattern)) {
    raw.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      groups: { ...match.groups },
    });
  }
  const taken = raw.map((item) => [item.start, item.end] as const);
  for (const match of text.matchAll(lexicon.title)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([otherStart, otherEnd]) => otherStart < end && start < otherEnd)) continue;
    raw.push({
      start,
      end,
      text: match[0],
      groups: { titleAdjective: match.groups?.adjective, title: match.groups?.title },
    });
  }
  raw.sort((a, b) => a.start - b.start);

  const mentions: Mention[] = [];
  const recentPeople: Person[] = [];
  let latestActor: string | null = null;
  // People's offices at this date, computed once: titles ("the Russian defense minister") resolve against them.
  let holders: Person[] | undefined;
  const officeHolders = () => {
    holders ??= dictionaries.actors.people.map((person) => officeAt(person, date));
    return holders;
  };
  const remember = (person: Person) => {
    const at = recentPeople.findIndex((candidate) => candidate.name === person.name);
    if (at >= 0) recentPeople.splice(at, 1);
    recentPeople.unshift(person);
  };
  const base = (item: (typeof raw)[number]) => ({ start: item.start, end: item.end, text: item.text });

  for (const item of raw) {
    const last = mentions.at(-1);
    if (last?.actor) latestActor = last.actor;
    const { groups } = item;
    if (groups.adjective) {
      mentions.push({ ...base(item), kind: 'voice', actor: null, speaker: item.text });
    } else if (groups.bodyAdjective) {
      const actor = lexicon.adjectives.get(key(groups.bodyAdjective)) ?? null;
      mentions.push({ ...base(item), kind: 'body', actor, speaker: actor ?? item.text });
    } else if (groups.name) {
      const entry = lexicon.names.get(key(groups.name));
      if (!entry) continue;
      if (entry.kind === 'person' && entry.people) {
        const chosen = choosePerson(entry.people, recentPeople, date);
        const person = officeAt(chosen, date);
        remember(person);
        mentions.push({ ...base(item), kind: 'person', actor: person.actor, person, speaker: person.name });
      } else {
        mentions.push({
          ...base(item),
          kind: entry.kind,
          actor: entry.actor,
          speaker: entry.actor ?? item.text,
        });
      }
    } else if (groups.voiceKind) {
      mentions.push({ ...base(item), kind: 'voice', actor: null, speaker: item.text });
    } else if (groups.collective) {
      for (const actor of collectiveActors(item, mentions, text)) {
        mentions.push({ ...base(item), kind: 'body', actor, speaker: actor });
      }
    } else if (groups.institution) {
      const actor = latestActor;
      if (actor) mentions.push({ ...base(item), kind: 'body', actor, speaker: actor });
    } else if (groups.pronoun) {
      const person = recentPeople[0];
      if (person)
        mentions.push({ ...base(item), kind: 'pronoun', actor: person.actor, person, speaker: person.name });
    } else if (groups.title) {
      const adjectiveActor = groups.titleAdjective
        ? (lexicon.adjectives.get(key(groups.titleAdjective)) ?? null)
        : null;
      const person = resolveTitle(groups.title, adjectiveActor, recentPeople, officeHolders);
      if (person) {
        remember(person);
        mentions.push({ ...base(item), kind: 'title', actor: person.actor, person, speaker: person.name });
      } else if (adjectiveActor) {
        mentions.push({ ...base(item), kind: 'body', actor: adjectiveActor, speaker: adjectiveActor });
      }
    }
  }
  return mentions;
}

/**
 * "The two leaders", "both sides": the states of the two people named most recently. "They" and
 * "their" right after a group ("Russian officials … they") are that group.
 */
function collectiveActors(
  item: { start: number; text: string },
  mentions: readonly Mention[],
  text: string,
): string[] {
  const previous = mentions.at(-1);
  const plural = /^(?:they|their)$/i.test(item.text);
  if (
    plural &&
    previous?.actor &&
    !/[.!?]/.test(text.slice(previous.end, item.start)) &&
    previous.kind !== 'person'
  ) {
    return [previous.actor];
  }
  const fromPeople = [
    ...new Set(
      mentions.filter((mention) => mention.person && mention.actor).map((mention) => mention.actor as string),
    ),
  ];
  return fromPeople.slice(-2);
}

/** A surname shared by several people ("Ivanov") means whoever was named in full most recently. */
function choosePerson(
  candidates: readonly PersonEntry[],
  recent: readonly Person[],
  date: string,
): PersonEntry {
  if (candidates.length === 1) return candidates[0] as PersonEntry;
  for (const person of recent) {
    const match = candidates.find((candidate) => candidate.name === person.name);
    if (match) return match;
  }
  return (
    candidates.find((candidate) => officeAt(candidate, date).actor !== null) ?? (candidates[0] as PersonEntry)
  );
}

function resolveTitle(
  title: string,
  adjectiveActor: string | null,
  recent: readonly Person[],
  officeHolders: () => readonly Person[],
): Person | undefined {
  if (adjectiveActor) {
    const holder = officeHolders().find(
      (person) => person.actor === adjectiveActor && roleMatches(person.role, title),
    );
    if (holder) return holder;
    return recent.find(
      (person) =>
        person.actor === adjectiveActor && roleMatches(person.role, title.split(' ').at(-1) ?? title),
    );
  }
  return recent.find((person) => roleMatches(person.role, title.split(' ').at(-1) ?? title));
}
