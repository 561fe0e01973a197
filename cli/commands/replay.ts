import type { RejectRecord } from '../../shared/ports/reject-store.js';
import { replayFeedItem } from '../../shared/usecases/replay-feed-item.js';
import { replayReject } from '../../shared/usecases/replay-reject.js';
import type { Session } from '../session.js';
import { UsageError } from '../usage-error.js';

export async function runReplay(
  session: Session,
  id: string | undefined,
  options: { readonly all: boolean },
  out: (line: string) => void,
): Promise<number> {
  const { adapters } = session;
  if (!id && !options.all) throw new UsageError('give a reject ID (see `treatywatch rejects`) or --all');
  let targets: RejectRecord[];
  if (options.all) {
    targets = await adapters.rejects.listRejects({ includeReplayed: false });
  } else {
    const found = await adapters.rejects.getReject(id ?? '');
    if (!found) throw new UsageError(`no reject with id ${id}`);
    targets = [found];
  }
  if (targets.length === 0) out('No open rejects to replay.');
  let still = 0;
  for (const reject of targets) {
    const result = await replayReject(
      {
        rejects: adapters.rejects,
        clock: adapters.clock,
        reingestObject: async (bucket, key) => {
          const [outcome] = await session.ingest([{ bucket, key }]);
          return outcome ?? { kind: 'retry' };
        },
        resubmitEvent: (body) => session.resubmitEvent(body),
        reingestFeedItem: (source) => replayFeedItem(adapters, source),
      },
      reject,
    );
    if (result.stillRejected) still++;
    out(`${result.rejectId}  ${result.stillRejected ? 'still rejected' : 'replayed'}: ${result.outcome}`);
  }
  return still;
}
