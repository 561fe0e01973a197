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
  /** The norm's number in the process's word table (wordOf); -1 only for a word the full table lacks. */
  readonly word: number;
  readonly kind: TokenKind;
  /** The first character is an upper-case letter. */
  readonly capital: boolean;
  /** Joined by a hyphen to the word before ("early-warning"): part of a compound, not a verb of its own. */
  readonly joined: boolean;
}

const APOSTROPHE = 0x27;
const RIGHT_SINGLE = 0x2019;
const HYPHEN = 0x2d;

// Character classes by table: the tokenizer asks them for every character of the text.
const LETTER = 1;
const UPPER = 2;
/** The letters the tokenizer knows all lie below Cyrillic's end. */
const CLASSED = 0x530;
const CLASSES = new Uint8Array(CLASSED);
for (let code = 0; code < CLASSED; code++) {
  const letter =
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    code >= 0x370;
  const upper = (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
  CLASSES[code] = (letter ? LETTER : 0) | (upper ? UPPER : 0);
}
// Each reads the table itself: a call less per character while V8 still interprets (start-up).
// -1 (codeAt past either end of the text) has no class.
const isLetter = (code: number) => code >= 0 && code < CLASSED && ((CLASSES[code] ?? 0) & LETTER) !== 0;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isUpper = (code: number) => code >= 0 && code < CLASSED && ((CLASSES[code] ?? 0) & UPPER) !== 0;
/** A letter or digit: what a word goes on with. ASCII first, without the table: most text is. */
const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  (code >= 0xc0 && code < CLASSED && ((CLASSES[code] ?? 0) & LETTER) !== 0);

/**
 * text.charCodeAt(at), or -1 past either end. The tokenizer reads through it only: a read past the
 * end (NaN) deoptimises it, and V8 then stops inlining charCodeAt in it; every dictionary phrase
 * ends in such a read, so after start-up the tokenizer ran at two-thirds of its speed.
 */
const codeAt = (text: string, at: number) => (at >= 0 && at < text.length ? text.charCodeAt(at) : -1);

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
 * The process's word table. Every distinct norm has a number, so the phrase trie looks a word up
 * in an array rather than hashing its string; and every spelling seen in a text maps to its norm's
 * number through an open-addressing table over the text's characters, so a word seen before costs
 * no slice, no case conversion and no allocation, and its norm is the same string object every
 * time (V8 keeps its hash for the grammar's Set lookups). Spellings stop being added at
 * MAX_SPELLINGS, like the trie's old word cache, so odd text cannot grow it without bound;
 * dictionary words are always added (wordOf), so a full table still numbers every word they hold.
 */
const MAX_SPELLINGS = 100_000;
/**
 * Per slot, four numbers side by side, so a probe reads one cache line: the spelling's hash, where
 * its characters start in `characters` + 1 (0: empty slot), its word's number and its length. Kept
 * at most half full; it doubles as it fills, so the few thousand spellings of ordinary text stay in
 * a small table. A probe compares the text with the stored characters, not with a string object.
 */
const STRIDE = 4;
let slotMask = (1 << 12) - 1;
let slots = new Int32Array((slotMask + 1) * STRIDE);
/** Every spelling's UTF-16 code units, one after another. */
let characters = new Uint16Array(1 << 15);
let charactersUsed = 0;
let spellingCount = 0;
const wordIds = new Map<string, number>();
const words: string[] = [];

/** The word table's number for a norm, added if new. */
export function wordOf(norm: string): number {
  let word = wordIds.get(norm);
  if (word === undefined) {
    word = words.length;
    words.push(norm);
    wordIds.set(norm, word);
  }
  return word;
}

/** The word table's number for a norm, or -1 if it has none (not added). */
export function knownWordOf(norm: string): number {
  return wordIds.get(norm) ?? -1;
}

/** The spelling table's hash of text[start, end) before mixing, as the tokenizer's word loop folds it. */
const foldCode = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let index = start; index < end; index++) hash = foldCode(hash, text.charCodeAt(index));
  return hash;
}

/**
 * The number of the norm of text[start, end), or -1 for an unknown word once the table is full.
 * `folded`: hashOf(text, start, end), which the word loop computes as it reads the characters.
 */
function wordAt(text: string, start: number, end: number, folded: number): number {
  let hash = folded;
  // Mix the high bits down: the slot is taken from the low ones.
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  hash ^= hash >>> 16;
  const length = end - start;
  const table = slots;
  const wrap = slotMask * STRIDE + STRIDE - 1;
  let slot = (hash & slotMask) * STRIDE;
  for (let entry = table[slot + 1] ?? 0; entry !== 0; entry = table[slot + 1] ?? 0) {
    if (table[slot] === hash && table[slot + 3] === length && spelledAt(entry - 1, text, start, length))
      return table[slot + 2] ?? -1;
    slot = (slot + STRIDE) & wrap;
  }
  const norm = normalise(text.slice(start, end));
  if (spellingCount >= MAX_SPELLINGS) return wordIds.get(norm) ?? -1;
  const word = wordOf(norm);
  const at = storeCharacters(text, start, length);
  table[slot] = hash;
  table[slot + 1] = at + 1;
  table[slot + 2] = word;
  table[slot + 3] = length;
  spellingCount++;
  if (spellingCount * 2 > slotMask) grow();
  return word;
}

