export {
  CLEAR_STATEMENT,
  derivePositions,
  distinctStatements,
  HARDEN_MARGIN,
  type PositionState,
  positionAsOf,
  restatedBy,
  type Shift,
  type ShiftKind,
  type Timeline,
} from './derive-positions.js';
export type { Observation } from './observation.js';
export { observationsFrom } from './observations-from.js';
