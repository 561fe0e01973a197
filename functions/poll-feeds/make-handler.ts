import type { Logger } from '@aws-lambda-powertools/logger';
import type { FeedDescription } from '../../shared/domain/feeds/feed-item.js';
import { FEED_METRIC } from '../../shared/metrics.js';
import { type PollDeps, pollFeeds } from '../../shared/usecases/poll-feeds.js';

export interface PollHandlerDeps extends PollDeps {
  readonly feedList: readonly FeedDescription[];
  readonly logger: Logger;
  /** Writes one line to stdout for CloudWatch's embedded metric format. */
  readonly emitMetric?: (line: string) => void;
  /** The deployed stage (STAGE), written as the metric's Stage dimension; none locally. */
  readonly stage?: string;
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
    const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
    // An embedded-metric-format line: CloudWatch turns it into Treatywatch/FeedPollFailures, which
    // the stack alarms on when feeds keep failing.
    deps.emitMetric?.(
      JSON.stringify({
        _aws: {
          Timestamp: deps.clock.now().getTime(),
          CloudWatchMetrics: [
            {
              Namespace: FEED_METRIC.namespace,
              Dimensions: [deps.stage ? [FEED_METRIC.stageDimension] : []],
              Metrics: [{ Name: FEED_METRIC.name, Unit: 'Count' }],
            },
          ],
        },
        ...(deps.stage ? { [FEED_METRIC.stageDimension]: deps.stage } : {}),
        [FEED_METRIC.name]: failed,
      }),
    );
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
