import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';

export interface RunningS3rver {
  readonly endpoint: string;
  /** Calls the listener with each S3 event notification s3rver emits (object created, removed). */
  onEvent(listener: (notification: unknown) => void): void;
  stop(): Promise<void>;
}

/** Starts s3rver on a free loopback port with the given buckets; a temporary directory unless one is given. */
export async function startS3rver(options: {
  readonly buckets: readonly string[];
  readonly directory?: string;
}): Promise<RunningS3rver> {
  const directory = options.directory
    ? resolve(options.directory)
    : mkdtempSync(join(tmpdir(), 'treatywatch-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onEvent: (listener) => {
      // s3rver is a Koa app (an EventEmitter) at run time; its type declarations omit that.
      if (!(server instanceof EventEmitter)) throw new TypeError('this s3rver version does not emit events');
      server.on('event', listener);
    },
    stop: () => server.close(),
  };
}
