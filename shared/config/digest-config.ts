import * as z from '../zod.js';
import { ConfigError } from './config.js';
import { emailList } from './email-list.js';

const email = z.email();

const schema = z.object({
  DIGEST_SENDER: email,
  DIGEST_RECIPIENTS: emailList.check(
    z.refine((addresses: string[]) => addresses.length > 0, 'needs at least one address'),
  ),
  DIGEST_ALWAYS_SEND: z._default(z.enum(['true', 'false']), 'false'),
});

export interface DigestConfig {
  readonly sender: string;
  readonly recipients: readonly string[];
  /** Send a "no change" digest on days when nothing moved. */
  readonly alwaysSend: boolean;
}

export function loadDigestConfig(env: Readonly<Record<string, string | undefined>>): DigestConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid digest configuration: ${problems.join('; ')}`);
  }
  return {
    sender: parsed.data.DIGEST_SENDER,
    recipients: parsed.data.DIGEST_RECIPIENTS,
    alwaysSend: parsed.data.DIGEST_ALWAYS_SEND === 'true',
  };
}
