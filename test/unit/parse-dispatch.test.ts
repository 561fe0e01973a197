import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DispatchContext, parseDispatch } from '../../shared/domain/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dispatches/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);
const received: DispatchContext = { receivedAt: '2026-11-22T06:00:00Z' };
const PROSE = 'The Russian foreign minister said on Tuesday that the treaty must stay in force as written.';

function parsed(input: Uint8Array | string, context: DispatchContext = received) {
  const result = parseDispatch(typeof input === 'string' ? bytes(input) : input, context);
  if (!result.ok) throw new Error(`expected a dispatch, got ${result.error.code}: ${result.error.message}`);
  return result.dispatch;
}

describe('header', () => {
  it.each([
    [
      'one line',
      'Publication: Monitor Volume: 7 Issue: 105',
      { publication: 'Monitor', volume: 7, issue: 105 },
    ],
    [
      'with author',
      'Publication: Monitor Volume: 6 Issue: 12 By: Anna Petrova',
      { volume: 6, issue: 12, author: 'Anna Petrova' },
    ],
    [
      'split over two lines',
      'Publication: Monitor Volume: 8\nIssue: 3 By: Anna Petrova',
      { volume: 8, issue: 3, author: 'Anna Petrova' },
    ],
    [
      'author on its own line',
      'Publication: Monitor Volume: 8 Issue: 3\nBy: Anna Petrova',
      { issue: 3, author: 'Anna Petrova' },
    ],
    [
      'another publication name',
      'Publication: Prism Volume: 5 Issue: 9',
      { publication: 'Prism', volume: 5 },
    ],
  ])('reads a header %s', (_name, header, expected) => {
    // Act
    const dispatch = parsed(`${header}\n\n${PROSE}`);
    // Assess
    expect(dispatch).toMatchObject(expected);
    expect(dispatch.text).toBe(PROSE);
  });

  it('treats a file without a header as headerless, keeping every paragraph', () => {
    const dispatch = parsed(fixture('headerless.txt'), {
      ...received,
      sourceKey: 'incoming/2001-11-02-reply.txt',
    });
    expect(dispatch).toMatchObject({ publication: null, volume: null, issue: null });
    expect(dispatch.paragraphs).toHaveLength(2);
  });

  it('rejects a header line it cannot read, quoting it', () => {
    const result = parseDispatch(bytes(`Publication: Monitor Volume: seven\n\n${PROSE}`), received);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('malformed-header');
    expect(!result.ok && result.error.message).toContain('Volume: seven');
  });
});

