import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { classifyDispatch } from '../../shared/domain/classify/index.js';
import { parseDispatch } from '../../shared/domain/index.js';

const sample = new URL('../../corpus/sample/', import.meta.url);
const sentences = readdirSync(sample)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(new URL(name, sample), 'utf8').split(/(?<=[.!?])\s+/))
  .filter((sentence) => sentence.length > 20);
const runs = { seed: Number(process.env.FC_SEED ?? 20020613), numRuns: Number(process.env.FC_RUNS ?? 300) };

describe('classifyDispatch on shuffled corpus sentences', () => {
  it('never throws, and every evidence points at its own text', () => {
    const dispatches = fc
      .array(fc.oneof(fc.constantFrom(...sentences), fc.string({ maxLength: 60 })), {
        minLength: 3,
        maxLength: 25,
      })
      .map((parts) =>
        parseDispatch(new TextEncoder().encode(parts.join(' ')), { receivedAt: '2001-06-01T00:00:00Z' }),
      );
    fc.assert(
      fc.property(dispatches, (parsed) => {
        if (!parsed.ok) return true;
        const classification = classifyDispatch(parsed.dispatch);
        const labels = [...classification.topics, ...classification.actors, ...classification.stances];
        return labels.every((label) =>
          label.evidence.every(
            (evidence) => parsed.dispatch.text.slice(evidence.start, evidence.end) === evidence.text,
          ),
        );
      }),
      runs,
    );
  });
});
