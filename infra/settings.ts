import { Buffer } from 'node:buffer';
import { Duration } from 'aws-cdk-lib';
import { emailList } from '../shared/config/email-list.js';
import { feedSchema, MAX_FEEDS } from '../shared/config/feeds-config.js';
import * as z from '../shared/zod.js';

const email = z.email();
// The poller's own schema, so a feed list that synthesizes cannot fail the Lambda's cold start.
const feed = z.omit(feedSchema, { allowPrivateNetwork: true });
const schedule = z.string().check(z.regex(/^(rate|cron)\(.+\)$/, 'must be rate(...) or cron(...)'));

const RATE = /^rate\((\d+) (minute|hour|day)(s?)\)$/;
const MINUTES = { minute: 1, hour: 60, day: 1440 } as const;
/**
 * The longest poll interval: the digest is daily, and the feed-failure alarm's three periods of a
 * day and the poller's timeout stay inside CloudWatch's seven-day evaluation range.
 */
const MAX_POLL_MINUTES = MINUTES.day;

/** rate(N unit) → minutes; undefined for anything else, and for rate(1 minutes) or rate(5 hour), which EventBridge refuses. */
export function rateMinutes(expression: string): number | undefined {
  const [, count, unit, plural] = RATE.exec(expression) ?? [];
  const value = Number(count);
  if (!unit || !Number.isInteger(value) || value < 1 || (value === 1) !== (plural === '')) return undefined;
  return value * MINUTES[unit as keyof typeof MINUTES];
}

// The feed-failure alarm counts polls in periods that follow the interval, so the poller runs at a rate.
const pollSchedule = z.string().check(
  z.refine((value: string) => {
    const minutes = rateMinutes(value);
    return minutes !== undefined && minutes <= MAX_POLL_MINUTES;
  }, 'must be rate(N minutes|hours|days), from rate(1 minute) to rate(1 day): the feed-failure alarm counts polls in periods of that length'),
);

/** SES sends one message to at most 50 recipients; the digest is one message. */
export const MAX_RECIPIENTS = 50;

/** Lambda refuses a function whose variables, measured as their JSON ({"NAME":"value",…}), pass 4 KB. */
export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;
/**
 * What the poller's other variables may take: NODE_OPTIONS, STAGE and the table and bucket names,
 * which resolve only at deploy (a table name may have 255 characters, a bucket name 63).
 */
export const POLLER_ENVIRONMENT_RESERVE_BYTES = 512;
/** A variable's share of an environment as Lambda measures it: "NAME":"value", with its comma, in UTF-8. */
export const variableBytes = (name: string, value: string): number =>
  Buffer.byteLength(`${JSON.stringify(name)}:${JSON.stringify(value)},`, 'utf8');
/** The poller's FEEDS variable: the feeds as JSON. */
export const feedsVariable = (feeds: Settings['feeds']): string => JSON.stringify(feeds);

const schema = z.object({
  stage: z.enum(['dev', 'prod'], { message: 'stage must be "dev" or "prod" (-c stage=prod)' }),
  sender: z.optional(email),
  recipients: z._default(
    emailList.check(
      z.maxLength(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS}: SES sends a message to 50 recipients at most`),
    ),
    [],
  ),
  feeds: z._default(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value: string, context) => {
          try {
            return JSON.parse(value) as unknown;
          } catch {
            context.issues.push({ code: 'custom', message: 'feeds must be a JSON array', input: value });
            return z.NEVER;
          }
        }),
      ),
      z.array(feed).check(z.maxLength(MAX_FEEDS)),
    ),
    [],
  ),
  pollSchedule: z._default(pollSchedule, 'rate(30 minutes)'),
  digestSchedule: z._default(schedule, 'cron(0 6 * * ? *)'),
  alwaysSendDigest: z._default(z.enum(['true', 'false']), 'false'),
});

export type Settings = z.infer<typeof schema> & {
  /** How often the poller runs, from pollSchedule. */
  readonly pollInterval: Duration;
};

/** A context value in an error message: long ones (a feed list) cut short. */
const shown = (value: string | undefined) =>
  value !== undefined && value.length > 120
    ? `${JSON.stringify(value.slice(0, 100))}… (${value.length} characters)`
    : JSON.stringify(value);

/** CDK context → settings, failing with the name of the bad value. */
export function readSettings(context: (key: string) => unknown): Settings {
  const raw = Object.fromEntries(
    ['stage', 'sender', 'recipients', 'feeds', 'pollSchedule', 'digestSchedule', 'alwaysSendDigest'].flatMap(
      (key) => {
        const value = context(key);
        return value === undefined ? [] : [[key, String(value)]];
      },
    ),
  );
  const parsed = schema.safeParse({ stage: 'dev', ...raw });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid context value ${issue?.path.join('.')}: ${issue?.message} (got ${shown(raw[String(issue?.path[0])])})`,
    );
  }
  // Lambda checks the size only when CloudFormation creates the function: check it here.
  const feedsBytes = variableBytes('FEEDS', feedsVariable(parsed.data.feeds));
  const feedsBudget = LAMBDA_ENVIRONMENT_LIMIT_BYTES - POLLER_ENVIRONMENT_RESERVE_BYTES;
  if (feedsBytes > feedsBudget) {
    throw new Error(
      `invalid context value feeds: the poller's FEEDS variable would take ${feedsBytes} bytes of its environment, ` +
        `over the ${feedsBudget} left of Lambda's ${LAMBDA_ENVIRONMENT_LIMIT_BYTES}-byte limit for all of a function's ` +
        `variables (${parsed.data.feeds.length} feeds): use fewer feeds, or shorter names and URLs`,
    );
  }
  if (parsed.data.stage === 'prod' && (!parsed.data.sender || parsed.data.recipients.length === 0)) {
    throw new Error('stage prod needs -c sender=ADDRESS and -c recipients=A,B for the digest');
  }
  const pollMinutes = rateMinutes(parsed.data.pollSchedule);
  if (pollMinutes === undefined) throw new Error(`pollSchedule ${parsed.data.pollSchedule} is not a rate`);
  return { ...parsed.data, pollInterval: Duration.minutes(pollMinutes) };
}
