import { describe, expect, it } from 'vitest';
import { FACTBASE_FORMAT, type Entity, type FactBase } from '@/src/facts/schema';
import { compileMatcher, instantiateMatcher, planMatcher } from '@/src/match/matcher';
import { buildMatcherPayload, encodeMatcherPlan, MatcherPayloadSchema, MatcherPlanSchema } from '@/src/match/payload';

function entity(id: string, fields: Partial<Entity>): Entity {
  return { id, name: id, kind: 'company', aliases: [], storyIds: [], figureIds: [], ...fields };
}

const factBase: FactBase = {
  format: FACTBASE_FORMAT,
  entities: [
    entity('tiktok', { aliases: ['TikTok', 'Tik Tok'] }),
    entity('openai', {
      aliases: ['OpenAI', 'Open AI'],
      aliasRules: [
        { text: 'OpenAI', case: 'insensitive' },
        { text: 'GPT maker', case: 'exact' },
      ],
    }),
    entity('doe', { aliases: ['DOE', 'Department of Energy', '', '  ', 'DOE'] }),
    entity('credo', { aliases: ['Credo'], contextWords: [' chip ', 'cable', 'chip', ''] }),
    entity('azure', { aliases: ['Azure'], contextWords: [] }),
  ],
  stories: [],
  figures: [],
};

describe('buildMatcherPayload', () => {
  const payload = buildMatcherPayload(factBase);

  it('lists entity ids in fact-base order', () => {
    expect(payload.entities).toEqual(['tiktok', 'openai', 'doe', 'credo', 'azure']);
  });

  it('takes every alias with the case its rule gives, else exact, and skips blanks and repeats', () => {
    expect(payload.aliases).toEqual([
      ['TikTok', 0, 0],
      ['Tik Tok', 0, 0],
      ['OpenAI', 1, 1],
      ['Open AI', 1, 0],
      ['GPT maker', 1, 0],
      ['DOE', 2, 0],
      ['Department of Energy', 2, 0],
      ['Credo', 3, 0],
      ['Azure', 4, 0],
    ]);
  });

  it('keeps trimmed, distinct context words of the entities that have some', () => {
    expect(payload.context).toEqual({ '3': ['chip', 'cable'] });
  });

  it('survives JSON and parses with its schema', () => {
    const received = MatcherPayloadSchema.parse(JSON.parse(JSON.stringify(payload)));
    expect(received).toEqual(payload);
    const matcher = compileMatcher(received);
    expect(matcher.findMentions('OPENAI and Tik Tok').map((mention) => mention.entityId)).toEqual(['openai', 'tiktok']);
    expect(matcher.findMentions('the doe').map((mention) => mention.entityId)).toEqual([]);
  });
});

describe('MatcherPayloadSchema', () => {
  const valid = { v: 1, entities: ['a'], aliases: [['A', 0, 0]], context: { '0': ['word'] } };

  it('accepts a valid payload', () => {
    expect(MatcherPayloadSchema.safeParse(valid).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['another version', { ...valid, v: 2 }],
    ['an alias pointing past the entities', { ...valid, aliases: [['A', 1, 0]] }],
    ['a negative entity index', { ...valid, aliases: [['A', -1, 0]] }],
    ['a fractional entity index', { ...valid, aliases: [['A', 0.5, 0]] }],
    ['an unknown case flag', { ...valid, aliases: [['A', 0, 2]] }],
    ['context for an entity that does not exist', { ...valid, context: { '3': ['word'] } }],
    ['a context key that is not an index', { ...valid, context: { a: ['word'] } }],
    ['a missing field', { v: 1, entities: [], aliases: [] }],
  ])('rejects %s', (_case, payload) => {
    expect(MatcherPayloadSchema.safeParse(payload).success).toBe(false);
  });
});

describe('partial and shared aliases', () => {
  const grown: FactBase = {
    format: FACTBASE_FORMAT,
    entities: [
      entity('bill-gates', { kind: 'person', name: 'Bill Gates', aliases: ['Bill Gates', 'Gates'] }),
      entity('microsoft', { aliases: ['Microsoft', 'Microsoft Corporation'] }),
      entity('robert-gates', { kind: 'person', name: 'Robert Gates', aliases: ['Robert Gates', 'Gates'] }),
    ],
    stories: [],
    figures: [],
  };

  it("marks a person's surname as partial, not a company's short name", () => {
    const payload = buildMatcherPayload(grown);
    expect(payload.partial?.map((index) => payload.aliases[index])).toEqual([
      ['Gates', 0, 0],
      ['Gates', 2, 0],
    ]);
  });

  it('offers every entity of a shared alias, through the plan as it travels', () => {
    const plan = MatcherPlanSchema.parse(
      JSON.parse(JSON.stringify(encodeMatcherPlan(planMatcher(buildMatcherPayload(grown))))),
    );
    const matcher = instantiateMatcher(plan);
    expect(matcher.findCandidates('Gates and Microsoft').map((candidate) => candidate.senses)).toEqual([
      [
        { entityId: 'bill-gates', kind: 'person', partial: true, needsContext: false },
        { entityId: 'robert-gates', kind: 'person', partial: true, needsContext: false },
      ],
      [{ entityId: 'microsoft', kind: 'thing', partial: false, needsContext: false }],
    ]);
    expect(matcher.findMentions('Gates')).toEqual([{ start: 0, end: 5, entityId: 'bill-gates' }]);
  });

  it('marks an entity’s short forms as partial and as needing its full name, through the plan as it travels', () => {
    const withShortForm: FactBase = {
      ...grown,
      entities: [
        ...grown.entities,
        entity('alden-capital', { name: 'Alden Capital', aliases: ['Alden Capital', 'Alden'], shortForms: ['Alden'] }),
      ],
    };
    const payload = buildMatcherPayload(withShortForm);
    expect(payload.full?.map((index) => payload.aliases[index])).toEqual([['Alden', 3, 0]]);
    const plan = MatcherPlanSchema.parse(JSON.parse(JSON.stringify(encodeMatcherPlan(planMatcher(payload)))));
    expect(
      instantiateMatcher(plan)
        .findCandidates('Alden and Alden Capital')
        .map((c) => c.senses),
    ).toEqual([
      [{ entityId: 'alden-capital', kind: 'thing', partial: true, fullNameOnly: true, needsContext: false }],
      [{ entityId: 'alden-capital', kind: 'thing', partial: false, needsContext: false }],
    ]);
  });
});
