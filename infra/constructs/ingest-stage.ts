import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmOnDepth, alarmOnErrors } from './alarms.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { TreatywatchFunction } from './treatywatch-function.js';

export const INCOMING_PREFIX = 'incoming/';
const TIMEOUT = Duration.seconds(60);

export interface IngestStageProps {
  readonly bucket: IBucket;
  readonly table: ITableV2;
  readonly alarmTopic: ITopic;
}

/** Uploads under incoming/ → S3 notification → SQS (DLQ after 5 receives) → the ingest Lambda. */
export class IngestStage extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly function: TreatywatchFunction;

  constructor(scope: Construct, id: string, props: IngestStageProps) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(this, 'DeadLetters');
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // At least six times the function timeout, as Lambda's SQS integration advises.
      visibilityTimeout: Duration.seconds(TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
    });
    // The notification lives here, on a reference to the bucket, so the stateful stack never
    // depends on this one (a bucket-side notification would make the two stacks a cycle).
    const watched = Bucket.fromBucketAttributes(this, 'WatchedBucket', {
      bucketArn: props.bucket.bucketArn,
      bucketName: props.bucket.bucketName,
    });
    watched.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: INCOMING_PREFIX,
    });

    this.function = new TreatywatchFunction(this, 'Ingest', {
      entry: 'functions/ingest-s3/handler.ts',
      description: 'Parses, classifies and stores uploaded dispatches',
      timeout: TIMEOUT,
      environment: { INCOMING_PREFIX },
    })
      .bindTable(props.table, 'readWrite')
      .bindBucket(props.bucket, 'readPut');
    this.function.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    alarmOnDepth(this, 'DeadLettersAlarm', this.deadLetters, props.alarmTopic);
    alarmOnErrors(this, 'ErrorsAlarm', this.function.function, props.alarmTopic);
  }
}
