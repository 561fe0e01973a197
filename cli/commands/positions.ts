import type { PositionState, Shift } from '../../shared/domain/positions/index.js';
import { type PairFilter, queryPositions, queryShifts } from '../../shared/usecases/queries.js';
import { printable } from '../format.js';
import type { Session } from '../session.js';

function quoteOf(state: { readonly basis: PositionState['basis'] }): string {
  const evidence = state.basis.at(-1)?.evidence[0];
  if (!evidence) return '';
  const cited = evidence.citation?.map((citation) => `${citation.outlet}, ${citation.date}`).join('; ');
  return `“${printable(evidence.text.slice(0, 150))}${evidence.text.length > 150 ? '…' : ''}”${cited ? ` (${printable(cited)})` : ''}`;
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
    out(`       ${quoteOf(state)}`);
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
    if (shift.before.length > 0) out(`    before: ${quoteOf({ basis: shift.before })}`);
    out(`    after:  ${quoteOf({ basis: shift.after })}`);
  }
  out(`${shifts.length} shift${shifts.length === 1 ? '' : 's'}`);
}
