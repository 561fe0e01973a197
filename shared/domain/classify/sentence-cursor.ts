import type { Sentence } from './sentences.js';

/**
 * Walks a list in text order (hits, mentions) sentence by sentence: each call gives the items that
 * start in the sentence, scanning on from where the last call stopped.
 */
export class SentenceCursor<T extends { readonly from: number }> {
  private at = 0;

  constructor(private readonly items: readonly T[]) {}

  /** Indexes [start, end) of the items that start in the sentence. */
  range(sentence: Sentence): readonly [number, number] {
    const items = this.items;
    let start = this.at;
    while (start < items.length && (items[start] as T).from < sentence.from) start++;
    let end = start;
    while (end < items.length && (items[end] as T).from < sentence.to) end++;
    this.at = end;
    return [start, end];
  }

  /** The items that start in the sentence. */
  slice(sentence: Sentence): T[] {
    const [start, end] = this.range(sentence);
    return this.items.slice(start, end);
  }
}
