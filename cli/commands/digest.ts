import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDigestHtml, renderDigestText } from '../../shared/domain/digest/index.js';
import { buildDigest, type DigestPeriod } from '../../shared/usecases/build-digest.js';
import { outputDirectory } from '../output-directory.js';
import type { Session } from '../session.js';
import { UsageError } from '../usage-error.js';

/** The default --since: before the first Monitor, so every stored dispatch is in the period. */
const EARLIEST = '1990-01-01';

/** Writes digest.html and digest.txt for the period and returns the text. */
export async function writeDigest(
  session: Session,
  period: DigestPeriod,
  directory: string,
): Promise<{ text: string; html: string }> {
  const input = await buildDigest(session.adapters, period);
  const text = renderDigestText(input);
  const html = renderDigestHtml(input);
  outputDirectory(directory, '--out');
  writeFileSync(join(directory, 'digest.txt'), text);
  writeFileSync(join(directory, 'digest.html'), html);
  return { text, html: join(directory, 'digest.html') };
}

export async function runDigest(
  session: Session,
  options: { readonly since?: string; readonly until?: string; readonly out: string },
  out: (line: string) => void,
) {
  const period = {
    since: options.since ?? EARLIEST,
    until: options.until ?? session.adapters.clock.now().toISOString().slice(0, 10),
  };
  if (period.since > period.until) {
    throw new UsageError(
      options.until === undefined
        ? `--since ${period.since} is after today (${period.until}, UTC), the default --until: give --until`
        : `--until ${period.until} is before ${options.since === undefined ? `${EARLIEST}, the default --since: give --since` : `--since ${period.since}`}`,
    );
  }
  const { text } = await writeDigest(session, period, options.out);
  out(text);
  out(`Wrote ${join(options.out, 'digest.html')} and ${join(options.out, 'digest.txt')}.`);
}
