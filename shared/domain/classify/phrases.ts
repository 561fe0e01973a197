/**
 * Phrase lists become one regular expression each. A `*` matches any word ending
 * ("withdraw*" → withdraws, withdrawal); spaces match any run of whitespace; matches never start
 * or end inside a word.
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split('*')
    .map((part) =>
      part
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/\s+/g, '\\s+'),
    )
    .join('[\\p{L}-]*');
}

export function compilePhrases(phrases: readonly string[], caseSensitive = false): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`,
    `gu${caseSensitive ? '' : 'i'}`,
  );
}

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function findAll(pattern: RegExp | undefined, text: string): Span[] {
  if (!pattern) return [];
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern))
    spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return spans;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
