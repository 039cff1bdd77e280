// Discovery's recall mechanisms, each on invented text: names a story writes only once or twice that the
// evidence around them still makes names, and the look-alikes that must stay out.
import { describe, expect, it } from 'vitest';
import { discoverEntities, type DiscoveredEntity } from '@/src/ingest/discover';
import type { EntityKind } from '@/src/facts/schema';

/** The entity that has this surface form among its aliases (case-insensitive). */
function named(entities: DiscoveredEntity[], form: string): DiscoveredEntity | undefined {
  const wanted = form.toLowerCase();
  return entities.find((entity) => entity.aliases.some((alias) => alias.toLowerCase() === wanted));
}

describe('names written once', () => {
  it.each([
    {
      rule: 'a word English does not know, capitalised mid-sentence, is a name even once',
      text: 'Shares fell on Tuesday, and analysts at Quorvex cut their forecast for the year.',
      present: ['Quorvex'],
      absent: [],
    },
    {
      rule: "an institution's or a place's head word alone, or a compass word, is no name",
      text: 'Ships crossed the Gulf on Monday while the Navy watched, and traders in the West sold.',
      present: [],
      absent: ['Gulf', 'Navy', 'West'],
    },
    {
      rule: 'a word cut from a longer run of capitals (after a capitalised pronoun or auxiliary) is a piece of a name',
      text: 'Prices will rise, said Will Trosvik, a consultant. He Wenjun, a former official, agreed.',
      present: [],
      absent: ['Trosvik', 'Wenjun'],
    },
    {
      rule: 'a word with a capitalised pronoun right after it mid-sentence is a piece of a name',
      text: 'The deal was signed in a meeting with Qiaoyun He, the trade envoy.',
      present: [],
      absent: ['Qiaoyun'],
    },
    {
      rule: 'a possessive or a title in front is no piece of the name after it',
      text: "Traders watched Norway's Quorvex index fall, and Mr. Trosvik stayed calm.",
      present: ['Quorvex', 'Trosvik'],
      absent: [],
    },
    {
      rule: 'a given name and a family name that is an English noun, written mid-sentence, are a person',
      text: 'The sequel will star Dana Pine, the studio said on Friday.',
      present: ['Dana Pine'],
      absent: [],
    },
  ])('$rule', ({ text, present, absent }) => {
    const found = discoverEntities(text);
    for (const form of present) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeDefined();
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });

  it('gives a given name and a noun family name the kind person', () => {
    const found = discoverEntities('The sequel will star Dana Pine, the studio said on Friday.');
    expect(named(found, 'Dana Pine')?.kind).toBe<EntityKind>('person');
  });
});

describe('institution head words', () => {
  it.each([
    {
      text: 'Shares of Quorvex listed on the Varnholt Stock Exchange rose on Monday.',
      name: 'Varnholt Stock Exchange',
      kind: 'organization',
    },
    {
      text: 'The grant came from the Orbital Survey Directorate at the agency.',
      name: 'Orbital Survey Directorate',
      kind: 'organization',
    },
    {
      text: 'The leak was first reported by the Tallis Reporter on Friday.',
      name: 'Tallis Reporter',
      kind: 'organization',
    },
    {
      text: 'Its cloud arm, Zorblet Cloud Services, grew quickly last year.',
      name: 'Zorblet Cloud Services',
      kind: 'company',
    },
    {
      text: 'Crews from the Varnholt Office of Harbour Services arrived at noon.',
      name: 'Varnholt Office of Harbour Services',
      kind: 'organization',
    },
  ])('$name is a name ($kind)', ({ text, name, kind }) => {
    const entity = named(discoverEntities(text), name);
    expect(entity, JSON.stringify(discoverEntities(text))).toBeDefined();
    expect(entity?.kind).toBe<EntityKind>(kind as EntityKind);
  });
});

describe('kinds of names written once', () => {
  it('a single name written only after a preposition of place is a place', () => {
    const found = discoverEntities('The firm is headquartered in Tullamore, and its staff live near Oskarby.');
    expect(named(found, 'Tullamore')?.kind).toBe<EntityKind>('place');
    expect(named(found, 'Oskarby')?.kind).toBe<EntityKind>('place');
  });

  it('a single name written most times, and at least twice, after a preposition of place is a place', () => {
    const found = discoverEntities(
      'Rents in Tullavar rose this year, and workers moving to Tullavar said many of them now live in Tullavar.',
    );
    expect(named(found, 'Tullavar')?.kind).toBe<EntityKind>('place');
  });

  it('a single name after a compass word is a place', () => {
    const found = discoverEntities('Storms hit eastern Varnhem on Monday, and the Varnhem roads were shut.');
    expect(named(found, 'Varnhem')?.kind).toBe<EntityKind>('place');
  });

  it('a stake in a name is no sign of a place', () => {
    const found = discoverEntities('The fund bought a stake in Quorvex on Monday.');
    expect(named(found, 'Quorvex')?.kind).not.toBe<EntityKind>('place');
  });
});

