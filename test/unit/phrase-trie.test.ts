import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PhraseMatch, PhraseSyntaxError, PhraseTrie } from '../../shared/domain/classify/phrase-trie.js';
import { type Token, TokenKind, tokenize } from '../../shared/domain/classify/tokens.js';

// A fixed seed keeps CI reproducible; run with FC_SEED unset locally to explore new inputs.
const runs = { seed: Number(process.env.FC_SEED ?? 20020613), numRuns: Number(process.env.FC_RUNS ?? 500) };

type Casing = 'any' | 'proper' | 'exact';

function trieOf(phrases: readonly (string | readonly [string, Casing])[]): PhraseTrie<string> {
  const trie = new PhraseTrie<string>();
  for (const entry of phrases) {
    const [phrase, casing] = typeof entry === 'string' ? [entry, 'any' as const] : entry;
    trie.add(phrase, phrase, casing);
  }
  return trie;
}

function allMatches(trie: PhraseTrie<string>, text: string): PhraseMatch<string>[] {
  const tokens = tokenize(text);
  const out: PhraseMatch<string>[] = [];
  for (let from = 0; from < tokens.length; from++) trie.matchAt(tokens, from, text, out);
  return out;
}

/** Each match as `phrase = matched text`, sorted: the trie's order is not part of the contract. */
function found(trie: PhraseTrie<string>, text: string): string[] {
  const tokens = tokenize(text);
  return allMatches(trie, text)
    .map(({ from, to, value }) => {
      const start = (tokens[from] as Token).start;
      const end = (tokens[to - 1] as Token).end;
      return `${value} = ${text.slice(start, end)}`;
    })
    .sort();
}

describe('PhraseTrie: words', () => {
  it.each([
    ['a one-word phrase', ['treaty'], 'The treaty holds.', ['treaty = treaty']],
    ['in any case by default', ['abm treaty'], 'the ABM Treaty', ['abm treaty = ABM Treaty']],
    ['a phrase written in capitals', ['ABM Treaty'], 'the abm treaty', ['ABM Treaty = abm treaty']],
    ['a hyphenated phrase across a space', ['anti-missile'], 'anti missile', ['anti-missile = anti missile']],
    ['a spaced phrase across a hyphen', ['anti missile'], 'anti-missile', ['anti missile = anti-missile']],
    ['an abbreviation', ['U.S. officials'], 'U.S. officials', ['U.S. officials = U.S. officials']],
    ['a number', ['1,500 warheads'], 'some 1,500 warheads', ['1,500 warheads = 1,500 warheads']],
    ['a possessive', ["Moscow's position"], 'Moscow’s position', ["Moscow's position = Moscow’s position"]],
    ['a negation', ["didn't"], 'they didn’t', ["didn't = didn’t"]],
    ['every occurrence', ['treaty'], 'treaty after treaty', ['treaty = treaty', 'treaty = treaty']],
  ])('matches %s', (_name, phrases, text, expected) => {
    expect(found(trieOf(phrases), text)).toEqual(expected);
  });

  it.each([
    ['a longer word', ['arm'], 'arms'],
    ['a shorter word', ['arms'], 'arm'],
    ['part of a phrase', ['missile defense system'], 'missile defense'],
    ['words across a comma', ['russia china'], 'Russia, China'],
    ['words across a sentence stop', ['russia china'], 'Russia. China'],
    ['words across a dash', ['russia china'], 'Russia — China'],
    ['words across a quote', ['russia china'], 'Russia “China'],
    ['an abbreviation without its stops', ['U.S.'], 'US'],
    ['a possessive without its apostrophe', ["Moscow's"], 'Moscows'],
  ])('does not match %s', (_name, phrases, text) => {
    expect(found(trieOf(phrases), text)).toEqual([]);
  });

  it('reports every phrase that starts at a token, nested ones too', () => {
    const trie = trieOf(['missile', 'missile defense', 'missile defense system', 'defense']);
    expect(found(trie, 'missile defense system')).toEqual([
      'defense = defense',
      'missile = missile',
      'missile defense = missile defense',
      'missile defense system = missile defense system',
    ]);
  });

  it('reports each value of a phrase added twice', () => {
    // Prepare
    const trie = new PhraseTrie<string>();
    trie.add('warned', 'speech');
    trie.add('warned', 'cue');
    // Act
    const values = allMatches(trie, 'Moscow warned').map((match) => match.value);
    // Assess
    expect(values.sort()).toEqual(['cue', 'speech']);
  });
});

