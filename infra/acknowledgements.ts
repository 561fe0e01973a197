import { Validations } from 'aws-cdk-lib';
import type { StatefulStack } from './stateful-stack.js';
import type { StatelessStack } from './stateless-stack.js';

/** Every cdk-nag finding we accept, each with the reason. Anything not here fails synth. */
export function acknowledgeFindings(stateful: StatefulStack, stateless: StatelessStack): void {
  Validations.of(stateful).acknowledge({
    id: 'AwsSolutions::AwsSolutions-S1',
    reason: 'The access-log bucket itself: logging its own access would recurse.',
  });
  const imported = (name: string) => `${stateless.stackName}-${name}`;
  Validations.of(stateless).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Function roles (and the bucket-notification helper) use the AWS managed basic execution policy: it only writes their own logs.',
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
      id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
      reason: `${action} comes from bucket.grantRead on the dispatch bucket alone: reading uploads and archived bodies.`,
    })),
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:Abort*]',
      reason:
        'From bucket.grantPut on the dispatch bucket alone: aborting an unfinished upload of an archived body.',
    },
    {
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${imported('bucket-arn')}/*]`,
      reason: 'Objects of the dispatch bucket: object keys are not known in advance.',
    },
    {
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${imported('table-arn')}/index/*]`,
      reason: "The table's own indexes (one today: gsi1), as granted by TableV2.grant*.",
    },
    {
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'The cursor-signing secret is read at cold start; rotating it would only invalidate open pagination cursors, so it is rotated by redeploying.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'These queues are the dead-letter queues; a DLQ of a DLQ would only move the problem.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-SNS3',
      reason: 'enforceSSL is set on the alarm topic; the rule does not see the topic policy statement.',
    },
  );
}
