import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { makeHandler } from '../functions/ingest-s3/make-handler.js';
import { LOCAL_BUCKET, LOCAL_TABLE, type LocalRuntime, startLocalRuntime } from '../local/local-runtime.js';
import { findRunningServices, type RunningServices } from '../local/running-services.js';
import { type Adapters, buildAdapters } from '../shared/adapters/build-adapters.js';
import { loadConfig } from '../shared/config/config.js';
import {
  type IngestOutcome,
  ingestObjects,
  type ObjectAnnouncement,
} from '../shared/usecases/ingest-objects.js';

/** Where a command's data lives: the local store under .treatywatch/, or a deployed table and bucket. */
export interface TargetOptions {
  readonly table?: string;
  readonly bucket?: string;
  readonly region?: string;
  readonly stateDir: string;
}

export interface Session {
  readonly adapters: Adapters;
  /** A line saying what this session talks to. */
  readonly describe: string;
  readonly local?: LocalRuntime;
  ingest(announced: readonly ObjectAnnouncement[]): Promise<IngestOutcome[]>;
  /** Runs one raw queue message body through the ingest handler, as a redelivery would. */
  resubmitEvent(body: string): Promise<{ failed: boolean }>;
  close(): Promise<void>;
}

export const DEFAULT_STATE_DIR = '.treatywatch';

/** Flags win over environment variables; with neither, the embedded local services are used. */
export function targetFromEnvironment(
  flags: Partial<TargetOptions>,
  env: Readonly<Record<string, string | undefined>>,
): TargetOptions {
  const table = flags.table ?? env.TREATYWATCH_TABLE;
  const bucket = flags.bucket ?? env.TREATYWATCH_BUCKET;
  const region = flags.region ?? env.AWS_REGION;
  return {
    ...(table ? { table } : {}),
    ...(bucket ? { bucket } : {}),
    ...(region ? { region } : {}),
    stateDir: flags.stateDir ?? env.TREATYWATCH_STATE_DIR ?? DEFAULT_STATE_DIR,
  };
}

export async function openSession(
  target: TargetOptions,
  options: { readonly observe?: (outcome: IngestOutcome) => void } = {},
): Promise<Session> {
  if (target.table) return openDeployed(target);
  const running = await findRunningServices(target.stateDir);
  if (running) return attachToRunning(running, target);
  const local = await startLocalRuntime({
    stateDir: target.stateDir,
    ...(options.observe ? { observe: options.observe } : {}),
  });
  return {
    adapters: local.adapters,
    local,
    describe: `local store in ${target.stateDir}/ (DynamoDB Local ${local.config.dynamoDbEndpoint}, s3rver ${local.config.s3Endpoint})`,
    ingest: local.ingest,
    resubmitEvent: (body) => resubmit(local.adapters, local.ingest, body),
    close: () => local.stop(),
  };
}

/** Another process (`treatywatch serve`) runs the local services: use them, do not start a second set. */
function attachToRunning(running: RunningServices, target: TargetOptions): Session {
  const adapters = buildAdapters({
    tableName: LOCAL_TABLE,
    bucketName: LOCAL_BUCKET,
    incomingPrefix: 'incoming/',
    region: 'us-east-1',
    dynamoDbEndpoint: running.dynamoDbEndpoint,
    s3Endpoint: running.s3Endpoint,
  });
  const ingest = (announced: readonly ObjectAnnouncement[]) => ingestObjects(adapters, announced);
  return {
    adapters,
    describe: `local store in ${target.stateDir}/ (services of process ${running.pid})`,
    ingest,
    resubmitEvent: (body) => resubmit(adapters, ingest, body),
    close: async () => {
      adapters.s3Client.destroy();
      adapters.dynamoDbClient.destroy();
    },
  };
}

function openDeployed(target: TargetOptions): Session {
  const config = loadConfig({
    TABLE_NAME: target.table,
    BUCKET_NAME: target.bucket ?? '',
    AWS_REGION: target.region,
  });
  const adapters = buildAdapters(config);
  const ingest = (announced: readonly ObjectAnnouncement[]) => ingestObjects(adapters, announced);
  return {
    adapters,
    describe: `table ${config.tableName}, bucket ${config.bucketName} in ${config.region}`,
    ingest,
    resubmitEvent: (body) => resubmit(adapters, ingest, body),
    close: async () => {
      adapters.s3Client.destroy();
      adapters.dynamoDbClient.destroy();
    },
  };
}

async function resubmit(
  adapters: Adapters,
  ingest: Session['ingest'],
  body: string,
): Promise<{ failed: boolean }> {
  const handler = makeHandler({
    ingest,
    rejects: adapters.rejects,
    clock: adapters.clock,
    incomingPrefix: adapters.config.incomingPrefix,
    logger: new Logger({ serviceName: 'replay', logLevel: 'SILENT' }),
  });
  const messageId = randomUUID();
  const response = await handler({ Records: [{ messageId, body }] });
  return { failed: response.batchItemFailures.length > 0 };
}
