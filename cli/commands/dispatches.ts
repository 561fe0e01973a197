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
  if (dispatches.length === 0) return out('No dispatches stored in that range.');
  out(DISPATCH_HEADING);
  for (const dispatch of dispatches) out(dispatchLine(dispatch));
  out(`${dispatches.length} dispatch${dispatches.length === 1 ? '' : 'es'}`);
}
