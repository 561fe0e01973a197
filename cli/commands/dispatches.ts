import { DISPATCH_HEADING, dispatchJson, dispatchLine } from '../format.js';
import type { Session } from '../session.js';

export async function runDispatches(
  session: Session,
  options: { readonly from?: string; readonly to?: string; readonly topic?: string; readonly actor?: string; readonly json: boolean },
  out: (line: string) => void,
) {
  const range = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  const { dispatches: store } = session.adapters;
  let dispatches = options.topic
    ? await store.listTagged({ kind: 'TOPIC', value: options.topic }, range)
    : options.actor
      ? await store.listTagged({ kind: 'ACTOR', value: options.actor }, range)
      : await store.listDispatches(range);
  // Both filters: the topic index answers, the actor narrows.
  if (options.topic && options.actor) {
    dispatches = dispatches.filter((item) => item.classification?.actors.some((actor) => actor.actor === options.actor));
  }
  if (options.json) return out(JSON.stringify(dispatches.map(dispatchJson), null, 2));
  if (dispatches.length === 0) return out('No dispatches stored in that range.');
  out(DISPATCH_HEADING);
  for (const dispatch of dispatches) out(dispatchLine(dispatch));
  out(`${dispatches.length} dispatch${dispatches.length === 1 ? '' : 'es'}`);
}
