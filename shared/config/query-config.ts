import * as z from '../zod.js';
import { ConfigError } from './config.js';

const schema = z.object({
  CURSOR_SECRET: z.string().check(z.minLength(32, 'must be at least 32 characters')),
});

/** The query API's cursor-signing secret; the error names CURSOR_SECRET when it is missing or short. */
export function loadCursorSecret(env: Readonly<Record<string, string | undefined>>): string {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid query API configuration: ${problems.join('; ')}`);
  }
  return parsed.data.CURSOR_SECRET;
}
