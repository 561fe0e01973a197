import { describe, expect, it } from 'vitest';
import type { DigestInput } from '../../shared/domain/digest/index.js';
import {
  digestSubject,
  escapeHtml,
  renderDigestHtml,
  renderDigestText,
} from '../../shared/domain/digest/index.js';
import type { Observation } from '../../shared/domain/positions/index.js';

const hostile = '<script>alert("x")</script> & \'quotes\'';
const observation: Observation = {
  actor: 'RUS',
  topic: 'ABM',
  stance: 'support',
  strength: 0.9,
  dispatchId: 'a'.repeat(64),
  dispatchDate: '2001-05-31',
  evidence: [
    {
      text: hostile,
      start: 0,
      end: hostile.length,
      speaker: 'Igor Ivanov',
      citation: [{ outlet: '<b>Interfax</b>', date: '2001-05-30' }],
    },
  ],
  statementKey: 'k',
};
const input: DigestInput = {
  period: { since: '2001-05-01', until: '2001-05-31' },
  generatedAt: '2026-11-22T06:00:00.000Z',
  shifts: [
    {
      kind: 'new',
      actor: 'RUS',
      topic: 'ABM',
      date: '2001-05-31',
      from: null,
      to: 'support',
      before: [],
      after: [observation],
    },
  ],
  timelines: [{ actor: 'RUS', topic: 'ABM', states: [], shifts: [], observations: [observation] }],
  held: [],
  dispatches: [
    {
      id: 'a'.repeat(64),
      date: '2001-05-31',
      headline: `Title\r\nBcc: victim@example.com ${hostile}`,
      topics: ['ABM'],
    },
  ],
  feedAlerts: [],
};

describe('case 12: untrusted text in the digest', () => {
  it('escapes every piece of dispatch text in the HTML', () => {
    const html = renderDigestHtml(input);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Interfax</b>');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('<svg');
  });

  it('keeps the subject on one line whatever the text holds', () => {
    const subject = digestSubject({
      ...input,
      period: { since: '2001-05-01\r\nBcc: x@example.com', until: '2001-05-31' },
    });
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('writes the shift with its evidence and citation in the text digest', () => {
    const text = renderDigestText(input);
    expect(text).toContain('RUS on ABM: new position — support');
    expect(text).toContain('Igor Ivanov — dispatch aaaaaaaaaaaa of 2001-05-31 (<b>Interfax</b>, 2001-05-30)');
    expect(text).not.toContain('\r');
  });
});

describe('the digest’s position changes', () => {
  const change = (kind: 'new' | 'shift' | 'softened', date: string, actor: string) => ({
    kind,
    actor,
    topic: 'ABM',
    date,
    from: kind === 'new' ? null : ('support' as const),
    to: 'support' as const,
    before: kind === 'new' ? [] : [observation],
    after: [{ ...observation, dispatchDate: date, strength: 0.72 }],
  });

  it('groups them by kind under headings, each group in date order', () => {
    // Prepare
    const shifts = [
      change('softened', '2001-05-03', 'RUS'),
      change('new', '2001-05-20', 'CHN'),
      change('shift', '2001-05-30', 'USA'),
      change('new', '2001-05-02', 'FRA'),
    ];
    // Act
    const text = renderDigestText({ ...input, shifts });
    // Assess
    const changes = text.slice(0, text.indexOf('POSITIONS THAT HELD'));
    const lines = changes.split('\n').filter((line) => /^ {2}[A-Z][a-z]|^\* /.test(line));
    expect(lines).toEqual([
      '  Shifts (1)',
      '* 2001-05-30  USA on ABM: support → support',
      '  New positions (2)',
      '* 2001-05-02  FRA on ABM: new position — support',
      '* 2001-05-20  CHN on ABM: new position — support',
      '  Hardened or softened (1)',
      '* 2001-05-03  RUS on ABM: support, softened',
    ]);
  });

  it('shows how strongly each statement counts, so a reader can tell a sure change from a faint one', () => {
    // Act
    const text = renderDigestText({ ...input, shifts: [change('new', '2001-05-20', 'CHN')] });
    // Assess
    expect(text).toContain('· strength 0.72');
  });
});
