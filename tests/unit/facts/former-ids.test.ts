/**
 * Ids that move (issue 11): the builder joining one name into another, or the user renaming or merging an
 * entity, gives the entity that stays the ids of the names that gave way, and what the user keeps under one
 * of those ids (a mute) applies to it, through the fact base the extension builds from the user's articles
 * and the matcher plan its content scripts get.
 */
import { describe, expect, it } from 'vitest';
import { currentId, successorsOf } from '@/src/facts/former-ids';
import type { FactBase } from '@/src/facts/schema';
import { instantiateMatcher, planMatcher } from '@/src/match/matcher';
import { buildMatcherPayload, encodeMatcherPlan } from '@/src/match/payload';
import { decodeMatcherPlan } from '@/src/match/plan-decode';
import { addCorrection, type Correction, type CorrectionRequest } from '@/src/user-articles/corrections';
import { mergeUserArticles } from '@/src/user-articles/merge';
import type { UserArticle } from '@/src/user-articles/schema';
import { bundled, catalog } from '../user-articles/fixtures';

const article = (id: string, title: string, body: string): UserArticle => ({
  id: `user-${id}`,
  title,
  date: '2025-10-20',
  body,
  addedAt: '2025-10-20T09:00:00.000Z',
});

const TALKS = article(
  'talks',
  'Trade talks resume',
  'Officials from the U.S. and Canada resumed trade talks on Monday. The U.S. wants lower tariffs on steel.',
);
const STEEL = article(
  'steel',
  'Steel prices rise',
  'Steel prices rose in the United States and in Canada last week. Buyers in the United States paid 5% more, ' +
    'said the United States government.',
);
const VOTE = article(
  'vote',
  'Terminal vote',
  'The harbour council backed a new terminal on Monday. Kessler said the vote was close. Kessler thanked the ' +
    'members, and Mr. Kessler left.',
);
const WADE = article(
  'wade',
  'Chair re-elected',
  'Council chair Wade Kessler was re-elected on Monday. Wade Kessler won 62% of the vote.',
);
const JUSTIN = article(
  'justin',
  'Engineer named',
  'Marlow Tech named Justin Kessler its chief engineer on Tuesday. Justin Kessler starts in May.',
);

function merged(articles: UserArticle[], corrections: CorrectionRequest[] = []): FactBase {
  const stamped = corrections.reduce<Correction[]>(
    (list, request) => addCorrection(list, request, Date.parse('2025-11-01T10:00:00Z')),
    [],
  );
  return mergeUserArticles(bundled, articles, catalog.discovery, stamped).factBase;
}

/** The muted ids as a content script applies them: through the matcher plan the background sends it. */
function mutedOnPage(factBase: FactBase, muted: string[]): string[] {
  const sent = JSON.parse(JSON.stringify(encodeMatcherPlan(planMatcher(buildMatcherPayload(factBase))))) as unknown;
  return [...instantiateMatcher(decodeMatcherPlan(sent)).withSuccessors(new Set(muted))].sort();
}

const ids = (factBase: FactBase) => factBase.entities.map((entity) => entity.id);
const entity = (factBase: FactBase, id: string) => factBase.entities.find((candidate) => candidate.id === id);

describe('successorsOf', () => {
  it.each([
    { rule: 'no former ids: nothing moved', entities: [{ id: 'a' }, { id: 'b' }], expected: [] },
    {
      rule: 'a former id goes to the entity that has it',
      entities: [{ id: 'united-states', formerIds: ['u-s', 'us'] }],
      expected: [
        ['u-s', 'united-states'],
        ['us', 'united-states'],
      ],
    },
    {
      rule: 'an id an entity has itself stays that entity’s',
      entities: [{ id: 'kessler' }, { id: 'wade-kessler', formerIds: ['kessler'] }],
      expected: [],
    },
    {
      rule: 'an id two entities claim goes to the first',
      entities: [
        { id: 'a', formerIds: ['old'] },
        { id: 'b', formerIds: ['old'] },
      ],
      expected: [['old', 'a']],
    },
  ])('$rule', ({ entities, expected }) => {
    const successors = successorsOf(entities);
    expect([...successors]).toEqual(expected);
    for (const [former, now] of expected) expect(currentId(successors, former!)).toBe(now);
    expect(currentId(successors, 'elsewhere')).toBe('elsewhere');
  });
});

