import { rejectLine } from '../format.js';
import type { Session } from '../session.js';

export async function runRejects(
  session: Session,
  options: { readonly all: boolean; readonly json: boolean },
  out: (line: string) => void,
) {
  const rejects = await session.adapters.rejects.listRejects({ includeReplayed: options.all });
  if (options.json) return out(JSON.stringify(rejects, null, 2));
  if (rejects.length === 0) return out(options.all ? 'The dead-letter store is empty.' : 'No open rejects.');
  out(['ID'.padEnd(20), 'CODE'.padEnd(17), 'N'.padStart(3), 'STATUS'.padEnd(8), 'INPUT — REASON'].join('  '));
  for (const reject of rejects) out(rejectLine(reject));
  out(
    `${rejects.length} reject${rejects.length === 1 ? '' : 's'}; replay one with \`treatywatch replay ID\`, or all with \`--all\``,
  );
}
