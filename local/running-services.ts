import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { createDynamoDbClients } from '../shared/adapters/dynamodb/dynamodb-clients.js';

/**
 * A long-running command (`treatywatch serve`) owns the local services and says so in
 * `.treatywatch/services.json`; other commands attach to them instead of starting a second
 * DynamoDB Local on the same files.
 */
export interface RunningServices {
  readonly pid: number;
  readonly dynamoDbEndpoint: string;
  readonly s3Endpoint: string;
}

const schema = z.object({ pid: z.number().int().positive(), dynamoDbEndpoint: z.url(), s3Endpoint: z.url() });
const fileOf = (stateDir: string) => join(stateDir, 'services.json');

export function announceServices(stateDir: string, services: RunningServices): () => void {
  writeFileSync(fileOf(stateDir), JSON.stringify(services));
  return () => rmSync(fileOf(stateDir), { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The services another process runs for this state directory, if it is alive and answering. */
export async function findRunningServices(stateDir: string): Promise<RunningServices | undefined> {
  if (!existsSync(fileOf(stateDir))) return undefined;
  let services: RunningServices;
  try {
    services = schema.parse(JSON.parse(readFileSync(fileOf(stateDir), 'utf8')));
  } catch {
    return undefined;
  }
  if (services.pid === process.pid || !alive(services.pid)) return undefined;
  const { dynamoDbClient } = createDynamoDbClients({
    endpoint: services.dynamoDbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    await dynamoDbClient.send(new ListTablesCommand({ Limit: 1 }), {
      abortSignal: AbortSignal.timeout(2000),
    });
    return services;
  } catch {
    return undefined;
  } finally {
    dynamoDbClient.destroy();
  }
}
