import type { Logger } from '@aws-lambda-powertools/logger';
import type { FeedDescription } from '../../shared/domain/feeds/feed-item.js';
import { type PollDeps, pollFeeds } from '../../shared/usecases/poll-feeds.js';

export interface PollHandlerDeps extends PollDeps {
  readonly feedList: readonly FeedDescription[];
  readonly logger: Logger;
}

/**
 * Invoked by EventBridge Scheduler (every 30 minutes by default). A failing feed is recorded in
 * its state and reported in the digest; the run itself fails only if every feed failed, so
 * Scheduler's retry and the error alarm fire for an outage, not for one bad feed.
 */
export function makeHandler(deps: PollHandlerDeps) {
  return async (_event: unknown) => {
    const outcomes = await pollFeeds(deps, deps.feedList);
    for (const outcome of outcomes) deps.logger.info('feed polled', { ...outcome });
    if (outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'failed')) {
      throw new Error(
        `all ${outcomes.length} feeds failed: ${outcomes.map((outcome) => outcome.error).join('; ')}`,
      );
    }
    return {
      polled: outcomes.length,
      failed: outcomes.filter((outcome) => outcome.status === 'failed').length,
    };
  };
}
