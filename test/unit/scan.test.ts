import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Layer, LexValue, Polarity } from '../../shared/domain/classify/dictionaries.js';
import { type PhraseMatch, PhraseTrie } from '../../shared/domain/classify/phrase-trie.js';
import { type Hit, type ScanResult, scan } from '../../shared/domain/classify/scan.js';
import { tokenize } from '../../shared/domain/classify/tokens.js';

// A fixed seed keeps CI reproducible; run with FC_SEED unset locally to explore new inputs.
const runs = { seed: Number(process.env.FC_SEED ?? 20010913), numRuns: Number(process.env.FC_RUNS ?? 500) };

// Every layer once: the compiler complains here when a layer is added or removed.
const LAYER_SET: Record<Layer, true> = {
  topic: true,
  mention: true,
  cue: true,
  speech: true,
  negator: true,
  forecast: true,
  conditional: true,
  earlier: true,
};
const LAYERS = Object.keys(LAYER_SET) as Layer[];

const topic = (code: string, weight = 1): LexValue => ({
  layer: 'topic',
  kind: 'topic',
  topic: code,
  weight,
});
const IGNORE: LexValue = { layer: 'topic', kind: 'ignore' };
const state = (actor: string): LexValue => ({ layer: 'mention', kind: 'state', actor });
const adjective = (actor: string): LexValue => ({ layer: 'mention', kind: 'adjective', actor });
const VOICE: LexValue = { layer: 'mention', kind: 'voice', phrase: 'Washington Post' };
const cue = (polarity: Polarity): LexValue => ({
  layer: 'cue',
  kind: 'cue',
  polarity,
  topic: null,
  harm: false,
  emphatic: false,
});
const topicalCue = (polarity: Polarity, code: string): LexValue => ({
  ...(cue(polarity) as Extract<LexValue, { kind: 'cue' }>),
  topic: code,
});
const topicOf = (value: LexValue) => (value.kind === 'cue' ? value.topic : null);
const marker = (layer: 'speech' | 'negator' | 'forecast' | 'conditional' | 'earlier'): LexValue => ({
  layer,
  kind: 'marker',
});

/** A small hand-built lexicon, so these tests do not move when the shipped dictionaries are tuned. */
const ENTRIES: readonly (readonly [string, LexValue, ('any' | 'proper' | 'exact')?])[] = [
  ['missile defense', topic('NMD')],
  ['missile defen*', topic('TMD', 0.5)],
  ['national missile defense', topic('NMD', 2)],
  ['theater missile defense', IGNORE],
  ['missile', topic('MISSILES')],
  ['ABM Treaty', topic('ABM')],
  ['arms control', topic('ARMS_CONTROL')],
  ['control treaty talks', topic('TALKS')],
  ['treaty talks', topic('TALKS')],
  ['Washington', state('USA'), 'proper'],
  ['Washington Post', VOICE, 'proper'],
  ['Russia', state('RUS')],
  ['Russian', adjective('RUS')],
  ['said', marker('speech')],
  ['warned', marker('speech')],
  ['warn*', cue('oppose')],
  ['welcom*', cue('support')],
  ['well-received', cue('support')],
  ['destroy*', topicalCue('support', 'ABM')],
  ['destroy*', topicalCue('oppose', 'NMD')],
  ['destroy the basis', topicalCue('support', 'ABM')],
  ['not', marker('negator')],
  ['will', marker('forecast')],
  ['if', marker('conditional')],
  ['had been', marker('earlier')],
];

function lexicon(): PhraseTrie<LexValue> {
  const trie = new PhraseTrie<LexValue>();
  for (const [phrase, value, casing] of ENTRIES) trie.add(phrase, value, casing);
  return trie;
}
const LEXICON = lexicon();

const scanned = (text: string) => scan(tokenize(text), text, LEXICON);

/** A layer's hits as the text they cover, for readable expectations. */
function covered(text: string, layer: Layer): string[] {
  const tokens = tokenize(text);
  return scanned(text)[layer].map((hit) =>
    text.slice(tokens[hit.from]?.start ?? 0, tokens[hit.to - 1]?.end ?? 0),
  );
}

