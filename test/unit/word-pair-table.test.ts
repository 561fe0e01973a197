import { describe, expect, it } from 'vitest';
import { WordPairTable } from '../../shared/domain/classify/word-pair-table.js';

describe('WordPairTable', () => {
  it('gives back the value set for a pair, and -1 for the pair the other way round', () => {
    // Prepare
    const table = new WordPairTable();
    // Act
    table.set(3, 7, 42);
    // Assess
    expect(table.get(3, 7)).toBe(42);
    expect(table.get(7, 3)).toBe(-1);
  });

  it('answers -1 for a pair never set and for a negative word number', () => {
    // Prepare
    const table = new WordPairTable();
    table.set(0, 0, 5);
    // Act
    const answers = [table.get(1, 0), table.get(-1, 0), table.get(0, -1)];
    // Assess
    expect(answers).toEqual([-1, -1, -1]);
  });

  it('keeps the last value set for a pair', () => {
    // Prepare
    const table = new WordPairTable();
    table.set(9, 4, 1);
    // Act
    table.set(9, 4, 2);
    // Assess
    expect(table.get(9, 4)).toBe(2);
  });

  it('keeps every pair as it grows past thousands of them', () => {
    // Prepare
    const table = new WordPairTable();
    const pairs: [number, number][] = [];
    for (let first = 0; first < 80; first++)
      for (let second = 0; second < 60; second++) pairs.push([first, second]);
    // Act
    for (const [index, [first, second]] of pairs.entries()) table.set(first, second, index);
    // Assess
    expect(pairs.every(([first, second], index) => table.get(first, second) === index)).toBe(true);
    expect(table.get(80, 0)).toBe(-1);
  });
});