describe('citations', () => {
  it.each([
    ['one outlet', '(Interfax, June 20).', [['Interfax', '2000-06-20']]],
    [
      'two outlets sharing a date',
      '(Vremya MN, Izvestia, May 29).',
      [
        ['Vremya MN', '2000-05-29'],
        ['Izvestia', '2000-05-29'],
      ],
    ],
    [
      'two groups',
      '(New York Times, May 28; AFP, March 29).',
      [
        ['New York Times', '2000-05-28'],
        ['AFP', '2000-03-29'],
      ],
    ],
    ['a day range, citing the last day', '(Kommersant, June 7-8).', [['Kommersant', '2000-06-08']]],
    ['an abbreviated month', '(Reuters, Sept. 4).', [['Reuters', '2000-09-04']]],
    [
      'an undated group sharing the next date',
      '(NASA briefing; Reuters, July 12).',
      [
        ['NASA briefing', '2000-07-12'],
        ['Reuters', '2000-07-12'],
      ],
    ],
  ])('splits %s', (_name, tail, expected) => {
    // Issue 120 came out in late June: citations of the spring and summer are its own year's.
    const dispatch = parsed(`Publication: Monitor Volume: 6 Issue: 120\n\n${PROSE.slice(0, -1)} ${tail}`);
    const citations = dispatch.paragraphs.flatMap((paragraph) =>
      paragraph.citations.map((c) => [c.outlet, c.date]),
    );
    expect(citations).toEqual(expected);
  });

  it.each([
    [
      'an acronym',
      'The Anti-Ballistic Missile (ABM) treaty was signed in 1972 and has been amended once since then.',
    ],
    [
      'an aside inside a sentence',
      'The minister (speaking in Moscow, May 3) said the treaty would remain in force for now.',
    ],
    [
      'a cross-reference',
      'The minister repeated his warning about the treaty and its future once again (see the Monitor, May 3).',
    ],
    [
      'a parenthesis without a date',
      'The minister repeated his warning about the treaty and its future once again (Interfax, Reuters).',
    ],
  ])('does not take %s for a citation', (_name, paragraph) => {
    const dispatch = parsed(`Publication: Monitor Volume: 6 Issue: 1\n\n${paragraph}`);
    expect(dispatch.paragraphs[0]?.citations).toEqual([]);
  });

  it('finds a citation that closes a sentence in the middle of a paragraph', () => {
    const dispatch = parsed(
      `Publication: Monitor Volume: 7 Issue: 1\n\n${PROSE.slice(0, -1)} (Washington Post, May 30). Then the talks resumed in earnest.`,
    );
    expect(dispatch.paragraphs[0]?.citations.map((c) => c.outlet)).toEqual(['Washington Post']);
  });

  it('reads the outlets that write their names in lower case: dpa, taz', () => {
    const dispatch = parsed(
      `Publication: Monitor Volume: 5 Issue: 1\n\n${PROSE.slice(0, -1)} (dpa, Reuters, February 6; taz, February 8).`,
    );
    expect(dispatch.paragraphs[0]?.citations.map((c) => c.outlet)).toEqual(['dpa', 'Reuters', 'taz']);
    expect(dispatch.date).toBe('1999-02-08');
  });

  it.each([
    [
      '(die tageszeitung, February 21; Frankfurter Allgemeine Zeitung, February 22)',
      ['die tageszeitung', 'Frankfurter Allgemeine Zeitung'],
    ],
    ['(joint statement, February 21; Reuters, February 22)', ['joint statement', 'Reuters']],
    ['(joint statement, February 21)', []],
    ['(signed in Moscow, February 21)', []],
    [
      '(State Department briefings, February 20, 21; Reuters, February 21)',
      ['State Department briefings', 'Reuters'],
    ],
  ])('reads a lower-case name as an outlet only beside a capitalised one: %s', (citation, outlets) => {
    // Act
    const dispatch = parsed(`Publication: Monitor Volume: 7 Issue: 40\n\n${PROSE.slice(0, -1)} ${citation}.`);
    // Assess
    expect(dispatch.paragraphs[0]?.citations.map((c) => c.outlet)).toEqual(outlets);
  });

  it('records where each citation group starts in its paragraph', () => {
    const paragraph = `${PROSE.slice(0, -1)} (Interfax, June 20).`;
    const dispatch = parsed(`Publication: Monitor Volume: 6 Issue: 1\n\n${paragraph}`);
    const offset = dispatch.paragraphs[0]?.citations[0]?.offset ?? -1;
    expect(paragraph.slice(offset, offset + 10)).toBe('(Interfax,');
  });
});

