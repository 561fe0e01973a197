import * as z from '../../zod.js';
import actorsData from './data/actors.json' with { type: 'json' };
import cuesData from './data/cues.json' with { type: 'json' };
import stanceModelData from './data/stance-model.json' with { type: 'json' };
import topicsData from './data/topics.json' with { type: 'json' };
import { GROUP_SIZES } from './grammar.js';
import { PhraseSyntaxError, PhraseTrie } from './phrase-trie.js';
import { compileStanceModel, type StanceModel, StanceModelError, stanceModelSchema } from './stance-model.js';
import { TokenKind, tokenize } from './tokens.js';

/** A dictionary file that does not have the expected shape: named, with the first problem. */
export class DictionaryError extends Error {
  override readonly name = 'DictionaryError';
}

const text = z.string().check(z.minLength(1));
const phrases = z._default(z.array(text), []);

const phraseSchema = z.object({
  text,
  weight: z.number().check(z.positive()),
  caseSensitive: z.optional(z.boolean()),
});
export const topicsSchema = z.object({
  version: z.string(),
  minimumScore: z.number().check(z.positive()),
  topics: z.record(
    z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, 'topic codes are upper-case')),
    z.object({
      label: z.string(),
      phrases: z.array(phraseSchema).check(z.minLength(1)),
      anaphora: phrases,
      ignore: phrases,
    }),
  ),
});

const officeSchema = z.object({
  actor: z.nullable(z.string()),
  role: z.string(),
  from: z.string(),
  to: z.string(),
});
const bodySchema = z.object({ names: phrases, adjectives: phrases, metonyms: phrases });
const personSchema = z.object({
  name: text,
  aliases: phrases,
  offices: z.array(officeSchema).check(z.minLength(1)),
  /** "she" and "her" refer to her; "he", "his" and "him" do not. */
  female: z.optional(z.boolean()),
});
export const actorsSchema = z.object({
  version: z.string(),
  states: z.record(
    z.string().check(z.regex(/^[A-Z]{3}$/, 'states use ISO 3166-1 alpha-3 codes')),
    bodySchema,
  ),
  organisations: z.record(z.string(), bodySchema),
  people: z.array(personSchema),
  /** Outlets and named voices that are never a state. */
  voices: phrases,
  /** Kinds of voice: "analysts", "the newspaper". */
  voiceKinds: phrases,
  /** Named groups of states that act together: "the five nuclear powers". */
  groups: z._default(z.record(text, z.array(z.string())), {}),
  /** Grammar of the actor phrases: what a state adjective is followed by. */
  roles: z.object({
    /** "Russian officials", "the Chinese government": the state acting. */
    bodies: phrases,
    /** "Moscow’s insistence", "the American decision": an actor's act named as a noun; it holds its own phrase only. */
    acts: phrases,
    /** "U.S. allies", "Russian analysts": somebody else. */
    others: phrases,
    /** "the Foreign Ministry" without a state: the state named last. */
    institutions: phrases,
    /** "the minister", "the Russian defense chief": a person named before. */
    titles: phrases,
    /** "the two leaders", "both sides", "they": several actors named before. */
    collectives: phrases,
    /** "the joint declaration", "the document": what its signatories said. */
    documents: phrases,
    /** Roles (by their start) of legislators: one senator or deputy does not speak for the state. */
    legislators: phrases,
  }),
});

const polaritySchema = z.object({ support: phrases, oppose: phrases, mixed: phrases });
export const cuesSchema = z.object({
  version: z.string(),
  speech: z.array(text).check(z.minLength(1)),
  negators: z.array(text).check(z.minLength(1)),
  forecast: z.array(text).check(z.minLength(1)),
  /** Opens a conditional clause whose content is hypothetical ("if", "should", "unless"). */
  conditional: phrases,
  /** Marks a position the actor held before the one reported ("as recently as", "had been"). */
  earlier: phrases,
  /** Event nouns: a cue word naming an act, a stance only when its holder performs or judges it. */
  nominal: phrases,
  /** Cues that name a harm: a general verb over them does not turn them round ("opposed any attempt to undermine it"). */
  harms: phrases,
  /** Cues that outweigh a plain one: wanting the ABM treaty amended is opposing it, however politely said. */
  emphatic: phrases,
  /** "The decision", "the move": the act reported last ("called the decision a mistake" after a withdrawal). */
  events: phrases,
  /** Phrases that hold a cue but are none: "in place of", "the end of the year". */
  ignore: z._default(phrases, []),
  general: polaritySchema,
  topics: z.record(z.string(), polaritySchema),
});

