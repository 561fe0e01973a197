import { describe, expect, it } from 'vitest';
import { analyseDispatch } from '../../shared/domain/classify/classify-dispatch.js';
import { defaultDictionaries } from '../../shared/domain/classify/dictionaries.js';
import { classifyDispatch } from '../../shared/domain/classify/index.js';
import { parseDispatch } from '../../shared/domain/index.js';

/**
 * These tables test the rule reader, so they classify with the rules alone; the shipped
 * classifier also weighs the trained model's reading (combine-stances.test.ts).
 */
const RULES = { ...defaultDictionaries(), stanceModel: null };

/** A small dispatch: a header dated by its one citation, so offices resolve at that date. */
function classify(body: string, { volume = 7, citation = '(Interfax, May 30)' } = {}) {
  const text = `Publication: Monitor Volume: ${volume} Issue: 101\n\n${body} ${citation}.`;
  const parsed = parseDispatch(new TextEncoder().encode(text), { receivedAt: '2026-11-22T00:00:00Z' });
  if (!parsed.ok) throw parsed.error;
  return { dispatch: parsed.dispatch, classification: analyseDispatch(parsed.dispatch, RULES) };
}

const stancesOf = (body: string, options?: { volume?: number }) =>
  classify(body, options).classification.stances.map(
    (stance) => `${stance.actor} ${stance.topic} ${stance.stance}`,
  );

