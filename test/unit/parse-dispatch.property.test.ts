import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DispatchRejectedError, parseDispatch, REJECT_CODES } from '../../shared/domain/index.js';

const context = { receivedAt: '2026-11-22T06:00:00Z', sourceKey: 'incoming/2001-05-31-x.txt' };
// A fixed seed keeps CI reproducible; run with FC_SEED unset locally to explore new inputs.
const runs = { seed: Number(process.env.FC_SEED ?? 20011213), numRuns: Number(process.env.FC_RUNS ?? 2500) };

function holdsContract(bytes: Uint8Array): boolean {
  const result = parseDispatch(bytes, context);
  if (result.ok) {
    const { dispatch } = result;
    return (
      /^[0-9a-f]{64}$/.test(dispatch.id) &&
      /^\d{4}-\d{2}-\d{2}$/.test(dispatch.date) &&
      dispatch.paragraphs.length > 0
    );
  }
  return result.error instanceof DispatchRejectedError && REJECT_CODES.includes(result.error.code);
}

const seed = readFileSync(new URL('../fixtures/dispatches/headered.txt', import.meta.url));
const monitorLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Publication: Monitor Volume: 7 Issue: 105\n',
        'By: A. B.\n',
        '\n\n',
        ' (Interfax, May 29)',
        '(AFP, December 31; Reuters, January 2).',
        '(ABM)',
        '“',
        '’',
        '—',
        '\r\n',
      ),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.lorem({ maxCount: 12, mode: 'sentences' }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

describe('case 7: parseDispatch never throws (4 × 2,500 = 10,000 generated and mutated inputs, fixed seed)', () => {
  it('returns a dispatch or a typed error for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) =>
        holdsContract(new TextEncoder().encode(text)),
      ),
      runs,
    );
  });

  it('returns a dispatch or a typed error for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), holdsContract), runs);
  });

  it('returns a dispatch or a typed error for Monitor-like text', () => {
    fc.assert(fc.property(monitorLike, holdsContract), runs);
  });

  it('returns a dispatch or a typed error for mutations of a real dispatch', () => {
    const mutated = fc
      .array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 })
      .map((edits) => {
        const copy = Uint8Array.from(seed);
        for (const [at, value] of edits) copy[at] = value;
        return copy;
      });
    fc.assert(fc.property(mutated, holdsContract), runs);
  });

  it('keeps the id stable when only whitespace changes', () => {
    const original = parseDispatch(seed, context);
    fc.assert(
      fc.property(fc.constantFrom(' ', '  ', '\t', ' \n'), (space) => {
        const respaced = new TextDecoder().decode(seed).replaceAll(' ', space.replace('\n', ' '));
        const result = parseDispatch(new TextEncoder().encode(respaced), context);
        return result.ok && original.ok && result.dispatch.id === original.dispatch.id;
      }),
      { ...runs, numRuns: 20 },
    );
    expect(original.ok).toBe(true);
  });
});
