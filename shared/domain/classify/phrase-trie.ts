import { type Token, TokenKind, tokenize, wordOf } from './tokens.js';

/**
 * Every dictionary phrase — topic names, actors, people, cues, speech verbs — in one word trie,
 * so the whole lexicon is matched in a single pass over the tokens (the way dictionary event
 * coders work) instead of one regular expression per list.
 *
 * Phrase syntax: words separated by spaces or hyphens; a `*` ends a word that may go on
 * ("withdraw*" → withdraws, withdrawal); a case-sensitive phrase must match letter for letter
 * ("START" but not "start").
 */
export class PhraseSyntaxError extends Error {
  override readonly name = 'PhraseSyntaxError';
}

interface Node<V> {
  /** Children by the number of the next word (wordOf). */
  readonly next: Map<number, Node<V>>;
  /** Children reached by a word that starts with the key ("withdraw*"). */
  readonly prefixes: { readonly prefix: string; readonly node: Node<V> }[];
  readonly values: {
    readonly value: V;
    readonly exact: readonly Step[] | null;
    readonly capitals: number;
  }[];
}

const newNode = <V>(): Node<V> => ({ next: new Map(), prefixes: [], values: [] });
/** Root-level prefixes are indexed by their first three letters, so a word checks only a few. */
const PREFIX_KEY = 3;

export interface PhraseMatch<V> {
  /** Token indexes: the match covers tokens[from] … tokens[to - 1]. */
  readonly from: number;
  readonly to: number;
  readonly value: V;
}

interface Step {
  readonly word: string;
  /** The word's number (wordOf). */
  readonly id: number;
  readonly prefix: boolean;
  readonly raw: string;
}

function stepsOf(phrase: string): Step[] {
  const tokens = tokenize(phrase);
  const steps: Step[] = [];
  for (const token of tokens) {
    // Parentheses are skipped in phrases and text alike: "Anti-Ballistic Missile (ABM) Treaty".
    if (skippable(tokens, tokens.indexOf(token))) continue;
    const star = token.kind === TokenKind.Other && token.norm === '*';
    const word =
      token.kind === TokenKind.Word || token.kind === TokenKind.Number || token.kind === TokenKind.Possessive;
    if (!star && !word)
      throw new PhraseSyntaxError(`"${phrase}": only words, numbers, ’s, parentheses and * make a phrase`);
    if (star) {
      const last = steps.at(-1);
      if (!last || last.prefix) throw new PhraseSyntaxError(`"${phrase}": a * must end a word`);
      if (last.word.length < PREFIX_KEY)
        throw new PhraseSyntaxError(`"${phrase}": a word before * needs at least ${PREFIX_KEY} letters`);
      steps[steps.length - 1] = { ...last, prefix: true };
      continue;
    }
    steps.push({
      word: token.norm,
      id: wordOf(token.norm),
      prefix: false,
      raw: phrase.slice(token.start, token.end),
    });
  }
  if (steps.length === 0) throw new PhraseSyntaxError(`"${phrase}" has no words`);
  return steps;
}

export class PhraseTrie<V> {
  private readonly root: Node<V> = newNode();
  private readonly rootPrefixes = new Map<string, { prefix: string; node: Node<V> }[]>();
  /**
   * By word number, the nodes a phrase starting with the word continues from: an array read per
   * token once the word was seen. Bounded as the word table is.
   */
  private readonly starts: (readonly Node<V>[] | undefined)[] = [];

  /**
   * 'exact': letter for letter ("START"). 'proper': a word written with a capital must have one
   * in the text ("Bush", "Rice", "the Kremlin"), others match in any case.
   */
  add(phrase: string, value: V, casing: 'any' | 'proper' | 'exact' = 'any'): void {
    this.starts.length = 0;
    const steps = stepsOf(phrase);
    let node = this.root;
    steps.forEach((step, index) => {
      if (step.prefix) {
        const list =
          index === 0 ? this.rootList(step.word) : (node.prefixes as { prefix: string; node: Node<V> }[]);
        let entry = list.find((candidate) => candidate.prefix === step.word);
        if (!entry) {
          entry = { prefix: step.word, node: newNode() };
          list.push(entry);
        }
        node = entry.node;
      } else {
        let child = node.next.get(step.id);
        if (!child) {
          child = newNode();
          node.next.set(step.id, child);
        }
        node = child;
      }
    });
    let capitals = 0;
    if (casing === 'proper')
      steps.forEach((step, index) => {
        const code = step.raw.charCodeAt(0);
        if (index < 31 && code >= 65 && code <= 90) capitals |= 1 << index;
      });
    node.values.push({ value, exact: casing === 'exact' ? steps : null, capitals });
  }

