/**
 * Query latency on DynamoDB Local with 100,000 stored observations: the position (as of a date)
 * and shift queries, and building + rendering the digest for a year.
 *
 *   npm run bench:positions            100,000 observations
 *   npm run bench:positions -- 20000   another count
 */
import { createHash } from 'node:crypto';
import { startLocalRuntime } from '../local/local-runtime.js';
import { writeAll } from '../shared/adapters/dynamodb/batch-writes.js';
import { observationItems } from '../shared/adapters/dynamodb/dynamodb-position-store.js';
import type { Stance } from '../shared/domain/classify/index.js';
import { renderDigestHtml, renderDigestText } from '../shared/domain/digest/index.js';
import type { Observation } from '../shared/domain/positions/index.js';
import { buildDigest } from '../shared/usecases/build-digest.js';
import { queryPositions, queryShifts } from '../shared/usecases/queries.js';
import { rederivePositions } from '../shared/usecases/rederive-positions.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const ACTORS = [
  'RUS',
  'USA',
  'CHN',
  'FRA',
  'DEU',
  'GBR',
  'UKR',
  'BLR',
  'KAZ',
  'IND',
  'JPN',
  'PRK',
  'IRN',
  'NATO',
  'EU',
];
const TOPICS = ['ABM', 'NMD', 'START'];
const STANCES: Stance[] = ['support', 'oppose', 'mixed'];
const FIRST_DAY = Date.UTC(1999, 0, 1);
const DAYS = 4 * 365;
const SAMPLES = 300;

// A fixed pseudo-random sequence, so every run stores the same data.
let seed = 20011213;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
const day = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

function observation(index: number): Observation {
  const actor = pick(ACTORS);
  const topic = pick(TOPICS);
  // Positions drift slowly: a pair keeps its stance for long stretches, as governments do.
  const era = Math.floor(random() * 4);
  const stance =
    random() < 0.8
      ? (STANCES[(ACTORS.indexOf(actor) + TOPICS.indexOf(topic) + era) % 3] as Stance)
      : pick(STANCES);
  const date = day(Math.floor(random() * DAYS));
  const text = `Statement ${index}: ${actor} on ${topic}, ${stance}, reported on ${date}.`;
  return {
    actor,
    topic,
    stance,
    strength: Math.round((0.3 + random() * 0.7) * 100) / 100,
    dispatchId: createHash('sha256').update(String(index)).digest('hex'),
    dispatchDate: date,
    evidence: [
      { text, start: 0, end: text.length, speaker: actor, citation: [{ outlet: 'Interfax', date }] },
    ],
    statementKey: `${actor}|${topic}|${index}`,
  };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
}

async function timeEach(label: string, run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(times, 0.5).toFixed(1)} ms   p95 ${percentile(times, 0.95).toFixed(1)} ms   (${SAMPLES} queries; target p95 < 50 ms)`,
  );
}

const runtime = await startLocalRuntime({ relayS3Events: false });
try {
  const { adapters, config } = runtime;
  const observations = Array.from({ length: COUNT }, (_, index) => observation(index));
  let start = performance.now();
  const items = observationItems(observations);
  const slices = Array.from({ length: 4 }, (_, worker) => items.filter((_, index) => index % 4 === worker));
  await Promise.all(slices.map((slice) => writeAll(adapters.documentClient, config.tableName, slice)));
  const loadSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const pairs = ACTORS.flatMap((actor) => TOPICS.map((topic) => ({ actor, topic })));
  await rederivePositions(adapters.positions, pairs);
  const deriveSeconds = (performance.now() - start) / 1000;
  const shifts = await adapters.positions.shiftsBetween('0000-00-00', '9999-99-99');
  console.log(
    `positions benchmark: ${COUNT} observations in ${pairs.length} actor/topic timelines, ${shifts.length} stored shifts`,
  );
  console.log(
    `  loaded in ${loadSeconds.toFixed(1)} s; all timelines derived in ${deriveSeconds.toFixed(1)} s`,
  );

  await timeEach('position of one actor on one topic, as of a date', () =>
    adapters.positions.positionAsOf(pick(pairs), day(Math.floor(random() * DAYS))),
  );
  await timeEach('positions of one actor on every topic', () =>
    queryPositions(adapters, { actor: pick(ACTORS), asOf: day(Math.floor(random() * DAYS)) }),
  );
  await timeEach('shifts in a 30-day window', () => {
    const from = Math.floor(random() * (DAYS - 30));
    return queryShifts(adapters, { since: day(from), until: day(from + 30) });
  });

  start = performance.now();
  const input = await buildDigest(adapters, { since: '2001-01-01', until: '2001-12-31' });
  const html = renderDigestHtml(input);
  const text = renderDigestText(input);
  const digestSeconds = (performance.now() - start) / 1000;
  console.log(
    `  digest for 2001: ${input.shifts.length} shifts, ${input.held.length} held positions, ${(html.length / 1024).toFixed(0)} KB HTML + ${(text.length / 1024).toFixed(0)} KB text in ${digestSeconds.toFixed(2)} s (target < 2 s)`,
  );
} finally {
  await runtime.stop();
}
