import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/local-runtime.js';

/**
 * A fresh table and bucket on the run's shared DynamoDB Local, plus a private s3rver whose
 * object-created events drive the ingest handler as in AWS.
 */
export function startTestRuntime(
  options: Omit<LocalRuntimeOptions, 'dynamoDbEndpoint'> = {},
): Promise<LocalRuntime> {
  const suffix = randomUUID().slice(0, 8);
  return startLocalRuntime({
    tableName: `test-${suffix}`,
    bucketName: `test-${suffix}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    ...options,
  });
}
