import type { PositionState, Shift } from '../../shared/domain/positions/index.js';
import { type PairFilter, queryPositions, queryShifts } from '../../shared/usecases/queries.js';
import { printable, shortId } from '../format.js';
import type { Session } from '../session.js';

/** A sentence is shown whole unless it runs past this; then it is cut at a word, with an ellipsis. */
const LONGEST_QUOTE = 600;

function whole(text: string): string {
  if (text.length <= LONGEST_QUOTE) return text;
  const cut = text.slice(0, LONGEST_QUOTE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : LONGEST_QUOTE)}…`;
}

/**
 * The statement behind a state, as lines an analyst can check: the sentence, then who said it, the
 * dispatch (its short id, as `show` takes it) and date, and the citation.
 */
export function evidenceLines(basis: PositionState['basis']): string[] {
  const observation = basis.at(-1);
  const evidence = observation?.evidence[0];
  if (!observation || !evidence) return [];
  const cited = evidence.citation?.map((citation) => `${citation.outlet}, ${citation.date}`).join('; ');
  const who = evidence.speaker ? `${evidence.speaker} — ` : '';
  return [
    `“${printable(whole(evidence.text))}”`,
    printable(
      `${who}dispatch ${shortId(observation.dispatchId)} of ${observation.dispatchDate}${cited ? ` (${cited})` : ''}`,
    ),
  ];
}

export async function runPositions(
  session: Session,
  options: PairFilter & { readonly asOf?: string; readonly json: boolean },
  out: (line: string) => void,
) {
  const positions = await queryPositions(session.adapters, options);
  if (options.json) return out(JSON.stringify(positions, null, 2));
  if (positions.length === 0) return out('No positions recorded for that actor, topic and date.');
  out(`Positions as of ${options.asOf ?? 'the latest dispatch'}:`);
  for (const state of positions) {
    out(
      `  ${state.actor.padEnd(4)} ${state.topic.padEnd(5)} ${state.stance.toUpperCase().padEnd(7)} since ${state.since} (strength ${state.strength.toFixed(2)})`,
    );
    for (const line of evidenceLines(state.basis)) out(`       ${line}`);
  }
}

export function describeShift(shift: Shift): string {
  const change =
    shift.kind === 'new'
      ? `new position: ${shift.to}`
      : shift.kind === 'shift'
        ? `${shift.from} → ${shift.to}`
        : `${shift.to}, ${shift.kind}`;
  return `${shift.date}  ${shift.actor} on ${shift.topic}: ${change}`;
}

export async function runShifts(
  session: Session,
  options: PairFilter & { readonly since?: string; readonly until?: string; readonly json: boolean },
  out: (line: string) => void,
) {
  const shifts = await queryShifts(session.adapters, options);
  if (options.json) return out(JSON.stringify(shifts, null, 2));
  if (shifts.length === 0) return out('No shifts in that period.');
  for (const shift of shifts) {
    out(describeShift(shift));
    const labelled = (label: string, basis: PositionState['basis']) =>
      evidenceLines(basis).forEach((line, index) => {
        out(`    ${index === 0 ? label : ' '.repeat(label.length)}${line}`);
      });
    if (shift.before.length > 0) labelled('before: ', shift.before);
    labelled('after:  ', shift.after);
  }
  // "Shifts" in the digest are the changes of side; here every kind counts: say so.
  out(`${shifts.length} position change${shifts.length === 1 ? '' : 's'} (new, shift, hardened, softened)`);
}
