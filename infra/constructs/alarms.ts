import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { FEED_METRIC } from '../../shared/metrics.js';

/** Alarms on any occurrence in a five-minute period, notifying the alarm topic. */
function alarmOnAny(
  scope: Construct,
  id: string,
  metric: IMetric,
  description: string,
  topic: ITopic,
): Alarm {
  const alarm = new Alarm(scope, id, {
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/** Anything at all in a dead-letter queue is worth a look. */
export const alarmOnDepth = (scope: Construct, id: string, queue: IQueue, topic: ITopic) =>
  alarmOnAny(
    scope,
    id,
    queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    'A dead-letter queue holds messages: inspect them and replay.',
    topic,
  );

export const alarmOnErrors = (scope: Construct, id: string, fn: IFunction, topic: ITopic) =>
  alarmOnAny(
    scope,
    id,
    fn.metricErrors({ period: Duration.minutes(5) }),
    'The function failed: see its logs.',
    topic,
  );

export interface FeedFailuresAlarmProps {
  readonly stage: string;
  /** How often the poller runs. */
  readonly pollInterval: Duration;
  /** The poller's timeout: a poll's metric is stamped when it ends, up to this long after it starts. */
  readonly pollTimeout: Duration;
  readonly topic: ITopic;
}

/**
 * Feeds failing in three periods in a row. A period is the poll interval plus the poller's timeout
 * and Scheduler's minute of leeway, so each one holds at least one poll's FeedPollFailures
 * whatever the interval: a period without a poll would count as fine and break the run.
 */
export function alarmOnFeedFailures(scope: Construct, id: string, props: FeedFailuresAlarmProps): Alarm {
  const period = Duration.minutes(props.pollInterval.toMinutes() + props.pollTimeout.toMinutes() + 1);
  const alarm = new Alarm(scope, id, {
    metric: new Metric({
      namespace: FEED_METRIC.namespace,
      metricName: FEED_METRIC.name,
      dimensionsMap: { [FEED_METRIC.stageDimension]: props.stage },
      statistic: 'Sum',
      period,
    }),
    threshold: 1,
    evaluationPeriods: 3,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: `Feeds failed in three periods of ${period.toMinutes()} minutes in a row (each holds a poll): run \`treatywatch feeds\` against the table.`,
  });
  alarm.addAlarmAction(new SnsAction(props.topic));
  return alarm;
}
