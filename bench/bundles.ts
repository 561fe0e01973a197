/**
 * The size of each Lambda bundle, built as the CDK app builds them (minified ESM, the AWS SDK
 * left to the runtime), against the 500 KB target.
 *
 *   npm run bench:bundles
 */
import { readdirSync } from 'node:fs';
import { buildSync } from 'esbuild';

const TARGET = 500 * 1024;
const handlers = readdirSync('functions').map((name) => ({ name, entry: `functions/${name}/handler.ts` }));
let over = 0;
console.log('Lambda bundles (minified ESM, @aws-sdk/* external as in NodejsFunction):');
for (const { name, entry } of handlers) {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    write: false,
    external: ['@aws-sdk/*'],
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  const size = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);
  if (size > TARGET) over++;
  console.log(
    `  ${name.padEnd(12)} ${(size / 1024).toFixed(0).padStart(6)} KB ${size > TARGET ? 'over the 500 KB target' : 'within 500 KB'}`,
  );
}
if (over > 0) console.log(`${over} bundle(s) over target`);
