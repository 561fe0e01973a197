import type { Stance } from '../classify/classification.js';
import type { Shift, Timeline } from '../positions/index.js';
import {
  citeObservation,
  type DigestInput,
  digestSubject,
  groupedShifts,
  NONE_HELD,
  shiftHeadline,
} from './digest.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Every piece of dispatch text goes through here: nothing from a dispatch is markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

const COLOURS: Record<Stance, string> = { support: '#1a7f37', oppose: '#cf222e', mixed: '#9a6700' };
const Y: Record<Stance, number> = { support: 14, mixed: 30, oppose: 46 };

/** A small inline timeline: one dot per statement, by date, on three rows (support, mixed, oppose). */
const MAX_DOTS = 80;

export function timelineSvg(timeline: Timeline): string {
  // A long timeline is thinned evenly: the chart shows the drift, the text carries the evidence.
  const all = timeline.observations;
  const step = Math.max(1, Math.ceil(all.length / MAX_DOTS));
  const points = all.filter((_, index) => index % step === 0 || index === all.length - 1);
  if (points.length === 0) return '';
  const times = points.map((point) => Date.parse(point.dispatchDate));
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const x = (time: number) => 60 + Math.round(((time - first) / span) * 300);
  const dots = points
    .map((point, index) => {
      const cx = x(times[index] as number);
      const title = escapeHtml(`${point.dispatchDate}: ${point.stance}`);
      return `<circle cx="${cx}" cy="${Y[point.stance]}" r="4" fill="${COLOURS[point.stance]}"><title>${title}</title></circle>`;
    })
    .join('');
  const label = escapeHtml(`${timeline.actor} on ${timeline.topic}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="380" height="62" role="img" aria-label="${label} over time">`,
    ...(['support', 'mixed', 'oppose'] as const).map(
      (stance) =>
        `<text x="0" y="${Y[stance] + 4}" font-size="10" fill="#57606a">${stance}</text><line x1="55" x2="370" y1="${Y[stance]}" y2="${Y[stance]}" stroke="#d0d7de"/>`,
    ),
    dots,
    `<text x="60" y="60" font-size="9" fill="#57606a">${escapeHtml(points[0]?.dispatchDate ?? '')}</text>`,
    `<text x="370" y="60" font-size="9" fill="#57606a" text-anchor="end">${escapeHtml(points.at(-1)?.dispatchDate ?? '')}</text>`,
    '</svg>',
  ].join('');
}

/** The HTML digest: table-free, inline styles only, so it reads the same in mail clients. */
export function renderDigestHtml(input: DigestInput): string {
  const quote = (text: string, source: string) =>
    `<blockquote style="margin:4px 0 8px 0;padding-left:10px;border-left:3px solid #d0d7de;color:#24292f">“${escapeHtml(text)}”<br><small style="color:#57606a">${escapeHtml(source)}</small></blockquote>`;
  const section = (title: string, body: string) =>
    `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(title)}</h2>${body}`;
  const change = (shift: Shift) => {
    const timeline = input.timelines.find((item) => item.actor === shift.actor && item.topic === shift.topic);
    const before = shift.before.at(-1);
    return [
      `<div style="margin-bottom:14px"><strong>${escapeHtml(`${shift.date} — ${shiftHeadline(shift)}`)}</strong>`,
      before
        ? `<div style="color:#57606a">Before</div>${quote(citeObservation(before).quote, citeObservation(before).source)}`
        : '',
      `<div style="color:#57606a">After</div>${shift.after.map((after) => quote(citeObservation(after).quote, citeObservation(after).source)).join('')}`,
      timeline ? timelineSvg(timeline) : '',
      '</div>',
    ].join('');
  };
  const shifts = groupedShifts(input.shifts)
    .map(
      (group) =>
        `<h3 style="font-size:14px;margin:12px 0 6px">${escapeHtml(`${group.title} (${group.shifts.length})`)}</h3>${group.shifts.map(change).join('')}`,
    )
    .join('');
  const held = input.held
    .map((state) => {
      const basis = state.basis.at(-1);
      const cited = basis ? citeObservation(basis) : undefined;
      return `<div><strong>${escapeHtml(`${state.actor} on ${state.topic}: ${state.stance}`)}</strong> <small>since ${escapeHtml(state.since)}</small>${cited ? quote(cited.quote, cited.source) : ''}</div>`;
    })
    .join('');
  const topics = [
    ...new Set(input.dispatches.flatMap((item) => (item.topics.length > 0 ? item.topics : ['no topic']))),
  ].sort();
  const dispatches = topics
    .map((topic) => {
      const items = input.dispatches
        .filter((item) => (item.topics.length > 0 ? item.topics.includes(topic) : topic === 'no topic'))
        .map(
          (item) =>
            `<li>${escapeHtml(item.date)} · <code>${escapeHtml(item.id.slice(0, 12))}</code> · ${escapeHtml(item.headline)}</li>`,
        )
        .join('');
      return `<h3 style="font-size:14px;margin:10px 0 4px">${escapeHtml(topic)}</h3><ul style="margin:0;padding-left:18px">${items}</ul>`;
    })
    .join('');
  const alerts = input.feedAlerts
    .map(
      (alert) =>
        `<li>${escapeHtml(`${alert.feed}: ${alert.failures} polls in a row — ${alert.lastError}`)}</li>`,
    )
    .join('');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(digestSubject(input))}</title></head>`,
    '<body style="font-family:Georgia,serif;max-width:680px;margin:0 auto;padding:16px;color:#24292f;line-height:1.45">',
    `<h1 style="font-size:20px;margin:0">treatywatch digest</h1><p style="color:#57606a;margin:4px 0 0">Dispatches dated ${escapeHtml(input.period.since)} to ${escapeHtml(input.period.until)} · generated ${escapeHtml(input.generatedAt)}</p>`,
    section(
      `Position changes (${input.shifts.length})`,
      shifts || '<p>No position moved in this period.</p>',
    ),
    section(`Positions that held (${input.held.length})`, held || `<p>${escapeHtml(NONE_HELD)}</p>`),
    section(`Dispatches of the period (${input.dispatches.length})`, dispatches || '<p>None.</p>'),
    alerts ? section('Feeds failing', `<ul>${alerts}</ul>`) : '',
    '</body></html>',
  ].join('\n');
}
