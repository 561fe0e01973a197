import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK } from '../../bench/cost.js';
import { buildApp } from '../../infra/app.js';
import { BUNDLE_LIMIT_BYTES } from '../../infra/constructs/bundling.js';
import {
  LAMBDA_ENVIRONMENT_LIMIT_BYTES,
  POLLER_ENVIRONMENT_RESERVE_BYTES,
  variableBytes,
} from '../../infra/settings.js';

function synth(context: Record<string, string>) {
  const built = buildApp(new App({ context }));
  // cdk-nag runs as a validation plugin: any unacknowledged AwsSolutions finding throws here.
  const assembly = built.app.synth();
  return {
    assembly,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
    statelessName: built.stateless.stackName,
  };
}

const PROD = {
  stage: 'prod',
  sender: 'digest@example.org',
  recipients: 'a@example.org,b@example.org',
  feeds: '[{"url":"https://example.org/feed.rss","name":"Example"}]',
};

type Resource = { Type: string; Properties: Record<string, unknown> };
const functionsOf = (template: Template) =>
  Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).filter(
    ([, resource]) => !String(resource.Properties.Description ?? '').startsWith('AWS CloudFormation handler'),
  );

/** The bundle NodejsFunction wrote for a function, as the deploy uploads it. */
function bundlePathOf(assemblyDirectory: string, fn: Resource): string {
  const assetHash = JSON.stringify(fn.Properties.Code).match(/([0-9a-f]{64})\.zip/)?.[1];
  if (!assetHash) throw new Error(`no asset in ${JSON.stringify(fn.Properties.Code)}`);
  return join(assemblyDirectory, `asset.${assetHash}`, 'index.mjs');
}

/** The environment variables of the function whose description includes descriptionPart. */
function environmentOf(template: Template, descriptionPart: string): Record<string, unknown> {
  const [, fn] =
    functionsOf(template).find(([, resource]) =>
      String(resource.Properties.Description).includes(descriptionPart),
    ) ?? [];
  if (!fn) throw new Error(`no function described as ${descriptionPart}`);
  return (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

/** The feed-failure alarm: its period, how many periods, and the stage its metric is for. */
function feedFailuresAlarm(template: Template) {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>);
  const alarm = alarms.find((candidate) => candidate.Properties.MetricName === 'FeedPollFailures');
  if (!alarm) throw new Error('no alarm on FeedPollFailures');
  expect(alarm.Properties).toMatchObject({
    Namespace: 'Treatywatch',
    Statistic: 'Sum',
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    Threshold: 1,
    TreatMissingData: 'notBreaching',
    AlarmActions: [{ Ref: expect.stringMatching(/^Alarms/) }],
  });
  const dimensions = alarm.Properties.Dimensions as { Name: string; Value: string }[];
  expect(dimensions.map((dimension) => dimension.Name)).toEqual(['Stage']);
  return {
    period: alarm.Properties.Period,
    evaluationPeriods: alarm.Properties.EvaluationPeriods,
    stage: dimensions[0]?.Value,
  };
}

function policyActionsFor(template: Template, descriptionPart: string): string[] {
  const [logicalId, fn] =
    functionsOf(template).find(([, resource]) =>
      String(resource.Properties.Description).includes(descriptionPart),
    ) ?? [];
  if (!fn || !logicalId) throw new Error(`no function described as ${descriptionPart}`);
  const roleRef = JSON.stringify((fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]);
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy') as Record<string, Resource>,
  ).filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleRef.replaceAll('"', '')));
  return policies.flatMap((policy) =>
    (
      (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement ?? []
    ).flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action])),
  );
}

