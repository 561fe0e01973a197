import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { makeHandler } from '../../functions/query-api/make-handler.js';
import { recoverUploads } from '../../local/recover-uploads.js';
import { announceServices } from '../../local/running-services.js';
import type { Session } from '../session.js';

/** The local store's cursor-signing secret, kept with its data so cursors survive a restart. */
function localSecret(stateDir: string): string {
  const path = join(stateDir, 'cursor-secret');
  if (!existsSync(path)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

/** The port `serve` was asked for is taken (another `serve`, or any other program). */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`port ${port} is in use; pass --port with another port, or --port 0 for any free one`);
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/**
 * The query API on 127.0.0.1: each request becomes the Function URL event the Lambda receives
 * and goes through the same handler.
 */
export async function runServe(
  session: Session,
  options: { readonly port: number; readonly stateDir: string },
  out: (line: string) => void,
) {
  const handler = makeHandler({
    ...session.adapters,
    cursorSecret: process.env.CURSOR_SECRET ?? localSecret(options.stateDir),
    logger: new Logger({ serviceName: 'query-api', logLevel: 'WARN' }),
  });
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const result = await handler({
      rawPath: url.pathname,
      requestContext: { http: { method: request.method ?? 'GET' } },
      queryStringParameters: Object.fromEntries(url.searchParams),
    });
    response.writeHead(result.statusCode, result.headers).end(result.body);
  });
  await listen(server, options.port);
  // A previous run may have died with notifications still queued: ingest what it left behind.
  if (session.local) {
    const recovered = await recoverUploads(session.local);
    if (recovered > 0) out(`Recovered ${recovered} uploads that were never ingested.`);
  }
  // While this runs, other commands use these services instead of starting their own.
  const { local } = session;
  const withdraw =
    local?.config.dynamoDbEndpoint && local.config.s3Endpoint
      ? announceServices(options.stateDir, {
          pid: process.pid,
          dynamoDbEndpoint: local.config.dynamoDbEndpoint,
          s3Endpoint: local.config.s3Endpoint,
        })
      : () => {};
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  out(`treatywatch API on http://127.0.0.1:${port} — GET /positions, /shifts, /dispatches (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      withdraw();
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
