import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Token, TokenKind, tokenize } from '../../shared/domain/classify/tokens.js';

// A fixed seed keeps CI reproducible; run with FC_SEED unset locally to explore new inputs.
const runs = { seed: Number(process.env.FC_SEED ?? 20011107), numRuns: Number(process.env.FC_RUNS ?? 1000) };

const norms = (text: string) => tokenize(text).map((token) => token.norm);
const slices = (text: string) => tokenize(text).map((token) => text.slice(token.start, token.end));
const only = (text: string): Token => {
  const tokens = tokenize(text);
  if (tokens.length !== 1) throw new Error(`expected one token in "${text}", got ${tokens.length}`);
  return tokens[0] as Token;
};
const normalised = (slice: string) => slice.toLowerCase().replace(/’/g, "'");

/** Characters that dispatches are made of, weighted towards the ones the tokenizer treats specially. */
const dispatchText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'U.S.',
        'U.N.',
        'A.',
        'Moscow',
        '’s',
        "'s",
        'n’t',
        "n't",
        "'",
        '’',
        '‘',
        '-',
        '--',
        ' - ',
        '—',
        '–',
        '“',
        '”',
        '"',
        '(',
        ')',
        '.',
        ',',
        ';',
        ':',
        '!',
        '?',
        '*',
        '1,500',
        '3.5',
        'Élysée',
        'İ',
        'Путин',
        ' ',
        '\n',
        '\u00a0',
      ),
      fc.string({ unit: fc.constantFrom(..."aAnNsStT0-9.,’' ".split('')), maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(dispatchText, fc.string({ unit: 'binary', maxLength: 300 }));

describe('tokenize: words and numbers', () => {
  it.each([
    ['plain words', 'the treaty holds', ['the', 'treaty', 'holds']],
    ['capitals lower-cased', 'The ABM Treaty', ['the', 'abm', 'treaty']],
    ['Latin-1 letters lower-cased', 'ÉLYSÉE Straße', ['élysée', 'straße']],
    ['Cyrillic lower-cased', 'Путин', ['путин']],
    ['letters then digits as one word', 'SS-N-20 B52', ['ss', 'n', '20', 'b52']],
    ['a thousands separator kept in a number', '1,500 warheads', ['1,500', 'warheads']],
    ['a decimal point kept in a number', '3.5 km', ['3.5', 'km']],
    ['digits then letters as one number', '1990s 5km', ['1990s', '5km']],
    ['an internal apostrophe kept', "o'clock rock’n’roll", ["o'clock", "rock'n'roll"]],
  ])('splits %s', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it.each([
    ['Word', 'treaty', TokenKind.Word],
    ['Word for an abbreviation', 'U.S.', TokenKind.Word],
    ['Number', '1,500', TokenKind.Number],
    ['Number for a number with letters', '1990s', TokenKind.Number],
  ])('gives the kind %s', (_name, text, kind) => {
    expect(only(text).kind).toBe(kind);
  });

  it('records the offsets of each token', () => {
    expect(tokenize('  the  ABM, treaty').map((token) => [token.start, token.end])).toEqual([
      [2, 5],
      [7, 10],
      [10, 11],
      [12, 18],
    ]);
  });

  it('returns no tokens for an empty or blank text', () => {
    expect([tokenize(''), tokenize(' \n\t\u00a0 ')]).toEqual([[], []]);
  });
});

describe('tokenize: abbreviations', () => {
  it.each([
    ['U.S.', 'U.S. officials', ['u.s.', 'officials']],
    ['U.N.', 'the U.N. said', ['the', 'u.n.', 'said']],
    ['three letters', 'the U.S.S.R. fell', ['the', 'u.s.s.r.', 'fell']],
    ['lower-case letters', 'e.g. this', ['e.g.', 'this']],
    ['before a hyphen', 'U.S.-Russian talks', ['u.s.', 'russian', 'talks']],
  ])('keeps %s as one word', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it.each([
    ['without the final stop', 'U.S', ['u', '.', 's']],
    ['a single letter ending a sentence', 'Plan A. Britain', ['plan', 'a', '.', 'britain']],
    ['a letter before a word', 'Plan B.Next', ['plan', 'b', '.', 'next']],
  ])('does not join letters %s', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });
});

describe('tokenize: possessives and negation', () => {
  it.each([
    ['a curly possessive', 'Moscow’s position', ['moscow', "'s", 'position']],
    ['a straight possessive', "Moscow's position", ['moscow', "'s", 'position']],
    ['an upper-case possessive', "MOSCOW'S", ['moscow', "'s"]],
    ['a possessive after a number', "1990's", ['1990', "'s"]],
    ['a bare apostrophe after a plural', 'the states’ view', ['the', 'states', "'", 'view']],
    ['a bare apostrophe after a plural number', "1990s'", ['1990s', "'"]],
  ])('splits off %s', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it.each([
    ['didn’t', ['did', "n't"]],
    ["didn't", ['did', "n't"]],
    ['don’t', ['do', "n't"]],
    ['isn’t', ['is', "n't"]],
    ['won’t', ['wo', "n't"]],
    ['can’t', ['ca', "n't"]],
  ])('splits %s into a word and n’t', (text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it('gives n’t the offsets of its three characters', () => {
    // Act
    const [did, not] = tokenize('didn’t');
    // Assess
    expect([did?.start, did?.end, did?.kind]).toEqual([0, 3, TokenKind.Word]);
    expect([not?.start, not?.end, not?.kind]).toEqual([3, 6, TokenKind.Word]);
  });

  it.each([
    ['’s', 'Jones’s', "'s"],
    ['a bare apostrophe', 'Joneses’', "'"],
  ])('gives %s the kind Possessive', (_name, text, norm) => {
    expect(tokenize(text).at(-1)).toMatchObject({ kind: TokenKind.Possessive, norm });
  });

  it.each([
    ['an opening single quote', '‘yes', ['yes']],
    ['an apostrophe after a word not ending in s', "Moscow' ", ['moscow']],
    ['an apostrophe starting a word', "'tis", ['tis']],
  ])('drops %s', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });
});

describe('tokenize: hyphens', () => {
  it.each([
    ['anti-missile', ['anti', 'missile'], [false, true]],
    ['early-warning radar', ['early', 'warning', 'radar'], [false, true, false]],
    ['Russian-American-Chinese', ['russian', 'american', 'chinese'], [false, true, true]],
    ['2001-2002', ['2001', '2002'], [false, true]],
    ['F-16', ['f', '16'], [false, true]],
  ])('splits %s at the hyphen and marks the later parts joined', (text, words, joined) => {
    // Act
    const tokens = tokenize(text);
    // Assess
    expect(tokens.map((token) => token.norm)).toEqual(words);
    expect(tokens.map((token) => token.joined)).toEqual(joined);
  });

  it.each([
    ['a hyphen between spaces', 'Russia - which', ['russia', '—', 'which']],
    ['a double hyphen', 'Russia--which', ['russia', '—', 'which']],
    ['an em dash', 'Russia—which', ['russia', '—', 'which']],
    ['an en dash', 'Russia – which', ['russia', '—', 'which']],
  ])('reads %s as a dash', (_name, text, expected) => {
    // Act
    const tokens = tokenize(text);
    // Assess
    expect(tokens.map((token) => token.norm)).toEqual(expected);
    expect(tokens[1]?.kind).toBe(TokenKind.Dash);
  });

  it('keeps the double hyphen’s two characters in its dash', () => {
    const dash = tokenize('a--b')[1];
    expect([dash?.start, dash?.end]).toEqual([1, 3]);
  });

  it('does not mark a word after a spaced dash as joined', () => {
    expect(tokenize('Russia - which').map((token) => token.joined)).toEqual([false, false, false]);
  });
});

describe('tokenize: punctuation', () => {
  it.each([
    ['.', TokenKind.Stop, '.'],
    ['!', TokenKind.Stop, '!'],
    ['?', TokenKind.Stop, '?'],
    [',', TokenKind.Comma, ','],
    [';', TokenKind.Semicolon, ';'],
    [':', TokenKind.Colon, ':'],
    ['—', TokenKind.Dash, '—'],
    ['–', TokenKind.Dash, '—'],
    ['“', TokenKind.QuoteOpen, '"'],
    ['”', TokenKind.QuoteClose, '"'],
    ['"', TokenKind.Quote, '"'],
    ['(', TokenKind.ParenOpen, '('],
    [')', TokenKind.ParenClose, ')'],
    ['*', TokenKind.Other, '*'],
    ['…', TokenKind.Other, '…'],
  ])('reads %s as kind %i with norm %s', (mark, kind, norm) => {
    expect(only(mark)).toMatchObject({ start: 0, end: 1, kind, norm });
  });

  it('tokenizes a quoted sentence in order', () => {
    expect(norms('“Yes,” he said (quietly); no: it’s.')).toEqual([
      '"',
      'yes',
      ',',
      '"',
      'he',
      'said',
      '(',
      'quietly',
      ')',
      ';',
      'no',
      ':',
      'it',
      "'s",
      '.',
    ]);
  });
});

describe('tokenize: capitals', () => {
  it.each([
    ['Moscow', true],
    ['moscow', false],
    ['U.S.', true],
    ['Élysée', true],
    ['élysée', false],
    ['1990s', false],
    ['“', false],
  ])('marks %s capital: %s', (text, capital) => {
    expect(tokenize(text)[0]?.capital).toBe(capital);
  });

  it('marks the word before n’t by its own first letter, and n’t not capital', () => {
    expect(tokenize('Didn’t').map((token) => token.capital)).toEqual([true, false]);
  });
});

describe('tokenize: invariants', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        tokenize(text);
      }),
      runs,
    );
  });

  it('returns non-empty tokens in order that do not overlap and lie inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        tokenize(text).every(
          (token, index, tokens) =>
            token.start >= 0 &&
            token.start < token.end &&
            token.end <= text.length &&
            (index === 0 || (tokens[index - 1] as Token).end <= token.start),
        ),
      ),
      runs,
    );
  });

  it("gives every word and number the norm of its own slice: lower-cased, with ’ as '", () => {
    fc.assert(
      fc.property(anyText, (text) =>
        tokenize(text)
          .filter((token) => token.kind === TokenKind.Word || token.kind === TokenKind.Number)
          .every((token) => token.norm === normalised(text.slice(token.start, token.end))),
      ),
      runs,
    );
  });

  it('gives every punctuation token the norm of its kind', () => {
    const fixed: Partial<Record<TokenKind, readonly string[]>> = {
      [TokenKind.Stop]: ['.', '!', '?'],
      [TokenKind.Comma]: [','],
      [TokenKind.Semicolon]: [';'],
      [TokenKind.Colon]: [':'],
      [TokenKind.Dash]: ['—'],
      [TokenKind.QuoteOpen]: ['"'],
      [TokenKind.QuoteClose]: ['"'],
      [TokenKind.Quote]: ['"'],
      [TokenKind.ParenOpen]: ['('],
      [TokenKind.ParenClose]: [')'],
      [TokenKind.Possessive]: ["'s", "'"],
    };
    fc.assert(
      fc.property(anyText, (text) =>
        tokenize(text).every((token) => fixed[token.kind]?.includes(token.norm) ?? true),
      ),
      runs,
    );
  });

  it('marks a token joined only when a hyphen comes right before it', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        tokenize(text).every((token) => !token.joined || text[token.start - 1] === '-'),
      ),
      runs,
    );
  });

  it('leaves out only spaces, control characters, joining hyphens, stray apostrophes and ‘', () => {
    // Prepare
    const droppable = (character: string) =>
      character.charCodeAt(0) <= 0x20 || "\u00a0-'’‘".includes(character);
    fc.assert(
      fc.property(anyText, (text) => {
        // Act
        const covered = new Array<boolean>(text.length).fill(false);
        for (const token of tokenize(text)) covered.fill(true, token.start, token.end);
        // Assess
        return covered.every((inside, at) => inside || droppable(text[at] as string));
      }),
      runs,
    );
  });

  it('splits a text the same way when a word is added after a space', () => {
    fc.assert(
      fc.property(dispatchText, (text) => {
        const before = slices(`${text} `);
        return JSON.stringify(slices(`${text} treaty`)) === JSON.stringify([...before, 'treaty']);
      }),
      runs,
    );
  });
});
