import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/digest/make-handler.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { DynamoDbDigestLog } from '../../shared/adapters/dynamodb/dynamodb-digest-log.js';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import { renderDigestText } from '../../shared/domain/digest/index.js';
import type { Clock } from '../../shared/ports/clock.js';
import { buildDigest } from '../../shared/usecases/build-digest.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
const golden = new URL('../fixtures/digest/sample-digest.txt', import.meta.url);
const sample = new URL('../../corpus/sample/', import.meta.url);

async function ingestFiles(runtime: LocalRuntime, files: { name: string; body: Buffer }[]) {
  const bodies = [];
  for (const file of files)
    bodies.push(
      s3Notification(
        runtime.config.bucketName,
        `incoming/${file.name}`,
        await upload(runtime, `incoming/${file.name}`, file.body),
      ),
    );
  for (let index = 0; index < bodies.length; index += 10)
    await runtime.handler(sqsEvent(...bodies.slice(index, index + 10)));
}

describe('the digest of the sample corpus', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
    const files = readdirSync(sample)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ name, body: readFileSync(new URL(name, sample)) }));
    await ingestFiles(runtime, files);
  });
  afterAll(() => runtime.stop());

  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it after a deliberate change)', async () => {
    // Act
    const input = await buildDigest(
      { ...runtime.adapters, clock: fixedClock('2026-11-22T06:00:00Z') },
      { since: '1999-01-01', until: '2002-12-31' },
    );
    const text = renderDigestText(input);
    // Assess
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
    expect(input.shifts.length).toBeGreaterThan(5);
  });
});

describe('positions are ordered by dispatch date, not arrival', () => {
  const later = {
    name: '2002-01-03-split.txt',
    body: readFileSync(new URL('../fixtures/dispatches/split-header.txt', import.meta.url)),
  };
  const earlier = {
    name: '2000-06-21-ivanov.txt',
    body: readFileSync(new URL('../fixtures/dispatches/headered.txt', import.meta.url)),
  };

  it('gives the same shifts whichever dispatch arrives first', async () => {
    // Prepare
    const inOrder = await startTestRuntime({ relayS3Events: false });
    const reversed = await startTestRuntime({ relayS3Events: false });
    try {
      // Act
      await ingestFiles(inOrder, [earlier]);
      await ingestFiles(inOrder, [later]);
      await ingestFiles(reversed, [later]);
      await ingestFiles(reversed, [earlier]);
      // Assess
      const shifts = async (runtime: LocalRuntime) =>
        (await runtime.adapters.positions.shiftsBetween('1990-01-01', '2099-12-31')).map(
          (shift) => `${shift.date} ${shift.actor} ${shift.topic} ${shift.kind} ${shift.to}`,
        );
      expect(await shifts(reversed)).toEqual(await shifts(inOrder));
      expect((await shifts(inOrder)).length).toBeGreaterThan(0);
    } finally {
      await Promise.all([inOrder.stop(), reversed.stop()]);
    }
  });
});

describe('case 11: the daily digest is sent exactly once per date', () => {
  let runtime: LocalRuntime;
  const ses = mockClient(SESv2Client);
  const handlerAt = (iso: string, alwaysSend = false) =>
    makeHandler({
      ...runtime.adapters,
      clock: fixedClock(iso),
      digests: new DynamoDbDigestLog(runtime.adapters.documentClient, runtime.config.tableName),
      mailer: new SesMailer(new SESv2Client({ region: 'us-east-1' })),
      settings: { sender: 'digest@example.org', recipients: ['analyst@example.org'], alwaysSend },
      logger: new Logger({ logLevel: 'SILENT' }),
    });

  beforeAll(async () => {
    runtime = await startTestRuntime({ relayS3Events: false });
    const body = readFileSync(new URL('../fixtures/dispatches/headered.txt', import.meta.url));
    await ingestFiles(runtime, [{ name: '2000-06-21-ivanov.txt', body }]);
  });
  beforeEach(() => ses.reset());
  afterAll(() => {
    ses.restore();
    return runtime.stop();
  });

  it('sends one mail when invoked three times for the same date', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const handler = handlerAt('2000-06-21T07:00:00Z');
    const results = await Promise.all([handler({}), handler({}), handler({})]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['already-sent', 'already-sent', 'sent']);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    const mail = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(mail?.Content?.Simple?.Subject?.Data).toMatch(/^treatywatch digest 2000-06-20 to 2000-06-21/);
    expect(mail?.Content?.Simple?.Body?.Html?.Data).toContain('RUS on ABM: new position');
  });

  it('sends nothing on a day when no position moved', async () => {
    const result = await handlerAt('2000-06-25T07:00:00Z')({});
    expect(result.outcome).toBe('nothing-to-send');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('sends a "no change" digest on a quiet day when configured to always send', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-2' });
    const result = await handlerAt('2000-06-26T07:00:00Z', true)({});
    expect(result.outcome).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Body?.Text?.Data).toContain(
      'No position moved in this period.',
    );
  });

  it('does not mark a failed send as sent, and the retry sends it', async () => {
    // Prepare: a second dispatch makes a new shift; SES fails once, then accepts
    const body = readFileSync(new URL('../fixtures/dispatches/split-header.txt', import.meta.url));
    await ingestFiles(runtime, [{ name: '2002-01-03-split.txt', body }]);
    ses
      .on(SendEmailCommand)
      .rejectsOnce(new Error('Throttling: Maximum sending rate exceeded'))
      .resolves({ MessageId: 'm-3' });
    const handler = handlerAt('2002-01-03T07:00:00Z', true);
    // Act
    await expect(handler({})).rejects.toThrow(/Maximum sending rate/);
    const retried = await handler({});
    // Assess
    expect(retried.outcome).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });
});
