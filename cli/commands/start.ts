import { readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { findRunningServices } from '../../local/running-services.js';
import { pollSampleFeed } from '../../local/sample-feed.js';
import type { StoredDispatch } from '../../shared/ports/stored-dispatch.js';
import type { IngestOutcome } from '../../shared/usecases/ingest-objects.js';
import { DISPATCH_HEADING, dispatchLine, printable } from '../format.js';
import { openSession, type TargetOptions } from '../session.js';
import { UsageError } from '../usage-error.js';
import { writeDigest } from './digest.js';
import { pollSummary } from './feeds.js';

export const SAMPLE_CORPUS = 'corpus/sample';

export interface StartOptions {
  readonly input: string;
  readonly fresh: boolean;
}

/**
 * Files an analyst would upload, in subdirectories too: everything but our label files and
 * dotfiles. Symbolic links are followed, each real directory read once (a link may loop).
 */
export function corpusFiles(directory: string, seen = new Set<string>()): string[] {
  const real = realpathSync(directory);
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      const kind = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
      if (kind?.isDirectory()) return corpusFiles(path, seen);
      return kind?.isFile() && !entry.name.endsWith('.json') ? [path] : [];
    })
    .sort();
}

/** The object key of an uploaded file: its path under the input directory (`2001/08/14/ivanov.txt`). */
export const uploadKey = (prefix: string, directory: string, path: string): string =>
  `${prefix}${relative(directory, path).split(sep).join('/')}`;

