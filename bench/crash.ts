/**
 * The crash run: 500 uploads while the local runtime (`treatywatch serve`, which owns DynamoDB
 * Local, s3rver and the ingest queue) is killed with SIGKILL three times at random points and
 * restarted. Afterwards nothing acknowledged may be lost and nothing counted twice.
 *
 *   npm run bench:crash
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_BUCKET, LOCAL_TABLE } from '../local/local-runtime.js';
import { buildAdapters } from '../shared/adapters/build-adapters.js';

const UPLOADS = Number(process.argv[2] ?? 500);
const BAD_EVERY = 100;
const stateDir = mkdtempSync(join(tmpdir(), 'treatywatch-crash-'));
const bin = new URL('../bin/treatywatch.mjs', import.meta.url).pathname;

// A fixed pseudo-random sequence picks the three kill points.
let seed = 20011213;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const killPoints = [0, 1, 2]
  .map((index) => Math.floor(((index + random()) / 3.2) * UPLOADS))
  .sort((a, b) => a - b);

let child: ChildProcess | undefined;
let recovered = 0;
function services(pid: number) {
  const path = join(stateDir, 'services.json');
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
    pid: number;
    dynamoDbEndpoint: string;
    s3Endpoint: string;
  };
  return parsed.pid === pid ? parsed : undefined;
}
async function start() {
  child = spawn('node', [bin, 'serve', '--port', '0'], {
    env: { ...process.env, TREATYWATCH_STATE_DIR: stateDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const found = /Recovered (\d+) uploads/.exec(String(chunk));
    if (found) recovered += Number(found[1]);
  });
  const pid = child.pid ?? 0;
  for (let waited = 0; waited < 60_000; waited += 100) {
    const found = services(pid);
    if (found)
      return buildAdapters({
        tableName: LOCAL_TABLE,
        bucketName: LOCAL_BUCKET,
        incomingPrefix: 'incoming/',
        region: 'us-east-1',
        ...found,
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('serve did not come up');
}
async function crash() {
  const victim = child;
  if (!victim?.pid) return;
  const exited = new Promise((resolve) => victim.once('exit', resolve));
  process.kill(-victim.pid, 'SIGKILL'); // the whole group: node, DynamoDB Local's Java
  await exited;
}

const bodyOf = (index: number) =>
  index % BAD_EVERY === 7
    ? Buffer.from([0, 1, 2, index & 255])
    : Buffer.from(
        `The Russian foreign ministry said on day ${index} that the 1972 ABM treaty must be preserved as written (Interfax, May ${(index % 28) + 1}).\n`,
      );

let adapters = await start();
const started = performance.now();
let acknowledged = 0;
let restarts = 0;
for (let index = 0; index < UPLOADS; index++) {
  if (killPoints.includes(index)) {
    await crash();
    restarts++;
    adapters = await start();
  }
  for (;;) {
    try {
      await adapters.s3Client.send(
        new PutObjectCommand({
          Bucket: LOCAL_BUCKET,
          Key: `incoming/crash/${String(index).padStart(4, '0')}.txt`,
          Body: bodyOf(index),
        }),
      );
      acknowledged++;
      break;
    } catch {
      adapters = await start();
    }
  }
}
// Let the last runtime finish its queue, then restart once more so recovery has the last word.
await new Promise((resolve) => setTimeout(resolve, 5000));
await crash();
adapters = await start();
let stored = 0;
for (let stable = 0, last = -1; stable < 3; ) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  stored = (await adapters.dispatches.listDispatches({})).length;
  stable = stored === last ? stable + 1 : 0;
  last = stored;
}
const dispatches = await adapters.dispatches.listDispatches({});
const rejects = await adapters.rejects.listRejects({ includeReplayed: true });
const expectedBad = Array.from({ length: UPLOADS }, (_, index) => index).filter(
  (index) => index % BAD_EVERY === 7,
).length;
const countedTwice =
  dispatches.filter((item) => item.duplicateDeliveries > 0).length +
  rejects.filter((reject) => reject.attempts > 1).length;
const seconds = (performance.now() - started) / 1000;
console.log(
  `crash run: ${UPLOADS} uploads, killed with SIGKILL after uploads ${killPoints.join(', ')} (${restarts} restarts), ${seconds.toFixed(0)} s; ${recovered} uploads whose notifications died with a runtime were recovered on restart`,
);
console.log(
  `  acknowledged uploads ${acknowledged}; stored dispatches ${dispatches.length} (expected ${UPLOADS - expectedBad}); dead-lettered ${rejects.length} (expected ${expectedBad}); counted twice ${countedTwice}`,
);
const ok =
  dispatches.length === UPLOADS - expectedBad && rejects.length === expectedBad && countedTwice === 0;
console.log(ok ? '  nothing acknowledged lost, nothing counted twice' : '  MISMATCH: see the counts above');
child?.kill('SIGINT');
await new Promise((resolve) => child?.once('exit', resolve));
process.exit(ok ? 0 : 1);