  private rootList(prefix: string) {
    const key = prefix.slice(0, PREFIX_KEY);
    let list = this.rootPrefixes.get(key);
    if (!list) {
      list = [];
      this.rootPrefixes.set(key, list);
    }
    return list;
  }

  /** Every phrase that starts at tokens[from], shortest first. */
  matchAt(tokens: readonly Token[], from: number, text: string, out: PhraseMatch<V>[]): void {
    const first = tokens[from];
    if (!first || (first.kind !== TokenKind.Word && first.kind !== TokenKind.Number)) return;
    const nodes = this.startsOf(first);
    for (let index = 0; index < nodes.length; index++)
      this.walk(nodes[index] as Node<V>, tokens, from, from + 1, text, out);
  }

  private startsOf(first: Token): readonly Node<V>[] {
    const word = first.word;
    const cached = this.starts[word];
    if (cached) return cached;
    const nodes: Node<V>[] = [];
    const exact = this.root.next.get(word);
    if (exact) nodes.push(exact);
    const norm = first.norm;
    if (norm.length >= PREFIX_KEY)
      for (const entry of this.rootPrefixes.get(norm.slice(0, PREFIX_KEY)) ?? [])
        if (norm.startsWith(entry.prefix)) nodes.push(entry.node);
    if (word >= 0) {
      // Grown densely: a sparse write would turn the array into a slow dictionary.
      while (this.starts.length <= word) this.starts.push(undefined);
      this.starts[word] = nodes;
    }
    return nodes;
  }

  private walk(
    node: Node<V>,
    tokens: readonly Token[],
    from: number,
    to: number,
    text: string,
    out: PhraseMatch<V>[],
  ): void {
    const values = node.values;
    for (let index = 0; index < values.length; index++) {
      const { value, exact, capitals } = values[index] as Node<V>['values'][number];
      if (exact && !matchesExactly(exact, tokens, from, text)) continue;
      if (capitals !== 0 && !hasCapitals(capitals, tokens, from)) continue;
      out.push({ from, to, value });
    }
    // Most phrases end here: no need to look at the next token.
    if (node.next.size === 0 && node.prefixes.length === 0) return;
    let next = to;
    while (skippable(tokens, next)) next++;
    const token = tokens[next];
    if (
      !token ||
      (token.kind !== TokenKind.Word &&
        token.kind !== TokenKind.Number &&
        token.kind !== TokenKind.Possessive)
    )
      return;
    const child = node.next.get(token.word);
    if (child) this.walk(child, tokens, from, next + 1, text, out);
    for (const entry of node.prefixes)
      if (token.norm.startsWith(entry.prefix)) this.walk(entry.node, tokens, from, next + 1, text, out);
  }
}

/** Bit i set: the phrase's i-th word needs a capital. A skipped token (the stop of "W." in "George W. Bush") holds no word. */
function hasCapitals(capitals: number, tokens: readonly Token[], from: number): boolean {
  let index = from;
  for (let step = 0; step < 31 && capitals >>> step !== 0; step++) {
    while (skippable(tokens, index)) index++;
    if (capitals & (1 << step) && !tokens[index]?.capital) return false;
    index++;
  }
  return true;
}

/** The full stop of an initial: "George W. Bush". */
function isInitialStop(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  return (
    token?.kind === TokenKind.Stop &&
    token.norm === '.' &&
    previous?.kind === TokenKind.Word &&
    previous.end === token.start &&
    previous.norm.length === 1
  );
}

/** Parentheses and an initial's full stop are skipped in phrases and text alike. */
function skippable(tokens: readonly Token[], index: number): boolean {
  const kind = tokens[index]?.kind;
  return kind === TokenKind.ParenOpen || kind === TokenKind.ParenClose || isInitialStop(tokens, index);
}

function matchesExactly(
  exact: readonly Step[],
  tokens: readonly Token[],
  from: number,
  text: string,
): boolean {
  let index = from;
  for (const step of exact) {
    while (skippable(tokens, index)) index++;
    const token = tokens[index];
    if (!token) return false;
    const length = token.end - token.start;
    if (step.prefix ? length < step.raw.length : length !== step.raw.length) return false;
    if (!text.startsWith(step.raw, token.start)) return false;
    index++;
  }
  return true;
}
