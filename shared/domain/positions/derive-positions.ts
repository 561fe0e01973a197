import type { Stance } from '../classify/classification.js';
import type { Observation } from './observation.js';

/** At or above this strength one statement moves a position; below it, it takes two in a row. */
export const CLEAR_STATEMENT = 0.6;
/** A same-side statement this much stronger (or weaker) than the position hardens (or softens) it. */
export const HARDEN_MARGIN = 0.3;

export type ShiftKind = 'new' | 'shift' | 'hardened' | 'softened';

export interface PositionState {
  readonly actor: string;
  readonly topic: string;
  readonly stance: Stance;
  /** The dispatch date from which this position holds. */
  readonly since: string;
  readonly strength: number;
  /**
   * The observation that established it first, then the latest that confirmed it (at most
   * MAX_BASIS in all). A reader of an earlier date sees its statements by then (restatedBy).
   */
  readonly basis: readonly Observation[];
}

export interface Shift {
  readonly kind: ShiftKind;
  readonly actor: string;
  readonly topic: string;
  readonly date: string;
  readonly from: Stance | null;
  readonly to: Stance;
  readonly before: readonly Observation[];
  readonly after: readonly Observation[];
}

export interface Timeline {
  readonly actor: string;
  readonly topic: string;
  /** Every position the actor held, oldest first. */
  readonly states: readonly PositionState[];
  readonly shifts: readonly Shift[];
  /** The distinct statements, oldest first, after duplicates were merged. */
  readonly observations: readonly Observation[];
}

/** Dispatch date, then dispatch id: the same observations always give the same order. */
const chronological = (a: Observation, b: Observation) =>
  a.dispatchDate.localeCompare(b.dispatchDate) || a.dispatchId.localeCompare(b.dispatchId);

/** The same statement carried by several dispatches counts once, at its earliest report. */
export function distinctStatements(observations: readonly Observation[]): Observation[] {
  const seen = new Set<string>();
  return [...observations].sort(chronological).filter((observation) => {
    if (seen.has(observation.statementKey)) return false;
    seen.add(observation.statementKey);
    return true;
  });
}

/**
 * An actor's positions on a topic over time, with hysteresis: the first statement sets a
 * position; a clear statement (strength ≥ 0.6, typically a senior official's own words) of
 * another stance moves it at once; weaker ones move it only when two in a row agree. Ordered by
 * dispatch date, never by arrival, so a late upload of an old dispatch re-derives what follows.
 */
export function derivePositions(
  actor: string,
  topic: string,
  observations: readonly Observation[],
): Timeline {
  const distinct = distinctStatements(
    observations.filter((item) => item.actor === actor && item.topic === topic),
  );
  const states: PositionState[] = [];
  const shifts: Shift[] = [];
  let pending: Observation[] = [];

  for (const observation of distinct) {
    const current = states.at(-1);
    if (!current) {
      states.push(stateFrom(actor, topic, [observation]));
      shifts.push(shift('new', null, [], [observation]));
      continue;
    }
    if (observation.stance === current.stance) {
      pending = [];
      // Hardening and softening compare clear statements only: a label the classifier is unsure
      // of, or a position only weakly read so far, says how sure the reading is, not how firm
      // the position. Such a restatement only confirms the position.
      const clear = observation.strength >= CLEAR_STATEMENT;
      const kind =
        clear &&
        current.strength >= CLEAR_STATEMENT &&
        observation.strength >= current.strength + HARDEN_MARGIN
          ? 'hardened'
          : clear && observation.strength <= current.strength - HARDEN_MARGIN
            ? 'softened'
            : undefined;
      if (kind) {
        states.push({ ...stateFrom(actor, topic, [observation]), since: observation.dispatchDate });
        shifts.push(shift(kind, current.stance, current.basis, [observation]));
      } else {
        states[states.length - 1] = { ...current, basis: confirmed(current.basis, observation) };
      }
      continue;
    }
    const agreeing = pending.filter((item) => item.stance === observation.stance);
    pending = [...agreeing, observation];
    if (observation.strength >= CLEAR_STATEMENT || pending.length >= 2) {
      states.push(stateFrom(actor, topic, pending));
      shifts.push(shift('shift', current.stance, current.basis, pending));
      pending = [];
    }
  }
  return { actor, topic, states, shifts, observations: distinct };

  function shift(
    kind: ShiftKind,
    from: Stance | null,
    before: readonly Observation[],
    after: readonly Observation[],
  ): Shift {
    const last = after.at(-1) as Observation;
    return { kind, actor, topic, date: last.dispatchDate, from, to: last.stance, before, after };
  }
}

function stateFrom(actor: string, topic: string, basis: readonly Observation[]): PositionState {
  const last = basis.at(-1) as Observation;
  const strength = Math.max(...basis.map((item) => item.strength));
  return { actor, topic, stance: last.stance, since: last.dispatchDate, strength, basis };
}

/** How many statements a position keeps as its basis. */
const MAX_BASIS = 3;

/**
 * A restatement joins the basis, which keeps the statement that set the position: a reader of an
 * early date must still find what the position rested on then.
 */
function confirmed(basis: readonly Observation[], observation: Observation): Observation[] {
  const [first, ...later] = basis;
  if (!first) return [observation];
  return [first, ...[...later, observation].slice(-(MAX_BASIS - 1))];
}

/**
 * The state as a reader of a date sees it, from the pair's statements up to that date: the one
 * that set it, then its latest restatements by then (the stored basis keeps only the latest of
 * all, which may be later than the date).
 */
export function restatedBy(
  state: PositionState,
  observations: readonly Observation[],
  date: string,
): PositionState {
  const [first] = state.basis.filter((observation) => observation.dispatchDate <= date);
  const restatements = distinctStatements(
    observations.filter(
      (observation) =>
        observation.stance === state.stance &&
        observation.dispatchDate >= state.since &&
        observation.dispatchDate <= date &&
        observation.statementKey !== first?.statementKey,
    ),
  ).slice(-(MAX_BASIS - 1));
  return { ...state, basis: first ? [first, ...restatements] : restatements };
}

/** The position held on a date: the last state that began on or before it, as it stood then. */
export function positionAsOf(timeline: Timeline, date: string): PositionState | undefined {
  const state = timeline.states.filter((item) => item.since <= date).at(-1);
  return state ? restatedBy(state, timeline.observations, date) : undefined;
}
