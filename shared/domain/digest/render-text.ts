import {
  citeObservation,
  stripControls as clean,
  type DigestInput,
  groupedShifts,
  NONE_HELD,
  shiftHeadline,
} from './digest.js';

/** The plain-text digest: position changes with before/after evidence, positions that held, the period's dispatches by topic. */
export function renderDigestText(input: DigestInput): string {
  const lines: string[] = [];
  lines.push(`treatywatch digest — dispatches dated ${input.period.since} to ${input.period.until}`);
  lines.push(`generated ${input.generatedAt}`);
  lines.push('');
  lines.push(`POSITION CHANGES (${input.shifts.length})`);
  if (input.shifts.length === 0) lines.push('  No position moved in this period.');
  for (const group of groupedShifts(input.shifts)) {
    lines.push(`  ${group.title} (${group.shifts.length})`);
    for (const shift of group.shifts) {
      lines.push(`* ${shift.date}  ${shiftHeadline(shift)}`);
      const before = shift.before.at(-1);
      if (before) {
        const cited = citeObservation(before);
        lines.push(`    before: “${clean(cited.quote)}”`, `            ${clean(cited.source)}`);
      }
      for (const after of shift.after) {
        const cited = citeObservation(after);
        lines.push(`    after:  “${clean(cited.quote)}”`, `            ${clean(cited.source)}`);
      }
    }
  }
  lines.push('');
  lines.push(`POSITIONS THAT HELD (${input.held.length})`);
  if (input.held.length === 0) lines.push(`  ${NONE_HELD}`);
  for (const state of input.held) {
    const basis = state.basis.at(-1);
    lines.push(`* ${state.actor} on ${state.topic}: ${state.stance} (since ${state.since})`);
    if (basis) {
      const cited = citeObservation(basis);
      lines.push(`    “${clean(cited.quote)}”`, `    ${clean(cited.source)}`);
    }
  }
  lines.push('');
  lines.push(`DISPATCHES OF THE PERIOD (${input.dispatches.length})`);
  const topics = [
    ...new Set(
      input.dispatches.flatMap((dispatch) => (dispatch.topics.length > 0 ? dispatch.topics : ['no topic'])),
    ),
  ].sort();
  for (const topic of topics) {
    lines.push(`  ${topic}`);
    for (const dispatch of input.dispatches.filter((item) =>
      item.topics.length > 0 ? item.topics.includes(topic) : topic === 'no topic',
    )) {
      lines.push(`    ${dispatch.date}  ${dispatch.id.slice(0, 12)}  ${clean(dispatch.headline)}`);
    }
  }
  if (input.feedAlerts.length > 0) {
    lines.push('', 'FEEDS FAILING');
    for (const alert of input.feedAlerts)
      lines.push(`* ${clean(alert.feed)}: ${alert.failures} polls in a row — ${clean(alert.lastError)}`);
  }
  return `${lines.join('\n')}\n`;
}
