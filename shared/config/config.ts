import * as z from '../zod.js';

/** A missing or malformed setting, named so the operator knows what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const nonEmpty = z.string().check(z.minLength(1));
const optionalUrl = z.optional(z.url());

const envSchema = z.object({
  TABLE_NAME: nonEmpty,
  BUCKET_NAME: nonEmpty,
  INCOMING_PREFIX: z._default(
    z.string().check(z.regex(/^[^/].*\/$/, 'must end with "/" and not start with one')),
    'incoming/',
  ),
  AWS_REGION: z._default(nonEmpty, 'us-east-1'),
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
});
export interface Config {
  readonly tableName: string;
  readonly bucketName: string;
  readonly incomingPrefix: string;
  readonly region: string;
  /** Set for DynamoDB Local; absent in AWS. */
  readonly dynamoDbEndpoint?: string;
  /** Set for s3rver; absent in AWS. */
  readonly s3Endpoint?: string;
}

/** Parses the environment once; the error names every bad variable and what it expected. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const value = parsed.data;
  return {
    tableName: value.TABLE_NAME,
    bucketName: value.BUCKET_NAME,
    incomingPrefix: value.INCOMING_PREFIX,
    region: value.AWS_REGION,
    ...(value.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: value.DYNAMODB_ENDPOINT } : {}),
    ...(value.S3_ENDPOINT ? { s3Endpoint: value.S3_ENDPOINT } : {}),
  };
}
