import type { Token } from './tokens.js';

const UNKNOWN = 0;
const OUT = 1;
const IN = 2;

/**
 * A grammar word list asked of tokens in the hot loops: answered by the token's word number from a
 * byte per number (worked out the first time a number is asked), rather than by hashing the norm
 * into a Set for every token. The same answers as the Set.
 */
export class WordSet {
  private answers = new Uint8Array(1024);

  constructor(private readonly words: ReadonlySet<string>) {}

  /** No token (past either end of the text) is in no set. */
  has(token: Token | undefined): boolean {
    if (token === undefined) return false;
    const word = token.word;
    // A word the full word table lacks has no number: asked by its norm.
    if (word < 0) return this.words.has(token.norm);
    if (word >= this.answers.length) {
      const grown = new Uint8Array(Math.max(word + 1, this.answers.length * 2));
      grown.set(this.answers);
      this.answers = grown;
    }
    let answer = this.answers[word] ?? UNKNOWN;
    if (answer === UNKNOWN) {
      answer = this.words.has(token.norm) ? IN : OUT;
      this.answers[word] = answer;
    }
    return answer === IN;
  }
}