export type TopicsData = z.infer<typeof topicsSchema>;
export type ActorsData = z.infer<typeof actorsSchema>;
export type CuesData = z.infer<typeof cuesSchema>;
export type PersonEntry = ActorsData['people'][number];
export type Polarity = 'support' | 'oppose' | 'mixed';

/** What a dictionary phrase is. One phrase may be several things ("warned": speech and a cue). */
export type LexValue =
  | { readonly layer: 'topic'; readonly kind: 'topic'; readonly topic: string; readonly weight: number }
  | { readonly layer: 'topic'; readonly kind: 'anaphor'; readonly topic: string }
  | { readonly layer: 'topic'; readonly kind: 'ignore' }
  | { readonly layer: 'mention'; readonly kind: 'state'; readonly actor: string }
  | { readonly layer: 'mention'; readonly kind: 'adjective'; readonly actor: string }
  | { readonly layer: 'mention'; readonly kind: 'person'; readonly person: PersonEntry }
  /** A name several people answer to: a shared surname ("Ivanov") or a shared name ("George Bush"). */
  | { readonly layer: 'mention'; readonly kind: 'namesakes'; readonly people: readonly PersonEntry[] }
  | { readonly layer: 'mention'; readonly kind: 'group'; readonly actors: readonly string[] }
  | {
      readonly layer: 'mention';
      readonly kind:
        | 'voice'
        | 'voiceKind'
        | 'body'
        | 'act'
        | 'other'
        | 'institution'
        | 'title'
        | 'pronoun'
        | 'collective'
        | 'document';
      readonly phrase: string;
    }
  /** "the decision", "the move": the act the dispatch reported last, whatever it was. */
  | { readonly layer: 'cue'; readonly kind: 'event' }
  /** A false friend of a cue: it hides the cue inside it and says nothing. */
  | { readonly layer: 'cue'; readonly kind: 'ignore' }
  | {
      readonly layer: 'cue';
      readonly kind: 'cue';
      readonly polarity: Polarity;
      readonly topic: string | null;
      /** Names a harm ("undermine"): a general verb over it does not turn it round. */
      readonly harm: boolean;
      /** Outweighs a plain cue: wanting the ABM treaty amended is opposing it. */
      readonly emphatic: boolean;
    }
  | {
      readonly layer: 'speech' | 'negator' | 'forecast' | 'conditional' | 'earlier';
      readonly kind: 'marker';
    };
export type Layer = LexValue['layer'];
export const LAYERS: readonly Layer[] = [
  'topic',
  'mention',
  'cue',
  'speech',
  'negator',
  'forecast',
  'conditional',
  'earlier',
];

/** A record with one entry per layer. */
export function perLayer<T>(make: () => T): Record<Layer, T> {
  // A literal, in LAYERS' order: one hidden class for every such record.
  return {
    topic: make(),
    mention: make(),
    cue: make(),
    speech: make(),
    negator: make(),
    forecast: make(),
    conditional: make(),
    earlier: make(),
  };
}

export interface Dictionaries {
  readonly version: string;
  readonly topics: readonly { readonly topic: string; readonly label: string }[];
  readonly minimumTopicScore: number;
  readonly actors: ActorsData;
  readonly lexicon: PhraseTrie<LexValue>;
  readonly nominal: ReadonlySet<string>;
  /** The trained second reader of stances; null: the rules alone decide. */
  readonly stanceModel: StanceModel | null;
}

function compiledModel(data: Parameters<typeof compileStanceModel>[0]): StanceModel {
  try {
    return compileStanceModel(data);
  } catch (error) {
    if (error instanceof StanceModelError) throw new DictionaryError(`stance-model.json: ${error.message}`);
    throw error;
  }
}

