import type { FeedConfig } from '../adapters/feeds/read-feed.js';
import * as z from '../zod.js';
import { ConfigError } from './config.js';

/** One feed; the CDK context takes the same fields but allowPrivateNetwork, which the Lambda ignores. */
export const feedSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  publication: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  allowPrivateNetwork: z.optional(z.boolean()),
});
export const MAX_FEEDS = 200;
const feedsSchema = z.array(feedSchema).check(z.maxLength(MAX_FEEDS));

/** A feeds list (local feeds.json, or the FEEDS variable in AWS), validated with the bad entry named. */
export function parseFeedsConfig(json: string, where: string): FeedConfig[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ConfigError(`${where} is not JSON`);
  }
  const parsed = feedsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${where}: feed ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