/** Appends text[start, start + length) to `characters`; where it starts there. */
function storeCharacters(text: string, start: number, length: number): number {
  if (charactersUsed + length > characters.length) {
    const grown = new Uint16Array(Math.max(characters.length * 2, charactersUsed + length));
    grown.set(characters);
    characters = grown;
  }
  const at = charactersUsed;
  for (let index = 0; index < length; index++) characters[at + index] = text.charCodeAt(start + index);
  charactersUsed += length;
  return at;
}

function grow(): void {
  const old = slots;
  slotMask = slotMask * 2 + 1;
  slots = new Int32Array((slotMask + 1) * STRIDE);
  const wrap = slotMask * STRIDE + STRIDE - 1;
  for (let from = 0; from < old.length; from += STRIDE) {
    if (old[from + 1] === 0) continue;
    let slot = ((old[from] ?? 0) & slotMask) * STRIDE;
    while (slots[slot + 1] !== 0) slot = (slot + STRIDE) & wrap;
    slots.set(old.subarray(from, from + STRIDE), slot);
  }
}

/** The stored spelling at `at` is text[start, start + length) (lengths already equal). */
function spelledAt(at: number, text: string, start: number, length: number): boolean {
  const stored = characters;
  for (let index = 0; index < length; index++)
    if (stored[at + index] !== text.charCodeAt(start + index)) return false;
  return true;
}

/** Numbers of the fixed norms. */
const POSSESSIVE_S = wordOf("'s");
const NOT = wordOf("n't");
const COMMA = wordOf(',');
const SEMICOLON = wordOf(';');
const COLON = wordOf(':');
const DASH = wordOf('—');
const QUOTE = wordOf('"');
const PAREN_OPEN = wordOf('(');
const PAREN_CLOSE = wordOf(')');
const APOSTROPHE_S = wordOf("'");

/**
 * Splits text into tokens. A hyphen inside a word separates two words ("anti-missile" is "anti"
 * "missile", as in the dictionaries); "U.S." and "1,500" stay whole; "’s" and "n't" are tokens of
 * their own, so "Moscow’s" is a name and a possessive.
 *
 * `remember: false` reads each word afresh instead of through the spelling table: for dictionary
 * phrases, read once at start-up, where the table's character loops would run before V8 has
 * compiled them and slow the cold start.
 */