describe('PhraseTrie.matchAt', () => {
  it('reports only phrases that start at the given token, with token indexes', () => {
    // Prepare
    const text = 'the arms control treaty';
    const tokens = tokenize(text);
    const trie = trieOf(['arms control', 'control treaty', 'treaty']);
    const out: PhraseMatch<string>[] = [];
    // Act
    trie.matchAt(tokens, 1, text, out);
    // Assess
    expect(out).toEqual([{ from: 1, to: 3, value: 'arms control' }]);
  });

  it('appends to the matches already in out', () => {
    // Prepare
    const text = 'treaty';
    const earlier: PhraseMatch<string> = { from: 0, to: 0, value: 'earlier' };
    const out = [earlier];
    // Act
    trieOf(['treaty']).matchAt(tokenize(text), 0, text, out);
    // Assess
    expect(out).toEqual([earlier, { from: 0, to: 1, value: 'treaty' }]);
  });

  it.each([
    ['a comma', 'Russia, China', 1],
    ['an index past the end', 'treaty', 1],
    ['a negative index', 'treaty', -1],
  ])('reports nothing at %s', (_name, text, from) => {
    // Prepare
    const trie = trieOf(['russia', 'china', 'treaty']);
    const out: PhraseMatch<string>[] = [];
    // Act
    trie.matchAt(tokenize(text), from, text, out);
    // Assess
    expect(out).toEqual([]);
  });
});

describe('PhraseTrie: * wildcards', () => {
  it.each([
    ['the word itself', 'withdraw', true],
    ['a longer word', 'withdrawal', true],
    ['an inflection', 'withdraws', true],
    ['in capitals', 'WITHDRAWING', true],
    ['another stem', 'withdrew', false],
    ['a shorter word', 'withdra', false],
  ])('lets withdraw* match %s', (_name, text, matches) => {
    expect(found(trieOf(['withdraw*']), text)).toEqual(matches ? [`withdraw* = ${text}`] : []);
  });

  it.each([
    ['ending the first word', ['arm* control'], 'armaments control', ['arm* control = armaments control']],
    ['ending a later word', ['missile defen*'], 'missile defence', ['missile defen* = missile defence']],
    ['ending every word', ['nucl* weap*'], 'nuclear weapons', ['nucl* weap* = nuclear weapons']],
    [
      'beside the same word without one',
      ['arm* control', 'arms control'],
      'arms control',
      ['arm* control = arms control', 'arms control = arms control'],
    ],
    [
      'beside another wildcard sharing three letters',
      ['withdraw*', 'with*'],
      'withdrawal',
      ['with* = withdrawal', 'withdraw* = withdrawal'],
    ],
  ])('matches a wildcard %s', (_name, phrases, text, expected) => {
    expect(found(trieOf(phrases), text)).toEqual(expected);
  });

  it('keeps the words after a wildcard exact', () => {
    expect(found(trieOf(['arm* control']), 'arms controls')).toEqual([]);
  });
});

