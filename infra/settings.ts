import { emailList } from '../shared/config/email-list.js';
import { feedSchema, MAX_FEEDS } from '../shared/config/feeds-config.js';
import * as z from '../shared/zod.js';

const email = z.email();
// The poller's own schema, so a feed list that synthesizes cannot fail the Lambda's cold start.
const feed = z.omit(feedSchema, { allowPrivateNetwork: true });
const schedule = z.string().check(z.regex(/^(rate|cron)\(.+\)$/, 'must be rate(...) or cron(...)'));

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
  pollSchedule: z._default(schedule, 'rate(30 minutes)'),
  digestSchedule: z._default(schedule, 'cron(0 6 * * ? *)'),
  alwaysSendDigest: z._default(z.enum(['true', 'false']), 'false'),
});

export type Settings = z.infer<typeof schema>;

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
  return parsed.data;
}
