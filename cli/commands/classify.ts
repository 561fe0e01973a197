import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type Classification,
  classifyDispatch,
  explainDispatch,
} from '../../shared/domain/classify/index.js';
import { type Dispatch, parseDispatch } from '../../shared/domain/index.js';
import { printable } from '../format.js';

/** One line of `classify --json`: the public, stable schema documented in the README. */
export type ClassifyResult =
  | ({ file: string; id: string; date: string; dateSource: string } & Omit<Classification, 'rulesVersion'> & {
        rulesVersion: string;
      })
  | { file: string; error: { code: string; message: string } };

function readDispatch(path: string): { dispatch: Dispatch } | { error: { code: string; message: string } } {
  let bytes: Buffer;
  let modified: Date;
  try {
    bytes = readFileSync(path);
    modified = statSync(path).mtime;
  } catch (error) {
    return { error: { code: 'unreadable', message: error instanceof Error ? error.message : String(error) } };
  }
  // A file is dated like an upload: header, then a date in its name, then its modification time.
  const parsed = parseDispatch(bytes, { sourceKey: basename(path), receivedAt: modified.toISOString() });
  if (!parsed.ok) return { error: { code: parsed.error.code, message: parsed.error.message } };
  return { dispatch: parsed.dispatch };
}

export function classifyFile(path: string): ClassifyResult {
  const read = readDispatch(path);
  if ('error' in read) return { file: path, error: read.error };
  return resultOf(path, read.dispatch, classifyDispatch(read.dispatch));
}

function resultOf(file: string, dispatch: Dispatch, classification: Classification): ClassifyResult {
  return {
    file,
    id: dispatch.id,
    date: dispatch.date,
    dateSource: dispatch.dateSource,
    topics: classification.topics,
    actors: classification.actors,
    people: classification.people,
    stances: classification.stances,
    rulesVersion: classification.rulesVersion,
  };
}

const quote = (text: string, max = 160) =>
  `“${printable(text.length > max ? `${text.slice(0, max)}…` : text)}”`;

/** The readable report: each label followed by the sentence and citation that justify it. */
export function describeClassification(
  classification: Omit<Classification, 'rulesVersion'>,
  out: (line: string) => void,
) {
  out(
    `  topics: ${classification.topics.map((topic) => `${topic.topic} (score ${topic.score})`).join(', ') || 'none'}`,
  );
  for (const topic of classification.topics) {
    const evidence = topic.evidence[0];
    if (evidence) out(`    ${topic.topic}: ${quote(evidence.text)}`);
  }
  out(
    `  actors: ${classification.actors.map((actor) => `${actor.actor} (${actor.mentions})`).join(', ') || 'none'}`,
  );
  const people = classification.people.map(
    (person) =>
      `${person.name} — ${person.actor ?? 'no state office'}${person.role ? `, ${person.role}` : ''}`,
  );
  if (people.length > 0) out(`  people: ${printable(people.join('; '))}`);
  if (classification.stances.length === 0) out('  stances: none');
  for (const stance of classification.stances) {
    out(
      `  ${stance.actor} on ${stance.topic}: ${stance.stance.toUpperCase()} (confidence ${stance.confidence.toFixed(2)})`,
    );
    for (const evidence of stance.evidence) {
      const cited = evidence.citation?.map((citation) => `${citation.outlet}, ${citation.date}`).join('; ');
      out(
        `    ${evidence.speaker ? `${printable(evidence.speaker)}: ` : ''}${quote(evidence.text)}${cited ? ` (${printable(cited)})` : ''}`,
      );
    }
  }
}

export function runClassify(
  files: readonly string[],
  options: { readonly json: boolean; readonly explain?: boolean },
  out: (line: string) => void,
): number {
  let rejected = 0;
  for (const file of files) {
    if (options.explain) {
      // How each sentence was read: mentions, speakers, subjects, cues and what they gave.
      const read = readDispatch(file);
      if ('error' in read) {
        rejected++;
        out(`${printable(file)}: rejected (${read.error.code}) — ${printable(read.error.message)}`);
        continue;
      }
      out(printable(file));
      for (const line of explainDispatch(read.dispatch)) out(printable(line));
      out('');
      continue;
    }
    const result = classifyFile(file);
    if ('error' in result) rejected++;
    if (options.json) {
      out(JSON.stringify(result));
      continue;
    }
    if ('error' in result) {
      out(`${printable(file)}: rejected (${result.error.code}) — ${printable(result.error.message)}`);
      continue;
    }
    out(
      `${printable(file)} — ${result.date} (${result.dateSource}) · id ${result.id.slice(0, 12)} · rules ${result.rulesVersion}`,
    );
    describeClassification(result, out);
    out('');
  }
  return rejected;
}
