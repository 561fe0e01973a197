import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

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