export function tokenize(text: string, remember = true): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = codeAt(text, index);
    if (isLetter(code)) {
      const start = index;
      // The spelling's hash as it is read, and the hash without its last character (for "n't").
      let hash = code;
      let hashBefore = 0;
      index++;
      while (index < length) {
        const next = codeAt(text, index);
        if (
          isWordCode(next) ||
          // An internal apostrophe ("o'clock") stays; a possessive or n't is split off below.
          ((next === APOSTROPHE || next === RIGHT_SINGLE) &&
            isLetter(codeAt(text, index + 1)) &&
            !isPossessiveAt(text, index) &&
            !isNegationAt(text, index))
        ) {
          hashBefore = hash;
          hash = foldCode(hash, next);
          index++;
        } else break;
      }
      // "U.S.", "U.N.": single letters joined by full stops.
      if (index - start === 1 && codeAt(text, index) === 46 && isLetter(codeAt(text, index + 1))) {
        let end = index;
        while (
          codeAt(text, end) === 46 &&
          isLetter(codeAt(text, end + 1)) &&
          !isLetter(codeAt(text, end + 2))
        )
          end += 2;
        if (end > index && codeAt(text, end) === 46) {
          index = end + 1;
          pushSpelled(tokens, text, start, index, TokenKind.Word, remember, hashOf(text, start, index));
          // "U.S.’s position"
          if (
            (codeAt(text, index) === APOSTROPHE || codeAt(text, index) === RIGHT_SINGLE) &&
            isS(codeAt(text, index + 1)) &&
            !isLetter(codeAt(text, index + 2))
          ) {
            push(tokens, text, index, index + 2, TokenKind.Possessive, "'s", POSSESSIVE_S);
            index += 2;
          }
          continue;
        }
      }
      // "didn't" → "did" + "n't"; a lone "n't" (a dictionary phrase) is that token too.
      if (
        isN(codeAt(text, index - 1)) &&
        (codeAt(text, index) === APOSTROPHE || codeAt(text, index) === RIGHT_SINGLE) &&
        isT(codeAt(text, index + 1)) &&
        !isLetter(codeAt(text, index + 2))
      ) {
        if (index - 1 > start)
          pushSpelled(tokens, text, start, index - 1, TokenKind.Word, remember, hashBefore);
        push(tokens, text, index - 1, index + 2, TokenKind.Word, "n't", NOT);
        index += 2;
        continue;
      }
      pushSpelled(tokens, text, start, index, TokenKind.Word, remember, hash);
      continue;
    }
    if (isDigit(code)) {
      const start = index;
      index++;
      while (index < length) {
        const next = codeAt(text, index);
        if (isDigit(next) || isLetter(next)) index++;
        else if ((next === 44 || next === 46) && isDigit(codeAt(text, index + 1))) index += 2;
        else break;
      }
      pushSpelled(tokens, text, start, index, TokenKind.Number, remember, hashOf(text, start, index));
      continue;
    }
    const start = index;
    index++;
    switch (code) {
      case 46: // .
      case 33: // !
      case 63: // ?
        push(
          tokens,
          text,
          start,
          index,
          TokenKind.Stop,
          text[start] as string,
          wordOf(text[start] as string),
        );
        break;
      case 44:
        push(tokens, text, start, index, TokenKind.Comma, ',', COMMA);
        break;
      case 59:
        push(tokens, text, start, index, TokenKind.Semicolon, ';', SEMICOLON);
        break;
      case 58:
        push(tokens, text, start, index, TokenKind.Colon, ':', COLON);
        break;
      case 0x2014: // —
      case 0x2013: // –
        push(tokens, text, start, index, TokenKind.Dash, '—', DASH);
        break;
      case HYPHEN:
        // A hyphen between words joins them (skipped); a free-standing one is a dash.
        if (codeAt(text, index) === HYPHEN || codeAt(text, index) === 32) {
          if (codeAt(text, index) === HYPHEN) index++;
          push(tokens, text, start, index, TokenKind.Dash, '—', DASH);
        }
        break;
      case 0x201c: // “
        push(tokens, text, start, index, TokenKind.QuoteOpen, '"', QUOTE);
        break;
      case 0x201d: // ”
        push(tokens, text, start, index, TokenKind.QuoteClose, '"', QUOTE);
        break;
      case 0x22:
        push(tokens, text, start, index, TokenKind.Quote, '"', QUOTE);
        break;
      case 40:
        push(tokens, text, start, index, TokenKind.ParenOpen, '(', PAREN_OPEN);
        break;
      case 41:
        push(tokens, text, start, index, TokenKind.ParenClose, ')', PAREN_CLOSE);
        break;
      case APOSTROPHE:
      case RIGHT_SINGLE:
        if (isPossessiveAt(text, start)) {
          index++;
          push(tokens, text, start, index, TokenKind.Possessive, "'s", POSSESSIVE_S);
        } else if (start > 0 && codeAt(text, start - 1) === 115 && !isLetter(codeAt(text, index))) {
          push(tokens, text, start, index, TokenKind.Possessive, "'", APOSTROPHE_S);
        }
        break;
      default:
        if (code > 32 && code !== 0xa0 && code !== 0x2018) {
          // As written: a sign is not lower-cased. At most one table entry per UTF-16 unit.
          const sign = text[start] as string;
          push(tokens, text, start, index, TokenKind.Other, sign, wordOf(sign));
        }
    }
  }
  return tokens;
}

// Module functions, not closures per call: V8 inlines them into the tokenizer whichever text it reads.
function push(
  tokens: Token[],
  text: string,
  start: number,
  end: number,
  kind: TokenKind,
  norm: string,
  word: number,
): void {
  tokens.push({
    start,
    end,
    norm,
    word,
    kind,
    capital: isUpper(codeAt(text, start)),
    // "early-warning": a hyphen with a word character on both sides ("Russia--warned" is a dash).
    joined:
      start > 1 &&
      codeAt(text, start - 1) === HYPHEN &&
      (isLetter(codeAt(text, start - 2)) || isDigit(codeAt(text, start - 2))),
  });
}

/** A token whose norm is its text's: looked up by spelling (`hash`: hashOf the spelling). */
function pushSpelled(
  tokens: Token[],
  text: string,
  start: number,
  end: number,
  kind: TokenKind,
  remember: boolean,
  hash: number,
): void {
  if (!remember) {
    const norm = normalise(text.slice(start, end));
    push(tokens, text, start, end, kind, norm, wordOf(norm));
    return;
  }
  const word = wordAt(text, start, end, hash);
  push(
    tokens,
    text,
    start,
    end,
    kind,
    word >= 0 ? (words[word] as string) : normalise(text.slice(start, end)),
    word,
  );
}

/** ’s followed by a non-letter, after a letter or digit. */
function isPossessiveAt(text: string, at: number): boolean {
  const next = codeAt(text, at + 1);
  if (next !== 115 && next !== 83) return false;
  const previous = codeAt(text, at - 1);
  return (isLetter(previous) || isDigit(previous)) && !isLetter(codeAt(text, at + 2));
}

function isNegationAt(text: string, at: number): boolean {
  return isN(codeAt(text, at - 1)) && isT(codeAt(text, at + 1)) && !isLetter(codeAt(text, at + 2));
}

const isN = (code: number) => code === 110 || code === 78;
const isT = (code: number) => code === 116 || code === 84;
const isS = (code: number) => code === 115 || code === 83;
