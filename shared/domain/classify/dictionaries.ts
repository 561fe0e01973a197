import { z } from 'zod';
import actorsData from './data/actors.json' with { type: 'json' };
import cuesData from './data/cues.json' with { type: 'json' };
import topicsData from './data/topics.json' with { type: 'json' };
import { compilePhrases, type PhrasePattern } from './phrases.js';

/** A dictionary file that does not have the expected shape: named, with the first problem. */
export class DictionaryError extends Error {
  override readonly name = 'DictionaryError';
}

const phraseSchema = z.object({
  text: z.string().min(1),
  weight: z.number().positive(),
  caseSensitive: z.boolean().optional(),
});
export const topicsSchema = z.object({
  version: z.string(),
  minimumScore: z.number().positive(),
  topics: z.record(
    z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'topic codes are upper-case'),
    z.object({
      label: z.string(),
      phrases: z.array(phraseSchema).min(1),
      anaphora: z.array(z.string()).default([]),
      ignore: z.array(z.string()).default([]),
    }),
  ),
});

const officeSchema = z.object({
  actor: z.string().nullable(),
  role: z.string(),
  from: z.string(),
  to: z.string(),
});
const bodySchema = z.object({
  names: z.array(z.string()),
  adjectives: z.array(z.string()),
  metonyms: z.array(z.string()),
});
export const actorsSchema = z.object({
  version: z.string(),
  states: z.record(z.string().regex(/^[A-Z]{3}$/, 'states use ISO 3166-1 alpha-3 codes'), bodySchema),
  organisations: z.record(z.string(), bodySchema),
  people: z.array(
    z.object({ name: z.string(), aliases: z.array(z.string()), offices: z.array(officeSchema).min(1) }),
  ),
  voices: z.array(z.string()),
  voiceKinds: z.array(z.string()),
});

const polaritySchema = z.object({
  support: z.array(z.string()),
  oppose: z.array(z.string()),
  mixed: z.array(z.string()).default([]),
});
export const cuesSchema = z.object({
  version: z.string(),
  speech: z.array(z.string()),
  negators: z.array(z.string()),
  forecast: z.array(z.string()),
  general: polaritySchema,
  topics: z.record(z.string(), polaritySchema),
});

export type TopicsData = z.infer<typeof topicsSchema>;
export type ActorsData = z.infer<typeof actorsSchema>;
export type CuesData = z.infer<typeof cuesSchema>;

export interface TopicMatcher {
  readonly topic: string;
  readonly groups: readonly { readonly pattern: PhrasePattern; readonly weight: number }[];
  readonly anaphora: PhrasePattern | undefined;
  readonly ignore: PhrasePattern | undefined;
}

export interface PolarityPatterns {
  readonly support: PhrasePattern | undefined;
  readonly oppose: PhrasePattern | undefined;
  readonly mixed: PhrasePattern | undefined;
}

export interface Dictionaries {
  readonly version: string;
  readonly topics: readonly TopicMatcher[];
  readonly minimumTopicScore: number;
  readonly actors: ActorsData;
  readonly cues: {
    readonly speech: PhrasePattern;
    readonly negators: PhrasePattern;
    readonly forecast: PhrasePattern;
    readonly general: PolarityPatterns;
    readonly topics: ReadonlyMap<string, PolarityPatterns>;
  };
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
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

const polarity = (lists: z.infer<typeof polaritySchema>): PolarityPatterns => ({
  support: compilePhrases(lists.support),
  oppose: compilePhrases(lists.oppose),
  mixed: compilePhrases(lists.mixed),
});

/** Validates and compiles dictionary data; a user's own files go through the same checks. */
export function compileDictionaries(data: { topics: unknown; actors: unknown; cues: unknown }): Dictionaries {
  const topics = parse(topicsSchema, data.topics, 'topics.json');
  const actors = parse(actorsSchema, data.actors, 'actors.json');
  const cues = parse(cuesSchema, data.cues, 'cues.json');
  const matchers = Object.entries(topics.topics).map(([topic, entry]): TopicMatcher => {
    const byGroup = new Map<string, string[]>();
    for (const phrase of entry.phrases) {
      const key = `${phrase.weight}|${phrase.caseSensitive ? 'cs' : 'ci'}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), phrase.text]);
    }
    const groups = [...byGroup.entries()].flatMap(([key, phrases]) => {
      const [weight, sensitivity] = key.split('|');
      const pattern = compilePhrases(phrases, sensitivity === 'cs');
      return pattern ? [{ pattern, weight: Number(weight) }] : [];
    });
    // Case-sensitive ignores ("Start") and case-insensitive ones share one pattern: both must stop a match.
    return {
      topic,
      groups,
      anaphora: compilePhrases(entry.anaphora),
      ignore: compilePhrases(entry.ignore, true),
    };
  });
  const required = (phrases: string[], name: string) => {
    const pattern = compilePhrases(phrases);
    if (!pattern) throw new DictionaryError(`cues.json: ${name} must not be empty`);
    return pattern;
  };
  return {
    version: [topics.version, actors.version, cues.version].join('+'),
    topics: matchers,
    minimumTopicScore: topics.minimumScore,
    actors,
    cues: {
      speech: required(cues.speech, 'speech'),
      negators: required(cues.negators, 'negators'),
      forecast: required(cues.forecast, 'forecast'),
      general: polarity(cues.general),
      topics: new Map(Object.entries(cues.topics).map(([topic, lists]) => [topic, polarity(lists)])),
    },
  };
}

/** The dictionaries shipped in shared/domain/classify/data. */
export const defaultDictionaries: Dictionaries = compileDictionaries({
  topics: topicsData,
  actors: actorsData,
  cues: cuesData,
});
