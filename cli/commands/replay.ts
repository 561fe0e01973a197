import type { RejectRecord, RejectStore } from '../../shared/ports/reject-store.js';
import { replayFeedItem } from '../../shared/usecases/replay-feed-item.js';
import { replayReject } from '../../shared/usecases/replay-reject.js';
import { printable } from '../format.js';
import type { Session } from '../session.js';
import { UsageError } from '../usage-error.js';

/** Reject ids are 20 hex characters; as with `show`, a unique prefix of 6 or more will do. */
export async function findReject(
  rejects: Pick<RejectStore, 'getReject' | 'listRejects'>,
  given: string,
): Promise<RejectRecord> {
  const idOrPrefix = given.toLowerCase();
  if (!/^[0-9a-f]{6,20}$/.test(idOrPrefix)) {
    throw new UsageError(
      `"${printable(given)}" is not a reject id (20 hex characters, or a prefix of 6 or more)`,
    );
  }
  const exact = idOrPrefix.length === 20 ? await rejects.getReject(idOrPrefix) : undefined;
  if (exact) return exact;
  const matches = (await rejects.listRejects({ includeReplayed: true })).filter((reject) =>
    reject.id.startsWith(idOrPrefix),
  );
  const [only] = matches;
  if (only && matches.length === 1) return only;
  // A closed reject sharing the prefix should not hide the one open reject the user means.
  const open = matches.filter((reject) => reject.status === 'open');
  const [openOnly] = open;
  if (openOnly && open.length === 1) return openOnly;
  throw new UsageError(
    matches.length === 0
      ? `no reject id starts with ${idOrPrefix} (see \`treatywatch rejects --all\`)`
      : `${matches.length} reject ids start with ${idOrPrefix}: ${matches.map((reject) => reject.id).join(', ')}; give more characters`,
  );
}

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
    targets = [await findReject(adapters.rejects, id ?? '')];
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
