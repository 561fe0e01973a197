/**
 * A small monthly cost model for 10, 1,000 and 100,000 dispatches a day, from public on-demand
 * prices (us-east-1, as listed in 2025; check the current price pages before relying on it).
 *
 *   npm run cost
 */
const PRICES = {
  lambdaGbSecond: 0.0000133334, // ARM64
  lambdaRequest: 0.2 / 1e6,
  dynamoWrite: 0.625 / 1e6, // per write request unit (on-demand)
  dynamoRead: 0.125 / 1e6, // per read request unit
  dynamoStorageGb: 0.25,
  dynamoPitrGb: 0.2,
  s3StorageGb: 0.023,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  sqsRequest: 0.4 / 1e6,
  sesEmail: 0.1 / 1000,
  schedulerInvocation: 1 / 1e6,
  cloudWatchAlarmMetric: 0.1, // per metric an alarm watches (a metric-math alarm pays for each)
  customMetric: 0.3,
  secret: 0.4,
  logsIngestGb: 0.5,
} as const;

/** What the stack holds whatever the volume (a stack test keeps these to the synthesized template). */
export const STACK = {
  alarmMetrics: 10, // 10 alarms, one metric each
  customMetrics: 1, // FeedPollFailures
  secrets: 1, // the query API's cursor-signing secret
  pollsPerDay: 48, // the default pollSchedule, rate(30 minutes)
  digestsPerDay: 1,
  digestRecipients: 3,
} as const;

/** Estimates per dispatch, read off what the code does for one upload (not measured in AWS). */
const PER_DISPATCH = {
  lambdaSeconds: 0.35, // ingest share of a 10-message batch at 512 MB, incl. classification
  lambdaMemoryGb: 0.5,
  writeUnits: 14, // dispatch item (3–8 KB → ~6 WCU) + tags + observations + transaction overhead
  readUnits: 40, // existence check, timeline re-derivation reads (grows with a pair's history)
  s3Puts: 1,
  s3Gets: 1,
  sqsRequests: 3, // send (by S3), receive, delete
  storedKb: 12, // item + tags + observations
  logKb: 2,
};

function monthly(perDay: number) {
  const n = perDay * 30;
  const lambda =
    n * PER_DISPATCH.lambdaSeconds * PER_DISPATCH.lambdaMemoryGb * PRICES.lambdaGbSecond +
    (n / 10) * PRICES.lambdaRequest;
  const dynamo =
    n * PER_DISPATCH.writeUnits * PRICES.dynamoWrite + n * PER_DISPATCH.readUnits * PRICES.dynamoRead;
  const storageGb = (n * 12 * PER_DISPATCH.storedKb) / 1024 / 1024; // a year's worth kept
  const storage = storageGb * (PRICES.dynamoStorageGb + PRICES.dynamoPitrGb) + storageGb * PRICES.s3StorageGb;
  const s3 = n * (PER_DISPATCH.s3Puts * PRICES.s3Put + PER_DISPATCH.s3Gets * PRICES.s3Get);
  const sqs = n * PER_DISPATCH.sqsRequests * PRICES.sqsRequest;
  const fixed =
    STACK.alarmMetrics * PRICES.cloudWatchAlarmMetric +
    STACK.customMetrics * PRICES.customMetric +
    STACK.secrets * PRICES.secret +
    30 * (STACK.pollsPerDay + STACK.digestsPerDay) * PRICES.schedulerInvocation +
    30 * STACK.digestsPerDay * STACK.digestRecipients * PRICES.sesEmail;
  const logs = ((n * PER_DISPATCH.logKb) / 1024 / 1024) * PRICES.logsIngestGb;
  return {
    lambda,
    dynamo,
    storage,
    s3,
    sqs,
    fixed,
    logs,
    total: lambda + dynamo + storage + s3 + sqs + fixed + logs,
  };
}

function print(): void {
  console.log('treatywatch monthly cost model (USD, us-east-1 on-demand, storage after a year at that rate)');
  console.log(
    ['dispatches/day', 'Lambda', 'DynamoDB', 'storage', 'S3 req', 'SQS', 'fixed', 'logs', 'total']
      .map((h) => h.padStart(14))
      .join(''),
  );
  for (const perDay of [10, 1_000, 100_000]) {
    const cost = monthly(perDay);
    console.log(
      [
        perDay.toLocaleString('en-US'),
        cost.lambda,
        cost.dynamo,
        cost.storage,
        cost.s3,
        cost.sqs,
        cost.fixed,
        cost.logs,
        cost.total,
      ]
        .map((value) => (typeof value === 'number' ? `$${value.toFixed(2)}` : value).padStart(14))
        .join(''),
    );
  }
}

if (process.argv[1]?.endsWith('bench/cost.ts')) print();
