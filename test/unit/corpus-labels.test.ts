import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Dispatch, parseDispatch } from '../../shared/domain/index.js';

interface LabelledDispatch {
  file: string;
  header: { publication: string; volume: number; issue: number; author?: string } | null;
  date: string;
  citations?: { sources: string[]; dates: string[] }[];
}

/** Every labelled corpus, including the seeds when ../shared/seeds is beside the checkout. */
const CORPORA = ['corpus/sample', 'corpus/dev', 'corpus/heldout', '../shared/seeds']
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

/** Citation groups as labelled: the outlets printed together with one date. */
function citationGroups(dispatch: Dispatch) {
  return dispatch.paragraphs.flatMap((paragraph) => {
    const groups = new Map<string, { sources: string[]; dates: string[] }>();
    for (const citation of paragraph.citations) {
      const key = `${citation.offset}|${citation.date}`;
      const group = groups.get(key) ?? { sources: [], dates: [citation.date] };
      group.sources.push(citation.outlet);
      groups.set(key, group);
    }
    return [...groups.values()];
  });
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
    if (label.citations) {
      const expected = label.citations.flatMap((group) =>
        group.dates.length === 1
          ? [group]
          : group.sources.map((source, index) => ({ sources: [source], dates: [group.dates[index] ?? ''] })),
      );
      expect(
        citationGroups(dispatch).flatMap((group) => group.sources.map((source) => [source, group.dates[0]])),
      ).toEqual(expected.flatMap((group) => group.sources.map((source) => [source, group.dates[0]])));
    }
  });
});
