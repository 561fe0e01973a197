import { CfnOutput, Duration, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { type ITableV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../shared/adapters/dynamodb/table-keys.js';
import { alarmOnErrors, alarmOnFeedFailures } from './constructs/alarms.js';
import { IngestStage } from './constructs/ingest-stage.js';
import { ScheduledStage } from './constructs/scheduled-stage.js';
import { TreatywatchFunction } from './constructs/treatywatch-function.js';
import { feedsVariable, type Settings } from './settings.js';

export interface StatelessStackProps extends StackProps {
  readonly bucket: IBucket;
  readonly table: ITableV2;
  readonly settings: Settings;
}

/** Everything that can be replaced at will: functions, queues, schedules, the API, alarms. */
export class StatelessStack extends Stack {
  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings } = props;
    // Named exports: the stateless stack refers to the bucket and table through imports whose
    // names it controls, so each cdk-nag acknowledgment below can name its finding exactly.
    const exported = (value: string, name: string) =>
      Stack.of(props.table).exportValue(value, { name: `${this.stackName}-${name}` });
    const bucket = Bucket.fromBucketAttributes(this, 'Bucket', {
      bucketArn: exported(props.bucket.bucketArn, 'bucket-arn'),
      bucketName: exported(props.bucket.bucketName, 'bucket-name'),
    });
    const table = TableV2.fromTableAttributes(this, 'Table', {
      tableArn: exported(props.table.tableArn, 'table-arn'),
      globalIndexes: [TABLE_KEYS.byKindIndex.name],
    });
    const alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true });

    new IngestStage(this, 'IngestStage', { bucket, table, alarmTopic });

    const pollTimeout = Duration.minutes(5);
    const poller = new TreatywatchFunction(this, 'PollFeeds', {
      entry: 'functions/poll-feeds/handler.ts',
      description: 'Polls the configured feeds into the pipeline',
      timeout: pollTimeout,
      // STAGE: the dimension the poller's FeedPollFailures metric carries, so stages do not share it.
      environment: { FEEDS: feedsVariable(settings.feeds), STAGE: settings.stage },
    })
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'readPut');
    new ScheduledStage(this, 'PollStage', {
      function: poller,
      schedule: settings.pollSchedule,
      description: 'Poll feeds',
      alarmTopic,
    });
    // Feeds failing poll after poll (the digest reports a feed failing three in a row too).
    alarmOnFeedFailures(this, 'FeedFailuresAlarm', {
      stage: settings.stage,
      pollInterval: settings.pollInterval,
      pollTimeout,
      topic: alarmTopic,
    });

    const sender = settings.sender ?? 'treatywatch@example.org';
    const identity = new EmailIdentity(this, 'SenderIdentity', { identity: Identity.email(sender) });
    const recipients = settings.recipients.length > 0 ? settings.recipients : [sender];
    const digest = new TreatywatchFunction(this, 'Digest', {
      entry: 'functions/digest/handler.ts',
      description: 'Builds and mails the daily digest',
      timeout: Duration.minutes(2),
      environment: {
        DIGEST_SENDER: sender,
        DIGEST_RECIPIENTS: recipients.join(','),
        DIGEST_ALWAYS_SEND: settings.alwaysSendDigest,
      },
    })
      .bindTable(table, 'readUpdate')
      .bindBucket(bucket, 'read');
    identity.grantSendEmail(digest.function);
    // In the SES sandbox each recipient is a verified identity too, and SES checks the sender's
    // permission on it: sending to those identities, from the sender's address only.
    const recipientIdentities = [...new Set(recipients)]
      .filter((address) => address !== sender)
      .map((address) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: address }));
    if (recipientIdentities.length > 0) {
      digest.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: recipientIdentities,
          conditions: { StringEquals: { 'ses:FromAddress': sender } },
        }),
      );
    }
    new ScheduledStage(this, 'DigestStage', {
      function: digest,
      schedule: settings.digestSchedule,
      description: 'Daily digest',
      alarmTopic,
    });

    const cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'Signs the query API pagination cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const api = new TreatywatchFunction(this, 'QueryApi', {
      entry: 'functions/query-api/handler.ts',
      description: 'Answers position, shift and dispatch queries',
      environment: {
        // Read at cold start: the value only guards cursor integrity, and only readers of the function's configuration see it.
        CURSOR_SECRET: SecretValue.secretsManager(cursorSecret.secretArn).unsafeUnwrap(),
      },
    })
      .bindTable(table, 'read')
      .bindBucket(bucket, 'read');
    const url = api.function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
    alarmOnErrors(this, 'QueryApiErrorsAlarm', api.function, alarmTopic);
    new CfnOutput(this, 'QueryApiUrl', { value: url.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
  }
}
