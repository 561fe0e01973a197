/**
 * Classification throughput on one core, against a floor: reading the same bytes and running one
 * precompiled regular-expression pass over them. The classifier is measured as a Lambda ships it
 * (bundled and minified by esbuild), in a child process of its own, so the TypeScript loader the
 * other scripts run under is not part of the figure. Also the cold start of a fresh Node process
 * that imports the bundle and classifies one dispatch.
 *
 *   npm run bench:classify [-- ROUNDS]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { corpusFiles } from '../cli/commands/start.js';
import { CORPUS_DIRECTORIES } from '../eval/labelled-corpus.js';

const ROUNDS = Number(process.argv[2] ?? 40);
const RUNS = 5;
const files = CORPUS_DIRECTORIES.flatMap((directory) => corpusFiles(directory));

const directory = mkdtempSync(join(tmpdir(), 'treatywatch-classify-'));
const build = (name: string, source: string) => {
  const entry = join(directory, `${name}.ts`);
  const outfile = join(directory, `${name}.mjs`);
  writeFileSync(entry, source);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    outfile,
    logLevel: 'silent',
  });
  return outfile;
};
const domain = JSON.stringify(join(process.cwd(), 'shared/domain/index.ts'));
const classifier = JSON.stringify(join(process.cwd(), 'shared/domain/classify/index.ts'));

// One process per run: parse every file once, warm up, then time the classifier and the floor.
const throughput = build(
  'throughput',
  `import { readFileSync } from 'node:fs';
import { parseDispatch } from ${domain};
import { classifyDispatch } from ${classifier};
const [rounds, ...paths] = process.argv.slice(2);
const dispatches = paths
  .map((path) => parseDispatch(readFileSync(path), { receivedAt: '2001-06-01T00:00:00Z' }))
  .flatMap((result) => (result.ok ? [result.dispatch] : []));
const bytes = dispatches.reduce((sum, dispatch) => sum + Buffer.byteLength(dispatch.text), 0);
const encoded = dispatches.map((dispatch) => Buffer.from(dispatch.text));
const FLOOR = /\\b(?:[A-Z][a-z]+|ABM|NMD|START)\\b/g;
let sink = 0;
const floor = () => { for (const raw of encoded) for (const _ of raw.toString('utf8').matchAll(FLOOR)) sink++; };
const classify = () => { for (const dispatch of dispatches) sink += classifyDispatch(dispatch).stances.length; };
for (let round = 0; round < 5; round++) { classify(); floor(); }
const time = (run) => { const start = performance.now(); for (let round = 0; round < Number(rounds); round++) run(); return (performance.now() - start) / 1000; };
const classifySeconds = time(classify);
const floorSeconds = time(floor);
process.stdout.write(JSON.stringify({ dispatches: dispatches.length, bytes, classifySeconds, floorSeconds, sink }));`,
);
const cold = build(
  'cold',
  `import { readFileSync } from 'node:fs';
import { parseDispatch } from ${domain};
import { classifyDispatch } from ${classifier};
const parsed = parseDispatch(readFileSync(process.argv[2]), { receivedAt: new Date().toISOString() });
if (parsed.ok) process.stdout.write(String(classifyDispatch(parsed.dispatch).stances.length));`,
);

interface Run {
  dispatches: number;
  bytes: number;
  classifySeconds: number;
  floorSeconds: number;
}
const runs: Run[] = Array.from({ length: RUNS }, () =>
  JSON.parse(execFileSync('node', [throughput, String(ROUNDS), ...files], { encoding: 'utf8' })),
);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const first = runs[0] as Run;
const total = first.dispatches * ROUNDS;
const rates = runs.map((run) => total / run.classifySeconds);
const floors = runs.map((run) => total / run.floorSeconds);
const ratios = runs.map((run) => run.classifySeconds / run.floorSeconds);
const timed = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const sampleFile = corpusFiles('corpus/sample')[0] as string;
const coldRuns = Array.from({ length: 7 }, () => timed(() => execFileSync('node', [cold, sampleFile])));
const bare = Array.from({ length: 7 }, () => timed(() => execFileSync('node', ['-e', '0'])));
const megabytes = (rate: number) => ((rate * first.bytes) / first.dispatches / 1e6).toFixed(2);
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

console.log(
  `classifier benchmark: ${first.dispatches} dispatches (${(first.bytes / 1e3).toFixed(0)} KB) x ${ROUNDS} rounds, ${RUNS} runs, one core, bundled as a Lambda ships it`,
);
console.log(
  `  classify        median ${median(rates).toFixed(0)} dispatches/s (${range(rates)}), ${megabytes(median(rates))} MB/s (target ≥ 1,000 dispatches/s)`,
);
console.log(
  `  floor           median ${median(floors).toFixed(0)} dispatches/s, ${megabytes(median(floors))} MB/s (read the bytes + one precompiled regex pass)`,
);
console.log(
  `  ratio           median ${median(ratios).toFixed(1)}x the floor (${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}; target: within 10x)`,
);
console.log(
  `  cold start      median ${median(coldRuns).toFixed(0)} ms for a fresh process to import the bundle and classify one dispatch (target < 150 ms); bare node -e 0: ${median(bare).toFixed(0)} ms`,
);
console.log(`  bundle          ${(readFileSync(cold).length / 1024).toFixed(0)} KB minified`);