describe('PhraseTrie: casing', () => {
  it.each([
    ['START', 'exact', 'START', true],
    ['START', 'exact', 'Start', false],
    ['START', 'exact', 'start', false],
    ['Start II', 'exact', 'Start II', true],
    ['Start II', 'exact', 'START II', false],
    ['Rice', 'proper', 'Rice', true],
    ['Rice', 'proper', 'RICE', true],
    ['Rice', 'proper', 'rice', false],
    ['the Kremlin', 'proper', 'the Kremlin', true],
    ['the Kremlin', 'proper', 'The Kremlin', true],
    ['the Kremlin', 'proper', 'the kremlin', false],
    ['Bush*', 'proper', 'Bushes', true],
    ['Bush*', 'proper', 'bushes', false],
    ['start', 'any', 'START', true],
    // The initial's full stop is skipped: the capitals are checked word for word, not token for token.
    ['George W. Bush', 'proper', 'George W. Bush', true],
    ['George W. Bush', 'proper', 'George W. bush', false],
    ['Missile (ABM) Treaty', 'proper', 'Missile (ABM) Treaty', true],
  ] as const)('"%s" (%s) matches "%s": %s', (phrase, casing, text, matches) => {
    expect(found(trieOf([[phrase, casing]]), text)).toEqual(matches ? [`${phrase} = ${text}`] : []);
  });

  it('keeps the casing of each value of a phrase apart', () => {
    // Prepare
    const trie = new PhraseTrie<string>();
    trie.add('START', 'treaty', 'exact');
    trie.add('start', 'verb');
    // Act
    const values = (text: string) => allMatches(trie, text).map((match) => match.value);
    // Assess
    expect(values('START').sort()).toEqual(['treaty', 'verb']);
    expect(values('start')).toEqual(['verb']);
  });
});

describe('PhraseSyntaxError', () => {
  it.each([
    ['an empty phrase', '', 'has no words'],
    ['a blank phrase', '   ', 'has no words'],
    ['a lone *', '*', 'a * must end a word'],
    ['a * before the first word', '* treaty', 'a * must end a word'],
    ['two * in a row', 'withdraw**', 'a * must end a word'],
    ['a * after two letters', 'ab*', 'at least 3 letters'],
    ['a * after one letter in a later word', 'nuclear a*', 'at least 3 letters'],
    ['a comma, which no text match could cross', 'Russia, China', 'only words'],
    ['a full stop', 'the treaty.', 'only words'],
  ])('rejects %s, naming it', (_name, phrase, reason) => {
    // Act
    const adding = () => new PhraseTrie<string>().add(phrase, phrase);
    // Assess
    expect(adding).toThrow(PhraseSyntaxError);
    expect(adding).toThrow(`"${phrase}"`);
    expect(adding).toThrow(reason);
  });

  it('is an Error named PhraseSyntaxError', () => {
    const error = new PhraseSyntaxError('bad');
    expect([error instanceof Error, error.name]).toEqual([true, 'PhraseSyntaxError']);
  });

  it('leaves the trie as it was when a phrase is rejected', () => {
    // Prepare
    const trie = trieOf(['treaty']);
    // Act
    expect(() => trie.add('treaty ab*', 'bad')).toThrow(PhraseSyntaxError);
    // Assess
    expect(allMatches(trie, 'treaty abc').map((match) => match.value)).toEqual(['treaty']);
  });
});

