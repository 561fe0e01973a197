import type { RejectRecord } from '../shared/ports/reject-store.js';
import type { StoredDispatch } from '../shared/ports/stored-dispatch.js';

/** Dispatch text is untrusted: control characters are shown, never sent to the terminal. */
export const printable = (text: string): string => text.replace(/[^\P{Cc}\t\n]/gu, '?');

export function firstWords(text: string, count = 10): string {
  const words = text.split(/\s+/).slice(0, count).join(' ');
  return printable(words.length < text.length ? `${words}…` : words);
}

export const shortId = (id: string): string => id.slice(0, 12);

export const citationCount = (stored: StoredDispatch): number =>
  stored.dispatch.paragraphs.reduce((sum, paragraph) => sum + paragraph.citations.length, 0);

export function dispatchLine(stored: StoredDispatch): string {
  const { dispatch } = stored;
  return [
    shortId(dispatch.id),
    dispatch.date,
    dispatch.dateSource.padEnd(16),
    String(citationCount(stored)).padStart(3),
    firstWords(dispatch.title ?? dispatch.text),
  ].join('  ');
}

export const DISPATCH_HEADING = [
  'ID'.padEnd(12),
  'DATE'.padEnd(10),
  'DATE SOURCE'.padEnd(16),
  'CIT',
  'FIRST WORDS',
].join('  ');

export function rejectSource(reject: RejectRecord): string {
  const { source } = reject;
  if (source.kind === 's3') return `s3://${source.bucket}/${source.key}`;
  if (source.kind === 'event') return `queue message (${source.body.length} bytes)`;
  return `feed item ${source.guid ?? source.link ?? ''} of ${source.feedName}`;
}

export function rejectLine(reject: RejectRecord): string {
  return [
    reject.id,
    reject.code.padEnd(17),
    `${reject.attempts}x`.padStart(3),
    reject.status.padEnd(8),
    printable(rejectSource(reject)),
    '—',
    printable(reject.message),
  ].join('  ');
}

export function dispatchJson(stored: StoredDispatch) {
  return {
    ...stored.dispatch,
    source: stored.source,
    ingestedAt: stored.ingestedAt,
    duplicateDeliveries: stored.duplicateDeliveries,
  };
}

/** Where a stored dispatch came from, in one line. */
export function sourceLine(source: StoredDispatch['source']): string {
  return source.kind === 's3'
    ? `s3://${source.bucket}/${source.key}`
    : `feed ${source.feedName} (${source.feedUrl})${source.link ? ` item ${source.link}` : ''}`;
}
