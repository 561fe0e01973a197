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

const schema = z.object({
  stage: z.enum(['dev', 'prod'], { message: 'stage must be "dev" or "prod" (-c stage=prod)' }),
  sender: z.optional(email),
  recipients: z._default(emailList, []),
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
      `invalid context value ${issue?.path.join('.')}: ${issue?.message} (got ${JSON.stringify(raw[String(issue?.path[0])])})`,
    );
  }
  if (parsed.data.stage === 'prod' && (!parsed.data.sender || parsed.data.recipients.length === 0)) {
    throw new Error('stage prod needs -c sender=ADDRESS and -c recipients=A,B for the digest');
  }
  const pollMinutes = rateMinutes(parsed.data.pollSchedule);
  if (pollMinutes === undefined) throw new Error(`pollSchedule ${parsed.data.pollSchedule} is not a rate`);
  return { ...parsed.data, pollInterval: Duration.minutes(pollMinutes) };
}
