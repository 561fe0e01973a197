import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../shared/domain/', import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, source: readFileSync(join(root, name), 'utf8') }));

/** The domain is pure: no cloud SDK, no environment, no clock, no file or network I/O. */
const FORBIDDEN = [
  { what: 'an AWS SDK import', pattern: /from ['"]@aws-sdk\// },
  { what: 'process.env', pattern: /process\.env/ },
  { what: 'a clock read', pattern: /Date\.now\(|new Date\(\)/ },
  { what: 'file system access', pattern: /from ['"](?:node:)?fs(?:\/promises)?['"]/ },
  { what: 'network access', pattern: /from ['"](?:node:)?(?:http|https|net|dns)['"]|\bfetch\(/ },
  { what: 'an adapter import', pattern: /from ['"][./]*\/adapters\// },
];

describe('shared/domain', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('contains no $what', ({ pattern }) => {
    const offenders = files.filter((file) => pattern.test(file.source)).map((file) => file.name);
    expect(offenders).toEqual([]);
  });
});
