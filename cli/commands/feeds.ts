import { existsSync, readFileSync } from 'node:fs';
import { type FeedConfig, makeFeedReader } from '../../shared/adapters/feeds/read-feed.js';
import { parseFeedsConfig } from '../../shared/config/feeds-config.js';
import { type PollOutcome, pollFeeds } from '../../shared/usecases/poll-feeds.js';
import { printable } from '../format.js';
import type { Session } from '../session.js';
import { UsageError } from '../usage-error.js';

export const DEFAULT_FEEDS_FILE = 'feeds.json';

export function readFeedsFile(path: string): FeedConfig[] {
  if (!existsSync(path)) return [];
  return parseFeedsConfig(readFileSync(path, 'utf8'), path);
}

export function pollSummary(outcome: PollOutcome): string {
  if (outcome.status === 'failed') return `FAILED — ${printable(outcome.error ?? '')}`;
  if (outcome.status === 'not-modified') return 'not modified (304)';
  return `${outcome.stored} stored, ${outcome.duplicates} duplicates, ${outcome.rejected} rejected, ${outcome.seenBefore} seen before`;
}

export const describePoll = (outcome: PollOutcome) => `${printable(outcome.feed)}: ${pollSummary(outcome)}`;

/** Polls the configured feeds (or one URL) through the safe client and the ingest path. */
export async function runPoll(
  session: Session,
  options: { readonly feeds: string; readonly feed?: string; readonly allowPrivateNetwork: boolean },
  out: (line: string) => void,
): Promise<number> {
  const configured = readFeedsFile(options.feeds);
  const feeds = options.feed
    ? [configured.find((feed) => feed.url === options.feed) ?? { url: options.feed, name: options.feed }]
    : configured;
  if (feeds.length === 0)
    throw new UsageError(`no feeds configured in ${options.feeds}; give --feed URL or add feeds to the file`);
  const outcomes = await pollFeeds(
    { ...session.adapters, readFeed: makeFeedReader({ allowPrivate: options.allowPrivateNetwork }) },
    feeds,
  );
  for (const outcome of outcomes) out(describePoll(outcome));
  return outcomes.filter((outcome) => outcome.status === 'failed').length;
}

export async function runFeeds(
  session: Session,
  options: { readonly json: boolean },
  out: (line: string) => void,
) {
  const states = await session.adapters.feeds.list();
  if (options.json) return out(JSON.stringify(states, null, 2));
  if (states.length === 0) return out('No feed has been polled yet.');
  for (const state of states) {
    out(`${printable(state.name)} — ${printable(state.url)}`);
    out(
      `    last success ${state.lastSuccess ?? 'never'} · ${state.consecutiveFailures} failures in a row · ${state.itemsStored} dispatches stored` +
        `${state.etag ? ` · ETag ${printable(state.etag)}` : ''}${state.lastModified ? ` · Last-Modified ${printable(state.lastModified)}` : ''}`,
    );
    if (state.lastError && state.consecutiveFailures > 0)
      out(`    last error: ${printable(state.lastError)}`);
  }
}
