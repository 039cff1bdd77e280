// Combining the stories' discoveries: one entity per name, the kind most mentions give, and a family name
// that two people share only as a short form of each.
import { describe, expect, it } from 'vitest';
import type { DiscoveredEntity } from '@/src/ingest/discover';
import { combineDiscoveries } from '@/src/ingest/discover/across-stories';
import type { EntityKind } from '@/src/facts/schema';

const entity = (name: string, kind: EntityKind, aliases: string[] = [], mentions = 1): DiscoveredEntity => ({
  name,
  kind,
  aliases: [name, ...aliases],
  mentions,
  confidence: 0.8,
});

describe('combineDiscoveries', () => {
  it.each([
    {
      rule: 'one name in two stories is one entity with both stories’ aliases',
      stories: [[entity('Orbex Dynamics', 'company', ['Orbex'])], [entity('Orbex Dynamics', 'company', ['ODX'])]],
      known: [],
      expected: { 'Orbex Dynamics': ['Orbex Dynamics', 'Orbex', 'ODX'] },
    },
    {
      rule: 'a one-word alias two entities share, and that is no family name of theirs, is given to neither',
      stories: [[entity('Orbex Dynamics', 'company', ['ODX'])], [entity('Odessa Index', 'organization', ['ODX'])]],
      known: [],
      expected: { 'Orbex Dynamics': ['Orbex Dynamics'], 'Odessa Index': ['Odessa Index'] },
    },
    {
      rule: 'the last word of a place or company name is no family name: a short name ending it is kept',
      stories: [[entity('Zorbia Air', 'company', ['Zorbia'])], [entity('United Republic of Zorbia', 'place')]],
      known: [],
      expected: { 'Zorbia Air': ['Zorbia Air', 'Zorbia'] },
    },
    {
      rule: 'a family name only one person has is kept across stories',
      stories: [[entity('Tomas Vell', 'person', ['Vell'])], [entity('Orbex Dynamics', 'company')]],
      known: ['Anja Brill'],
      expected: { 'Tomas Vell': ['Tomas Vell', 'Vell'] },
    },
  ])('$rule', ({ stories, known, expected }) => {
    const { entities } = combineDiscoveries(stories, known);
    for (const [name, aliases] of Object.entries(expected)) {
      expect(entities.find((e) => e.name === name)?.aliases).toEqual(aliases);
    }
  });

  it('gives a name the kind its stories give with the most mentions', () => {
    const { entities } = combineDiscoveries([
      [entity('Vortaxia', 'company', [], 1)],
      [entity('Vortaxia', 'product', [], 4)],
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ kind: 'product', mentions: 5 });
  });

  it('keeps a short form two entities share with both: each names its own only beside its full name', () => {
    const short = (name: string, form: string): DiscoveredEntity => ({
      ...entity(name, 'person', [form]),
      shortForms: [form],
    });
    const { entities, sharedAliases } = combineDiscoveries([
      [short('Tim Baker', 'Baker')],
      [short('Ann Baker', 'Baker')],
    ]);
    expect(entities.map((e) => [e.name, e.aliases, e.shortForms])).toEqual([
      ['Tim Baker', ['Tim Baker', 'Baker'], ['Baker']],
      ['Ann Baker', ['Ann Baker', 'Baker'], ['Baker']],
    ]);
    expect(sharedAliases).toEqual([]);
  });

  // A family name alone could mean either person, so it names each only where the page writes their full name
  // (it used to be taken from both, and "Kessler said" then named nobody even beside "Wade Kessler").
  it('makes a family name two people share a short form of each', () => {
    const { entities, sharedAliases } = combineDiscoveries([
      [entity('Wade Kessler', 'person', ['Kessler'])],
      [entity('Justin Kessler', 'person', ['Kessler'])],
    ]);
    expect(entities.map((e) => [e.name, e.aliases, e.shortForms])).toEqual([
      ['Wade Kessler', ['Wade Kessler', 'Kessler'], ['Kessler']],
      ['Justin Kessler', ['Justin Kessler', 'Kessler'], ['Kessler']],
    ]);
    expect(sharedAliases).toEqual([]);
  });

  it('makes the family name of a person the catalog knows a short form of a new person who has it too', () => {
    const { entities } = combineDiscoveries([[entity('Tomas Vell', 'person', ['Vell'])]], ['Anja Vell']);
    expect(entities.map((e) => [e.name, e.aliases, e.shortForms])).toEqual([
      ['Tomas Vell', ['Tomas Vell', 'Vell'], ['Vell']],
    ]);
  });

  it('lists the one-word aliases it took away', () => {
    const { sharedAliases } = combineDiscoveries([
      [entity('Orbex Dynamics', 'company', ['ODX'])],
      [entity('Odessa Index', 'organization', ['ODX'])],
    ]);
    expect(sharedAliases).toEqual(['odx']);
  });
});