describe('stance', () => {
  it.each([
    [
      'a date before the subject does not hide it: "On Tuesday President George W. Bush ordered"',
      'On Tuesday President George W. Bush ordered the Pentagon to field an initial missile defense capability by 2004',
      ['USA NMD support'],
    ],
    [
      'a negated withdrawal supports the treaty',
      'Foreign Minister Igor Ivanov said on Tuesday that Russia had no wish to withdraw from the ABM treaty, whatever Washington decided',
      ['RUS ABM support'],
    ],
    [
      'a conditional threat is still the speaker’s position',
      'Defense Secretary Donald Rumsfeld said that if the coming tests succeed, the United States will withdraw from the ABM treaty within months',
      ['USA ABM oppose'],
    ],
    [
      'a harm keeps its sense under a verb of support: what would "encourage an arms race" is opposed',
      'A Chinese Foreign Ministry spokesman said the American missile defense plan could upset the balance and encourage an arms race',
      ['CHN NMD oppose'],
    ],
    [
      'an act said to do harm is opposed: "deploying a shield would undermine stability" is no support for it',
      'Igor Ivanov said that deploying a national missile defense would undermine strategic stability',
      ['RUS NMD oppose'],
    ],
    [
      'preventing a harm warns of it: "to stop the drift toward an arms race" opposes what would start one',
      'Hu Xiaodi told the conference that existing agreements were far from sufficient to stop the drift toward an arms race over missile defense',
      ['CHN NMD oppose'],
    ],
    [
      'opposing a withdrawal supports the treaty',
      'Chinese Foreign Minister Tang Jiaxuan said that China firmly opposed any withdrawal from the ABM treaty',
      ['CHN ABM support'],
    ],
    [
      'a verdict after its object: the withdrawal called a mistake supports the treaty',
      'Sergei Ivanov made clear that Russia still regarded the American withdrawal from the 1972 Anti-Ballistic Missile treaty, which takes effect in June, as a mistake',
      ['RUS ABM support'],
    ],
    [
      'a call to deploy is support for national missile defense',
      'Secretary of State Colin Powell said the United States would deploy a national missile defense to protect its allies against rogue states',
      ['USA NMD support'],
    ],
    [
      'an explicit "unilaterally" makes a START position mixed',
      'President George W. Bush said the United States would cut its strategic arsenal to 2,000 warheads, unilaterally if need be',
      ['USA START mixed'],
    ],
    [
      '"rather than" sets aside what follows it: no position from it either way',
      'Officials in Tokyo said Japan regarded the American missile defense plan as a sensible precaution rather than a danger',
      ['JPN NMD support'],
    ],
    [
      'a speaker who "maintained that" frames a statement and keeps no treaty: the statement decides',
      'Igor Ivanov maintained that the ABM treaty was outdated',
      ['RUS ABM oppose'],
    ],
    [
      'not having decided yet is no position of its own (codebook v2)',
      'Canadian Foreign Minister John Manley said Ottawa had not yet decided whether it would want a role in the missile defense system',
      [],
    ],
    [
      'a decrease is not decried: welcoming fewer warheads supports the reductions',
      'Foreign Minister Igor Ivanov welcomed the planned decrease in strategic warheads under START II',
      ['RUS START support'],
    ],
    [
      'understanding a US plan is mixed (codebook v2)',
      'Prime Minister Junichiro Koizumi said Japan understood the American plan for missile defense',
      ['JPN NMD mixed'],
    ],
    [
      'understanding only the concern behind it is no stance (codebook v2, rule 12)',
      'A Japanese Foreign Ministry spokesman said Tokyo understood American concerns about missile proliferation but had no view on the missile defense plan',
      [],
    ],
    [
      'wanting the treaty amended is opposing it, however politely said',
      'The State Department said Washington valued the ABM treaty but wanted it amended',
      ['USA ABM oppose'],
    ],
    [
      'wanting room for "a limited defense" backs the US plan: the plan need not be called national',
      'The State Department said Washington valued the ABM treaty but wanted it amended to allow a limited defense',
      ['USA ABM oppose', 'USA NMD support'],
    ],
    [
      'cuts made unilaterally are a mixed START position',
      'The White House said the United States would cut its strategic warheads unilaterally, without a treaty',
      ['USA START mixed'],
    ],
    [
      'a minister speaking for the EU presidency speaks for the Union',
      'Foreign Minister Anna Lindh, speaking for the European Union presidency, called for the ABM treaty to be preserved',
      ['EU ABM support'],
    ],
    [
      'a joint declaration speaks for every state that signed it',
      'Putin and Jiang signed a joint declaration, and the declaration describes the ABM treaty as the cornerstone of strategic stability',
      ['RUS ABM support', 'CHN ABM support'],
    ],
    [
      'a counted group ("the five presidents") holds for as many actors as it counts',
      'Vladimir Putin, Jiang Zemin, Nursultan Nazarbaev, Askar Akaev and Emomali Rakhmonov met in Dushanbe. The five presidents described the ABM treaty as the cornerstone of strategic stability',
      ['RUS ABM support', 'CHN ABM support', 'KAZ ABM support', 'KGZ ABM support', 'TJK ABM support'],
    ],
    [
      'a hedge far from its topic is still about the topic its sentence names',
      'Foreign Minister Alexander Downer was careful not to commit Australia to any role until the shape of the American missile defense system was known',
      ['AUS NMD mixed'],
    ],
    [
      'acts joined by "or" are both what the harm is said of',
      'Valery Manilov said that American attempts to revise or abandon the ABM treaty would destroy the whole system of arms control',
      ['RUS ABM support'],
    ],
    [
      'a counted group that counts more than were named is nobody known: "the seven presidents" after five',
      'Vladimir Putin, Jiang Zemin, Nursultan Nazarbaev, Askar Akaev and Emomali Rakhmonov met in Dushanbe. The seven presidents described the ABM treaty as the cornerstone of strategic stability',
      [],
    ],
    [
      'an uncounted group ("the presidents") is every state whose leader was just named',
      'Vladimir Putin, Jiang Zemin and Nursultan Nazarbaev met in Dushanbe. The presidents described the ABM treaty as the cornerstone of strategic stability',
      ['RUS ABM support', 'CHN ABM support', 'KAZ ABM support'],
    ],
    [
      '"the ministers" are the states whose ministers were named',
      'Colin Powell and Igor Ivanov met in Washington. The ministers agreed that the Moscow Treaty should be ratified quickly',
      ['USA START support', 'RUS START support'],
    ],
    [
      'a denial that affirms: "made no secret of their sympathy for" the American approach',
      'Poland and Hungary made no secret of their sympathy for the American approach to missile defense',
      ['POL NMD support', 'HUN NMD support'],
    ],
    [
      'a verdict looks back: plans "incompatible with" stability are opposed',
      'Igor Ivanov said the American missile defense plans were incompatible with strategic stability',
      ['RUS NMD oppose'],
    ],
    [
      'a cue whose object is another topic says nothing of this one: "withdraw from START II" is no ABM position',
      'Igor Sergeev said the ABM treaty was indispensable and that Russia would withdraw not only from START II but from every other agreement',
      ['RUS ABM support'],
    ],
    [
      '"the decision" is the act named before it in its sentence, not the one reported last',
      'The two presidents signed a treaty on reductions in strategic warheads. Putin said that Moscow’s view of the American withdrawal from the ABM treaty had not changed and that it still considered the decision a mistake',
      ['RUS ABM support'],
    ],
    [
      '"approve it" takes "it" as its object, whatever cue follows',
      'Igor Ivanov said the Moscow Treaty served Russia’s interests and that Moscow hoped both legislatures would approve it without delay',
      ['RUS START support'],
    ],
    [
      'what "as" judges is the cue’s object: START II "outdated" is no ABM position',
      'Sergei Ivanov described START II as outdated now that the ABM treaty was gone',
      [],
    ],
    [
      'another state’s missile defense "of its own" is no national missile defense of the United States',
      'Japan’s defense chief said the country would move a step closer to fielding missile defenses of its own',
      [],
    ],
    [
      'a name after "of" that is no topic is what the cue is about: "the collapse of the Seattle ministerial"',
      'Tony Blair regretted the collapse of the Seattle ministerial on the eve of ABM treaty talks',
      [],
    ],
    [
      'a state after "of" is the act’s agent: "the withdrawal of the United States from the treaty"',
      'Igor Ivanov said the withdrawal of the United States from the ABM treaty would be a mistake',
      ['RUS ABM support'],
    ],
    [
      'an act still to take effect is its actor’s position',
      'Once the American withdrawal from the ABM treaty takes effect in June, work on interceptor silos will begin',
      ['USA ABM oppose'],
    ],
    [
      '"administration officials" are the American administration',
      'Administration officials said they would keep pressing Moscow to accept amendments to the ABM treaty',
      ['USA ABM oppose'],
    ],
    [
      'a participle after a comma is the sentence subject’s, not the nearest mention’s',
      'Igor Ivanov demanded that Washington drop the plan, warning that an American missile defense would start an arms race',
      ['RUS NMD oppose'],
    ],
    [
      'after a statement’s frame, a participle is the frame speaker’s: "…, Igor Ivanov said, adding that"',
      'Washington is determined to deploy a national missile defense, Igor Ivanov said, adding that Russia would keep the ABM treaty',
      ['RUS ABM support'],
    ],
    [
      'a cue that is itself a verb of saying is its speaker’s: campaigners "warning that" are not the government',
      'Labour backbenchers demanded that the British government refuse the American request for the missile defense system, warning that Britain would become a target',
      [],
    ],
    [
      'an alliance has no government: "the government" after NATO is the state named before it',
      'Britain joined the NATO meeting in Brussels. The government said the ABM treaty must be preserved',
      ['GBR ABM support'],
    ],
    [
      '"it" speaks past an adverb: "It still considered"',
      'Beijing was unmoved by the visit. It still considered the ABM treaty the cornerstone of strategic stability',
      ['CHN ABM support'],
    ],
    [
      'a mention after "in a" is no speaker: "in a newspaper interview, warned"',
      'The national missile defense plan drew fire in Europe. German Foreign Minister Joschka Fischer, in a newspaper interview, warned that a unilateral American shield risked a new arms race',
      ['DEU NMD oppose'],
    ],
    [
      'a spokesman for a ministry speaks for its state',
      'A spokesman for the French Foreign Ministry said the ABM treaty should be preserved',
      ['FRA ABM support'],
    ],
    [
      'the innermost statement holds: "according to Chinese officials, the two presidents agreed that …"',
      'Putin met Jiang Zemin in Shanghai. According to Chinese officials, the two presidents agreed that the American missile defense plans would undermine the basis of arms control',
      ['RUS NMD oppose', 'CHN NMD oppose'],
    ],
    [
      'turning down an invitation to leave the treaty supports it',
      'The Kremlin has turned down every American invitation to leave the ABM treaty jointly',
      ['RUS ABM support'],
    ],
    [
      'what a speaker says another state should do is the speaker’s own position',
      'The United States, Foreign Ministry spokesman Zhu Bangzao said, should give up the national missile defense program',
      ['CHN NMD oppose'],
    ],
    [
      'an official news agency speaks for its state',
      'The official KCNA news agency described the American missile defense program as a scheme for world domination',
      ['PRK NMD oppose'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(stancesOf(body)).toEqual(expected);
  });

  it.each([
    [
      'a newspaper’s view is not the state’s',
      'Izvestia argued that the Kremlin should abandon the ABM treaty and accept the American plan',
    ],
    [
      'an independent analyst is not the state',
      'Pavel Felgenhauer, an independent defense analyst, wrote that Moscow would soon agree to amend the ABM treaty',
    ],
    [
      'the author’s forecast is nobody’s position',
      'Russia will probably agree to amend the ABM treaty before the end of the year',
    ],
    [
      'a single senator does not speak for the state',
      'Senator Jesse Helms said the ABM treaty was dead and that the United States should not consider itself bound by it',
    ],
    [
      'a position reported inside another actor’s statement is nobody’s new stance',
      'Igor Ivanov said Washington’s plan to deploy a national missile defense was known to everyone',
    ],
    [
      'a conditional antecedent is hypothetical: "if Washington deploys" is not Washington’s position',
      'If the United States were to deploy a national missile defense, he said, Russia would take adequate measures',
    ],
    [
      'a negated verb of saying leaves no position',
      'Chinese officials did not repeat their criticism of the American missile defense program this week',
    ],
    [
      'a false friend of a cue says nothing: "in place of", "the end of the year"',
      'Sergei Ivanov becomes defense minister in place of Igor Sergeev, and the ABM treaty talks resume before the end of the year',
    ],
    [
      'candidates are voices of their own: what "both candidates have promised" is nobody’s state position',
      'Putin and Igor Ivanov met in Moscow. Both men know that both candidates have promised to build a national missile defense',
    ],
    [
      'an act recalled as done is no position: "came into force", "went into effect"',
      'After the American withdrawal from the ABM treaty went into effect, work on interceptor silos began in Alaska',
    ],
    [
      'an act recalled as done is no position: "since the American withdrawal from the ABM treaty took effect"',
      'Since the American withdrawal from the ABM treaty took effect in June, work on interceptor silos has begun in Alaska',
    ],
    [
      'a test that "went wrong", reported without anyone’s comment, is nobody’s position',
      'A Pentagon intercept test over the Pacific went wrong when the kill vehicle of the national missile defense failed to separate',
    ],
    [
      'the circumstances in which a state would withdraw are hypothetical, a condition as "if" is',
      'The law lists the circumstances in which Russia would be entitled to withdraw from START II',
    ],
    [
      'a Moscow institute named for two states is a voice of its own, not Washington or Ottawa',
      'Sergei Rogov, director of the USA and Canada Institute, said a legally binding START III treaty was in the interest of both sides',
    ],
    [
      'a text with no topic has no stance',
      'The Russian government said it would restart talks on grain exports and wanted a fresh start with Kiev',
    ],
  ])('%s', (_name, body) => {
    expect(stancesOf(body)).toEqual([]);
  });

  it.each([
    [
      'a participle set off after a clause’s subject is the subject’s, not the speaker’s',
      'Madeleine Albright said that Russia, insisting that the ABM treaty must be preserved, would not agree to amendments',
      ['RUS ABM support'],
    ],
    [
      'a participle after a second subject inside a statement stays with that subject',
      'Bill Clinton said the United States wanted the ABM treaty amended, while Russia, warning that any change would destroy the ABM treaty, refused',
      ['USA ABM oppose', 'RUS ABM support'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(stancesOf(body, { volume: 5 })).toEqual(expected);
  });

  it('follows a pronoun to the person named before it, with that person’s office at the date', () => {
    // Prepare: Sergei Ivanov became defense minister on 2001-03-28
    const body =
      'Sergei Ivanov met reporters in Moscow on Monday. He said the ABM treaty must be preserved as the cornerstone of strategic stability';
    // Act
    const { classification } = classify(body);
    // Assess
    const [stance] = classification.stances;
    expect(stance).toMatchObject({ actor: 'RUS', topic: 'ABM', stance: 'support' });
    expect(stance?.evidence[0]?.speaker).toBe('Sergei Ivanov');
    expect(classification.people).toEqual([
      { name: 'Sergei Ivanov', actor: 'RUS', role: 'Defense Minister' },
    ]);
  });

  it.each([
    [
      '"she" is the woman named last, not the men named after her',
      'Madeleine Albright met Igor Ivanov and then Vladimir Putin. She said the treaty should be amended',
      'Madeleine Albright',
    ],
    [
      '"he" passes over a woman named after him',
      'Igor Ivanov received Madeleine Albright on Tuesday. He said the treaty must be preserved',
      'Igor Ivanov',
    ],
    [
      '"he" after an unnamed official is that official, not the man named before',
      'Igor Ivanov spoke on Monday. A Chinese Foreign Ministry spokesman urged Washington to heed what he called the voice of the majority',
      'Chinese Foreign Ministry spokesman',
    ],
    [
      'a pronoun repeats an earlier one only when the gender fits',
      'Igor Ivanov received Madeleine Albright on Tuesday. She listened, and he said the treaty must be preserved',
      'Madeleine Albright|Igor Ivanov',
    ],
    [
      '"he" after an unnamed official named in the sentence before is that official',
      'Igor Ivanov spoke first. The Chinese envoy followed. He said the treaty must be preserved',
      'Chinese envoy',
    ],
    [
      '"he" after a state’s delegate is the delegate, named as the dispatch writes it',
      'Igor Ivanov spoke first. China’s delegate was no less categorical. He said the treaty must be preserved',
      'China’s delegate',
    ],
    [
      '"his" is the person named nearer than a state',
      'Putin spoke first. Moscow wants an answer before President Bill Clinton takes his decision',
      'Bill Clinton',
    ],
  ])('%s', (_name, body, referent) => {
    // Prepare
    const { dispatch } = classify(body, { volume: 6 });
    const pronouns: string[] = [];
    // Act
    analyseDispatch(dispatch, defaultDictionaries(), (sentence) => {
      for (const mention of sentence.mentions)
        if (mention.kind === 'pronoun') pronouns.push(mention.person?.name ?? '?');
    });
    // Assess
    expect(pronouns).toEqual(referent.split('|'));
  });

  it('reads "it" inside a cue as the topic named before: refusing to "tear it down" supports the treaty', () => {
    const body = 'The ABM treaty must stand, Ivanov said, and Russia would never help to tear it down';
    expect(stancesOf(body)).toEqual(['RUS ABM support']);
  });

  it('keeps a clause before an author’s hedge: "missiles Iran might field" does not void the call to amend', () => {
    const body =
      'Albright set out the American case: that the ABM treaty should be amended to permit a limited defense against missiles that Iran might one day field';
    expect(stancesOf(body, { volume: 6 })).toContain('USA ABM oppose');
  });

  it('resolves a surname two people share to the one named last', () => {
    // Prepare: Igor Ivanov (foreign minister) and Sergei Ivanov (defense minister) share "Ivanov"
    const body =
      'Defense Minister Sergei Ivanov met Rumsfeld in Brussels. Ivanov said the ABM treaty remained the foundation of strategic stability';
    // Act
    const { classification } = classify(body);
    // Assess
    const stance = classification.stances.find((candidate) => candidate.topic === 'ABM');
    expect(stance?.evidence[0]?.speaker).toBe('Sergei Ivanov');
  });

  it.each([
    [
      'a name inside an aside set off by commas',
      'Foreign Minister Joschka Fischer, speaking in the Bundestag before Schroeder left for Washington, said that Germany remained firmly attached to the ABM treaty',
      'Joschka Fischer',
    ],
    [
      'a relative clause naming another person',
      'Foreign Minister Igor Ivanov, who accompanied Putin to Beijing, said that Russia and China would work together to keep the ABM treaty intact',
      'Igor Ivanov',
    ],
    [
      'an aside that names the speaker',
      'The State Department’s spokesman, Richard Boucher, said that the administration would press for deep cuts in strategic arsenals',
      'Richard Boucher',
    ],
  ])('credits the subject before %s, not a name in it', (_, body, speaker) => {
    // Act
    const { classification } = classify(body);
    // Assess
    expect(classification.stances.map((stance) => stance.evidence[0]?.speaker)).toEqual([speaker]);
  });

  it('reads a newspaper the dispatch cites as a voice of its own, though the dictionary does not know it', () => {
    // Act
    const stances = stancesOf(
      'In Kiev the debate went on. Zerkalo Nedeli argued that Ukraine should keep the ABM treaty intact (Zerkalo Nedeli, May 29). Kiev said nothing',
    );
    // Assess
    expect(stances).toEqual([]);
  });

  it('takes the later of two positions the text dates', () => {
    const body =
      'As recently as February the chancellor had warned that the American missile defense plan would set off an arms race. German Chancellor Gerhard Schroeder now said Germany backed the American missile defense plan';
    expect(stancesOf(body)).toEqual(['DEU NMD support']);
  });

  it.each([
    [
      6,
      'Seven years after Boris Yeltsin and George Bush signed START II, the Duma ratified the treaty',
      'George H. W. Bush',
    ],
    [
      7,
      'President George Bush said the United States would deploy a national missile defense',
      'George W. Bush',
    ],
  ])(
    'in volume %i, "George Bush" is the president of the day or the one before: %s',
    (volume, body, name) => {
      // Act
      const { people } = classify(body, { volume }).classification;
      // Assess
      expect(people.map((person) => person.name)).toContain(name);
    },
  );

  it('maps a person to the office held at the dispatch date', () => {
    const body = 'Sergei Ivanov said the ABM treaty must be preserved';
    expect(classify(body, { volume: 6 }).classification.people).toEqual([
      { name: 'Sergei Ivanov', actor: 'RUS', role: 'Security Council Secretary' },
    ]);
  });
});

describe('evidence', () => {
  it('points at the exact sentence in the dispatch text and carries its citation', () => {
    const { dispatch, classification } = classify(
      'Foreign Minister Igor Ivanov said on Tuesday that Russia had no wish to withdraw from the ABM treaty',
    );
    const labels = [...classification.topics, ...classification.actors, ...classification.stances];
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      for (const evidence of label.evidence) {
        expect(dispatch.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
        expect(evidence.citation).toEqual([{ outlet: 'Interfax', date: '2001-05-30' }]);
      }
    }
  });

  it('records the rules and model versions that produced the labels', () => {
    // Prepare
    const { dispatch } = classify('Moscow said the ABM treaty must stand');
    // Act
    const classification = classifyDispatch(dispatch);
    // Assess
    expect(classification.rulesVersion).toMatch(/^topics-.*\+actors-.*\+cues-.*\+model-[0-9a-f]{8}$/);
  });
});

describe('topics', () => {
  it.each([
    [
      'the full treaty name',
      'The 1972 Anti-Ballistic Missile Treaty was discussed at length by the two delegations',
      ['ABM'],
    ],
    [
      'START in capitals',
      'The Duma debated START II for a third day and will vote on the treaty next week',
      ['START'],
    ],
    [
      'a missile shield',
      'The White House said the national missile defense would be deployed by 2005 as planned',
      ['NMD'],
    ],
    [
      'none of the false friends of START',
      'The government wants a fresh start and a head start on reform, and will restart talks to start anew',
      [],
    ],
    [
      'not air defense',
      'The Russian S-300 air defense system was offered to Iran along with a coastal radar network',
      [],
    ],
  ])('finds %s', (_name, body, expected) => {
    expect(classify(body).classification.topics.map((topic) => topic.topic)).toEqual(expected);
  });
});

describe('actors', () => {
  const actorsOf = (body: string) => classify(body).classification.actors.map((actor) => actor.actor);

  it.each([
    [
      'a list after a preposition holds no clause of its own',
      'Rumsfeld began a tour that took him to Tajikistan, Uzbekistan, Pakistan and India, and he said the ABM treaty was a relic',
      ['USA'],
    ],
    [
      'the subject of a condition does nothing in the dispatch',
      'If Pyongyang goes ahead with another launch, Japan will deploy a missile defense of its own, Tokyo said',
      ['JPN'],
    ],
    [
      'a place after a preposition holds no relative clause',
      'Igor Ivanov, who was in Spain attending a conference, said the ABM treaty must be preserved',
      ['RUS'],
    ],
    [
      'a head of state outside the great powers speaks for his state: Castro is Cuba',
      'Putin and Fidel Castro declared that the 1972 ABM treaty was the cornerstone of strategic stability',
      ['CUB', 'RUS'],
    ],
    [
      'a Russian party named "Union" is not the European Union',
      'The Union of Right Forces urged the Duma to ratify the START II treaty',
      [],
    ],
  ])('%s', (_name, body, expected) => {
    expect(actorsOf(body)).toEqual(expected);
  });
});
