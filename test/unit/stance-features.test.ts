import { describe, expect, it } from 'vitest';
import { analyseDispatch } from '../../shared/domain/classify/classify-dispatch.js';
import { defaultDictionaries } from '../../shared/domain/classify/dictionaries.js';
import { type ModelCandidate, modelCandidates } from '../../shared/domain/classify/stance-features.js';
import { parseDispatch } from '../../shared/domain/index.js';

/** The model's candidates of a small dispatch, read by the rules alone (as the trainer reads them). */
function candidatesOf(body: string): ModelCandidate[] {
  const text = `Publication: Monitor Volume: 7 Issue: 101\n\n${body} (Interfax, May 30).`;
  const parsed = parseDispatch(new TextEncoder().encode(text), { receivedAt: '2026-11-22T00:00:00Z' });
  if (!parsed.ok) throw parsed.error;
  const candidates: ModelCandidate[] = [];
  analyseDispatch(parsed.dispatch, { ...defaultDictionaries(), stanceModel: null }, (trace) =>
    candidates.push(...modelCandidates(trace)),
  );
  return candidates;
}

describe('the model’s candidates', () => {
  it('pairs a speaker with the topic he speaks of, reading the words around it', () => {
    // Act
    const [first] = candidatesOf(
      'Foreign Minister Igor Ivanov said Russia would never agree to abandon the ABM treaty.',
    );
    // Assess
    expect(first).toMatchObject({
      actor: 'RUS',
      topic: 'ABM',
      holder: ['ABM|role:speech', 'ABM|kind:person'],
    });
    expect(first?.speaker.speaker).toBe('Igor Ivanov');
    expect(first?.around).toEqual(
      expect.arrayContaining([
        'ABM|bias',
        'ABM|w:abandon',
        'ABM|b:to abandon',
        'ABM|b:<actor> said',
        'ABM|neg',
      ]),
    );
  });

  it('gives the model the cue lexicon’s polarities, turned round by a negator before them', () => {
    // Act
    const [first] = candidatesOf(
      'Foreign Minister Igor Ivanov said Russia would never agree to abandon the ABM treaty.',
    );
    // Assess
    expect(first?.around).toContain('ABM|tcue:oppose|neg');
  });

  it('leaves out the topic phrase itself: the words around it carry the position', () => {
    // Act
    const [first] = candidatesOf('Moscow insists the ABM treaty must stand.');
    // Assess
    expect(first?.around.some((feature) => /\|w:(abm|treaty)$/.test(feature))).toBe(false);
    expect(first?.around).toEqual(expect.arrayContaining(['ABM|w:must', 'ABM|b:must stand']));
  });

  it('reads a sentence naming no topic as continuing the one before', () => {
    // Act
    const candidates = candidatesOf(
      'Moscow insists the ABM treaty must stand. The Kremlin repeated that view on Tuesday.',
    );
    // Assess
    const second = candidates.find((candidate) => candidate.sentence.index === 1);
    expect(second).toMatchObject({ actor: 'RUS', topic: 'ABM' });
    expect(second?.around).toContain('ABM|inherited');
  });

  it('gives a quotation with no speaker of its own to the last speaker', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov told reporters that Moscow had not changed its view. “The ABM treaty is the cornerstone of strategic stability and must be preserved.”',
    );
    // Assess
    const quoted = candidates.find((candidate) => candidate.sentence.index === 1);
    expect(quoted).toMatchObject({
      actor: 'RUS',
      topic: 'ABM',
      holder: ['ABM|role:quoted', 'ABM|kind:person'],
    });
    expect(quoted?.speaker.speaker).toBe('Igor Ivanov');
  });

  it('holds a newspaper’s argument about a government for nobody', () => {
    // Act
    const candidates = candidatesOf(
      'Nezavisimaya Gazeta argued that the Kremlin would be wiser to bargain over the ABM treaty while it still could.',
    );
    // Assess
    expect(candidates).toEqual([]);
  });

  it('shares one reading of the words around a topic among all its holders', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov said Russia would never agree to abandon the ABM treaty.',
    );
    // Assess
    expect(candidates.length).toBeGreaterThan(1);
    for (const candidate of candidates) expect(candidate.around).toBe(candidates[0]?.around);
  });
});
