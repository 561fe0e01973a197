/**
 * Phrase lists become one regular expression each. A `*` matches any word ending
 * ("withdraw*" → withdraws, withdrawal); spaces match any run of whitespace; matches never start
 * or end inside a word.
 */
/**
 * Letters as a plain character class: Latin with accents covers every name and cue, and keeps the
 * patterns out of Unicode mode, which makes case-insensitive matching several times slower.
 */
export const LETTER = 'A-Za-z\\u00C0-\\u024F';

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
    .join(`[${LETTER}-]*`);
}

/** A compiled phrase list; case-insensitive lists run over the lower-cased text without the slow `i` flag. */
export interface PhrasePattern {
  readonly regex: RegExp;
  readonly caseSensitive: boolean;
}

export function compilePhrases(phrases: readonly string[], caseSensitive = false): PhrasePattern | undefined {
  if (phrases.length === 0) return undefined;
  const sorted = [...phrases]
    .map((phrase) => (caseSensitive ? phrase : phrase.toLowerCase()))
    .sort((a, b) => b.length - a.length)
    .map(phraseSource);
  return {
    regex: new RegExp(`(?<![${LETTER}0-9])(?:${sorted.join('|')})(?![${LETTER}0-9])`, 'g'),
    caseSensitive,
  };
}

/** A text and its ASCII-lower-cased twin: same length, so offsets carry over. */
export interface SearchText {
  readonly raw: string;
  readonly lower: string;
}

export const searchText = (raw: string): SearchText => ({
  raw,
  lower: raw.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()),
});

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function findAll(pattern: PhrasePattern | undefined, text: SearchText): Span[] {
  if (!pattern) return [];
  const spans: Span[] = [];
  const { regex } = pattern;
  const haystack = pattern.caseSensitive ? text.raw : text.lower;
  regex.lastIndex = 0;
  for (let match = regex.exec(haystack); match; match = regex.exec(haystack)) {
    const end = match.index + match[0].length;
    spans.push({ start: match.index, end, text: text.raw.slice(match.index, end) });
  }
  return spans;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
