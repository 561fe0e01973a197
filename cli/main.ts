import { Command, InvalidArgumentError, Option } from 'commander';
import { JavaMissingError } from '../shared/adapters/local/java-runtime.js';
import { ConfigError } from '../shared/config/config.js';
import {
  ACTOR_FORMAT,
  actorParam,
  DATE_FORMAT,
  type DateRange,
  isNoSuchDay,
  isoDateParam,
  NO_SUCH_DAY,
  reversedRange,
  TOPIC_FORMAT,
  topicParam,
} from '../shared/usecases/query-params.js';
import type * as z from '../shared/zod.js';
import { runClassify } from './commands/classify.js';
import { runDigest } from './commands/digest.js';
import { runDispatches } from './commands/dispatches.js';
import { DEFAULT_FEEDS_FILE, runFeeds, runPoll } from './commands/feeds.js';
import { runPositions, runShifts } from './commands/positions.js';
import { runReclassify } from './commands/reclassify.js';
import { runRejects } from './commands/rejects.js';
import { runReplay } from './commands/replay.js';
import { PortInUseError, runServe } from './commands/serve.js';
import { runShow } from './commands/show.js';
import { runStart, SAMPLE_CORPUS } from './commands/start.js';
import { openSession, type Session, type TargetOptions, targetFromEnvironment } from './session.js';
import { UsageError } from './usage-error.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
// `treatywatch dispatches | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** An option parser from the schema the query API uses, so both edges accept the same values. */
const parsedBy =
  (schema: z.ZodMiniType<string, string>, format: string) =>
  (value: string): string => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    // The shape is right but the day does not exist (2001-02-30): say that, not "not a date like".
    const noSuchDay = parsed.error.issues.some(isNoSuchDay);
    throw new InvalidArgumentError(`"${value}" is ${noSuchDay ? NO_SUCH_DAY : `not ${format}`}`);
  };
const isoDate = parsedBy(isoDateParam, DATE_FORMAT);
const actorCode = parsedBy(actorParam, ACTOR_FORMAT);
const topicCode = parsedBy(topicParam, TOPIC_FORMAT);

const SINCE_UNTIL = { first: '--since', last: '--until' };

/** A reversed date range parses option by option; refused here as a command-line error (exit 1). */
function refuseReversed(command: Command, range: DateRange, names: { first: string; last: string }) {
  const reversed = reversedRange(range, names.first);
  if (reversed) command.error(`error: ${names.last} ${reversed}: give the earlier date first`);
}

const program = new Command('treatywatch')
  .description('Watches arms-control dispatches and tells analysts when a position moves.')
  .addOption(
    new Option('--table <name>', 'a deployed DynamoDB table (default: the local store)').env(
      'TREATYWATCH_TABLE',
    ),
  )
  .addOption(new Option('--bucket <name>', 'the deployed dispatch bucket').env('TREATYWATCH_BUCKET'))
  .addOption(new Option('--region <region>', 'AWS region of the deployed stack').env('AWS_REGION'))
  .addOption(
    new Option('--state-dir <dir>', 'where the local store keeps its data').env('TREATYWATCH_STATE_DIR'),
  )
  .showHelpAfterError();

const target = (): TargetOptions => targetFromEnvironment(program.opts(), {});