describe('PhraseTrie: invariants', () => {
  interface Word {
    readonly word: string;
    readonly prefix: boolean;
    /** The vocabulary word it came from, which the phrase word fits. */
    readonly original: string;
  }
  const VOCABULARY = [
    'arms',
    'armed',
    'control',
    'Controls',
    'treaty',
    'TREATIES',
    'withdraw',
    'Withdrawal',
    'u.s.',
  ];
  const stem = (word: string) => (word.length > 4 ? word.slice(0, word.length - 2) : word);
  const spell = (words: readonly Word[]) =>
    words.map(({ word, prefix }) => (prefix ? `${word}*` : word)).join(' ');
  const phraseWord = fc
    .tuple(fc.constantFrom(...VOCABULARY), fc.boolean())
    .map(
      ([original, prefix]): Word =>
        prefix && !original.includes('.')
          ? { word: stem(original), prefix, original }
          : { word: original, prefix: false, original },
    );
  const phrases = fc.uniqueArray(fc.array(phraseWord, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 8,
    selector: (words) => spell(words),
  });
  /** Phrases and a text made of their words, other words and punctuation, so that most phrases occur. */
  const phrasesAndText = phrases.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc
        .array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...list).map((words) => words.map((w) => w.original)) },
            { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY).map((word) => [word]) },
            { weight: 1, arbitrary: fc.constantFrom([','], ['.'], ['-'], ['’s'], ['“']) },
          ),
          { maxLength: 12 },
        )
        .chain((parts) =>
          fc
            .array(fc.constantFrom(' ', ' ', '-'), {
              minLength: parts.flat().length,
              maxLength: parts.flat().length,
            })
            .map((gaps) => parts.flat().reduce((text, part, index) => `${text}${gaps[index]}${part}`, '')),
        ),
    ),
  );
  const fits = (token: Token | undefined, { word, prefix }: Word) => {
    const norm = word.toLowerCase();
    return token !== undefined && (prefix ? token.norm.startsWith(norm) : token.norm === norm);
  };

  it('reports only matches whose tokens fit the phrase word for word', () => {
    fc.assert(
      fc.property(phrasesAndText, ([list, text]) => {
        // Prepare
        const trie = new PhraseTrie<readonly Word[]>();
        for (const words of list) trie.add(spell(words), words);
        const tokens = tokenize(text);
        // Act
        const out: PhraseMatch<readonly Word[]>[] = [];
        for (let from = 0; from < tokens.length; from++) trie.matchAt(tokens, from, text, out);
        // Assess
        return out.every(
          ({ from, to, value }) =>
            to - from === value.length && value.every((word, index) => fits(tokens[from + index], word)),
        );
      }),
      runs,
    );
  });

  it('reports every place where a run of words fits a phrase', () => {
    fc.assert(
      fc.property(phrasesAndText, ([list, text]) => {
        // Prepare
        const trie = new PhraseTrie<string>();
        for (const words of list) trie.add(spell(words), spell(words));
        const tokens = tokenize(text);
        const words = (token: Token | undefined) =>
          token?.kind === TokenKind.Word || token?.kind === TokenKind.Number;
        const expected = tokens.flatMap((first, from) =>
          list
            .filter(
              (phrase) => words(first) && phrase.every((word, index) => fits(tokens[from + index], word)),
            )
            .map((phrase) => `${from}:${spell(phrase)}`),
        );
        // Act
        const out: PhraseMatch<string>[] = [];
        for (let from = 0; from < tokens.length; from++) trie.matchAt(tokens, from, text, out);
        // Assess
        const reported = out.map((match) => `${match.from}:${match.value}`);
        return JSON.stringify(reported.sort()) === JSON.stringify(expected.sort());
      }),
      runs,
    );
  });

  it('reports an exact phrase only where the text spells it letter for letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VOCABULARY), phrasesAndText, (phrase, [, text]) => {
        // Prepare
        const trie = new PhraseTrie<string>();
        trie.add(phrase, phrase, 'exact');
        const tokens = tokenize(text);
        // Act
        const out: PhraseMatch<string>[] = [];
        for (let from = 0; from < tokens.length; from++) trie.matchAt(tokens, from, text, out);
        // Assess
        const expected = tokens.filter((token) => text.slice(token.start, token.end) === phrase).length;
        return (
          out.length === expected &&
          out.every((match) => {
            const token = tokens[match.from] as Token;
            return text.slice(token.start, token.end) === phrase;
          })
        );
      }),
      runs,
    );
  });
});

describe('PhraseTrie: parentheses and contractions', () => {
  it.each([
    [
      'a phrase with an acronym in parentheses',
      'Anti-Ballistic Missile (ABM) Treaty',
      'the Anti-Ballistic Missile (ABM) Treaty',
    ],
    ['the split negation', "n't", 'Moscow didn’t agree'],
    ['an exact stem with a wildcard', 'Withdraw*', 'Withdrawal was announced'],
  ])('matches %s', (_name, phrase, text) => {
    // Prepare
    const trie = new PhraseTrie<string>();
    trie.add(phrase, phrase, phrase === 'Withdraw*' ? 'exact' : 'any');
    const tokens = tokenize(text);
    const out: PhraseMatch<string>[] = [];
    // Act
    for (let index = 0; index < tokens.length; index++) trie.matchAt(tokens, index, text, out);
    // Assess
    expect(out.map((match) => match.value)).toEqual([phrase]);
  });
});
