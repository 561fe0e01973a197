import { queryDispatches } from '../../shared/usecases/queries.js';
import { DISPATCH_HEADING, dispatchJson, dispatchLine } from '../format.js';
import type { Session } from '../session.js';

export async function runDispatches(
  session: Session,
  options: {
    readonly from?: string;
    readonly to?: string;
    readonly topic?: string;
    readonly actor?: string;
    readonly json: boolean;
  },
  out: (line: string) => void,
) {
  const dispatches = await queryDispatches(session.adapters, options);
  if (options.json) return out(JSON.stringify(dispatches.map(dispatchJson), null, 2));
  if (dispatches.length === 0) return out(noneFound(options));
  out(DISPATCH_HEADING);
  for (const dispatch of dispatches) out(dispatchLine(dispatch));
  out(`${dispatches.length} dispatch${dispatches.length === 1 ? '' : 'es'}`);
}

/** Says which filter found nothing, rather than blaming the date range for an unknown actor. */
export function noneFound(filter: {
  readonly from?: string;
  readonly to?: string;
  readonly topic?: string;
  readonly actor?: string;
}): string {
  const conditions = [
    ...(filter.topic ? [`is on topic ${filter.topic}`] : []),
    ...(filter.actor ? [`names ${filter.actor} as an actor`] : []),
    ...(filter.from && filter.to
      ? [`is dated ${filter.from} to ${filter.to}`]
      : filter.from
        ? [`is dated ${filter.from} or later`]
        : filter.to
          ? [`is dated ${filter.to} or earlier`]
          : []),
  ];
  return conditions.length === 0
    ? 'No dispatches stored yet.'
    : `No stored dispatch ${conditions.join(' and ')}.`;
}