function parse<T>(schema: z.ZodMiniType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    // A bad record key reports its reason one level down.
    const nested =
      issue && 'issues' in issue && Array.isArray(issue.issues) ? issue.issues[0]?.message : undefined;
    throw new DictionaryError(`${file}: ${issue?.path.join('.')}: ${nested ?? issue?.message}`);
  }
  return result.data;
}

/** Family names put first: the last word of the name is no surname. */
const FAMILY_NAME_FIRST = new Set(['CHN', 'PRK', 'KOR', 'TWN', 'VNM']);

/**
 * People who have no one-word alias because their surname is shared ("Ivanov": Igor and Sergei):
 * the bare surname still names one of them, resolved by who was named last.
 */
function sharedSurnames(people: readonly PersonEntry[]): Map<string, PersonEntry[]> {
  const aliases = new Set(
    people.flatMap((person) => [person.name, ...person.aliases].map((alias) => alias.toLowerCase())),
  );
  const bySurname = new Map<string, PersonEntry[]>();
  for (const person of people) {
    if (person.aliases.some((alias) => !/\s/.test(alias))) continue;
    if (person.offices.some((office) => office.actor !== null && FAMILY_NAME_FIRST.has(office.actor)))
      continue;
    const surname = person.name.split(/\s+/).at(-1) ?? '';
    if (surname.length < 4 || aliases.has(surname.toLowerCase())) continue;
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), person]);
  }
  return bySurname;
}

/** Pronouns are grammar, not data: "he", "his", "she", "her". */
const PRONOUNS = ['he', 'his', 'she', 'her', 'him', 'it'];

