import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);
const bin = new URL('../../bin/treatywatch.mjs', import.meta.url).pathname;
const fixtures = new URL('../fixtures/dispatches/', import.meta.url).pathname;

/** The CLI as a user runs it: a separate process that starts its own local services. */
async function treatywatch(stateDir: string, ...args: string[]) {
  return run('node', [bin, ...args], {
    env: { ...process.env, TREATYWATCH_STATE_DIR: stateDir },
    timeout: 60_000,
  });
}

describe('treatywatch CLI on the embedded local store', () => {
  const work = mkdtempSync(join(tmpdir(), 'treatywatch-cli-'));
  const input = join(work, 'input');
  const stateDir = join(work, 'state');
  let startOutput = '';

  beforeAll(async () => {
    mkdirSync(input);
    for (const name of ['headered.txt', 'split-header.txt', 'headerless.txt'])
      copyFileSync(join(fixtures, name), join(input, name));
    copyFileSync(join(fixtures, 'headered.txt'), join(input, 'headered copy.txt'));
    writeFileSync(join(input, 'empty.txt'), '');
    startOutput = (await treatywatch(stateDir, 'start', '--fresh', '--input', input)).stdout;
  }, 90_000);

  it('start reports stored, duplicate and rejected inputs with reasons', () => {
    expect(startOutput).toContain('Uploads: stored 3 new dispatches · skipped 1 duplicate · rejected 1');
    expect(startOutput).toMatch(/incoming\/empty\.txt\s+empty\s+reject [0-9a-f]{20}/);
    expect(startOutput).toMatch(/\+ [0-9a-f]{12}\s+2002-01-03\s+header-citations\s+3\s+Reactions in Moscow/);
  });

  it('dispatches --json prints a JSON array of what was stored, in date order, from the persisted store', async () => {
    const { stdout } = await treatywatch(stateDir, 'dispatches', '--json');
    const listed: { date: string; paragraphs: unknown[] }[] = JSON.parse(stdout);
    expect(listed.map((dispatch) => dispatch.date)).toEqual(
      expect.arrayContaining(['2000-06-21', '2002-01-03']),
    );
    expect(listed).toHaveLength(3);
  });

  it('rejects --json lists the dead-lettered file with its reason', async () => {
    const { stdout } = await treatywatch(stateDir, 'rejects', '--json');
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        code: 'empty',
        source: expect.objectContaining({ key: 'incoming/empty.txt' }),
      }),
    ]);
  });

  it('reclassify re-runs the stored archive and reports what changed', async () => {
    const { stdout } = await treatywatch(stateDir, 'reclassify', '--dry-run');
    expect(stdout).toMatch(
      /3 dispatches reclassified with rules topics-[^:]+: 0 changed, 3 unchanged \(dry run: nothing written\)\./,
    );
  });

  it('classify --json prints one object per file in the public schema, and an error object for a rejected file', async () => {
    // Act
    const result = await treatywatch(
      stateDir,
      'classify',
      '--json',
      join(fixtures, 'headered.txt'),
      join(input, 'empty.txt'),
    ).catch((error: { stdout: string; code: number }) => error);
    // Assess
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line));
    expect(Object.keys(lines[0]).sort()).toEqual([
      'actors',
      'date',
      'dateSource',
      'file',
      'id',
      'people',
      'rulesVersion',
      'stances',
      'topics',
    ]);
    expect(lines[0].stances[0]).toMatchObject({
      actor: 'RUS',
      topic: 'ABM',
      stance: 'support',
    });
    for (const evidence of lines[0].stances[0].evidence)
      expect(evidence).toMatchObject({
        speaker: 'Igor Ivanov',
        citation: [{ outlet: 'Interfax', date: '2000-06-20' }],
      });
    expect(lines[1]).toEqual({
      file: join(input, 'empty.txt'),
      error: { code: 'empty', message: 'dispatch is empty (0 bytes)' },
    });
    expect('code' in result && result.code).toBe(1);
  });

  it('classify --explain shows who holds each cue and what it gave, sentence by sentence', async () => {
    // Act
    const { stdout } = await treatywatch(stateDir, 'classify', '--explain', join(fixtures, 'headered.txt'));
    // Assess
    expect(stdout).toMatch(/^\[0\] /m);
    expect(stdout).toMatch(/^ {3}mention \w+ «[^»]+» → RUS/m);
    expect(stdout).toMatch(/^ {3}=> RUS ABM support \(/m);
    expect(stdout).toMatch(/^stances:\n {3}RUS ABM support/m);
  });

  it('answers positions, shifts and tagged dispatches from the stored classifications', async () => {
    const positions = JSON.parse(
      (await treatywatch(stateDir, 'positions', '--actor', 'RUS', '--json')).stdout,
    );
    expect(positions).toContainEqual(
      expect.objectContaining({ actor: 'RUS', topic: 'ABM', stance: 'support' }),
    );
    const shifts = JSON.parse(
      (await treatywatch(stateDir, 'shifts', '--actor', 'RUS', '--topic', 'ABM', '--json')).stdout,
    );
    expect(shifts[0]).toMatchObject({ kind: 'new', actor: 'RUS', topic: 'ABM', to: 'support' });
    const tagged = JSON.parse((await treatywatch(stateDir, 'dispatches', '--topic', 'ABM', '--json')).stdout);
    expect(tagged.map((item: { date: string }) => item.date)).toContain('2000-06-21');
  });

  it('positions in plain text show the whole statement with its speaker, dispatch and citation', async () => {
    // Act
    const { stdout } = await treatywatch(stateDir, 'positions', '--actor', 'RUS', '--topic', 'ABM');
    // Assess
    expect(stdout).toMatch(/^ {7}“[^”]+[.?!]”$/m);
    expect(stdout).toMatch(
      /^ {7}Igor Ivanov — dispatch [0-9a-f]{12} of 2000-06-21 \(Interfax, 2000-06-20\)$/m,
    );
  });

  it('start wrote the digest of what it ingested, and digest writes one for any period', async () => {
    expect(startOutput).toMatch(/Digest for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} written to/);
    const out = join(work, 'digest');
    const { stdout } = await treatywatch(
      stateDir,
      'digest',
      '--since',
      '2000-01-01',
      '--until',
      '2002-12-31',
      '--out',
      out,
    );
    expect(stdout).toContain('POSITION CHANGES');
    expect(readFileSync(join(out, 'digest.html'), 'utf8')).toContain('<svg');
  });

  it('attaches to the services of a running `serve` instead of starting a second DynamoDB Local on the same files', async () => {
    // Prepare: serve owns the local services while it runs
    const serve = spawn('node', [bin, 'serve', '--port', '0'], {
      env: { ...process.env, TREATYWATCH_STATE_DIR: stateDir },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => {
          const found = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
          if (found) resolve(found[0]);
        });
        serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      // Act
      const listed = JSON.parse((await treatywatch(stateDir, 'dispatches', '--json')).stdout);
      const api = z
        .object({ items: z.array(z.unknown()) })
        .parse(await (await fetch(`${url}/dispatches?limit=2`)).json());
      const start = treatywatch(stateDir, 'start');
      // Assess
      expect(listed).toHaveLength(3);
      expect(api.items).toHaveLength(2);
      await expect(start).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('the local services are running in process'),
      });
    } finally {
      serve.kill('SIGINT');
      await new Promise((resolve) => serve.once('exit', resolve));
    }
  });

  it('reports a deployed stack it cannot reach in one line, without a stack trace', async () => {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, ...env } = process.env;
    const noCredentials = run(
      'node',
      [bin, 'dispatches', '--table', 'Treatywatch-Table', '--bucket', 'b', '--region', 'us-east-1'],
      { env: { ...env, HOME: work, AWS_EC2_METADATA_DISABLED: 'true' }, timeout: 60_000 },
    );
    const failure = await noCredentials.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^treatywatch: AWS refused the request: CredentialsProviderError: .+\n$/);
  });

  it('refuses a bad date with a clear message and exit code', async () => {
    await expect(treatywatch(stateDir, 'dispatches', '--from', '31/05/2001')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"31/05/2001" is not a date like 2001-05-31'),
    });
  });

  it.each([
    [
      'digest',
      '--since',
      '2002-01-01',
      '--until',
      '2001-01-01',
      '--until 2001-01-01 is before --since 2002-01-01',
    ],
    [
      'shifts',
      '--since',
      '2002-01-01',
      '--until',
      '2001-01-01',
      '--until 2001-01-01 is before --since 2002-01-01',
    ],
    [
      'dispatches',
      '--from',
      '2002-01-01',
      '--to',
      '2001-01-01',
      '--to 2001-01-01 is before --from 2002-01-01',
    ],
  ])('%s refuses a reversed date range naming both options, without an AWS error', async (...args) => {
    // Prepare
    const message = args.pop() ?? '';
    // Act
    const failure = treatywatch(stateDir, ...args);
    // Assess
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(message) });
    await expect(failure).rejects.not.toMatchObject({ stderr: expect.stringContaining('AWS') });
  });

  it('refuses a digest --until before the default --since, without an AWS error', async () => {
    // Act
    const failure = treatywatch(stateDir, 'digest', '--until', '1985-01-01');
    // Assess
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: 'treatywatch: --until 1985-01-01 is before 1990-01-01, the default --since: give --since\n',
    });
  });

  it('refuses a date that is not in the calendar, as the query API does', async () => {
    // Act
    const failure = treatywatch(stateDir, 'positions', '--as-of', '2001-02-30');
    // Assess
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"2001-02-30" is no day of the calendar'),
    });
  });

  it('reads actor and topic codes in any case', async () => {
    // Act
    const { stdout } = await treatywatch(stateDir, 'positions', '--actor', 'rus', '--topic', 'abm', '--json');
    // Assess
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ actor: 'RUS', topic: 'ABM' })]);
  });

  it('says no stored dispatch names an actor, rather than blaming the date range', async () => {
    // Act
    const { stdout } = await treatywatch(stateDir, 'dispatches', '--actor', 'ZZZ');
    // Assess
    expect(stdout.trim()).toBe('No stored dispatch names ZZZ as an actor.');
  });

  it('start walks subdirectories of --input, keeping each path as the key that dates the dispatch', async () => {
    // Prepare
    const nested = join(work, 'nested');
    mkdirSync(join(nested, '2001', '08', '14'), { recursive: true });
    copyFileSync(join(fixtures, 'headerless.txt'), join(nested, '2001', '08', '14', 'ivanov.txt'));
    const nestedState = join(work, 'nested-state');
    // Act
    const { stdout } = await treatywatch(nestedState, 'start', '--input', nested);
    const listed = JSON.parse((await treatywatch(nestedState, 'dispatches', '--json')).stdout);
    // Assess
    expect(stdout).toContain(`Uploaded 1 file from ${nested}/ to s3://treatywatch-local/incoming/`);
    expect(listed).toEqual([
      expect.objectContaining({
        date: '2001-08-14',
        dateSource: 'object-key',
        source: expect.objectContaining({ key: 'incoming/2001/08/14/ivanov.txt' }),
      }),
    ]);
  }, 60_000);

  it('start names the dispatches it could only date by their upload time', async () => {
    // Prepare: a headerless dispatch with no citation, under a key without a date
    const undated = join(work, 'undated');
    mkdirSync(undated, { recursive: true });
    writeFileSync(
      join(undated, 'note.txt'),
      'The Russian Foreign Ministry said that Moscow would not agree to any change in the 1972 ABM treaty, which it called the cornerstone of strategic stability.\n',
    );
    // Act
    const { stdout } = await treatywatch(join(work, 'undated-state'), 'start', '--input', undated);
    // Assess
    expect(stdout).toContain('Note: 1 dispatch is dated by a guess');
    expect(stdout).toMatch(/^ {2}[0-9a-f]{12} {2}\d{4}-\d{2}-\d{2} \(received\)$/m);
  }, 60_000);

  it('start names a missing --input directory in one line, without a stack trace', async () => {
    // Act
    const failure = treatywatch(stateDir, 'start', '--input', join(work, 'does-not-exist'));
    // Assess
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: `treatywatch: --input ${join(work, 'does-not-exist')}: no such directory\n`,
    });
  });

  it('serve on a port in use says so in one line and exits 1', async () => {
    // Prepare
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // Act
      const failure = treatywatch(stateDir, 'serve', '--port', String(port));
      // Assess
      await expect(failure).rejects.toMatchObject({
        code: 1,
        stderr: `treatywatch: port ${port} is in use; pass --port with another port, or --port 0 for any free one\n`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
