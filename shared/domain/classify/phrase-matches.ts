/**
 * The phrases the trie finds at one token, as two parallel arrays (where each ends, and its value)
 * that the scan clears and refills for every token: no match object per phrase found.
 */
export class PhraseMatches<V> {
  private ends = new Int32Array(16);
  private readonly found: V[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** A phrase that ends before tokens[to]. */
  add(to: number, value: V): void {
    const at = this.count;
    if (at === this.ends.length) {
      const grown = new Int32Array(at * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[at] = to;
    this.found[at] = value;
    this.count = at + 1;
  }

  /** Where the i-th phrase ends: it covers tokens up to to(i) - 1. */
  to(index: number): number {
    return this.ends[index] ?? -1;
  }

  /** The i-th phrase's value; asking past the matches is a bug in the caller. */
  value(index: number): V {
    const value = this.found[index];
    if (index >= this.count || value === undefined)
      throw new RangeError(`phrase match ${index} asked of ${this.count}`);
    return value;
  }
}
