import { describe, expect, it } from 'vitest';
import type { Entity, Story } from '@/src/facts/schema';
import type { GoldArticle, GoldFigure } from '@/src/ingest/evaluate/gold';
import { figureValueErrors, measureHasKey, scoreArticle, type BuiltFigure } from '@/src/ingest/evaluate/score';

const SENTENCE = 'Alibaba is set to raise up to $12.9bn from its listing, Reuters reported.';

function entity(id: string, name: string, kind: Entity['kind'], aliases: string[] = []): Entity {
  return { id, name, kind, aliases: [name, ...aliases], storyIds: ['user-a'], figureIds: [] };
}

function story(entityIds: string[], summary = SENTENCE): Story {
  return {
    id: 'user-a',
    title: 'Alibaba',
    date: null,
    summary,
    body: SENTENCE,
    entityIds,
    figureIds: [],
    mentions: [],
  };
}

function figure(overrides: Partial<BuiltFigure> = {}): BuiltFigure {
  return {
    id: 'user-a#1',
    storyId: 'user-a',
    entityIds: ['alibaba'],
    text: 'up to $12.9bn',
    sentence: SENTENCE,
    unit: 'USD',
    value: 12.9e9,
    qualifier: 'up to',
    ...overrides,
  };
}

const GOLD_FIGURE: GoldFigure = {
  text: 'up to $12.9bn',
  sentence: 'Alibaba is set to raise up to $12.9bn',
  value: 12.9e9,
  unit: 'USD',
  qualifier: 'up to',
  owners: ['Alibaba'],
  measure: 'amount raised by its listing',
  measureKey: ['rais'],
  status: 'expected',
};

const GOLD: GoldArticle = {
  entities: [
    { name: 'Alibaba Group', kind: 'company', aliases: ['Alibaba'] },
    { name: 'Reuters', kind: 'organization', alsoKind: 'company' },
    { name: 'Hong Kong', kind: 'place' },
  ],
  optional: ['Singles Day'],
  figures: [GOLD_FIGURE],
  optionalFigures: ['176'],
  lead: SENTENCE,
};

function score(entities: Entity[], figures: BuiltFigure[], summary?: string) {
  return scoreArticle(
    {
      story: story(
        entities.map((e) => e.id),
        summary,
      ),
      entities: new Map(entities.map((e) => [e.id, e])),
      figures,
    },
    GOLD,
  );
}

describe('scoreArticle', () => {
  it('counts found, wrong, optional and missed entities, and kinds with their accepted second kind', () => {
    const scores = score(
      [
        entity('alibaba', 'Alibaba', 'company'),
        entity('reuters', 'Reuters', 'company'),
        entity('singles-day', 'Singles Day', 'topic'),
        entity('credit', 'CreditJane Roe', 'person'),
      ],
      [],
    );
    expect(scores.entityPrecision).toMatchObject({ right: 2, total: 3 });
    expect(scores.entityPrecision.errors).toEqual(['not an entity: CreditJane Roe (person)']);
    expect(scores.entityRecall).toMatchObject({ right: 2, total: 3, errors: ['missed: Hong Kong (place)'] });
    expect(scores.kinds).toMatchObject({ right: 2, total: 2 });
  });

  it('asks for the forms of one entity to be one built entity, and catches a built entity joining two', () => {
    const apart = score([entity('alibaba', 'Alibaba', 'company'), entity('ag', 'Alibaba Group', 'company')], []);
    expect(apart.merges).toMatchObject({ right: 0, total: 1 });
    const together = score([entity('alibaba', 'Alibaba Group', 'company', ['Alibaba'])], []);
    expect(together.merges).toMatchObject({ right: 1, total: 1 });
    const joined = score([entity('x', 'Alibaba', 'company', ['Reuters'])], []);
    expect(joined.wrongMerges).toMatchObject({
      right: 0,
      total: 1,
      errors: ['Alibaba joins Alibaba Group and Reuters'],
    });
  });

  it('matches figures by sentence and span, leaves optional numbers out, and judges owners', () => {
    const alibaba = entity('alibaba', 'Alibaba', 'company');
    const reuters = entity('reuters', 'Reuters', 'organization');
    const right = score([alibaba, reuters], [figure()]);
    expect(right.figurePrecision).toMatchObject({ right: 1, total: 1 });
    expect(right.figureRecall).toMatchObject({ right: 1, total: 1 });
    expect(right.figureOwners).toMatchObject({ right: 1, total: 1 });

    const everyName = score([alibaba, reuters], [figure({ entityIds: ['alibaba', 'reuters'] })]);
    expect(everyName.figureOwners.right).toBe(0);
    const none = score([alibaba], [figure({ entityIds: [] })]);
    expect(none.figureOwners.right).toBe(0);

    // What a popover would show as a fact: only figures given an owner count, and a wrong one counts against.
    expect(right.figureOwnerPrecision).toMatchObject({ right: 1, total: 1 });
    expect(none.figureOwnerPrecision.total).toBe(0);
    expect(everyName.figureOwnerPrecision).toMatchObject({ right: 0, total: 1 });

    const optional = score([alibaba], [figure({ text: '176', sentence: 'Shares were priced at 176.' })]);
    expect(optional.figurePrecision.total).toBe(0);
    expect(optional.figureRecall).toMatchObject({ right: 0, total: 1 });
  });

  it('reads measure and status when the builder gives them', () => {
    const alibaba = entity('alibaba', 'Alibaba', 'company');
    const labelled = score([alibaba], [figure({ measure: 'amount Alibaba raises', status: 'expected' })]);
    expect(labelled.figureMeasures.right).toBe(1);
    expect(labelled.figureStatus.right).toBe(1);
    const bare = score([alibaba], [figure()]);
    expect(bare.figureMeasures.right).toBe(0);
  });

  it('takes a summary that starts with the lead, and not one that starts with a caption', () => {
    expect(score([], []).summary.right).toBe(1);
    expect(score([], [], `Photo: Jane Roe. ${SENTENCE}`).summary.right).toBe(0);
  });
});

describe('figureValueErrors', () => {
  it.each([
    [{}, []],
    [{ value: 12.8e9 }, ['value 12800000000, not 12900000000']],
    [{ unit: 'percent' }, ['unit percent, not USD']],
    [{ qualifier: undefined }, ['qualifier none, not up to']],
    [{ per: 'month' as const }, ['per month, not none']],
    [{ period: 'in 2013' }, ['period in 2013, not none']],
  ])('%o → %o', (overrides, errors) => {
    expect(figureValueErrors(figure(overrides), GOLD_FIGURE)).toEqual(errors);
  });

  it('takes a period that holds the gold period’s words', () => {
    const gold = { ...GOLD_FIGURE, period: 'in 2013' };
    expect(figureValueErrors(figure({ period: '2013' }), gold)).toEqual([]);
    expect(figureValueErrors(figure({ period: 'in 2014' }), gold)).toEqual(['period in 2014, not in 2013']);
  });
});

describe('measureHasKey', () => {
  it.each([
    ['Azure revenue growth', ['revenue', 'growth'], true],
    ['monthly payments to Microsoft', ['payment'], true],
    ['share of cloud revenue', ['employee'], false],
    [undefined, ['revenue'], false],
  ])('%s has %o: %s', (measure, key, expected) => {
    expect(measureHasKey(measure, key)).toBe(expected);
  });
});
