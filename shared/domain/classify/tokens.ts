/**
 * One pass over the text that every later stage reads instead of the characters: words, numbers
 * and the punctuation that matters for sentences, clauses and quotations, with offsets.
 */

export const TokenKind = {
  Word: 0,
  Number: 1,
  /** . ! ? */
  Stop: 2,
  Comma: 3,
  Semicolon: 4,
  Colon: 5,
  /** — – and a free-standing hyphen */
  Dash: 6,
  QuoteOpen: 7,
  QuoteClose: 8,
  /** A straight double quote: opening or closing by position. */
  Quote: 9,
  ParenOpen: 10,
  ParenClose: 11,
  /** The possessive ending ’s, or a bare ’ after a plural. */
  Possessive: 12,
  Other: 13,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower-cased, with ’ as ' — what dictionaries are matched against. */
  readonly norm: string;
  readonly kind: TokenKind;
  /** The first character is an upper-case letter. */
  readonly capital: boolean;
  /** Joined by a hyphen to the word before ("early-warning"): part of a compound, not a verb of its own. */
  readonly joined: boolean;
}

const isLetter = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
  (code >= 0x370 && code <= 0x52f);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isUpper = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
const APOSTROPHE = 0x27;
const RIGHT_SINGLE = 0x2019;
const HYPHEN = 0x2d;

/** Lower-cases ASCII and Latin-1 letters and turns ’ into '. */
function normalise(raw: string): string {
  let plain = true;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if ((code >= 65 && code <= 90) || code === RIGHT_SINGLE || code >= 0xc0) {
      plain = false;
      break;
    }
  }
  return plain ? raw : raw.toLowerCase().replace(/’/g, "'");
}