describe('a mute kept under an id that moved', () => {
  it('follows "U.S." once another article names the United States and the builder joins the two', () => {
    const before = merged([TALKS]);
    expect(ids(before)).toContain('u-s');
    const after = merged([TALKS, STEEL]);
    expect(ids(after)).not.toContain('u-s');
    expect(entity(after, 'united-states')).toMatchObject({ aliases: ['United States', 'U.S.'], formerIds: ['u-s'] });
    expect(mutedOnPage(after, ['u-s'])).toEqual(['u-s', 'united-states']);
    expect(mutedOnPage(after, ['canada'])).toEqual(['canada']);
  });

  it('follows a surname into the person an article then names in full, and stays with it when the join is undone', () => {
    expect(ids(merged([VOTE]))).toContain('kessler');
    const joined = merged([VOTE, WADE]);
    expect(ids(joined)).not.toContain('kessler');
    expect(entity(joined, 'wade-kessler')?.formerIds).toEqual(['kessler']);
    expect(mutedOnPage(joined, ['kessler'])).toEqual(['kessler', 'wade-kessler']);
    // A second Kessler: the surname joins neither and is an entity again, its mute its own.
    const apart = merged([VOTE, WADE, JUSTIN]);
    expect(ids(apart)).toEqual(expect.arrayContaining(['kessler', 'wade-kessler', 'justin-kessler']));
    expect(entity(apart, 'wade-kessler')?.formerIds).toBeUndefined();
    expect(mutedOnPage(apart, ['kessler'])).toEqual(['kessler']);
  });

  it('follows an entity the user renamed, or merged into another', () => {
    const renamed = merged(
      [TALKS],
      [{ type: 'entity/rename', entity: { id: 'canada', name: 'Canada' }, name: 'Dominion of Canada' }],
    );
    expect(entity(renamed, 'dominion-of-canada')?.formerIds).toEqual(['canada']);
    expect(mutedOnPage(renamed, ['canada'])).toEqual(['canada', 'dominion-of-canada']);

    const folded = merged(
      [TALKS, STEEL],
      [
        {
          type: 'entity/merge',
          entity: { id: 'canada', name: 'Canada' },
          into: { id: 'united-states', name: 'United States' },
        },
      ],
    );
    expect(ids(folded)).not.toContain('canada');
    expect(entity(folded, 'united-states')?.formerIds).toEqual(['canada', 'u-s']);
    expect(mutedOnPage(folded, ['canada', 'u-s'])).toEqual(['canada', 'u-s', 'united-states']);
  });

  it('follows an entity the user renamed to the name of a bundled one, which takes it in', () => {
    const onto = merged(
      [TALKS],
      [{ type: 'entity/rename', entity: { id: 'canada', name: 'Canada' }, name: 'Microsoft' }],
    );
    expect(ids(onto)).not.toContain('canada');
    expect(entity(onto, 'microsoft')?.formerIds).toEqual(['canada']);
    expect(mutedOnPage(onto, ['canada'])).toEqual(['canada', 'microsoft']);
  });

  it('merges an entity into the one the target the user chose was since joined into', () => {
    const folded = merged(
      [TALKS, STEEL],
      [{ type: 'entity/merge', entity: { id: 'canada', name: 'Canada' }, into: { id: 'u-s', name: 'U.S.' } }],
    );
    expect(ids(folded)).not.toContain('canada');
    expect(entity(folded, 'united-states')?.aliases).toContain('Canada');
  });

  it('moves a figure the user gave an entity to the one that entity was joined into', () => {
    const figure = merged([TALKS, STEEL]).figures.find((one) => one.text === '5%')!;
    const moved = merged(
      [TALKS, STEEL],
      [
        {
          type: 'figure/move',
          figure: { storyId: figure.storyId, text: figure.text, sentence: figure.sentence },
          to: [{ id: 'u-s', name: 'U.S.' }],
        },
      ],
    );
    expect(moved.figures.find((one) => one.text === '5%')?.entityIds).toEqual(['united-states']);
  });
});
