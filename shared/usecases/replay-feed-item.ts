import { parseFeedItem } from '../domain/feeds/feed-item.js';
import type { RejectRecord, RejectStore } from '../ports/reject-store.js';
import { type IngestDeps, storeDispatches } from './ingest-objects.js';

type FeedItemSource = Extract<RejectRecord['source'], { kind: 'feed-item' }>;

/** A dead-lettered feed item through the parser and store again, from the copy kept with the reject. */
export async function replayFeedItem(
  deps: Pick<IngestDeps, 'classify' | 'dispatches' | 'positions' | 'clock'> & {
    readonly rejects: RejectStore;
  },
  source: FeedItemSource,
): Promise<{ kind: string; code?: string; dispatchId?: string }> {
  const result = parseFeedItem(
    source.text,
    source,
    { url: source.feedUrl, name: source.feedName },
    deps.clock.now().toISOString(),
  );
  if (!result.ok) {
    await deps.rejects.recordReject(
      { code: result.error.code, message: result.error.message, source },
      deps.clock.now(),
    );
    return { kind: 'rejected', code: result.error.code };
  }
  const provenance = {
    feedUrl: source.feedUrl,
    feedName: source.feedName,
    ...(source.guid ? { guid: source.guid } : {}),
    ...(source.link ? { link: source.link } : {}),
  };
  const [outcome] = await storeDispatches(deps, [
    { dispatch: result.dispatch, source: { kind: 'feed', ...provenance } },
  ]);
  return { kind: outcome ?? 'stored', dispatchId: result.dispatch.id };
}
