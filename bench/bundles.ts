/**
 * The size of each Lambda bundle, built as the CDK app builds them (minified ESM, the AWS SDK
 * left to the runtime), against the 500 KB target. `--analyze` adds what each bundle is made of
 * (esbuild's metafile, grouped by package), largest first.
 *
 *   npm run bench:bundles
 *   npm run bench:bundles -- --analyze
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildSync, type Metafile } from 'esbuild';
import { BUNDLE, BUNDLE_LIMIT_BYTES as TARGET } from '../infra/constructs/bundling.js';

const analyze = process.argv.includes('--analyze');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0).padStart(6)} KB`;

/** node_modules/@scope/name/… → @scope/name; our own files by their folder. */
function owner(input: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  return inPackage ?? dirname(input);
}

function composition(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      totals.set(owner(input), (totals.get(owner(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].filter(([, bytes]) => bytes >= 1024).sort((a, b) => b[1] - a[1]);
}

const handlers = readdirSync('functions').map((name) => ({ name, entry: `functions/${name}/handler.ts` }));
let over = 0;
console.log('Lambda bundles (minified ESM, @aws-sdk/* external as in NodejsFunction):');
for (const { name, entry } of handlers) {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE.target,
    minify: true,
    write: false,
    outfile: `${name}/index.mjs`,
    metafile: analyze,
    external: ['@aws-sdk/*'],
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    logLevel: 'silent',
  });
  const size = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);
  if (size > TARGET) over++;
  console.log(
    `  ${name.padEnd(12)} ${kb(size)} ${size > TARGET ? 'over the 500 KB target' : 'within 500 KB'}`,
  );
  if (result.metafile) {
    for (const [part, bytes] of composition(result.metafile))
      console.log(`      ${part.padEnd(36)} ${kb(bytes)}`);
  }
}
if (over > 0) {
  console.log(`${over} bundle(s) over target`);
  process.exitCode = 1;
}
