// Joining across stories the forms of one entity: short forms, dotted forms, family names, given-name forms,
// spellings, plurals, company suffixes and qualified names; and the evidence that keeps two entities apart.
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '@/src/facts/schema';
import type { DiscoveredEntity } from '@/src/ingest/discover';
import { combineDiscoveries } from '@/src/ingest/discover/across-stories';

const entity = (name: string, kind: EntityKind, aliases: string[] = []): DiscoveredEntity => ({
  name,
  kind,
  aliases: [name, ...aliases],
  mentions: 1,
  confidence: 0.8,
});

/** Stories that also name two other entities, so the stories are about the same things. */
const topic = () => [entity('Orbex Dynamics', 'company'), entity('Zorbia', 'place')];

describe('combineDiscoveries joins one entity’s forms across stories', () => {
  it.each([
    {
      rule: 'a country’s dotted and undotted initials join its name',
      stories: [[entity('U.S.', 'place')], [entity('United States', 'place')], [entity('US', 'place')]],
      known: [],
      expected: { 'United States': ['United States', 'U.S.', 'US'] },
    },
    {
      rule: 'a well-known short form joins its long form, the long form’s kind kept',
      stories: [[entity('EU', 'company')], [entity('European Union', 'organization')]],
      known: [],
      expected: { 'European Union': ['European Union', 'EU'] },
    },
    {
      rule: 'the undotted form of a dotted abbreviation joins it when no long form is there',
      stories: [[entity('Q.R.', 'organization')], [entity('QR', 'organization')]],
      known: [],
      expected: { 'Q.R.': ['Q.R.', 'QR'] },
    },
    {
      rule: 'initials join the one long name with them when their stories are about the same things',
      stories: [
        [entity('Kessler Vell Agency', 'organization'), ...topic()],
        [entity('KVA', 'organization'), ...topic()],
      ],
      known: [],
      expected: { 'Kessler Vell Agency': ['Kessler Vell Agency', 'KVA'] },
    },
    {
      rule: 'a family name joins the one person of the fact base with it',
      stories: [[entity('Tomas Vell', 'person')], [entity('Vell', 'person', ['CEO Vell'])]],
      known: [],
      expected: { 'Tomas Vell': ['Tomas Vell', 'Vell', 'CEO Vell'] },
    },
    {
      rule: 'a short given name joins its full form with the same family name, the fuller name kept',
      stories: [[entity('Tim Brennock', 'person')], [entity('Timothy Brennock', 'person')]],
      known: [],
      expected: { 'Timothy Brennock': ['Timothy Brennock', 'Tim Brennock'] },
    },
    {
      rule: 'two spellings of one person join when their stories are about the same things',
      stories: [
        [entity('Volodar Zelensky', 'person'), ...topic()],
        [entity('Volodar Zelenskiy', 'person'), ...topic()],
      ],
      known: [],
      expected: { 'Volodar Zelenskiy': ['Volodar Zelenskiy', 'Volodar Zelensky'] },
    },
    {
      rule: 'a product’s plural joins the product',
      stories: [[entity('zPhone', 'product')], [entity('zPhones', 'product')]],
      known: [],
      expected: { zPhone: ['zPhone', 'zPhones'] },
    },
    {
      rule: 'a name with a company’s suffix is the company, whatever kind a story guessed',
      stories: [[entity('Take-Nine', 'person')], [entity('Take-Nine Interactive', 'product')]],
      known: [],
      expected: { 'Take-Nine Interactive': ['Take-Nine Interactive', 'Take-Nine'] },
    },
    {
      rule: 'a name that ends one longer name of its kind joins it, in stories on the same things',
      stories: [
        [entity('House Budget Committee', 'organization'), ...topic()],
        [entity('Budget Committee', 'organization'), ...topic()],
      ],
      known: [],
      expected: { 'House Budget Committee': ['House Budget Committee', 'Budget Committee'] },
    },
    {
      rule: 'an agency’s name said the other way round joins its "Department of …" form',
      stories: [
        [entity('Zorbian Fisheries Department', 'organization')],
        [entity('Department of Zorbian Fisheries', 'organization')],
      ],
      known: [],
      expected: {
        'Department of Zorbian Fisheries': ['Department of Zorbian Fisheries', 'Zorbian Fisheries Department'],
      },
    },
  ])('$rule', ({ stories, known, expected }) => {
    const { entities } = combineDiscoveries(stories, known);
    for (const [name, aliases] of Object.entries(expected)) {
      expect(entities.find((found) => found.name === name)?.aliases).toEqual(aliases);
    }
    expect(entities.filter((found) => Object.values(expected).flat().includes(found.name))).toHaveLength(
      Object.keys(expected).length,
    );
  });

  it.each([
    {
      rule: 'a family name two people have joins neither',
      stories: [[entity('Wade Vell', 'person')], [entity('Justin Vell', 'person')], [entity('Vell', 'person')]],
      known: [],
      apart: ['Vell', 'Wade Vell', 'Justin Vell'],
    },
    {
      rule: 'a family name of a person the catalog knows joins no new person',
      stories: [[entity('Tomas Vell', 'person')], [entity('Vell', 'person')]],
      known: ['Anja Vell'],
      apart: ['Vell', 'Tomas Vell'],
    },
    {
      rule: 'two given names that are not forms of one name stay two people',
      stories: [[entity('Robert Gates', 'person')], [entity('Bill Gates', 'person')]],
      known: [],
      apart: ['Robert Gates', 'Bill Gates'],
    },
    {
      rule: 'two spellings in stories about different things stay apart',
      stories: [[entity('Volodar Zelensky', 'person')], [entity('Volodar Zelenskiy', 'person')]],
      known: [],
      apart: ['Volodar Zelensky', 'Volodar Zelenskiy'],
    },
    {
      rule: 'initials two long names share join neither',
      stories: [
        [entity('Cambridge Analytics', 'company'), ...topic()],
        [entity('Childhood Arrivals', 'program'), ...topic()],
        [entity('CA', 'organization'), ...topic()],
      ],
      known: [],
      apart: ['CA', 'Cambridge Analytics', 'Childhood Arrivals'],
    },
    {
      rule: 'initials in stories about other things join nothing',
      stories: [[entity('Kessler Vell Agency', 'organization')], [entity('KVA', 'organization')]],
      known: [],
      apart: ['KVA', 'Kessler Vell Agency'],
    },
    {
      rule: 'a place is not the company named after it',
      stories: [[entity('Dubai', 'place')], [entity('Dubai Group', 'company')]],
      known: [],
      apart: ['Dubai', 'Dubai Group'],
    },
    {
      rule: 'one word ending a longer name is not it ("Tribune", "Chicago Tribune")',
      stories: [
        [entity('Tribune', 'organization'), ...topic()],
        [entity('Chicago Tribune', 'organization'), ...topic()],
      ],
      known: [],
      apart: ['Tribune', 'Chicago Tribune'],
    },
    {
      rule: '"X of Y" is not Y',
      stories: [
        [entity('Western District of New Zorbia', 'place'), ...topic()],
        [entity('New Zorbia', 'place'), ...topic()],
      ],
      known: [],
      apart: ['New Zorbia', 'Western District of New Zorbia'],
    },
    {
      rule: 'a council a person qualifies is not the council',
      stories: [
        [entity('Obama National Security Council', 'organization'), ...topic()],
        [entity('National Security Council', 'organization'), ...topic()],
      ],
      known: [],
      apart: ['National Security Council', 'Obama National Security Council'],
    },
    {
      rule: 'a product’s plural is not joined to a company of that name',
      stories: [[entity('Vells', 'product')], [entity('Vell', 'company')]],
      known: [],
      apart: ['Vells', 'Vell'],
    },
  ])('$rule', ({ stories, known, apart }) => {
    const { entities, joins } = combineDiscoveries(stories, known);
    for (const name of apart) expect(entities.some((found) => found.name === name)).toBe(true);
    expect(joins.filter((join) => apart.includes(join.from))).toEqual([]);
  });

  it('lists each join with its rule, so a name that is now an alias can be traced to its entity', () => {
    const { joins } = combineDiscoveries([[entity('U.S.', 'place')], [entity('United States', 'place')]]);
    expect(joins).toEqual([{ from: 'U.S.', into: 'United States', rule: 'short form' }]);
  });
});

describe('combineDiscoveries keeps a name a rule names', () => {
  it('a pinned name (a user renamed or merged it) stays its own entity, so the rule still applies', () => {
    const stories = [[entity('U.S.', 'place')], [entity('United States', 'place')]];
    expect(combineDiscoveries(stories, [], ['u.s.']).entities.map((found) => found.name)).toEqual([
      'U.S.',
      'United States',
    ]);
    expect(combineDiscoveries(stories, []).entities.map((found) => found.name)).toEqual(['United States']);
  });
});
