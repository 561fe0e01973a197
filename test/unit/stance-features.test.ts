import { describe, expect, it } from 'vitest';
import { analyseDispatch } from '../../shared/domain/classify/classify-dispatch.js';
import { defaultDictionaries } from '../../shared/domain/classify/dictionaries.js';
import { cueMarker, FeaturesAround, Marker } from '../../shared/domain/classify/features-around.js';
import { holderFeatures, type ModelCandidate } from '../../shared/domain/classify/stance-features.js';
import { parseDispatch } from '../../shared/domain/index.js';

/** The model's candidates of a small dispatch, read by the rules alone (as the trainer reads them). */
function candidatesOf(body: string): ModelCandidate[] {
  const text = `Publication: Monitor Volume: 7 Issue: 101\n\n${body} (Interfax, May 30).`;
  const parsed = parseDispatch(new TextEncoder().encode(text), { receivedAt: '2026-11-22T00:00:00Z' });
  if (!parsed.ok) throw parsed.error;
  const candidates: ModelCandidate[] = [];
  analyseDispatch(parsed.dispatch, { ...defaultDictionaries(), stanceModel: null }, (trace) =>
    candidates.push(...trace.candidates),
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
    expect(first).toMatchObject({ actor: 'RUS', topic: 'ABM' });
    expect(first && holderFeatures(first)).toEqual(['ABM|role:speech', 'ABM|kind:person']);
    expect(first?.speaker.speaker).toBe('Igor Ivanov');
    expect(first?.around.names()).toEqual(
      expect.arrayContaining([
        'ABM|bias',
        'ABM|w:abandon',
        'ABM|b:to abandon',
        'ABM|b:<actor> said',
        'ABM|neg',
      ]),
    );
  });

  it.each([
    [
      'the subject of a relative clause holds only the topics inside it',
      'The national missile defense debate went on. Bush made the case for a limited national missile defense aimed at the small arsenals that North Korea may acquire.',
      ['USA NMD'],
    ],
    [
      'the subject of a main clause holds the sentence’s topics',
      'The national missile defense debate went on. North Korea may acquire long-range missiles, and Bush made the case for a limited national missile defense.',
      ['PRK NMD', 'USA NMD'],
    ],
  ])('%s', (_, body, pairs) => {
    // Act
    const candidates = candidatesOf(body);
    // Assess
    expect([...new Set(candidates.map((candidate) => `${candidate.actor} ${candidate.topic}`))]).toEqual(
      pairs,
    );
  });

  it('gives the model the cue lexicon’s polarities, marked when a negator stands just before them', () => {
    // Act
    const [first] = candidatesOf(
      'Foreign Minister Igor Ivanov said Russia would never agree to abandon the ABM treaty.',
    );
    // Assess
    expect(first?.around.names()).toContain('ABM|tcue:oppose|neg');
  });

  it('leaves out the topic phrase itself: the words around it carry the position', () => {
    // Act
    const [first] = candidatesOf('Moscow insists the ABM treaty must stand.');
    // Assess
    expect(first?.around.names().some((feature) => /\|w:(abm|treaty)$/.test(feature))).toBe(false);
    expect(first?.around.names()).toEqual(expect.arrayContaining(['ABM|w:must', 'ABM|b:must stand']));
  });

  it('reads a sentence naming no topic as continuing the one before', () => {
    // Act
    const candidates = candidatesOf(
      'Moscow insists the ABM treaty must stand. The Kremlin repeated that view on Tuesday.',
    );
    // Assess
    const second = candidates.find((candidate) => candidate.sentence.index === 1);
    expect(second).toMatchObject({ actor: 'RUS', topic: 'ABM' });
    expect(second?.around.names()).toContain('ABM|inherited');
  });

  it('gives a quotation with no speaker of its own to the last speaker', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov told reporters that Moscow had not changed its view. “The ABM treaty is the cornerstone of strategic stability and must be preserved.”',
    );
    // Assess
    const quoted = candidates.find((candidate) => candidate.sentence.index === 1);
    expect(quoted).toMatchObject({ actor: 'RUS', topic: 'ABM' });
    expect(quoted && holderFeatures(quoted)).toEqual(['ABM|role:quoted', 'ABM|kind:person']);
    expect(quoted?.speaker.speaker).toBe('Igor Ivanov');
  });

  it('reads a quotation as its speaker’s, not as the words of those it names', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov told reporters that Moscow had not changed its view. “The United States must not tear up the ABM treaty.”',
    );
    // Assess
    const quoted = candidates.filter((candidate) => candidate.sentence.index === 1);
    expect(quoted.map((candidate) => `${candidate.actor} ${candidate.role}`)).toEqual(['RUS quoted']);
  });

  it('gives the last speaker only the quotation’s words, not the rest of the sentence', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov told reporters that Moscow had not changed its view. The Bush administration will abandon the ABM treaty as a “relic of the Cold War.”',
    );
    // Assess
    const second = candidates.filter((candidate) => candidate.sentence.index === 1);
    expect(second.map((candidate) => `${candidate.actor} ${candidate.role}`)).toEqual(['USA subject']);
  });

  it('reads nothing of a condition: neither its subject nor its words', () => {
    // Act
    const candidates = candidatesOf(
      'If the United States abandons the ABM treaty, Russia will withdraw from START II.',
    );
    // Assess
    expect(candidates.map((candidate) => `${candidate.actor} ${candidate.topic}`)).toEqual(['RUS START']);
    expect(candidates[0]?.around.names()).not.toContain('START|w:abandons');
    expect(candidates[0]?.around.names()).toContain('START|w:withdraw');
  });

  it('takes no speaker from a statement inside a condition: "whether or not Moscow agreed" is hypothetical', () => {
    // Act
    const candidates = candidatesOf(
      'Powell said the United States would go ahead with a national missile defense whether or not Moscow agreed to amend the treaty.',
    );
    // Assess
    expect(new Set(candidates.map((candidate) => candidate.actor))).toEqual(new Set(['USA']));
  });

  it('does not carry the previous topic into a sentence whose topics are all in a condition', () => {
    // Act
    const candidates = candidatesOf(
      'Moscow insists the ABM treaty must stand. If the United States deploys a national missile defense, Russia will respond.',
    );
    // Assess
    expect(candidates.filter((candidate) => candidate.sentence.index === 1)).toEqual([]);
  });

  it('leaves a possessive to the rules: "Washington’s plans" are not what Moscow opposed', () => {
    // Act
    const candidates = candidatesOf('Moscow opposed Washington’s plans for a national missile defense.');
    // Assess
    expect(candidates.map((candidate) => candidate.actor)).toEqual(['RUS']);
  });

  it('reads every phrase of a topic in a sentence', () => {
    // Act
    const candidates = candidatesOf(
      'Foreign Minister Igor Ivanov said Russia would defend the ABM treaty and that any change to the ABM treaty needed Russia’s consent.',
    );
    // Assess
    const readings = new Set(candidates.map((candidate) => candidate.around));
    expect(readings.size).toBe(2);
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

  it('gives a participle inside a statement to its speaker, not to a state the statement names', () => {
    // Act
    const candidates = candidatesOf(
      'George W. Bush repeated that the ABM treaty would have to be amended to permit a limited national missile defense against states such as North Korea, while stressing that no decision on deployment would be taken before next summer.',
    );
    // Assess
    expect(candidates.length).toBeGreaterThan(0);
    expect(new Set(candidates.map((candidate) => candidate.actor))).toEqual(new Set(['USA']));
  });

  it('names each cue marker by its scope, polarity and negation, as the model file does', () => {
    // Prepare
    const features = new FeaturesAround('ABM', []);
    // Act
    features.marker(cueMarker(true, 'support', false));
    features.marker(cueMarker(false, 'mixed', true));
    features.marker(Marker.forecast);
    // Assess
    expect(features.names()).toEqual(['ABM|tcue:support', 'ABM|gcue:mixed|neg', 'ABM|forecast']);
  });
});
