import { describe, expect, it } from 'vitest';
import { PhraseMatches } from '../../shared/domain/classify/phrase-matches.js';

describe('PhraseMatches', () => {
  it('gives back each match in the order added', () => {
    // Prepare
    const matches = new PhraseMatches<string>();
    // Act
    matches.add(3, 'missile defense');
    matches.add(5, 'national missile defense');
    // Assess
    expect(matches.length).toBe(2);
    expect([matches.to(0), matches.value(0), matches.to(1), matches.value(1)]).toEqual([
      3,
      'missile defense',
      5,
      'national missile defense',
    ]);
  });

  it('is empty after clear and refills from the start', () => {
    // Prepare
    const matches = new PhraseMatches<string>();
    matches.add(1, 'Moscow');
    matches.add(2, 'Moscow’s');
    // Act
    matches.clear();
    matches.add(7, 'Kremlin');
    // Assess
    expect(matches.length).toBe(1);
    expect([matches.to(0), matches.value(0)]).toEqual([7, 'Kremlin']);
  });

  it('keeps every match past its first capacity', () => {
    // Prepare
    const matches = new PhraseMatches<number>();
    // Act
    for (let index = 0; index < 100; index++) matches.add(index + 1, index);
    // Assess
    expect(matches.length).toBe(100);
    expect(Array.from({ length: 100 }, (_, index) => matches.to(index) - matches.value(index))).toEqual(
      Array(100).fill(1),
    );
  });
});