describe('noise kept out', () => {
  it.each([
    {
      rule: 'a faith before a noun names a group of people, not an entity',
      text: 'A Catholic bishop and a Muslim cleric met Zorblet staff, and Zorblet thanked them.',
      absent: ['Catholic', 'Muslim'],
      present: ['Zorblet'],
    },
    {
      rule: 'a word mixing capitals, small letters and digits over and over is a code',
      text: 'The clip (pic.host/xQ4bTzLmWp) spread fast, and fans of Quorvex shared it.',
      absent: ['xQ4bTzLmWp'],
      present: ['Quorvex'],
    },
    {
      rule: "a name ending in a head word, written after words that name nothing and 'and', ends a longer name",
      text: 'Officials at the Zoning and Harbour Services office said the zoning rules would change.',
      absent: ['Harbour Services'],
      present: [],
    },
    {
      rule: "a name always joined by 'and' to the same words that name nothing is half of a longer name",
      text: 'The truck was stopped by Fisheries and Coastal Protection officers. Fisheries and Coastal Protection said later that the driver was freed.',
      absent: ['Fisheries'],
      present: [],
    },
    {
      rule: "names joined by 'and' to a name are a list",
      text: 'Parts come from Quorvex and Zorblet Lighting Services, the report said, and Quorvex said it had no comment.',
      absent: [],
      present: ['Quorvex', 'Zorblet Lighting Services'],
    },
    {
      rule: 'the plural of an agent noun made from an English verb names a kind of people',
      text: 'The shop hires about 200 Sellers a year, and its Sellers earn more than most.',
      absent: ['Sellers'],
      present: [],
    },
    {
      rule: 'a capitalised word always written before the same Latin word in lower case is the genus of a species',
      text: 'Tests found the bacteria Morvella tarsis in two wells. Morvella tarsis spreads in warm water, and Quorvex said it would test Morvella tarsis again.',
      absent: ['Morvella'],
      present: ['Quorvex'],
    },
    {
      rule: "a quote's instrument code after a name is no part of it",
      text: 'Nickel on the Varnholt Metal Exchange VMNI3 rose 2%, the Varnholt Metal Exchange said.',
      absent: ['Varnholt Metal Exchange VMNI3'],
      present: ['Varnholt Metal Exchange'],
    },
  ])('$rule', ({ text, present, absent }) => {
    const found = discoverEntities(text);
    for (const form of present) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeDefined();
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('kinds from little evidence', () => {
  it('a name written once beside one product word, and no company word, is a product', () => {
    const found = discoverEntities('Buyers who want more room can pick the Zephyra sedan instead.');
    expect(named(found, 'Zephyra')?.kind).toBe<EntityKind>('product');
  });

  it('a body compromise knows by its initials is an organisation', () => {
    const found = discoverEntities('The launch was delayed, NASA said, and engineers checked the rocket again.');
    expect(named(found, 'NASA')?.kind).toBe<EntityKind>('organization');
  });
});

describe('people', () => {
  it('words a page glued into one run of capitals are cut back into the names they hold', () => {
    const found = discoverEntities(
      'The bill was signed by Gov. Dana ValdrupDana Marie ValdrupNorth Dakota governor at noon. Later, critics said Valdrup signed it too fast, and Valdrup did not reply.',
    );
    expect(found.some((entity) => entity.name.includes('ValdrupDana'))).toBe(false);
    expect(named(found, 'Dana Valdrup')?.kind).toBe<EntityKind>('person');
    expect(named(found, 'North Dakota')?.kind).toBe<EntityKind>('place');
  });

  it('a full name with a middle name is the same person as the name without it', () => {
    const found = discoverEntities(
      'The actor Dana Marie Valdrup, known as Dana Valdrup, spoke first, and Valdrup said the film was done.',
    );
    const entity = named(found, 'Dana Valdrup');
    expect(entity?.aliases).toContain('Dana Marie Valdrup');
    expect(found.filter((e) => e.kind === 'person')).toHaveLength(1);
  });
});
