import type { Classification } from '../classify/classification.js';
import type { Dispatch } from '../dispatch.js';
import { normaliseForIdentity } from '../parse/normalise.js';
import type { Observation } from './observation.js';

/** Offices whose words are the state's considered position, not a spokesman's gloss. */
const SENIOR =
  /\b(?:president|prime minister|premier|chancellor|foreign minister|defen[cs]e minister|secretary of state|secretary of defense|foreign secretary|defen[cs]e secretary|national security adviser|secretary general|high representative)\b/i;
const JUNIOR = /\b(?:deputy|spokes(?:man|woman)|assistant|under secretary|adviser on|director)\b/i;
const SENIOR_BONUS = 0.25;

/** The stance labels of one classified dispatch, as position observations with their strength. */
export function observationsFrom(dispatch: Dispatch, classification: Classification): Observation[] {
  const roles = new Map(classification.people.map((person) => [person.name, person.role ?? '']));
  return classification.stances.map((stance) => {
    const speakers = stance.evidence.map((evidence) => roles.get(evidence.speaker ?? '') ?? '');
    const senior = speakers.some((role) => SENIOR.test(role) && !JUNIOR.test(role));
    const first = stance.evidence[0];
    return {
      actor: stance.actor,
      topic: stance.topic,
      stance: stance.stance,
      strength: Math.min(1, Math.round((stance.confidence + (senior ? SENIOR_BONUS : 0)) * 100) / 100),
      dispatchId: dispatch.id,
      dispatchDate: dispatch.date,
      evidence: stance.evidence,
      statementKey: first
        ? `${stance.actor}|${stance.topic}|${normaliseForIdentity(first.text).toLowerCase()}`
        : dispatch.id,
    };
  });
}
