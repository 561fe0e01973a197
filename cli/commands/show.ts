import { dispatchJson, printable, sourceLine } from '../format.js';
import type { Session } from '../session.js';
import { UsageError } from '../usage-error.js';
import { describeClassification } from './classify.js';

/** Accepts a full id or a unique prefix of at least 6 characters, as printed by `dispatches`. */
export async function resolveDispatchId(session: Session, idOrPrefix: string): Promise<string> {
  if (/^[0-9a-f]{64}$/.test(idOrPrefix)) return idOrPrefix;
  if (!/^[0-9a-f]{6,63}$/.test(idOrPrefix)) {
    throw new UsageError(
      `"${printable(idOrPrefix)}" is not a dispatch id (64 hex characters, or a prefix of 6 or more)`,
    );
  }
  const matches = (await session.adapters.dispatches.findIdsByPrefix?.(idOrPrefix)) ?? [];
  if (matches.length === 1 && matches[0]) return matches[0];
  throw new UsageError(
    matches.length === 0
      ? `no dispatch id starts with ${idOrPrefix}`
      : `${matches.length} dispatch ids start with ${idOrPrefix}: give more characters`,
  );
}

/** The publication, volume and issue that are known (a feed item has a publication and no issue). */
export function headerLine(dispatch: {
  readonly publication: string | null;
  readonly volume: number | null;
  readonly issue: number | null;
}): string {
  const parts = [
    dispatch.publication,
    dispatch.volume === null ? null : `volume ${dispatch.volume}`,
    dispatch.issue === null ? null : `issue ${dispatch.issue}`,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'no header';
}

export async function runShow(
  session: Session,
  idOrPrefix: string,
  options: { readonly json: boolean },
  out: (line: string) => void,
) {
  const id = await resolveDispatchId(session, idOrPrefix);
  const stored = await session.adapters.dispatches.getDispatch(id);
  if (!stored) throw new UsageError(`no dispatch with id ${id}`);
  if (options.json) return out(JSON.stringify(dispatchJson(stored), null, 2));
  const { dispatch, source } = stored;
  const header = headerLine(dispatch);
  out(`Dispatch ${dispatch.id}`);
  out(`  ${printable(header)}${dispatch.author ? ` · by ${printable(dispatch.author)}` : ''}`);
  out(
    `  date ${dispatch.date} (from ${dispatch.dateSource}) · ${dispatch.charset} · source ${printable(sourceLine(source))}`,
  );
  out(
    `  ingested ${stored.ingestedAt}${stored.duplicateDeliveries ? ` · ${stored.duplicateDeliveries} duplicate deliveries skipped` : ''}`,
  );
  if (dispatch.title) out(`  title: ${printable(dispatch.title)}`);
  if (stored.classification) {
    out(`  classified with rules ${stored.classification.rulesVersion}:`);
    describeClassification(stored.classification, (line) => out(`  ${line}`));
  }
  dispatch.paragraphs.forEach((paragraph, index) => {
    out('');
    out(`[${index + 1}] ${printable(paragraph.text)}`);
    for (const citation of paragraph.citations)
      out(`    cites ${printable(citation.outlet)}, ${citation.date}`);
  });
}
