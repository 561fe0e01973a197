import type { Dispatch } from '../dispatch.js';
import { type Token, TokenKind } from './tokens.js';

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  /** Offsets into the dispatch text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Token indexes: tokens[from] … tokens[to - 1]. */
  readonly from: number;
  readonly to: number;
}

/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'adm',
  'sen',
  'rep',
  'gov',
  'st',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'vol',
  'vs',
  'etc',
  'inc',
  'co',
  'jr',
  'sr',
  'gens',
  'amb',
  'prof',
]);

const closes = (token: Token | undefined) =>
  token !== undefined &&
  (token.kind === TokenKind.QuoteClose ||
    token.kind === TokenKind.ParenClose ||
    token.kind === TokenKind.Quote ||
    (token.kind === TokenKind.Possessive && token.norm === "'"));

/** Splits each paragraph's tokens into sentences, keeping offsets into the whole text. */
export function splitSentences(dispatch: Dispatch, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  const text = dispatch.text;
  let paragraphStart = 0;
  let cursor = 0;
  dispatch.paragraphs.forEach((paragraph, paragraphIndex) => {
    const paragraphEnd = paragraphStart + paragraph.text.length;
    let from = cursor;
    while (cursor < tokens.length && (tokens[cursor] as Token).start < paragraphEnd) {
      const token = tokens[cursor] as Token;
      cursor++;
      if (token.kind !== TokenKind.Stop) continue;
      const previous = tokens[cursor - 2];
      if (
        token.norm === '.' &&
        previous &&
        previous.kind === TokenKind.Word &&
        previous.end === token.start &&
        (ABBREVIATIONS.has(previous.norm) || (previous.norm.length === 1 && previous.capital))
      )
        continue;
      while (closes(tokens[cursor]) && (tokens[cursor] as Token).start < paragraphEnd) cursor++;
      const next = tokens[cursor];
      if (next && next.start < paragraphEnd && !startsSentence(next)) continue;
      push(from, cursor);
      from = cursor;
    }
    push(from, cursor);
    paragraphStart = paragraphEnd + 2;

    function push(first: number, last: number) {
      if (last <= first) return;
      const start = (tokens[first] as Token).start;
      const end = (tokens[last - 1] as Token).end;
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        start,
        end,
        text: text.slice(start, end),
        from: first,
        to: last,
      });
    }
  });
  return sentences;
}

const startsSentence = (token: Token) =>
  token.capital ||
  token.kind === TokenKind.Number ||
  token.kind === TokenKind.QuoteOpen ||
  token.kind === TokenKind.Quote ||
  token.kind === TokenKind.ParenOpen;
