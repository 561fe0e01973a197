import type { PositionState, Shift } from '../../shared/domain/positions/index.js';
import type { Pair } from '../../shared/ports/position-store.js';
import { printable } from '../format.js';
import type { Session } from '../session.js';

export interface PairFilter {
  readonly actor?: string;
  readonly topic?: string;
}

const matches = (pair: Pair, filter: PairFilter) =>
  (!filter.actor || pair.actor === filter.actor) && (!filter.topic || pair.topic === filter.topic);

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
  const asOf = options.asOf ?? '9999-12-31';
  const pairs = options.actor && options.topic ? [{ actor: options.actor, topic: options.topic }] : (await session.adapters.positions.pairs()).filter((pair) => matches(pair, options));
  const found = await Promise.all(pairs.map(async (pair) => ({ pair, state: await session.adapters.positions.positionAsOf(pair, asOf) })));
  const positions = found.flatMap(({ state }) => (state ? [state] : []));
  if (options.json) return out(JSON.stringify(positions, null, 2));
  if (positions.length === 0) return out('No positions recorded for that actor, topic and date.');
  out(`Positions as of ${options.asOf ?? 'the latest dispatch'}:`);
  for (const state of positions) {
    out(`  ${state.actor.padEnd(4)} ${state.topic.padEnd(5)} ${state.stance.toUpperCase().padEnd(7)} since ${state.since} (strength ${state.strength.toFixed(2)})`);
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
  const shifts = (await session.adapters.positions.shiftsBetween(options.since ?? '0000-00-00', options.until ?? '9999-12-31')).filter(
    (shift) => matches(shift, options),
  );
  if (options.json) return out(JSON.stringify(shifts, null, 2));
  if (shifts.length === 0) return out('No shifts in that period.');
  for (const shift of shifts) {
    out(describeShift(shift));
    if (shift.before.length > 0) out(`    before: ${quoteOf({ basis: shift.before })}`);
    out(`    after:  ${quoteOf({ basis: shift.after })}`);
  }
  out(`${shifts.length} shift${shifts.length === 1 ? '' : 's'}`);
}