describe('case 13: the CDK app (prod)', () => {
  let synthesized: ReturnType<typeof synth>;
  beforeAll(() => {
    synthesized = synth(PROD);
  }, 120_000);

  it('synthesizes with zero unacknowledged cdk-nag AwsSolutions findings, each acknowledgment with a reason', () => {
    const metadata = JSON.stringify(synthesized.assembly.stacks.map((stack) => stack.manifest.metadata));
    expect(metadata).not.toMatch(/"reason":""/);
  });

  it('runs every function on Node.js 24, ARM64, with a handler its bundle exports', () => {
    const { stateless, assembly, statelessName } = synthesized;
    const functions = functionsOf(stateless);
    expect(functions).toHaveLength(4);
    const artifact = assembly.getStackByName(statelessName);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      const bundle = readFileSync(bundlePathOf(assembly.directory, fn), 'utf8');
      expect(bundle).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{[^}]*\bhandler\b/);
      expect(artifact).toBeDefined();
    }
  });

  it('keeps every function bundle, as synthesized for the deploy, under 500 KB minified', () => {
    const { stateless, assembly } = synthesized;
    for (const [, fn] of functionsOf(stateless)) {
      const bundle = bundlePathOf(assembly.directory, fn);
      expect(readFileSync(bundle, 'utf8').slice(-200)).toMatch(/sourceMappingURL=index\.mjs\.map/);
      expect(statSync(bundle).size, `${fn.Properties.Description}: ${bundle}`).toBeLessThanOrEqual(
        BUNDLE_LIMIT_BYTES,
      );
    }
  });

  it("keeps each function's JSON logs in a log group of its own for a month", () => {
    const { stateless } = synthesized;
    const logGroups = stateless.findResources('AWS::Logs::LogGroup') as Record<string, Resource>;
    for (const [, fn] of functionsOf(stateless)) {
      const logging = fn.Properties.LoggingConfig as { LogFormat: string; LogGroup: { Ref: string } };
      expect(logging.LogFormat).toBe('JSON');
      expect(logGroups[logging.LogGroup.Ref]?.Properties.RetentionInDays).toBe(30);
    }
  });

  it('gives each function the environment its config parser needs', () => {
    const namesOf = (part: string) => Object.keys(environmentOf(synthesized.stateless, part)).sort();
    expect(namesOf('uploaded')).toEqual(['BUCKET_NAME', 'INCOMING_PREFIX', 'NODE_OPTIONS', 'TABLE_NAME']);
    expect(namesOf('digest')).toEqual([
      'BUCKET_NAME',
      'DIGEST_ALWAYS_SEND',
      'DIGEST_RECIPIENTS',
      'DIGEST_SENDER',
      'NODE_OPTIONS',
      'TABLE_NAME',
    ]);
    // Exactly these: POLLER_ENVIRONMENT_RESERVE_BYTES keeps room for all but FEEDS.
    expect(namesOf('feeds')).toEqual(['BUCKET_NAME', 'FEEDS', 'NODE_OPTIONS', 'STAGE', 'TABLE_NAME']);
    expect(environmentOf(synthesized.stateless, 'feeds').STAGE).toBe('prod');
    expect(namesOf('queries')).toContain('CURSOR_SECRET');
  });

  it('lets each function reach only what it needs', () => {
    const { stateless } = synthesized;
    const digest = policyActionsFor(stateless, 'digest');
    const poller = policyActionsFor(stateless, 'feeds');
    const api = policyActionsFor(stateless, 'queries');
    expect(digest).toContain('ses:SendEmail');
    expect(digest.filter((action) => /Delete|BatchWrite|PutItem|s3:Put/.test(action))).toEqual([]);
    expect(poller.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(api.filter((action) => /Put|Update|Delete|BatchWrite/.test(action))).toEqual([]);
    expect(JSON.stringify(stateless.toJSON())).not.toMatch(/"Action":"\*"/);
  });

  it("lets the digest send to its recipients' identities, as the SES sandbox requires, from the sender only", () => {
    const statements = Object.values(
      synthesized.stateless.findResources('AWS::IAM::Policy') as Record<string, Resource>,
    ).flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    const toRecipients = statements.filter((statement) =>
      JSON.stringify(statement.Resource).includes(':identity/a@example.org'),
    );
    expect(toRecipients).toHaveLength(1);
    expect(toRecipients[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Condition: { StringEquals: { 'ses:FromAddress': 'digest@example.org' } },
    });
    const resources = JSON.stringify(toRecipients[0]?.Resource);
    expect(resources.match(/:identity\/[^"]+/g)).toEqual([
      ':identity/a@example.org',
      ':identity/b@example.org',
    ]);
  });

  it('feeds ingest from S3 through SQS with partial batch failures and a redrive DLQ', () => {
    const { stateless } = synthesized;
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 360,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
    });
    stateless.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
          }),
        ],
      },
    });
  });

  it('schedules the poller and the digest with retries and dead-letter queues, and async failures to a destination', () => {
    const { stateless } = synthesized;
    const schedules = Object.values(
      stateless.findResources('AWS::Scheduler::Schedule') as Record<string, Resource>,
    );
    expect(schedules.map((schedule) => schedule.Properties.ScheduleExpression).sort()).toEqual([
      'cron(0 6 * * ? *)',
      'rate(30 minutes)',
    ]);
    for (const schedule of schedules) {
      expect(schedule.Properties.Target).toMatchObject({
        RetryPolicy: { MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: expect.anything() },
      });
    }
    expect(Object.keys(stateless.findResources('AWS::Lambda::EventInvokeConfig'))).toHaveLength(2);
  });

  it('serves queries through a Function URL with IAM auth and alarms on DLQs and errors', () => {
    const { stateless } = synthesized;
    stateless.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM' });
    // Ingest: DLQ and errors; poller and digest: Scheduler DLQ, failed invocations and errors;
    // feeds failing; the query API: errors.
    expect(Object.keys(stateless.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(10);
    for (const [logicalId] of functionsOf(stateless)) {
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alarms') }],
      });
    }
  });

  it("alarms on feed failures in periods that follow the poll schedule, on this stage's metric", () => {
    // rate(30 minutes): 30 + the poller's 5-minute timeout + Scheduler's minute = 36 minutes.
    expect(feedFailuresAlarm(synthesized.stateless)).toEqual({
      period: 36 * 60,
      evaluationPeriods: 3,
      stage: 'prod',
    });
  });

  it('prices every alarm metric, custom metric, secret and poll the stack holds (npm run cost)', () => {
    const { stateless } = synthesized;
    type Query = { MetricStat?: { Metric: { Namespace: string; MetricName: string } } };
    const alarms = Object.values(
      stateless.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>,
    );
    // A metric-math alarm is priced by the metrics it reads, a plain one by its own.
    const watched = alarms.flatMap((alarm) =>
      alarm.Properties.Metrics
        ? (alarm.Properties.Metrics as Query[]).flatMap((query) =>
            query.MetricStat ? [query.MetricStat.Metric] : [],
          )
        : [
            {
              Namespace: String(alarm.Properties.Namespace),
              MetricName: String(alarm.Properties.MetricName),
            },
          ],
    );
    expect(watched).toHaveLength(STACK.alarmMetrics);
    const custom = new Set(
      watched.filter((metric) => !metric.Namespace.startsWith('AWS/')).map((metric) => metric.MetricName),
    );
    expect(custom.size).toBe(STACK.customMetrics);
    expect(Object.keys(stateless.findResources('AWS::SecretsManager::Secret'))).toHaveLength(STACK.secrets);
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${(24 * 60) / STACK.pollsPerDay} minutes)`,
    });
  });

  it('keeps the table and bucket: retained, protected, recoverable, encrypted, TLS-only', () => {
    const { stateful } = synthesized;
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.anyValue(),
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      }),
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('outputs the table and bucket names the CLI needs to work on the deployed stack', () => {
    const { stateful } = synthesized;
    stateful.hasOutput('TableName', { Value: { Ref: Match.stringLikeRegexp('^Table') } });
    stateful.hasOutput('BucketName', { Value: { Ref: Match.stringLikeRegexp('^Dispatches') } });
  });
});

describe('settings from CDK context', () => {
  it('names the bad value', () => {
    expect(() => buildApp(new App({ context: { stage: 'staging' } }))).toThrow(
      /stage must be "dev" or "prod"/,
    );
    expect(() =>
      buildApp(
        new App({ context: { stage: 'prod', sender: 'not-an-address', recipients: 'a@example.org' } }),
      ),
    ).toThrow(/sender/);
  });

  it.each([
    [
      'a name the poller would refuse',
      `[{"url":"https://example.org/f.rss","name":"${'n'.repeat(101)}"}]`,
      /feeds\.0\.name: Too big/,
    ],
    [
      'a non-http URL',
      '[{"url":"ftp://example.org/f.rss","name":"F"}]',
      /feeds\.0\.url: must be an http or https URL/,
    ],
    [
      'allowPrivateNetwork, which the Lambda ignores',
      '[{"url":"https://example.org/f.rss","name":"F","allowPrivateNetwork":true}]',
      /feeds\.0: Unrecognized key/,
    ],
  ])('refuses a feed list with %s, as the poller would at cold start', (_name, feeds, message) => {
    expect(() => buildApp(new App({ context: { stage: 'dev', feeds } }))).toThrow(message);
  });

  it.each([
    ['a cron expression', 'cron(0/30 * * * ? *)'],
    ['a rate slower than a day', 'rate(2 days)'],
    ['a plural unit for 1', 'rate(1 minutes)'],
    ['a singular unit for 5', 'rate(5 hour)'],
    ['a zero rate', 'rate(0 minutes)'],
  ])(
    'refuses a poll schedule with %s, which the feed-failure alarm could not follow',
    (_name, pollSchedule) => {
      expect(() => buildApp(new App({ context: { stage: 'dev', pollSchedule } }))).toThrow(
        /invalid context value pollSchedule: must be rate\(N minutes\|hours\|days\), from rate\(1 minute\) to rate\(1 day\)/,
      );
    },
  );

  it('refuses a feed list whose FEEDS variable would pass the 4 KB Lambda allows, naming the setting and the size', () => {
    const feeds = JSON.stringify([
      ...largestFeedList(),
      { url: 'https://example.org/one-more.rss', name: 'One more' },
    ]);
    expect(() => buildApp(new App({ context: { stage: 'dev', feeds } }))).toThrow(
      /^invalid context value feeds: the poller's FEEDS variable would take \d{4} bytes of its environment, over the 3584 left of Lambda's 4096-byte limit/,
    );
  });

  it('refuses more recipients than SES sends one message to', () => {
    const recipients = Array.from({ length: 51 }, (_, index) => `reader${index}@example.org`).join(',');
    expect(() =>
      buildApp(new App({ context: { stage: 'prod', sender: 'digest@example.org', recipients } })),
    ).toThrow(/invalid context value recipients: at most 50/);
  });
});

/** Feeds of a plausible length, as many as the FEEDS budget takes. */
function largestFeedList() {
  const budget = LAMBDA_ENVIRONMENT_LIMIT_BYTES - POLLER_ENVIRONMENT_RESERVE_BYTES;
  const feeds: { url: string; name: string; publication: string }[] = [];
  for (let index = 0; ; index++) {
    const next = {
      url: `https://feeds.example.org/${index}/news.rss`,
      name: `Feed ${index}`,
      publication: 'Monitor',
    };
    if (variableBytes('FEEDS', JSON.stringify([...feeds, next])) > budget) return feeds;
    feeds.push(next);
  }
}

