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
