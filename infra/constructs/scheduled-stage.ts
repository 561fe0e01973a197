import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmOnDepth, alarmOnErrors } from './alarms.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { TreatywatchFunction } from './treatywatch-function.js';

export interface ScheduledStageProps {
  readonly function: TreatywatchFunction;
  /** rate(...) or cron(...) */
  readonly schedule: string;
  readonly description: string;
  readonly alarmTopic: ITopic;
}

/**
 * A function on an EventBridge Scheduler schedule, with both retry layers covered: Scheduler's
 * own retries and DLQ, then Lambda's asynchronous retries with an on-failure destination.
 */
export class ScheduledStage extends Construct {
  readonly schedulerDeadLetters: Queue;
  readonly failedInvocations: Queue;

  constructor(scope: Construct, id: string, props: ScheduledStageProps) {
    super(scope, id);
    const fn = props.function.function;
    this.schedulerDeadLetters = deadLetterQueue(this, 'SchedulerDeadLetters');
    this.failedInvocations = deadLetterQueue(this, 'FailedInvocations');
    fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.failedInvocations) });
    new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.expression(props.schedule),
      target: new LambdaInvoke(fn, {
        deadLetterQueue: this.schedulerDeadLetters,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });
    const functionId = Stack.of(this).getLogicalId(fn.node.defaultChild as CfnElement);
    // The role LambdaInvoke creates is shared at stack level, so that is where the finding is.
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason:
        'The Scheduler role may invoke this one function, any of its versions (the :* suffix LambdaInvoke grants).',
    });
    alarmOnDepth(this, 'SchedulerDeadLettersAlarm', this.schedulerDeadLetters, props.alarmTopic);
    alarmOnDepth(this, 'FailedInvocationsAlarm', this.failedInvocations, props.alarmTopic);
    alarmOnErrors(this, 'ErrorsAlarm', fn, props.alarmTopic);
  }
}