describe('the CDK app (dev, polling every 2 hours, as many feeds as fit)', () => {
  let synthesized: ReturnType<typeof synth>;
  beforeAll(() => {
    synthesized = synth({
      stage: 'dev',
      pollSchedule: 'rate(2 hours)',
      feeds: JSON.stringify(largestFeedList()),
    });
  }, 120_000);

  it('lets dev tear down what it created', () => {
    synthesized.stateful.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  it("alarms on feed failures in periods that follow the slower schedule, on dev's own metric", () => {
    // 120 minutes + the poller's 5-minute timeout + Scheduler's minute.
    expect(feedFailuresAlarm(synthesized.stateless)).toEqual({
      period: 126 * 60,
      evaluationPeriods: 3,
      stage: 'dev',
    });
    synthesized.stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(2 hours)',
    });
  });

  it("keeps the poller's environment within Lambda's 4 KB with the table and bucket names at their longest", () => {
    const variables = environmentOf(synthesized.stateless, 'feeds');
    // Names resolved at deploy, at the longest AWS allows; any other reference would need its own bound.
    const longest: Record<string, number> = { TABLE_NAME: 255, BUCKET_NAME: 63 };
    const resolved = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => {
        if (typeof value === 'string') return [name, value];
        expect(longest[name], `${name} is resolved at deploy`).toBeDefined();
        return [name, 'x'.repeat(longest[name] ?? 0)];
      }),
    );
    expect(JSON.parse(String(resolved.FEEDS))).toHaveLength(largestFeedList().length);
    expect(Buffer.byteLength(JSON.stringify(resolved), 'utf8')).toBeLessThanOrEqual(
      LAMBDA_ENVIRONMENT_LIMIT_BYTES,
    );
  });
});