/** Validates dictionary data and compiles it into one phrase trie; a user's own files go through the same checks. */
export function compileDictionaries(data: {
  topics: unknown;
  actors: unknown;
  cues: unknown;
  stanceModel?: unknown;
}): Dictionaries {
  const topics = parse(topicsSchema, data.topics, 'topics.json');
  const actors = parse(actorsSchema, data.actors, 'actors.json');
  const cues = parse(cuesSchema, data.cues, 'cues.json');
  const stanceModel =
    data.stanceModel === undefined
      ? null
      : compiledModel(parse(stanceModelSchema, data.stanceModel, 'stance-model.json'));
  const lexicon = new PhraseTrie<LexValue>();
  let file = 'topics.json';
  const add = (phrase: string, value: LexValue, casing: 'any' | 'proper' | 'exact' = 'any') => {
    try {
      lexicon.add(phrase, value, casing);
    } catch (error) {
      if (error instanceof PhraseSyntaxError) throw new DictionaryError(`${file}: ${error.message}`);
      throw error;
    }
  };

  for (const [topic, entry] of Object.entries(topics.topics)) {
    for (const phrase of entry.phrases)
      add(
        phrase.text,
        { layer: 'topic', kind: 'topic', topic, weight: phrase.weight },
        phrase.caseSensitive ? 'exact' : 'any',
      );
    for (const phrase of entry.anaphora) add(phrase, { layer: 'topic', kind: 'anaphor', topic });
    // An ignore phrase written in capitals ("Start") matches only as written.
    for (const phrase of entry.ignore)
      add(phrase, { layer: 'topic', kind: 'ignore' }, phrase !== phrase.toLowerCase() ? 'exact' : 'any');
  }

  file = 'actors.json';
  for (const [actor, body] of [...Object.entries(actors.states), ...Object.entries(actors.organisations)]) {
    for (const name of [...body.names, ...body.metonyms])
      add(name, { layer: 'mention', kind: 'state', actor });
    for (const adjective of body.adjectives) add(adjective, { layer: 'mention', kind: 'adjective', actor });
  }
  // A name two people really share ("George Bush": father and son) is resolved like a shared surname.
  const owners = new Map<string, PersonEntry[]>();
  for (const person of actors.people)
    for (const alias of new Set([person.name, ...person.aliases]))
      owners.set(alias, [...(owners.get(alias) ?? []), person]);
  for (const [alias, people] of owners) {
    const [only] = people;
    if (people.length === 1 && only) add(alias, { layer: 'mention', kind: 'person', person: only }, 'proper');
    else add(alias, { layer: 'mention', kind: 'namesakes', people }, 'proper');
  }
  for (const [phrase, members] of Object.entries(actors.groups))
    add(phrase, { layer: 'mention', kind: 'group', actors: members });
  for (const [surname, people] of sharedSurnames(actors.people))
    add(surname, { layer: 'mention', kind: 'namesakes', people }, 'proper');
  const named = (
    kind:
      | 'voice'
      | 'voiceKind'
      | 'body'
      | 'other'
      | 'institution'
      | 'title'
      | 'collective'
      | 'document'
      | 'act',
    list: readonly string[],
  ) => {
    for (const phrase of list) add(phrase, { layer: 'mention', kind, phrase });
  };
  for (const phrase of actors.voices) add(phrase, { layer: 'mention', kind: 'voice', phrase }, 'proper');
  named('voiceKind', actors.voiceKinds);
  named('body', actors.roles.bodies);
  named('act', actors.roles.acts);
  named('other', actors.roles.others);
  named('institution', actors.roles.institutions);
  named('title', actors.roles.titles);
  // "the two leaders" stands for every count: "the five presidents", "the three countries".
  named(
    'collective',
    actors.roles.collectives.flatMap((phrase) =>
      /\btwo\b/.test(phrase)
        ? Object.keys(GROUP_SIZES).map((count) => phrase.replace(/\btwo\b/, count))
        : [phrase],
    ),
  );
  named('document', actors.roles.documents);
  for (const pronoun of PRONOUNS) add(pronoun, { layer: 'mention', kind: 'pronoun', phrase: pronoun });

  file = 'cues.json';
  const harms = prefixesOf(cues.harms);
  const emphatic = prefixesOf(cues.emphatic);
  const polarities = (lists: z.infer<typeof polaritySchema>, topic: string | null) => {
    for (const polarity of ['support', 'oppose', 'mixed'] as const)
      for (const phrase of lists[polarity]) {
        const words = wordsOf(phrase);
        add(phrase, {
          layer: 'cue',
          kind: 'cue',
          polarity,
          topic,
          harm: harms.some((prefix) => words.startsWith(prefix)),
          emphatic: emphatic.some((prefix) => words.startsWith(prefix)),
        });
      }
  };
  polarities(cues.general, null);
  for (const phrase of cues.events) add(phrase, { layer: 'cue', kind: 'event' });
  for (const phrase of cues.ignore) add(phrase, { layer: 'cue', kind: 'ignore' });
  for (const [topic, lists] of Object.entries(cues.topics)) polarities(lists, topic);
  for (const layer of ['speech', 'negator', 'forecast', 'conditional', 'earlier'] as const) {
    const list = layer === 'negator' ? cues.negators : cues[layer];
    for (const phrase of list) add(phrase, { layer, kind: 'marker' });
  }

  return {
    version: [
      topics.version,
      actors.version,
      cues.version,
      ...(stanceModel ? [stanceModel.version] : []),
    ].join('+'),
    topics: Object.entries(topics.topics).map(([topic, entry]) => ({ topic, label: entry.label })),
    minimumTopicScore: topics.minimumScore,
    actors,
    lexicon,
    nominal: new Set(cues.nominal.map((word) => word.toLowerCase())),
    stanceModel,
  };
}

/** A phrase list as the lower-case text before each phrase's first `*`. */
const prefixesOf = (phrases: readonly string[]) =>
  phrases.map((phrase) => phrase.toLowerCase().replace(/\*.*$/, ''));

/** A phrase's words as the tokenizer reads them, joined by spaces ("one-sided" is "one sided"). */
function wordsOf(phrase: string): string {
  return tokenize(phrase.replace(/\*/g, ''), false)
    .filter(
      (token) =>
        token.kind === TokenKind.Word ||
        token.kind === TokenKind.Number ||
        token.kind === TokenKind.Possessive,
    )
    .map((token) => token.norm)
    .join(' ');
}

let shipped: Dictionaries | undefined;

/**
 * The dictionaries shipped in shared/domain/classify/data, validated and compiled on first use, so
 * a function that never classifies (the digest, the query API) does not pay for it at cold start.
 */
export function defaultDictionaries(): Dictionaries {
  shipped ??= compileDictionaries({
    topics: topicsData,
    actors: actorsData,
    cues: cuesData,
    stanceModel: stanceModelData,
  });
  return shipped;
}