/** The input directory must exist: a missing one is the user's mistake, said in one line. */
function inputDirectory(directory: string): string {
  const found = statSync(directory, { throwIfNoEntry: false });
  if (!found) throw new UsageError(`--input ${directory}: no such directory`);
  if (!found.isDirectory()) throw new UsageError(`--input ${directory}: not a directory`);
  return directory;
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/**
 * The whole local pipeline: start DynamoDB Local and s3rver, upload a directory to the bucket's
 * incoming/ prefix, let the object-created events drive the ingest handler, and report.
 */
export async function runStart(target: TargetOptions, options: StartOptions, out: (line: string) => void) {
  const running = await findRunningServices(target.stateDir);
  if (running) {
    throw new UsageError(
      `the local services are running in process ${running.pid} (treatywatch serve), and start runs its own: stop serve first (Ctrl-C in its terminal, or kill ${running.pid}), then start again`,
    );
  }
  const input = inputDirectory(options.input);
  if (options.fresh) rmSync(target.stateDir, { recursive: true, force: true });
  // The sample corpus's dated, headerless dispatches arrive by feed instead of by upload.
  const sample = options.input === SAMPLE_CORPUS;
  const viaFeed = sample
    ? corpusFiles(input).filter((path) => /^\d{4}-\d{2}-\d{2}-/.test(basename(path)))
    : [];
  const files = corpusFiles(input).filter((path) => !viaFeed.includes(path));
  const outcomes: IngestOutcome[] = [];
  const session = await openSession(target, { observe: (outcome) => outcomes.push(outcome) });
  try {
    const { adapters, local } = session;
    out(`treatywatch: ${session.describe}`);
    const started = performance.now();
    for (const path of files) {
      await adapters.s3Client.send(
        new PutObjectCommand({
          Bucket: adapters.config.bucketName,
          Key: uploadKey(adapters.config.incomingPrefix, input, path),
          Body: readFileSync(path),
        }),
      );
    }
    await local?.queue.drained();
    const seconds = (performance.now() - started) / 1000;
    out(
      `Uploaded ${plural(files.length, 'file')} from ${input.replace(/\/+$/, '')}/ to s3://${adapters.config.bucketName}/${adapters.config.incomingPrefix} and ingested ${files.length === 1 ? 'it' : 'them'} in ${seconds.toFixed(2)} s.`,
    );
    if (viaFeed.length > 0) {
      const { servedAt, outcome } = await pollSampleFeed(adapters, viaFeed);
      if (outcome) {
        out(
          `Polled the local sample feed (${viaFeed.length} items on ${servedAt}): ${pollSummary(outcome)}.`,
        );
      }
    }
    const touched = await report(
      session.adapters.dispatches.getDispatch.bind(session.adapters.dispatches),
      outcomes,
      out,
    );
    const ingested = touched.map((item) => item.dispatch.date);
    if (ingested.length > 0) {
      const period = {
        since: ingested.reduce((a, b) => (a < b ? a : b)),
        until: ingested.reduce((a, b) => (a > b ? a : b)),
      };
      const digest = await writeDigest(session, period, join(target.stateDir, 'digest'));
      out('');
      out(digest.text.trimEnd());
      out('');
      out(`Digest for ${period.since} to ${period.until} written to ${digest.html} (and digest.txt).`);
    }
    const rejectCount = (await adapters.rejects.listRejects({ includeReplayed: false })).length;
    const total = (await adapters.dispatches.listDispatches({})).length;
    out('');
    out(
      `The store now holds ${plural(total, 'dispatch', 'dispatches')} and ${plural(rejectCount, 'open reject')} (data kept in ${target.stateDir}/).`,
    );
    out(
      'Next: npx treatywatch dispatches · npx treatywatch show ID · npx treatywatch rejects · npx treatywatch replay ID',
    );
  } finally {
    await session.close();
  }
}

async function report(
  getDispatch: (id: string) => Promise<StoredDispatch | undefined>,
  outcomes: readonly IngestOutcome[],
  out: (line: string) => void,
): Promise<StoredDispatch[]> {
  const stored = outcomes.filter((outcome) => outcome.kind === 'stored');
  const duplicates = outcomes.filter((outcome) => outcome.kind === 'duplicate');
  const rejected = outcomes.filter((outcome) => outcome.kind === 'rejected');
  out(
    `Uploads: stored ${plural(stored.length, 'new dispatch', 'new dispatches')} · skipped ${plural(duplicates.length, 'duplicate')} · rejected ${rejected.length}`,
  );
  const ids = [
    ...new Set(
      outcomes.flatMap((outcome) =>
        'dispatchId' in outcome && outcome.dispatchId ? [outcome.dispatchId] : [],
      ),
    ),
  ];
  const dispatches = (await Promise.all(ids.map(getDispatch))).filter(
    (found): found is StoredDispatch => !!found,
  );
  if (dispatches.length > 0) {
    out('');
    out(`  ${DISPATCH_HEADING}`);
    const newIds = new Set(stored.map((outcome) => outcome.dispatchId));
    for (const dispatch of dispatches.sort((a, b) => a.dispatch.date.localeCompare(b.dispatch.date))) {
      out(`${newIds.has(dispatch.dispatch.id) ? '+' : '='} ${dispatchLine(dispatch)}`);
    }
    out('  (+ new, = already stored)');
    // A date guessed from when the file arrived, or the volume's New Year, moves the digest's period.
    const guessed = dispatches.filter(
      (dispatch) =>
        dispatch.dispatch.dateSource === 'received' || dispatch.dispatch.dateSource === 'header-year',
    );
    if (guessed.length > 0) {
      out('');
      out(
        `Note: ${plural(guessed.length, 'dispatch is', 'dispatches are')} dated by a guess, with no citation or key date to go by ('received': the upload time; 'header-year': 1 January of the volume's year). A date in the key (incoming/2001/08/14/…) or x-amz-meta-published sets it:`,
      );
      for (const dispatch of guessed)
        out(
          `  ${dispatch.dispatch.id.slice(0, 12)}  ${dispatch.dispatch.date} (${dispatch.dispatch.dateSource})`,
        );
    }
  }
  if (rejected.length > 0) {
    out('');
    out('Rejected (kept in the dead-letter store; fix and `treatywatch replay ID`):');
    for (const outcome of rejected) {
      out(`  ${printable(outcome.key)}  ${outcome.code}  reject ${outcome.rejectId}`);
    }
  }
  return dispatches;
}