/**
 * Splits text into tokens. A hyphen inside a word separates two words ("anti-missile" is "anti"
 * "missile", as in the dictionaries); "U.S." and "1,500" stay whole; "’s" and "n't" are tokens of
 * their own, so "Moscow’s" is a name and a possessive.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  const push = (start: number, end: number, kind: TokenKind, norm: string) => {
    tokens.push({
      start,
      end,
      norm,
      kind,
      capital: isUpper(text.charCodeAt(start)),
      // "early-warning": a hyphen with a word character on both sides ("Russia--warned" is a dash).
      joined:
        start > 1 &&
        text.charCodeAt(start - 1) === HYPHEN &&
        (isLetter(text.charCodeAt(start - 2)) || isDigit(text.charCodeAt(start - 2))),
    });
  };
  while (index < length) {
    const code = text.charCodeAt(index);
    if (isLetter(code)) {
      const start = index;
      index++;
      while (index < length) {
        const next = text.charCodeAt(index);
        if (isLetter(next) || isDigit(next)) index++;
        // An internal apostrophe ("o'clock") stays; a possessive or n't is split off below.
        else if (
          (next === APOSTROPHE || next === RIGHT_SINGLE) &&
          isLetter(text.charCodeAt(index + 1)) &&
          !isPossessiveAt(text, index) &&
          !isNegationAt(text, index)
        )
          index++;
        else break;
      }
      // "U.S.", "U.N.": single letters joined by full stops.
      if (index - start === 1 && text.charCodeAt(index) === 46 && isLetter(text.charCodeAt(index + 1))) {
        let end = index;
        while (
          text.charCodeAt(end) === 46 &&
          isLetter(text.charCodeAt(end + 1)) &&
          !isLetter(text.charCodeAt(end + 2))
        )
          end += 2;
        if (end > index && text.charCodeAt(end) === 46) {
          index = end + 1;
          push(start, index, TokenKind.Word, normalise(text.slice(start, index)));
          // "U.S.’s position"
          if (
            (text.charCodeAt(index) === APOSTROPHE || text.charCodeAt(index) === RIGHT_SINGLE) &&
            isS(text.charCodeAt(index + 1)) &&
            !isLetter(text.charCodeAt(index + 2))
          ) {
            push(index, index + 2, TokenKind.Possessive, "'s");
            index += 2;
          }
          continue;
        }
      }
      // "didn't" → "did" + "n't"; a lone "n't" (a dictionary phrase) is that token too.
      if (
        isN(text.charCodeAt(index - 1)) &&
        (text.charCodeAt(index) === APOSTROPHE || text.charCodeAt(index) === RIGHT_SINGLE) &&
        isT(text.charCodeAt(index + 1)) &&
        !isLetter(text.charCodeAt(index + 2))
      ) {
        if (index - 1 > start)
          push(start, index - 1, TokenKind.Word, normalise(text.slice(start, index - 1)));
        push(index - 1, index + 2, TokenKind.Word, "n't");
        index += 2;
        continue;
      }
      push(start, index, TokenKind.Word, normalise(text.slice(start, index)));
      continue;
    }
    if (isDigit(code)) {
      const start = index;
      index++;
      while (index < length) {
        const next = text.charCodeAt(index);
        if (isDigit(next) || isLetter(next)) index++;
        else if ((next === 44 || next === 46) && isDigit(text.charCodeAt(index + 1))) index += 2;
        else break;
      }
      push(start, index, TokenKind.Number, normalise(text.slice(start, index)));
      continue;
    }
    const start = index;
    index++;
    switch (code) {
      case 46: // .
      case 33: // !
      case 63: // ?
        push(start, index, TokenKind.Stop, text[start] as string);
        break;
      case 44:
        push(start, index, TokenKind.Comma, ',');
        break;
      case 59:
        push(start, index, TokenKind.Semicolon, ';');
        break;
      case 58:
        push(start, index, TokenKind.Colon, ':');
        break;
      case 0x2014: // —
      case 0x2013: // –
        push(start, index, TokenKind.Dash, '—');
        break;
      case HYPHEN:
        // A hyphen between words joins them (skipped); a free-standing one is a dash.
        if (text.charCodeAt(index) === HYPHEN || text.charCodeAt(index) === 32) {
          if (text.charCodeAt(index) === HYPHEN) index++;
          push(start, index, TokenKind.Dash, '—');
        }
        break;
      case 0x201c: // “
        push(start, index, TokenKind.QuoteOpen, '"');
        break;
      case 0x201d: // ”
        push(start, index, TokenKind.QuoteClose, '"');
        break;
      case 0x22:
        push(start, index, TokenKind.Quote, '"');
        break;
      case 40:
        push(start, index, TokenKind.ParenOpen, '(');
        break;
      case 41:
        push(start, index, TokenKind.ParenClose, ')');
        break;
      case APOSTROPHE:
      case RIGHT_SINGLE:
        if (isPossessiveAt(text, start)) {
          index++;
          push(start, index, TokenKind.Possessive, "'s");
        } else if (start > 0 && text.charCodeAt(start - 1) === 115 && !isLetter(text.charCodeAt(index))) {
          push(start, index, TokenKind.Possessive, "'");
        }
        break;
      default:
        if (code > 32 && code !== 0xa0 && code !== 0x2018)
          push(start, index, TokenKind.Other, text[start] as string);
    }
  }
  return tokens;
}

/** ’s followed by a non-letter, after a letter or digit. */
function isPossessiveAt(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  if (next !== 115 && next !== 83) return false;
  const previous = text.charCodeAt(at - 1);
  return (isLetter(previous) || isDigit(previous)) && !isLetter(text.charCodeAt(at + 2));
}

function isNegationAt(text: string, at: number): boolean {
  return isN(text.charCodeAt(at - 1)) && isT(text.charCodeAt(at + 1)) && !isLetter(text.charCodeAt(at + 2));
}

const isN = (code: number) => code === 110 || code === 78;
const isT = (code: number) => code === 116 || code === 84;
const isS = (code: number) => code === 115 || code === 83;
