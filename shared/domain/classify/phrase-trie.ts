import { pairHash } from './pair-hash.js';
import { PhraseMatches } from './phrase-matches.js';
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

/** What a phrase ending at a node gives. */
interface Ending<V> {
  readonly value: V;
  readonly exact: readonly Step[] | null;
  readonly capitals: number;
}

/** A child reached by a word that starts with the key ("withdraw*"). */
interface PrefixEdge {
  readonly prefix: string;
  readonly node: number;
}

/** Root-level prefixes are indexed by their first three letters, so a word checks only a few. */
const PREFIX_KEY = 3;

// Node flags: what a walk has to look at.
const ENDS = 1;
const EDGES = 2;
const PREFIXES = 4;
/** Per edge slot: parent node + 1 (0: empty), word number, child node. */
const EDGE_STRIDE = 3;
/** rootStarts per word: not yet computed, or no phrase starts with it; else the list's index + 2. */
const UNKNOWN = 0;
const NO_START = 1;

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
  const tokens = tokenize(phrase, false);
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

/**
 * The trie is numbers in typed arrays rather than an object and a Map per node: a walk reads a
 * node's flags and looks its child up in one open-addressing edge table keyed by (node, word
 * number), so matching a token costs a few reads of compact memory instead of a chain of
 * pointers through the heap.
 */
export class PhraseTrie<V> {
  /** Node 0 is the root. */
  private flags = new Uint8Array(1024);
  private nodes = 1;
  private readonly endings: (Ending<V>[] | undefined)[] = [];
  private readonly prefixEdges: (PrefixEdge[] | undefined)[] = [];
  private edgeMask = 1023;
  private edges = new Int32Array((this.edgeMask + 1) * EDGE_STRIDE);
  private edgeCount = 0;
  private readonly rootPrefixes = new Map<string, PrefixEdge[]>();
  /**
   * Per word number, the nodes a phrase starting with it walks from (UNKNOWN, NO_START or an index
   * + 2 into startNodes): the root's child by the word, then the root prefixes it starts. A word
   * costs one read of this array, not a probe of the edge table.
   */
  private rootStarts = new Uint32Array(0);
  private readonly startNodes: (readonly number[])[] = [];

