import { pairHash } from './pair-hash.js';

/**
 * Numbers keyed by a pair of word numbers (both ≥ 0), in one open-addressing table of typed
 * arrays: the stance model asks it for every word pair around a topic phrase, where a Map per
 * second word and a Map lookup per pair cost a hash of a heap number each time.
 */
export class WordPairTable {
  /** Per slot: first word + 1 (0: empty), second word, value. */
  private slots = new Int32Array(64 * SLOT);
  private mask = 63;
  private count = 0;

  /** The value of the pair, or -1 for none. */
  get(first: number, second: number): number {
    if (first < 0 || second < 0) return -1;
    const slots = this.slots;
    for (let slot = this.slotOf(first, second); slots[slot] !== 0; slot = this.next(slot))
      if (slots[slot] === first + 1 && slots[slot + 1] === second) return slots[slot + 2] ?? -1;
    return -1;
  }

  /** Sets (or replaces) the value of a pair. */
  set(first: number, second: number, value: number): void {
    if (first < 0 || second < 0) throw new RangeError('word numbers of a pair are never negative');
    const slots = this.slots;
    let slot = this.slotOf(first, second);
    for (; slots[slot] !== 0; slot = this.next(slot))
      if (slots[slot] === first + 1 && slots[slot + 1] === second) {
        slots[slot + 2] = value;
        return;
      }
    slots[slot] = first + 1;
    slots[slot + 1] = second;
    slots[slot + 2] = value;
    // At most half full, so probes stay short.
    if (++this.count * 2 > this.mask) this.grow();
  }

  private slotOf(first: number, second: number): number {
    return (pairHash(first, second) & this.mask) * SLOT;
  }

  private next(slot: number): number {
    const next = slot + SLOT;
    return next === this.slots.length ? 0 : next;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * SLOT);
    this.count = 0;
    for (let slot = 0; slot < old.length; slot += SLOT)
      if (old[slot] !== 0) this.set((old[slot] ?? 1) - 1, old[slot + 1] ?? 0, old[slot + 2] ?? -1);
  }
}

const SLOT = 3;
