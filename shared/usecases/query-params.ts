/**
 * The parameters every query edge takes (the CLI's options, the HTTP API's query string): one
 * schema each, so that the CLI and the API accept and refuse the same values.
 */
import { TOPIC_CODES } from '../domain/classify/topic-codes.js';
import * as z from '../zod.js';

/** What a date looks like, for messages: "must be …" over HTTP, "is not …" on the CLI. */
export const DATE_FORMAT = 'a date like 2001-05-31';
/** Actors are stored by upper-case code: ISO 3166-1 alpha-3 for states, NATO and EU. */
export const ACTOR_FORMAT = 'an actor code like RUS, USA or NATO (ISO 3166-1 alpha-3, or NATO, EU)';
export const TOPIC_FORMAT = `one of the taxonomy's topics: ${TOPIC_CODES.join(', ')}`;

/** Said of a date that has the shape but is no day of the calendar (2001-02-30). */
export const NO_SUCH_DAY = 'no day of the calendar';

/** A calendar date (2001-02-30 is refused, 2000-02-29 accepted). */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
export const isoDateParam = z.string().check(
  z.regex(DATE_SHAPE, `must be ${DATE_FORMAT}`),
  // Only a date of the right shape can be no day; other strings get the message above alone.
  z.refine((value) => !DATE_SHAPE.test(value) || z.iso.date().safeParse(value).success, {
    message: `is ${NO_SUCH_DAY}`,
    params: { noSuchDay: true },
  }),
);

/** Whether a refusal says the date has the shape of one but is no day (the CLI words it differently). */
export const isNoSuchDay = (issue: { readonly code: string; readonly params?: Record<string, unknown> }) =>
  issue.code === 'custom' && issue.params?.noSuchDay === true;

/** Any case is accepted ("rus" reads as RUS): actor and topic codes are stored upper-case. */
export const actorParam = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2,4}$/, `must be ${ACTOR_FORMAT}`));

/** A topic outside the taxonomy is refused: an empty answer would look like "nothing stored". */
export const topicParam = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.refine((value) => TOPIC_CODES.includes(value), `must be ${TOPIC_FORMAT}`),
);

/** The two ends of a query's date range, as the edge names them (`since`/`until`, `--from`/`--to`). */
export interface DateRange {
  readonly first?: string;
  readonly last?: string;
}

/**
 * Why a range is empty by construction (its last date before its first), to follow the name of
 * the last parameter ("until: 2001-01-01 is before since 2002-01-01"); undefined when it is fine.
 * DynamoDB refuses such a range with a ValidationException, so every edge asks before querying.
 */
export function reversedRange(range: DateRange, firstName: string): string | undefined {
  if (range.first === undefined || range.last === undefined || range.first <= range.last) return undefined;
  return `${range.last} is before ${firstName} ${range.first}`;
}