  /**
   * 'exact': letter for letter ("START"). 'proper': a word written with a capital must have one
   * in the text ("Bush", "Rice", "the Kremlin"), others match in any case.
   */
  add(phrase: string, value: V, casing: 'any' | 'proper' | 'exact' = 'any'): void {
    if (this.startNodes.length > 0 || this.rootStarts.length > 0) {
      this.rootStarts = new Uint32Array(0);
      this.startNodes.length = 0;
    }
    const steps = stepsOf(phrase);
    let node = 0;
    steps.forEach((step, index) => {
      if (step.prefix) {
        let list = index === 0 ? this.rootList(step.word) : this.prefixEdges[node];
        if (!list) {
          list = [];
          this.prefixEdges[node] = list;
        }
        let entry = list.find((candidate) => candidate.prefix === step.word);
        if (!entry) {
          entry = { prefix: step.word, node: this.newNode() };
          list.push(entry);
          if (index > 0) this.mark(node, PREFIXES);
        }
        node = entry.node;
      } else {
        let child = this.child(node, step.id);
        if (child < 0) {
          child = this.newNode();
          this.addEdge(node, step.id, child);
          this.mark(node, EDGES);
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
    let endings = this.endings[node];
    if (!endings) {
      endings = [];
      this.endings[node] = endings;
    }
    endings.push({ value, exact: casing === 'exact' ? steps : null, capitals });
    this.mark(node, ENDS);
  }

  private rootList(prefix: string): PrefixEdge[] {
    const key = prefix.slice(0, PREFIX_KEY);
    let list = this.rootPrefixes.get(key);
    if (!list) {
      list = [];
      this.rootPrefixes.set(key, list);
    }
    return list;
  }

  private newNode(): number {
    const node = this.nodes++;
    if (node >= this.flags.length) {
      const flags = new Uint8Array(this.flags.length * 2);
      flags.set(this.flags);
      this.flags = flags;
    }
    this.endings.push(undefined);
    this.prefixEdges.push(undefined);
    return node;
  }

  private mark(node: number, flag: number): void {
    this.flags[node] = (this.flags[node] ?? 0) | flag;
  }

  private slotOf(node: number, word: number): number {
    return (pairHash(node, word) & this.edgeMask) * EDGE_STRIDE;
  }

  private nextSlot(slot: number): number {
    const next = slot + EDGE_STRIDE;
    return next === this.edges.length ? 0 : next;
  }

  /** The child of a node by a word number, or -1. */
  private child(node: number, word: number): number {
    if (word < 0) return -1;
    const edges = this.edges;
    for (let slot = this.slotOf(node, word); edges[slot] !== 0; slot = this.nextSlot(slot))
      if (edges[slot] === node + 1 && edges[slot + 1] === word) return edges[slot + 2] ?? -1;
    return -1;
  }

  private addEdge(node: number, word: number, child: number): void {
    // At most half full, so probes stay short.
    if (++this.edgeCount * 2 > this.edgeMask) {
      const old = this.edges;
      this.edgeMask = this.edgeMask * 2 + 1;
      this.edges = new Int32Array((this.edgeMask + 1) * EDGE_STRIDE);
      for (let slot = 0; slot < old.length; slot += EDGE_STRIDE)
        if (old[slot] !== 0) this.place((old[slot] ?? 0) - 1, old[slot + 1] ?? 0, old[slot + 2] ?? 0);
    }
    this.place(node, word, child);
  }

  private place(node: number, word: number, child: number): void {
    const edges = this.edges;
    let slot = this.slotOf(node, word);
    while (edges[slot] !== 0) slot = this.nextSlot(slot);
    edges[slot] = node + 1;
    edges[slot + 1] = word;
    edges[slot + 2] = child;
  }

  /** Every phrase that starts at tokens[from], shortest first. */
  matchAt(tokens: readonly Token[], from: number, text: string, out: PhraseMatch<V>[]): void {
    const found = new PhraseMatches<V>();
    this.matchInto(tokens, from, text, found);
    for (let index = 0; index < found.length; index++)
      out.push({ from, to: found.to(index), value: found.value(index) });
  }

  /** matchAt into a buffer the caller clears, without an object per match. */
  matchInto(tokens: readonly Token[], from: number, text: string, out: PhraseMatches<V>): void {
    const first = tokens[from];
    if (!first || (first.kind !== TokenKind.Word && first.kind !== TokenKind.Number)) return;
    const starts = this.startsOf(first);
    if (starts) for (const node of starts) this.walk(node, tokens, from, from + 1, text, out);
  }

  /**
   * The nodes a phrase starting with a word walks from, computed once per word: the root's child
   * by the word itself, then the root prefixes it starts ("withdraw*" for "withdrawal").
   */
  private startsOf(first: Token): readonly number[] | undefined {
    const word = first.word;
    const known = word >= 0 ? (this.rootStarts[word] ?? UNKNOWN) : UNKNOWN;
    if (known === NO_START) return undefined;
    if (known !== UNKNOWN) return this.startNodes[known - 2];
    const nodes: number[] = [];
    const exact = this.child(0, word);
    if (exact >= 0) nodes.push(exact);
    const norm = first.norm;
    if (norm.length >= PREFIX_KEY)
      for (const entry of this.rootPrefixes.get(norm.slice(0, PREFIX_KEY)) ?? [])
        if (norm.startsWith(entry.prefix)) nodes.push(entry.node);
    if (word >= 0) {
      if (word >= this.rootStarts.length) {
        const grown = new Uint32Array(Math.max(1024, (word + 1) * 2));
        grown.set(this.rootStarts);
        this.rootStarts = grown;
      }
      if (nodes.length === 0) this.rootStarts[word] = NO_START;
      else {
        this.startNodes.push(nodes);
        this.rootStarts[word] = this.startNodes.length + 1;
      }
    }
    return nodes.length > 0 ? nodes : undefined;
  }

  private walk(
    node: number,
    tokens: readonly Token[],
    from: number,
    to: number,
    text: string,
    out: PhraseMatches<V>,
  ): void {
    const flags = this.flags[node] ?? 0;
    const endings = flags & ENDS ? this.endings[node] : undefined;
    if (endings)
      for (let index = 0; index < endings.length; index++) {
        const { value, exact, capitals } = endings[index] as Ending<V>;
        if (exact && !matchesExactly(exact, tokens, from, text)) continue;
        if (capitals !== 0 && !hasCapitals(capitals, tokens, from)) continue;
        out.add(to, value);
      }
    // Most phrases end here: no need to look at the next token.
    if ((flags & (EDGES | PREFIXES)) === 0) return;
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
    if (flags & EDGES) {
      const child = this.child(node, token.word);
      if (child >= 0) this.walk(child, tokens, from, next + 1, text, out);
    }
    if (flags & PREFIXES)
      for (const entry of this.prefixEdges[node] ?? [])
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
