import { z } from 'zod';
import { emailList } from '../shared/config/email-list.js';

const email = z.email();
const feed = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().min(1),
  publication: z.string().optional(),
});

const schema = z.object({
  stage: z.enum(['dev', 'prod'], { message: 'stage must be "dev" or "prod" (-c stage=prod)' }),
  sender: email.optional(),
  recipients: emailList.default([]),
  feeds: z
    .string()
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'feeds must be a JSON array' });
        return z.NEVER;
      }
    })
    .pipe(z.array(feed))
    .default([]),
  pollSchedule: z
    .string()
    .regex(/^(rate|cron)\(.+\)$/, 'must be rate(...) or cron(...)')
    .default('rate(30 minutes)'),
  digestSchedule: z
    .string()
    .regex(/^(rate|cron)\(.+\)$/, 'must be rate(...) or cron(...)')
    .default('cron(0 6 * * ? *)'),
  alwaysSendDigest: z.enum(['true', 'false']).default('false'),
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
