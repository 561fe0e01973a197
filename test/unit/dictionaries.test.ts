import { describe, expect, it } from 'vitest';
import actors from '../../shared/domain/classify/data/actors.json' with { type: 'json' };
import cues from '../../shared/domain/classify/data/cues.json' with { type: 'json' };
import topics from '../../shared/domain/classify/data/topics.json' with { type: 'json' };
import {
  classifyDispatch,
  compileDictionaries,
  DictionaryError,
} from '../../shared/domain/classify/index.js';
import { parseDispatch } from '../../shared/domain/index.js';

const known = new Set([...Object.keys(actors.states), ...Object.keys(actors.organisations)]);

describe('the actor dictionary', () => {
  it('maps every office to a known state or organisation, or to none', () => {
    const unknown = actors.people.flatMap((person) =>
      person.offices
        .filter((office) => office.actor !== null && !known.has(office.actor))
        .map((office) => `${person.name}: ${office.actor}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every person dated offices that do not overlap', () => {
    const bad = actors.people.filter((person) => {
      const offices = [...person.offices].sort((a, b) => a.from.localeCompare(b.from));
      return offices.some(
        (office, index) =>
          office.from >= office.to || (index > 0 && (offices[index - 1]?.to ?? '') > office.from),
      );
    });
    expect(bad.map((person) => person.name)).toEqual([]);
  });

  it('has Sergei Ivanov move from the Security Council to the Defense Ministry on 2001-03-28', () => {
    const ivanov = actors.people.find((person) => person.name === 'Sergei Ivanov');
    expect(ivanov?.offices.map((office) => [office.role, office.from])).toEqual([
      ['Security Council Secretary', '1999-11-15'],
      ['Defense Minister', '2001-03-28'],
    ]);
  });

  it('gives one alias to two people only where they really share the name', () => {
    const owners = new Map<string, string[]>();
    for (const person of actors.people) {
      for (const alias of new Set([person.name, ...person.aliases]))
        owners.set(alias, [...(owners.get(alias) ?? []), person.name]);
    }
    expect([...owners.entries()].filter(([, names]) => names.length > 1)).toEqual([
      ['George Bush', ['George H. W. Bush', 'George W. Bush']],
    ]);
  });
});

describe('the actor grammar', () => {
  it('names only known states in its groups', () => {
    const unknown = Object.entries(actors.groups).flatMap(([group, members]) =>
      members.filter((member) => !known.has(member)).map((member) => `${group}: ${member}`),
    );
    expect(unknown).toEqual([]);
  });

  it('treats every senator and representative in the people list as a legislator', () => {
    const prefixes = actors.roles.legislators.map((prefix) => prefix.toLowerCase());
    const legislators = actors.people.flatMap((person) =>
      person.offices
        .filter((office) => /^(?:senator|representative) \(/i.test(office.role))
        .map((office) => office.role.toLowerCase()),
    );
    expect(legislators.length).toBeGreaterThan(10);
    expect(legislators.filter((role) => !prefixes.some((prefix) => role.startsWith(prefix)))).toEqual([]);
  });

  it('keeps acts and agents apart: an act is never a body that speaks', () => {
    const bodies = new Set(actors.roles.bodies);
    expect(actors.roles.acts.filter((act) => bodies.has(act))).toEqual([]);
  });
});

describe('compileDictionaries', () => {
  it('compiles the shipped dictionaries and names their versions', () => {
    const dictionaries = compileDictionaries({ topics, actors, cues });
    expect(dictionaries.version).toBe(`${topics.version}+${actors.version}+${cues.version}`);
  });

  it('names the file and the phrase of a phrase no text can match', () => {
    const broken = { ...cues, negators: [...cues.negators, 'not, ever'] };
    expect(() => compileDictionaries({ topics, actors, cues: broken })).toThrow(/cues\.json: "not, ever"/);
  });

  it('names the file and field of a malformed dictionary', () => {
    expect(() =>
      compileDictionaries({ topics: { ...topics, topics: { abm: topics.topics.ABM } }, actors, cues }),
    ).toThrow(DictionaryError);
    expect(() =>
      compileDictionaries({ topics: { ...topics, topics: { abm: topics.topics.ABM } }, actors, cues }),
    ).toThrow(/topics\.json: topics\.abm: topic codes are upper-case/);
  });

  it('lets a user add a topic with data alone', () => {
    // Prepare: a test-ban topic added to the taxonomy
    const withCtbt = {
      ...topics,
      version: 'topics-test',
      topics: {
        ...topics.topics,
        CTBT: {
          label: 'Comprehensive Test Ban Treaty',
          phrases: [
            { text: 'Comprehensive Test Ban Treaty', weight: 3 },
            { text: 'CTBT', weight: 3, caseSensitive: true },
          ],
          anaphora: [],
          ignore: [],
        },
      },
    };
    const dictionaries = compileDictionaries({ topics: withCtbt, actors, cues });
    const text =
      'Publication: Monitor Volume: 5 Issue: 200\n\nThe Senate rejected the Comprehensive Test Ban Treaty, and Moscow said it regretted the CTBT vote (Interfax, October 14).';
    const parsed = parseDispatch(new TextEncoder().encode(text), { receivedAt: '2026-01-01T00:00:00Z' });
    if (!parsed.ok) throw parsed.error;
    // Act
    const classification = classifyDispatch(parsed.dispatch, dictionaries);
    // Assess
    expect(classification.topics.map((topic) => topic.topic)).toEqual(['CTBT']);
    expect(classification.rulesVersion).toContain('topics-test');
  });
});
