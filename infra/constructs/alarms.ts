import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Anything at all in a dead-letter queue is worth a look. */
export function alarmOnDepth(scope: Construct, id: string, queue: IQueue, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, id, {
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: 'A dead-letter queue holds messages: inspect them and replay.',
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

export function alarmOnErrors(scope: Construct, id: string, fn: IFunction, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, id, {
    metric: fn.metricErrors({ period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: 'The function failed: see its logs.',
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