describe('scan', () => {
  it('returns every layer, each empty when nothing matches', () => {
    expect(scanned('Nothing here is in the lexicon.')).toEqual(
      Object.fromEntries(LAYERS.map((layer) => [layer, []])),
    );
  });

  it('returns nothing for no tokens', () => {
    const result = scan([], '', LEXICON);
    expect(LAYERS.flatMap((layer) => result[layer])).toEqual([]);
  });

  it('reports a hit by token indexes with its value', () => {
    expect(scanned('The Russian view').mention).toEqual([{ from: 1, to: 2, values: [adjective('RUS')] }]);
  });

  it.each([
    ['topic', 'a theater missile defense test', ['theater missile defense']],
    ['topic', 'a national missile defense system', ['national missile defense']],
    ['mention', 'the Washington Post reported', ['Washington Post']],
    ['mention', 'Washington reported', ['Washington']],
  ] as const)('lets the longest %s phrase at a start hide shorter ones: %s', (layer, text, expected) => {
    expect(covered(text, layer)).toEqual(expected);
  });

  it('hides a phrase that starts inside an earlier one of the same layer, even a longer one', () => {
    expect(covered('arms control treaty talks', 'topic')).toEqual(['arms control', 'treaty talks']);
  });

  it('reports adjacent phrases of one layer one after the other', () => {
    expect(covered('missile defense, missile defense', 'topic')).toEqual([
      'missile defense',
      'missile defense',
    ]);
  });

  it('keeps every value of the longest phrase, and none of the shorter ones', () => {
    // Act
    const [hit] = scanned('missile defense').topic;
    // Assess
    expect(hit?.values).toHaveLength(2);
    expect(hit?.values).toEqual(expect.arrayContaining([topic('NMD'), topic('TMD', 0.5)]));
  });

  it('lets phrases of different layers overlap', () => {
    // Act
    const result = scanned('Moscow warned Washington');
    // Assess
    expect(result.speech).toEqual([{ from: 1, to: 2, values: [marker('speech')] }]);
    expect(result.cue).toEqual([{ from: 1, to: 2, values: [cue('oppose')] }]);
    expect(result.mention).toEqual([{ from: 2, to: 3, values: [state('USA')] }]);
  });

  it('does not let a long phrase in one layer hide a phrase in another', () => {
    // Act
    const result = scanned('the Washington Post said Russia had been warned');
    // Assess
    expect(result.mention.map((hit) => hit.values)).toEqual([[VOICE], [state('RUS')]]);
    expect(result.speech.map((hit) => hit.from)).toEqual([3, 7]);
    expect(result.earlier).toEqual([{ from: 5, to: 7, values: [marker('earlier')] }]);
  });

  it('keeps what a shorter cue says of a topic the longer one does not name', () => {
    // Act
    const [hit] = scanned('the shield would destroy the basis of the treaty').cue;
    // Assess: the longer phrase wins for ABM; the shorter still speaks for NMD
    expect(hit).toEqual({
      from: 3,
      to: 6,
      values: [topicalCue('support', 'ABM'), topicalCue('oppose', 'NMD')],
    });
  });

  it.each([
    ['forecast', 'Russia will not sign', ['will']],
    ['negator', 'Russia will not sign', ['not']],
    ['conditional', 'if Washington withdraws', ['if']],
  ] as const)('reports %s markers: %s', (layer, text, expected) => {
    expect(covered(text, layer)).toEqual(expected);
  });

  it('respects the casing a phrase was added with', () => {
    expect(covered('washington said', 'mention')).toEqual([]);
  });
});