describe('dispatch date', () => {
  it('takes the year from the volume and the day from the latest citation', () => {
    const dispatch = parsed(fixture('headered.txt'));
    expect(dispatch).toMatchObject({ date: '2000-06-21', dateSource: 'header-citations' });
  });

  it('puts December citations of a January issue in the year before', () => {
    const dispatch = parsed(fixture('split-header.txt'));
    const dates = dispatch.paragraphs.flatMap((paragraph) => paragraph.citations.map((c) => c.date));
    expect(dates).toEqual(['2001-12-14', '2001-12-28', '2002-01-03']);
    expect(dispatch.date).toBe('2002-01-03');
  });

  it('puts a citation months after the day its issue number gives in the year before', () => {
    // Prepare: issue 1 of volume 8 (2002) came out in the first days of January
    const text = `Publication: Monitor Volume: 8 Issue: 1\n\n${PROSE.slice(0, -1)} (Interfax, December 30).`;
    // Act
    const dispatch = parsed(text);
    // Assess
    expect(dispatch.date).toBe('2001-12-30');
  });

  it('dates by issue number only the daily Monitor: Prism’s issue 9 came out in May', () => {
    // Prepare
    const text = `Publication: Prism Volume: 5 Issue: 9\n\n${PROSE.slice(0, -1)} (Interfax, May 20).`;
    // Act
    const dispatch = parsed(text);
    // Assess
    expect(dispatch.date).toBe('1999-05-20');
  });

  it('keeps a citation near the day its issue number gives in the volume’s year', () => {
    // Prepare: issue 105 of volume 7 (2001) came out at the end of May
    const text = `Publication: Monitor Volume: 7 Issue: 105\n\n${PROSE.slice(0, -1)} (Interfax, May 30).`;
    // Act
    const dispatch = parsed(text);
    // Assess
    expect(dispatch.date).toBe('2001-05-30');
  });

  it.each<[string, DispatchContext, string, string]>([
    [
      'upload metadata',
      {
        ...received,
        sourceKey: 'incoming/2001/08/14/x.txt',
        published: { value: '2001-08-13', from: 'metadata' },
      },
      '2001-08-13',
      'metadata',
    ],
    [
      'a feed date (RFC 822)',
      { ...received, published: { value: 'Tue, 14 Aug 2001 09:00:00 GMT', from: 'feed' } },
      '2001-08-14',
      'feed',
    ],
    [
      'a slashed date in the key',
      { ...received, sourceKey: 'incoming/2001/08/14/rumsfeld.txt' },
      '2001-08-14',
      'object-key',
    ],
    [
      'a dashed date in the key',
      { ...received, sourceKey: 'incoming/2001-08-14-rumsfeld.txt' },
      '2001-08-14',
      'object-key',
    ],
    ['the upload time', { ...received, sourceKey: 'incoming/rumsfeld.txt' }, '2026-11-22', 'received'],
    [
      'the upload time, when the key date does not exist',
      { ...received, sourceKey: 'incoming/2001-02-30-x.txt' },
      '2026-11-22',
      'received',
    ],
  ])('dates a headerless dispatch from %s', (_name, context, date, dateSource) => {
    const dispatch = parsed(fixture('headerless.txt'), context);
    expect(dispatch).toMatchObject({ date, dateSource });
  });

  it('resolves a headerless dispatch’s citations against its key date', () => {
    const text = `${PROSE.slice(0, -1)} (Interfax, December 30). More followed in the new year (Itar-Tass, January 2).`;
    const dispatch = parsed(text, { ...received, sourceKey: 'incoming/2002-01-02-reply.txt' });
    expect(dispatch.paragraphs[0]?.citations.map((c) => c.date)).toEqual(['2001-12-30', '2002-01-02']);
  });

  it('falls back to the volume year when a headered dispatch has no citations or other date', () => {
    const dispatch = parsed(`Publication: Monitor Volume: 7 Issue: 4\n\n${PROSE}`);
    expect(dispatch).toMatchObject({ date: '2001-01-01', dateSource: 'header-year' });
  });
});

describe('identity', () => {
  it('gives the same id to typographic variants of one text', () => {
    const curly = parsed(
      'Publication: Monitor Volume: 7 Issue: 1\n\nMoscow’s “firm” answer – again — was   no, the minister said today.',
    );
    const plain = parsed('Moscow\'s "firm" answer - again - was no,\nthe minister said today.');
    expect(curly.id).toBe(plain.id);
    expect(curly.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different ids to different texts', () => {
    expect(parsed(PROSE).id).not.toBe(parsed(PROSE.replace('Tuesday', 'Wednesday')).id);
  });

  it('reads Windows line endings like Unix ones', () => {
    const dispatch = parsed(fixture('crlf.txt'));
    expect(dispatch.paragraphs).toHaveLength(1);
    expect(dispatch.date).toBe('2001-05-04');
  });

  it('takes a short first line without a full stop as the title', () => {
    const dispatch = parsed(
      `Publication: Monitor Volume: 7 Issue: 2\n\nMoscow digs in over the ABM treaty\n\n${PROSE}`,
    );
    expect(dispatch.title).toBe('Moscow digs in over the ABM treaty');
    expect(dispatch.paragraphs).toHaveLength(1);
  });
});

describe('rejections', () => {
  it.each<[string, Uint8Array, string]>([
    ['an empty file', new Uint8Array(), 'empty'],
    ['only whitespace', bytes(' \n\t\r\n  '), 'empty'],
    ['NUL bytes', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]), 'binary'],
    ['more than 1 MB', bytes(`${PROSE}\n\n`.repeat(12_000)), 'too-large'],
    [
      'bytes no known charset reads as words',
      Uint8Array.from([...bytes('Text '), 0xa6, 0xa7, 0xa9, 0xac, 0xae, 0xb0, 0xb1, 0xb6]),
      'invalid-encoding',
    ],
    ['a header with no prose after it', bytes('Publication: Monitor Volume: 7 Issue: 1\n\n'), 'no-prose'],
    ['a list of words', bytes('ABM NMD START\nmissile treaty\n'), 'no-prose'],
  ])('rejects %s with a reason code', (_name, input, code) => {
    // Act
    const result = parseDispatch(input, received);
    // Assess
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.name).toBe('DispatchRejectedError');
  });
});
