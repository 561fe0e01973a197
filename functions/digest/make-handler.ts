import type { Logger } from '@aws-lambda-powertools/logger';
import { type DigestSettings, type SendDigestDeps, sendDigest } from '../../shared/usecases/send-digest.js';

export interface DigestHandlerDeps extends SendDigestDeps {
  readonly settings: DigestSettings;
  readonly logger: Logger;
}

/**
 * Invoked daily by EventBridge Scheduler; the event carries nothing the digest needs. Errors are
 * thrown, so Scheduler and Lambda retry and the error alarm fires.
 */
export function makeHandler(deps: DigestHandlerDeps) {
  return async (_event: unknown) => {
    const result = await sendDigest(deps, deps.settings);
    deps.logger.info('digest run finished', { ...result });
    return result;
  };
}