async function withSession(run: (session: Session) => Promise<unknown>): Promise<void> {
  const session = await openSession(target());
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

program
  .command('start')
  .description('start the local services, upload a corpus, ingest it through the Lambda handler, and report')
  .option('--input <dir>', 'ingest this directory instead of the sample corpus', SAMPLE_CORPUS)
  .option('--fresh', 'start from an empty store', false)
  .action(async (options: { input: string; fresh: boolean }) => {
    const chosen = target();
    if (chosen.table)
      throw new UsageError(
        'start runs the local pipeline; upload to the deployed bucket instead (see README)',
      );
    await runStart(chosen, options, out);
  });

program
  .command('dispatches')
  .description('list stored dispatches, oldest first')
  .option('--from <date>', 'first dispatch date (inclusive)', isoDate)
  .option('--to <date>', 'last dispatch date (inclusive)', isoDate)
  .option('--topic <code>', 'only dispatches on this topic', topicCode)
  .option('--actor <code>', 'only dispatches in which this actor acts', actorCode)
  .option('--json', 'print a JSON array', false)
  .action(
    (
      options: { from?: string; to?: string; topic?: string; actor?: string; json: boolean },
      command: Command,
    ) => {
      refuseReversed(command, { first: options.from, last: options.to }, { first: '--from', last: '--to' });
      return withSession((session) => runDispatches(session, options, out));
    },
  );

program
  .command('positions')
  .description("each actor's position on each topic, with the statement behind it")
  .option('--actor <code>', 'one actor', actorCode)
  .option('--topic <code>', 'one topic', topicCode)
  .option('--as-of <date>', 'the position held on this date (default: the latest)', isoDate)
  .option('--json', 'print a JSON array', false)
  .action((options: { actor?: string; topic?: string; asOf?: string; json: boolean }) =>
    withSession((session) => runPositions(session, options, out)),
  );

program
  .command('shifts')
  .description('new, changed, hardened and softened positions, with the evidence before and after')
  .option('--since <date>', 'first dispatch date (inclusive)', isoDate)
  .option('--until <date>', 'last dispatch date (inclusive)', isoDate)
  .option('--actor <code>', 'one actor', actorCode)
  .option('--topic <code>', 'one topic', topicCode)
  .option('--json', 'print a JSON array', false)
  .action(
    (
      options: { since?: string; until?: string; actor?: string; topic?: string; json: boolean },
      command: Command,
    ) => {
      refuseReversed(command, { first: options.since, last: options.until }, SINCE_UNTIL);
      return withSession((session) => runShifts(session, options, out));
    },
  );

program
  .command('show')
  .description('print one dispatch with its paragraphs and citations')
  .argument('<id>', 'dispatch id, or a unique prefix of 6+ characters')
  .option('--json', 'print JSON', false)
  .action((id: string, options: { json: boolean }) =>
    withSession((session) => runShow(session, id, options, out)),
  );

program
  .command('rejects')
  .description('list rejected inputs kept in the dead-letter store, with their reasons')
  .option('--all', 'include rejects already replayed', false)
  .option('--json', 'print a JSON array', false)
  .action((options: { all: boolean; json: boolean }) =>
    withSession((session) => runRejects(session, options, out)),
  );

program
  .command('replay')
  .description('re-submit rejected inputs through the ingest path (after fixing the file, for example)')
  .argument('[id]', 'the reject id shown by `treatywatch rejects`, or a unique prefix of 6+ characters')
  .option('--all', 'replay every open reject', false)
  .action((id: string | undefined, options: { all: boolean }) =>
    withSession(async (session) => {
      const still = await runReplay(session, id, options, out);
      if (still > 0) process.exitCode = 1;
    }),
  );

program
  .command('classify')
  .description('classify dispatch files by topic, actor and stance without storing them')
  .argument('<files...>', 'dispatch files in the Monitor format')
  .option('--json', 'print one JSON object per line (the schema is in the README)', false)
  .option('--explain', 'show how each sentence was read: speakers, subjects, cues, observations', false)
  .action((files: string[], options: { json: boolean; explain: boolean }) => {
    const rejected = runClassify(files, options, out);
    if (rejected > 0) process.exitCode = 1;
  });

program
  .command('reclassify')
  .description(
    're-run the classifier over every stored dispatch after a rules change and report what changed',
  )
  .option('--dry-run', 'report the changes without writing them', false)
  .action((options: { dryRun: boolean }) => withSession((session) => runReclassify(session, options, out)));

program
  .command('digest')
  .description('write the digest (HTML and text) for a period of dispatch dates and print the text')
  .option('--since <date>', 'first dispatch date (default: the beginning)', isoDate)
  .option('--until <date>', 'last dispatch date (default: today)', isoDate)
  .option('--out <dir>', 'where to write digest.html and digest.txt', '.treatywatch/digest')
  .action((options: { since?: string; until?: string; out: string }, command: Command) => {
    refuseReversed(command, { first: options.since, last: options.until }, SINCE_UNTIL);
    return withSession((session) => runDigest(session, options, out));
  });

program
  .command('poll')
  .description('poll the configured RSS/Atom/RDF feeds once, safely, into the same pipeline')
  .option('--feed <url>', 'poll only this feed')
  .option(
    '--feeds <file>',
    'the feeds list (JSON: [{url, name, publication?, allowPrivateNetwork?}])',
    DEFAULT_FEEDS_FILE,
  )
  .option(
    '--allow-private-network',
    'local development only: let feeds reach 127.0.0.1 and private addresses',
    false,
  )
  .action((options: { feed?: string; feeds: string; allowPrivateNetwork: boolean }) =>
    withSession(async (session) => {
      const failed = await runPoll(session, options, out);
      if (failed > 0) process.exitCode = 1;
    }),
  );

program
  .command('feeds')
  .description('each polled feed with its ETag, Last-Modified, last success and failures in a row')
  .option('--json', 'print a JSON array', false)
  .action((options: { json: boolean }) => withSession((session) => runFeeds(session, options, out)));

program
  .command('serve')
  .description('answer the query API (GET /positions, /shifts, /dispatches) on 127.0.0.1')
  .option(
    '--port <port>',
    'port to listen on (0: any free port)',
    (value) => {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InvalidArgumentError(`"${value}" is not a port number`);
      return port;
    },
    8787,
  )
  .action((options: { port: number }) =>
    withSession((session) => runServe(session, { ...options, stateDir: target().stateDir }, out)),
  );

/** What the AWS SDK throws for a deployed stack it cannot reach: no credentials, denied, no such table. */
const isAwsError = (error: unknown): error is Error =>
  error instanceof Error && ('$metadata' in error || error.name === 'CredentialsProviderError');

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof JavaMissingError ||
    error instanceof PortInUseError
  ) {
    process.stderr.write(`treatywatch: ${error.message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else if (isAwsError(error)) {
    process.stderr.write(`treatywatch: AWS refused the request: ${error.name}: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
