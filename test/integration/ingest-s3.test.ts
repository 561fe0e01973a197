import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { classifyDispatch, defaultDictionaries } from '../../shared/domain/classify/index.js';
import type { IngestOutcome } from '../../shared/usecases/ingest-objects.js';
import { s3Notification, sqsEvent } from '../support/events.js';
import { startTestRuntime } from '../support/local-services.js';
import { upload } from '../support/upload.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dispatches/${name}`, import.meta.url));
const testEvent = readFileSync(new URL('../fixtures/events/s3-test-event.json', import.meta.url), 'utf8');
const PROSE = 'The Russian defense minister said on Monday that strategic stability rests on the 1972 treaty';

describe('ingest-s3 handler on s3rver and DynamoDB Local, delivered by hand', () => {
  let runtime: LocalRuntime;
  const outcomes: IngestOutcome[] = [];
  const notify = async (key: string, body: Uint8Array | string) =>
    s3Notification(runtime.config.bucketName, key, await upload(runtime, key, body));

  let classifierCalls = 0;

  beforeAll(async () => {
    runtime = await startTestRuntime({
      relayS3Events: false,
      observe: (outcome) => outcomes.push(outcome),
      classify: (dispatch) => {
        classifierCalls++;
        return classifyDispatch(dispatch);
      },
    });
  });
  afterAll(() => runtime.stop());

  it('stores a dispatch whose key S3 URL-encoded, with the key decoded', async () => {
    // Prepare
    const key = 'incoming/2000/06/21/ivanov on abm+nmd.txt';
    const body = await notify(key, fixture('headered.txt'));
    // Act
    const response = await runtime.handler(sqsEvent(body));
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const stored = await runtime.adapters.dispatches.listDispatches({ from: '2000-06-21', to: '2000-06-21' });
    expect(stored.map((item) => (item.source.kind === 's3' ? item.source.key : ''))).toEqual([key]);
    expect(stored[0]?.dispatch.paragraphs[0]?.citations).toEqual([
      { outlet: 'Interfax', date: '2000-06-20', offset: expect.any(Number) },
    ]);
  });

  it('case 1: stores an object event delivered 3 times once and counts 2 duplicates', async () => {
    // Prepare
    outcomes.length = 0;
    const body = await notify('incoming/2002-01-03-split.txt', fixture('split-header.txt'));
    const callsBefore = classifierCalls;
    // Act: one delivery, then the same notification relayed twice more as new SQS messages
    await runtime.handler(sqsEvent(body));
    await runtime.handler(sqsEvent(body));
    await runtime.handler(sqsEvent(body));
    // Assess
    const stored = await runtime.adapters.dispatches.listDispatches({ from: '2002-01-03', to: '2002-01-03' });
    expect(stored).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['stored', 'duplicate', 'duplicate']);
    expect(classifierCalls - callsBefore).toBe(1);
  });

  it('stores the classification with its rules version and evidence', async () => {
    const body = await notify('incoming/2000-06-21-classified.txt', fixture('headered.txt'));
    await runtime.handler(sqsEvent(body));
    const [stored] = await runtime.adapters.dispatches.listDispatches({
      from: '2000-06-21',
      to: '2000-06-21',
    });
    expect(stored?.classification?.rulesVersion).toBe(defaultDictionaries().version);
    expect(stored?.classification?.topics.map((topic) => topic.topic).sort()).toEqual(['ABM', 'NMD']);
    expect(stored?.classification?.stances).toContainEqual(
      expect.objectContaining({
        actor: 'RUS',
        topic: 'ABM',
        stance: 'support',
        evidence: expect.arrayContaining([expect.objectContaining({ speaker: 'Igor Ivanov' })]),
      }),
    );
  });

  it('stores the same text uploaded under two keys once', async () => {
    outcomes.length = 0;
    const first = await notify('incoming/copy-a.txt', `${PROSE} (Interfax, March 3).`);
    const second = await notify('incoming/copy-b.txt', `${PROSE}  (Interfax, March 3).`);
    await runtime.handler(sqsEvent(first, second));
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'stored']);
    const duplicate = outcomes.find((outcome) => outcome.kind === 'duplicate');
    const stored = await runtime.adapters.dispatches.getDispatch(
      duplicate && 'dispatchId' in duplicate ? (duplicate.dispatchId ?? '') : '',
    );
    expect(stored?.duplicateDeliveries).toBe(1);
  });

  it('acknowledges an s3:TestEvent and stores nothing', async () => {
    outcomes.length = 0;
    const before = (await runtime.adapters.rejects.listRejects({ includeReplayed: true })).length;
    const response = await runtime.handler(sqsEvent(testEvent));
    expect(response.batchItemFailures).toEqual([]);
    expect(outcomes).toEqual([]);
    expect(await runtime.adapters.rejects.listRejects({ includeReplayed: true })).toHaveLength(before);
  });

  it('case 4: keeps a malformed body in the dead-letter store with its reason and acknowledges it', async () => {
    const response = await runtime.handler(sqsEvent('{"Records": "not a list"}', 'not json at all'));
    expect(response.batchItemFailures).toEqual([]);
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    const malformed = rejects.filter((reject) => reject.code === 'malformed-event');
    expect(malformed.map((reject) => reject.source)).toEqual(
      expect.arrayContaining([
        { kind: 'event', body: '{"Records": "not a list"}' },
        { kind: 'event', body: 'not json at all' },
      ]),
    );
    expect(malformed.every((reject) => reject.message.includes('is not an S3 event notification'))).toBe(
      true,
    );
  });

  it('case 3: in a batch of 10 with 2 bad files stores 8, dead-letters 2 and asks for no retry', async () => {
    // Prepare
    outcomes.length = 0;
    const bodies = [];
    for (let index = 0; index < 8; index++) {
      bodies.push(
        await notify(
          `incoming/batch/good-${index}.txt`,
          `${PROSE} (number ${index}) (Itar-Tass, May ${index + 1}).`,
        ),
      );
    }
    bodies.push(await notify('incoming/batch/empty.txt', ''));
    bodies.push(
      await notify('incoming/batch/scan.pdf', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])),
    );
    // Act
    const response = await runtime.handler(sqsEvent(...bodies));
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.kind === 'stored')).toHaveLength(8);
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    const batchRejects = rejects.filter(
      (reject) => reject.source.kind === 's3' && reject.source.key.startsWith('incoming/batch/'),
    );
    expect(
      batchRejects.map((reject) => [reject.source.kind === 's3' && reject.source.key, reject.code]).sort(),
    ).toEqual([
      ['incoming/batch/empty.txt', 'empty'],
      ['incoming/batch/scan.pdf', 'binary'],
    ]);
  });

  it('keeps one dead-letter record for a bad object delivered again, counting attempts', async () => {
    const body = await notify('incoming/bad-twice.txt', '   ');
    await runtime.handler(sqsEvent(body));
    await runtime.handler(sqsEvent(body));
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(
      rejects.filter(
        (reject) => reject.source.kind === 's3' && reject.source.key === 'incoming/bad-twice.txt',
      ),
    ).toHaveLength(1);
  });

  it('dead-letters an object that no longer exists instead of retrying it forever', async () => {
    const body = s3Notification(runtime.config.bucketName, 'incoming/deleted.txt', 'abc123');
    const response = await runtime.handler(sqsEvent(body));
    expect(response.batchItemFailures).toEqual([]);
    const rejects = await runtime.adapters.rejects.listRejects({ includeReplayed: false });
    expect(
      rejects.find((reject) => reject.source.kind === 's3' && reject.source.key === 'incoming/deleted.txt')
        ?.code,
    ).toBe('object-missing');
  });

  it('ignores objects outside the incoming prefix, such as its own archive', async () => {
    outcomes.length = 0;
    const body = await notify('archive/bodies/whatever.json', PROSE);
    const response = await runtime.handler(sqsEvent(body));
    expect(response.batchItemFailures).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  it('keeps text too large for an item in S3 and reads it back whole', async () => {
    // Prepare: about 600 KB of prose, under the 1 MB dispatch limit
    const paragraph = `${PROSE}, and the talks will continue next month in Geneva (Interfax, May 4).`;
    const text = Array.from(
      { length: 5500 },
      (_, index) => `${paragraph.replace('month', `month ${index}`)}`,
    ).join('\n\n');
    const body = await notify('incoming/2001-05-04-long.txt', text);
    // Act
    const response = await runtime.handler(sqsEvent(body));
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const [stored] = await runtime.adapters.dispatches.listDispatches({
      from: '2001-05-04',
      to: '2001-05-04',
    });
    expect(stored?.dispatch.paragraphs).toHaveLength(5500);
    expect(stored?.dispatch.text.length).toBeGreaterThan(500_000);
    expect(stored?.dispatch.paragraphs[5499]?.text).toContain('month 5499');
  });

  it('dates a headerless upload from its x-amz-meta-published metadata', async () => {
    const key = 'incoming/no-date-in-key.txt';
    const etag = await upload(runtime, key, fixture('headerless.txt'), { published: '2001-11-02' });
    await runtime.handler(sqsEvent(s3Notification(runtime.config.bucketName, key, etag)));
    const [stored] = await runtime.adapters.dispatches.listDispatches({
      from: '2001-11-02',
      to: '2001-11-02',
    });
    expect(stored?.dispatch.dateSource).toBe('metadata');
  });
});
