import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIRECTORIES, readLabelledCorpus } from '../../eval/labelled-corpus.js';
import { type Dispatch, parseDispatch } from '../../shared/domain/index.js';

interface LabelledDispatch {
  file: string;
  header: { publication: string; volume: number; issue: number; author?: string } | null;
  date: string;
  citations?: { sources: string[]; dates: string[] }[];
}

/** Every labelled corpus, including the seeds when ../shared/seeds is beside the checkout. */
const CORPORA = [...CORPUS_DIRECTORIES, '../shared/seeds']
  .map((dir) => new URL(`../../${dir}/`, import.meta.url))
  .filter((dir) => existsSync(new URL('labels.json', dir)));

const cases = CORPORA.flatMap((dir) => {
  const labels: { dispatches: LabelledDispatch[] } = JSON.parse(
    readFileSync(new URL('labels.json', dir), 'utf8'),
  );
  return labels.dispatches.map((label) => ({
    name: `${dir.pathname.split('/').at(-2)}/${label.file}`,
    dir,
    label,
  }));
});

/** Labels group citations per parenthesis or per ";" group; compare what both agree on. */
function flattenCitations(groups: readonly { sources: readonly string[]; dates: readonly string[] }[]) {
  const dates = groups.flatMap((group) => group.dates).filter((date, index, all) => date !== all[index - 1]);
  return { sources: groups.flatMap((group) => group.sources), dates };
}

function parsedCitations(dispatch: Dispatch) {
  const all = dispatch.paragraphs.flatMap((paragraph) => paragraph.citations);
  return flattenCitations(all.map((citation) => ({ sources: [citation.outlet], dates: [citation.date] })));
}

describe('the parser agrees with the labelled corpora', () => {
  it('finds labelled corpora to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  it.each(cases)('$name: header, date and citations', ({ dir, label }) => {
    // Prepare: a headerless file is dated from its name, as an upload's key would date it
    const bytes = readFileSync(new URL(label.file, dir));
    // Act
    const result = parseDispatch(bytes, {
      sourceKey: `incoming/${label.file}`,
      receivedAt: '2026-11-22T00:00:00Z',
    });
    // Assess
    if (!result.ok) throw result.error;
    const { dispatch } = result;
    expect(
      dispatch.publication === null
        ? null
        : {
            publication: dispatch.publication,
            volume: dispatch.volume,
            issue: dispatch.issue,
            ...(dispatch.author ? { author: dispatch.author } : {}),
          },
    ).toEqual(label.header);
    if (label.header || /^\d{4}-\d{2}-\d{2}/.test(label.file)) expect(dispatch.date).toBe(label.date);
    if (label.citations) expect(parsedCitations(dispatch)).toEqual(flattenCitations(label.citations));
  });
});

describe.each(['corpus/dev', 'corpus/heldout'])('the second labeller’s labels of %s', (dir) => {
  const ours = readLabelledCorpus(new URL(`../../${dir}/`, import.meta.url).pathname);
  const second = readLabelledCorpus(new URL(`../../${dir}/`, import.meta.url).pathname, 'labels.second.json');

  it.runIf(second !== undefined)('label the same files as ours, with evidence quoted from each text', () => {
    // Prepare
    const files = (second ?? []).map((file) => basename(file.path));
    // Act
    const unquoted = (second ?? []).flatMap(({ path, label }) => {
      const text = readFileSync(path, 'utf8');
      return label.stances.filter((stance) => !text.includes(stance.evidence)).map(() => label.file);
    });
    // Assess
    expect(files.sort()).toEqual((ours ?? []).map((file) => basename(file.path)).sort());
    expect(unquoted).toEqual([]);
  });
});
