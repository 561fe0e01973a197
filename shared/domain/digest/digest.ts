import type { Evidence } from '../classify/classification.js';
import type { Observation, PositionState, Shift, ShiftKind, Timeline } from '../positions/index.js';

export interface DigestDispatch {
  readonly id: string;
  readonly date: string;
  readonly headline: string;
  readonly topics: readonly string[];
}

export interface FeedAlert {
  readonly feed: string;
  readonly failures: number;
  readonly lastError: string;
}

/** Everything a digest reports, gathered by the use case; rendering is pure. */
export interface DigestInput {
  readonly period: { readonly since: string; readonly until: string };
  readonly generatedAt: string;
  readonly shifts: readonly Shift[];
  /** Timelines of the pairs that shifted, for the small charts. */
  readonly timelines: readonly Timeline[];
  /** Positions restated in the period without moving. */
  readonly held: readonly PositionState[];
  readonly dispatches: readonly DigestDispatch[];
  readonly feedAlerts: readonly FeedAlert[];
}

export const hasNews = (input: DigestInput) => input.shifts.length > 0;

/** Said when no pair was restated in the period without moving. */
export const NONE_HELD = 'No position was restated in this period without moving.';

/** The digest's groups of position changes, in the order a reader wants them. */
export const CHANGE_GROUPS: readonly { readonly title: string; readonly kinds: readonly ShiftKind[] }[] = [
  { title: 'Shifts', kinds: ['shift'] },
  { title: 'New positions', kinds: ['new'] },
  { title: 'Hardened or softened', kinds: ['hardened', 'softened'] },
];

/** Position changes by group (shifts, new positions, hardening and softening), each in date order. */
export function groupedShifts(shifts: readonly Shift[]): { title: string; shifts: Shift[] }[] {
  return CHANGE_GROUPS.map((group) => ({
    title: group.title,
    shifts: shifts
      .filter((shift) => group.kinds.includes(shift.kind))
      .sort((a, b) => a.date.localeCompare(b.date) || a.actor.localeCompare(b.actor)),
  })).filter((group) => group.shifts.length > 0);
}

export function shiftHeadline(shift: Shift): string {
  switch (shift.kind) {
    case 'new':
      return `${shift.actor} on ${shift.topic}: new position — ${shift.to}`;
    case 'shift':
      return `${shift.actor} on ${shift.topic}: ${shift.from} → ${shift.to}`;
    default:
      return `${shift.actor} on ${shift.topic}: ${shift.to}, ${shift.kind}`;
  }
}

/** The line of evidence a reader can check: the sentence, who said it, where and when it was reported. */
export function citeObservation(observation: Observation): { quote: string; source: string } {
  const evidence: Evidence | undefined = observation.evidence[0];
  const citation = evidence?.citation?.map((item) => `${item.outlet}, ${item.date}`).join('; ');
  const who = evidence?.speaker ? `${evidence.speaker} — ` : '';
  return {
    quote: evidence?.text ?? '',
    // The strength is the label's confidence, plus 0.25 for a senior official's words: how much it counts.
    source: `${who}dispatch ${observation.dispatchId.slice(0, 12)} of ${observation.dispatchDate}${citation ? ` (${citation})` : ''} · strength ${observation.strength.toFixed(2)}`,
  };
}

/** A mail subject: one line, no CR/LF from any dispatch text, bounded length. */
export function digestSubject(input: DigestInput): string {
  const moved = input.shifts.filter((shift) => shift.kind === 'shift').length;
  const subject = `treatywatch digest ${input.period.since} to ${input.period.until}: ${moved} shift${moved === 1 ? '' : 's'}, ${input.shifts.length - moved} other position change${input.shifts.length - moved === 1 ? '' : 's'}`;
  return subject.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 200);
}

/** Control characters from dispatch text never reach a terminal or a mail body (tab and newline stay). */
export const stripControls = (text: string) => text.replace(/[^\P{Cc}\t\n]/gu, ' ');
