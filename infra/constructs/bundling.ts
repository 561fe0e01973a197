// No CDK imports here: `npm run bench:bundles` reads these without loading aws-cdk-lib.

/** Each function's bundle (index.mjs, minified, source map apart) stays within this. */
export const BUNDLE_LIMIT_BYTES = 500 * 1024;

/**
 * The esbuild settings every function is bundled with, beyond minified ESM with the AWS SDK left
 * to the runtime; `npm run bench:bundles` builds with the same ones.
 */
export const BUNDLE = {
  target: 'node24',
  mainFields: ['module', 'main'],
  // CommonJS dependencies (rss-parser, xml2js, sax) require Node built-ins: ESM needs a require.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;
