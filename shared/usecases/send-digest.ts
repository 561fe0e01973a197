import { digestSubject, hasNews, renderDigestHtml, renderDigestText } from '../domain/digest/index.js';
import type { Clock } from '../ports/clock.js';
import type { DigestLog } from '../ports/digest-log.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { FeedStateStore } from '../ports/feed-state.js';
import type { Mailer } from '../ports/mailer.js';
import type { PositionStore } from '../ports/position-store.js';
import { buildDigest } from './build-digest.js';

export interface SendDigestDeps {
  readonly dispatches: DispatchStore;
  readonly feeds: FeedStateStore;
  readonly positions: PositionStore;
  readonly digests: DigestLog;
  readonly mailer: Mailer;
  readonly clock: Clock;
}

export interface DigestSettings {
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly alwaysSend: boolean;
}

export type SendDigestResult =
  | { readonly outcome: 'sent'; readonly date: string; readonly shifts: number }
  | { readonly outcome: 'nothing-to-send' | 'already-sent'; readonly date: string };

const DAY = 86_400_000;
const dayAfter = (date: string) => new Date(Date.parse(date) + DAY).toISOString().slice(0, 10);

/**
 * The daily digest: everything since the last digest sent, mailed once per date however often
 * it is invoked. A failed send releases its claim and throws, so the retry sends it.
 */
export async function sendDigest(deps: SendDigestDeps, settings: DigestSettings): Promise<SendDigestResult> {
  const now = deps.clock.now();
  const date = now.toISOString().slice(0, 10);
  const last = await deps.digests.lastSent();
  const period = {
    since: last ? dayAfter(last.until) : new Date(now.getTime() - DAY).toISOString().slice(0, 10),
    until: date,
  };
  const input = await buildDigest(deps, period);
  if (!hasNews(input) && !settings.alwaysSend) return { outcome: 'nothing-to-send', date };
  const claimed = await deps.digests.markSent(date, { ...period, shifts: input.shifts.length }, now);
  if (!claimed) return { outcome: 'already-sent', date };
  try {
    await deps.mailer.send({
      from: settings.sender,
      to: settings.recipients,
      subject: digestSubject(input),
      html: renderDigestHtml(input),
      text: renderDigestText(input),
    });
  } catch (error) {
    await deps.digests.markFailed(
      date,
      error instanceof Error ? error.message : String(error),
      deps.clock.now(),
    );
    throw error;
  }
  await deps.digests.confirmSent(date, deps.clock.now());
  return { outcome: 'sent', date, shifts: input.shifts.length };
}