describe('scan: hyphenated compounds', () => {
  it.each([
    ['a cue', 'cue', 'an early-warning radar'],
    ['a speech verb', 'speech', 'a well-said line'],
    ['a wildcard cue', 'cue', 'a much-welcomed step'],
  ] as const)('does not start %s on the second half of a compound: %s', (_name, layer, text) => {
    expect(covered(text, layer)).toEqual([]);
  });

  it.each([
    ['a topic', 'topic', 'an anti-missile defense', ['missile defense']],
    ['a mention', 'mention', 'U.S.-Russian talks', ['Russian']],
  ] as const)('starts %s on the second half of a compound: %s', (_name, layer, text, expected) => {
    expect(covered(text, layer)).toEqual(expected);
  });

  it('lets a cue that starts before the hyphen run across it', () => {
    expect(covered('the plan was well-received', 'cue')).toEqual(['well-received']);
  });

  it('still reports a cue after a compound whose half it ignored', () => {
    expect(covered('the early-warning report warned them', 'cue')).toEqual(['warned']);
  });
});

describe('scan: invariants', () => {
  const pieces = [
    // Whole phrases, so that long and overlapping hits occur, and their words on their own.
    ...new Set(
      ENTRIES.flatMap(([phrase]) => {
        const spelled = phrase.replace(/\*/g, 'ing');
        return [spelled, ...spelled.split(/[ -]/)];
      }),
    ),
    'Post',
    'theater',
    'early',
    'Moscow',
    ',',
    '.',
    '’s',
    '—',
    'withdrawal',
    'didn’t',
  ];
  const texts = fc
    .array(fc.tuple(fc.constantFrom(' ', ' ', '-'), fc.constantFrom(...pieces)), { maxLength: 30 })
    .map((parts) => parts.map(([gap, piece]) => `${gap}${piece}`).join(''));

  function trieMatches(text: string): PhraseMatch<LexValue>[] {
    const tokens = tokenize(text);
    const out: PhraseMatch<LexValue>[] = [];
    for (let from = 0; from < tokens.length; from++) LEXICON.matchAt(tokens, from, text, out);
    return out;
  }
  const eachHit = (result: ScanResult, check: (hit: Hit, layer: Layer, index: number) => boolean) =>
    LAYERS.every((layer) => result[layer].every((hit, index) => check(hit, layer, index)));

  it('reports hits of one layer in order, without overlaps', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = scanned(text);
        return eachHit(
          result,
          (hit, layer, index) =>
            hit.from < hit.to && (index === 0 || (result[layer][index - 1] as Hit).to <= hit.from),
        );
      }),
      runs,
    );
  });

  it('reports only values of the hit’s layer that the lexicon matches over that span, or a shorter cue’s other topics', () => {
    fc.assert(
      fc.property(texts, (text) => {
        // Prepare
        const matches = trieMatches(text);
        // Act
        const result = scanned(text);
        // Assess
        return eachHit(result, (hit, layer) => {
          const spanning = matches.filter((match) => match.from === hit.from && match.to === hit.to);
          const named = new Set(spanning.map((match) => topicOf(match.value)));
          return (
            hit.values.length > 0 &&
            hit.values.every(
              (value) =>
                value.layer === layer &&
                (spanning.some((match) => match.value === value) ||
                  (layer === 'cue' &&
                    topicOf(value) !== null &&
                    !named.has(topicOf(value)) &&
                    matches.some(
                      (match) => match.from === hit.from && match.to < hit.to && match.value === value,
                    ))),
            )
          );
        });
      }),
      runs,
    );
  });

  it('never starts a speech or cue hit on a hyphen-joined token', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenize(text);
        const result = scanned(text);
        return [...result.speech, ...result.cue].every((hit) => !tokens[hit.from]?.joined);
      }),
      runs,
    );
  });

  it('accounts for every match: reported, or hidden by a hit that started earlier or runs longer', () => {
    fc.assert(
      fc.property(texts, (text) => {
        // Prepare
        const tokens = tokenize(text);
        const eligible = trieMatches(text).filter(
          (match) =>
            !(tokens[match.from]?.joined && (match.value.layer === 'speech' || match.value.layer === 'cue')),
        );
        // Act
        const result = scanned(text);
        // Assess
        return eligible.every((match) =>
          result[match.value.layer].some(
            (hit) =>
              hit.from <= match.from &&
              match.from < hit.to &&
              (hit.from < match.from ||
                hit.to > match.to ||
                (hit.to === match.to && hit.values.includes(match.value))),
          ),
        );
      }),
      runs,
    );
  });
});
