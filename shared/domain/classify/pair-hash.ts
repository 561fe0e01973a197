/**
 * A well-mixed 32-bit hash of two small integers (a node and a word, or two words), for the
 * open-addressed typed-array tables of the phrase trie and the stance model's word pairs.
 */
export function pairHash(first: number, second: number): number {
  let hash = Math.imul(first, 0x9e3779b1) ^ second;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
}
