/**
 * Classification throughput on one core, against a floor: reading the same bytes and running one
 * precompiled regular-expression pass over them. Also the cold start of a fresh Node process that
 * imports the bundled classifier and classifies one dispatch.
 *
 *   npm run bench:classify
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { corpusFiles } from '../cli/commands/start.js';
import { classifyDispatch } from '../shared/domain/classify/index.js';
import { type Dispatch, parseDispatch } from '../shared/domain/index.js';

const DIRECTORIES = ['corpus/sample', 'corpus/dev', 'corpus/heldout'];
const files = DIRECTORIES.flatMap((directory) => corpusFiles(directory)).map((path) => readFileSync(path));
const dispatches = files
  .map((bytes) => parseDispatch(bytes, { receivedAt: '2001-06-01T00:00:00Z' }))
  .flatMap((result) => (result.ok ? [result.dispatch] : []));
const bytes = dispatches.reduce((sum, dispatch) => sum + Buffer.byteLength(dispatch.text), 0);
const ROUNDS = Number(process.argv[2] ?? 40);

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

// Warm up the JIT on both paths before measuring.
for (const dispatch of dispatches) classifyDispatch(dispatch);
const FLOOR_PATTERN = /\b(?:[A-Z][a-z]+|ABM|NMD|START)\b/g;
const floorPass = (dispatch: Dispatch) => {
  const text = Buffer.from(dispatch.text).toString('utf8');
  let count = 0;
  for (const _ of text.matchAll(FLOOR_PATTERN)) count++;
  return count;
};

const classifySeconds = timed(() => {
  for (let round = 0; round < ROUNDS; round++) for (const dispatch of dispatches) classifyDispatch(dispatch);
});
let sink = 0;
const floorSeconds = timed(() => {
  for (let round = 0; round < ROUNDS; round++) for (const dispatch of dispatches) sink += floorPass(dispatch);
});

// Cold start: bundle the classifier as a Lambda would ship it, then time a fresh process.
const directory = mkdtempSync(join(tmpdir(), 'treatywatch-cold-'));
const entry = join(directory, 'entry.ts');
writeFileSync(
  entry,
  `import { readFileSync } from 'node:fs';
import { parseDispatch } from ${JSON.stringify(join(process.cwd(), 'shared/domain/index.ts'))};
import { classifyDispatch } from ${JSON.stringify(join(process.cwd(), 'shared/domain/classify/index.ts'))};
const parsed = parseDispatch(readFileSync(process.argv[2]), { receivedAt: new Date().toISOString() });
if (parsed.ok) process.stdout.write(String(classifyDispatch(parsed.dispatch).stances.length));`,
);
const bundle = join(directory, 'classifier.mjs');
buildSync({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  outfile: bundle,
  logLevel: 'silent',
  // As the Lambda bundles do: CommonJS dependencies (rss-parser, sax) need a require in ESM.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const sampleFile = corpusFiles('corpus/sample')[0] as string;
const coldRuns = Array.from(
  { length: 7 },
  () => timed(() => execFileSync('node', [bundle, sampleFile])) * 1000,
).sort((a, b) => a - b);
const bare = Array.from({ length: 7 }, () => timed(() => execFileSync('node', ['-e', '0'])) * 1000).sort(
  (a, b) => a - b,
);

const total = dispatches.length * ROUNDS;
const rate = total / classifySeconds;
console.log(
  `classifier benchmark: ${dispatches.length} dispatches (${(bytes / 1e3).toFixed(0)} KB) x ${ROUNDS} rounds on one core`,
);
console.log(
  `  classify        ${rate.toFixed(0)} dispatches/s, ${((bytes * ROUNDS) / 1e6 / classifySeconds).toFixed(2)} MB/s (target ≥ 1,000 dispatches/s)`,
);
console.log(
  `  floor           ${(total / floorSeconds).toFixed(0)} dispatches/s, ${((bytes * ROUNDS) / 1e6 / floorSeconds).toFixed(2)} MB/s (read + one regex pass)`,
);
console.log(
  `  ratio           ${(floorSeconds === 0 ? 0 : classifySeconds / floorSeconds).toFixed(1)}x the floor (target: within 10x)`,
);
console.log(
  `  cold start      median ${coldRuns[3]?.toFixed(0)} ms for a fresh process to import the bundle and classify one dispatch (target < 150 ms); bare node -e 0: ${bare[3]?.toFixed(0)} ms`,
);
console.log(`  bundle          ${(readFileSync(bundle).length / 1024).toFixed(0)} KB minified`);
if (sink < 0) console.log(sink);
