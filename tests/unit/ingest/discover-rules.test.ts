// Discovery's mechanisms one by one, each on invented text: what noise it must not turn into names, which
// names it must find, what kind it must give them and which forms it must keep as one entity.
import { describe, expect, it } from 'vitest';
import { discoverEntities, type DiscoveredEntity } from '@/src/ingest/discover';
import { splitGluedWord } from '@/src/ingest/discover/text';
import type { EntityKind } from '@/src/facts/schema';

/** The entity that has this surface form among its aliases (case-insensitive). */
function named(entities: DiscoveredEntity[], form: string): DiscoveredEntity | undefined {
  const wanted = form.toLowerCase();
  return entities.find((entity) => entity.aliases.some((alias) => alias.toLowerCase() === wanted));
}

describe('splitGluedWord', () => {
  it.each([
    ['deleteFacebook', ['delete', 'Facebook']],
    ['LucasNolan', ['Lucas', 'Nolan']],
    ['CreditJane', ['Credit', 'Jane']],
    ['iPhone', undefined],
    ['eBay', undefined],
    ['PlayStation', undefined],
    ['YouTube', undefined],
    ['SunExpress', undefined],
    ['McDonald', undefined],
    ['WhatsApp', undefined],
  ])('%s → %j', (word, parts) => {
    expect(splitGluedWord(word)).toEqual(parts);
  });
});

describe('text noise is no entity', () => {
  it.each([
    {
      rule: 'a hashtag glued to a name gives the name alone',
      text: 'Thousands joined #quitZorblet this week. Zorblet said its users stayed, and Zorblet shares rose.',
      present: ['Zorblet'],
      absent: ['quitZorblet'],
    },
    {
      rule: 'a photo credit glued to a name is no part of it',
      text:
        'Painter Marta Quillfeather said the harbour inspired her. CreditMarta Quillfeather for The Ledger\n\n' +
        'Quillfeather added that she paints at dawn. CreditMarta Quillfeather for The Ledger',
      present: ['Marta Quillfeather'],
      absent: ['CreditMarta Quillfeather', 'CreditMarta', 'Credit Marta Quillfeather'],
    },
    {
      rule: 'an institution head ends its name: "and" after it starts a list',
      text: 'It was checked by Zeta News and Quillfact. Zeta News said so, and the site Quillfact agreed with Quillfact readers.',
      present: ['Zeta News', 'Quillfact'],
      absent: ['Zeta News and Quillfact'],
    },
    {
      rule: 'a legal suffix after a comma is no entity of its own',
      text: 'Orbex Dynamics, Inc. won the contract. Orbex Dynamics said the Inc. filing was late.',
      present: ['Orbex Dynamics'],
      absent: ['Inc.', 'Inc'],
    },
    {
      rule: 'a known place in the possessive owns the next name rather than joining it',
      text: "Kenya's Savanna Skyways ordered jets, and analysts expect Kenya's Savanna Skyways to order more.",
      present: ['Savanna Skyways'],
      absent: ["Kenya's Savanna Skyways"],
    },
    {
      rule: 'an acronym defined after a quoted lower-case term is a term',
      text:
        'Brokers sell "personally identifiable information" (PII) to banks. Laws on PII vary, so firms ' +
        'store PII abroad and sell PII in bulk.',
      present: [],
      absent: ['PII'],
    },
  ])('$rule', ({ text, present, absent }) => {
    const found = discoverEntities(text);
    for (const form of present) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeDefined();
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('names behind job titles', () => {
  it.each([
    {
      text: 'Finance Minister Ana Ruiz said the budget held. Ruiz added that taxes would not rise.',
      person: 'Ana Ruiz',
      absent: ['Finance Minister Ana Ruiz', 'Finance Minister', 'Finance'],
    },
    {
      text: 'Orbital Survey Agency Administrator Tomas Vell said launches resume. Vell spoke in Denver.',
      person: 'Tomas Vell',
      absent: ['Orbital Survey Agency Administrator Tomas Vell', 'Agency Administrator'],
    },
    {
      text: 'The regulator agreed. ZPUC President Dara Oakes said rates would fall, and Oakes left.',
      person: 'Dara Oakes',
      absent: ['ZPUC President Dara Oakes', 'ZPUC President'],
    },
    {
      text: 'Attorney-General Ned Brill defended the bill. Brill said the law was sound.',
      person: 'Ned Brill',
      absent: ['Attorney-General Ned Brill'],
    },
  ])('$person', ({ text, person, absent }) => {
    const found = discoverEntities(text);
    expect(named(found, person)?.kind, JSON.stringify(found)).toBe('person');
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('forms of one entity kept as one', () => {
  it.each([
    {
      rule: 'a title before a family name keeps the titled form as another name of the person',
      text: 'President Dana Kolber spoke first. Later Mr Kolber said President Kolber would stay.',
      name: 'Dana Kolber',
      forms: ['Kolber', 'Mr Kolber', 'President Kolber'],
    },
    {
      rule: 'a family name that only ever opens sentences still joins the full name',
      text: 'The blogger Anna Brankovic said she erred. Brankovic later deleted it. Brankovic apologised.',
      name: 'Anna Brankovic',
      forms: ['Brankovic'],
    },
  ] as { rule: string; text: string; name: string; forms: string[]; kind?: EntityKind }[])(
    '$rule',
    ({ text, name, forms }) => {
      const found = discoverEntities(text);
      const entity = named(found, name);
      expect(entity, JSON.stringify(found)).toBeDefined();
      for (const form of forms) expect(named(found, form)?.name, `${form} in ${JSON.stringify(found)}`).toBe(name);
    },
  );
});

describe('kinds', () => {
  it.each([
    {
      rule: 'a possessive before a lower-case group noun is no sign of an organisation',
      text: "Users leave Zorblet. The reach of Zorblet's network is vast, and Zorblet sells ads to Zorblet users.",
      name: 'Zorblet',
      kind: 'company',
    },
  ] as { rule: string; text: string; name: string; kind: EntityKind }[])('$rule', ({ text, name, kind }) => {
    const found = discoverEntities(text);
    expect(named(found, name)?.kind, JSON.stringify(found)).toBe(kind);
  });
});
