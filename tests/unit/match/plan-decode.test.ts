import { describe, expect, it } from 'vitest';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { planMatcher } from '@/src/match/matcher';
import { buildMatcherPayload, encodeMatcherPlan, MatcherPlanSchema } from '@/src/match/payload';
import { decodeMatcherPlan } from '@/src/match/plan-decode';

/** Plans as the background sends them: the bundled fact base's, and one with many context layers. */
const bundledPlan = encodeMatcherPlan(planMatcher(buildMatcherPayload(loadBundledFactBase())));
const contextPlan = encodeMatcherPlan(
  planMatcher({
    v: 1,
    entities: ['credo', 'azure', 'amazon'],
    aliases: [
      ['Credo', 0, 0],
      ['credo semiconductor', 0, 1],
      ['Azure', 1, 0],
      ['Amazon', 2, 0],
    ],
    context: { '0': ['chip', 'chips', 'cable', 'cables'], '1': ['cloud'], '2': ['Bezos', 'Prime'] },
  }),
);

/** A plan that says where ids moved: "us" and "u-s" now name the United States. */
const successorPlan = encodeMatcherPlan(
  planMatcher({
    v: 1,
    entities: ['canada', 'united-states'],
    aliases: [
      ['Canada', 0, 0],
      ['United States', 1, 0],
      ['U.S.', 1, 0],
    ],
    context: {},
    successors: { us: 1, 'u-s': 1 },
  }),
);

/** A plan with a short form: "Cook" names Tim Cook only beside his full name. */
const shortFormPlan = encodeMatcherPlan(
  planMatcher({
    v: 1,
    entities: ['tim-cook'],
    aliases: [
      ['Tim Cook', 0, 0],
      ['Cook', 0, 0],
    ],
    context: {},
    partial: [1],
    full: [1],
    kinds: 'h',
  }),
);

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
type Plan = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ways a plan can be malformed; each must be refused by both readers. */
const MALFORMED: [string, (plan: Plan) => void][] = [
  ['another version', (plan) => (plan.v = 99)],
  ['entities not a list', (plan) => (plan.entities = 'a,b')],
  ['an entity id not a string', (plan) => (plan.entities[0] = 7)],
  ['an index list with a space', (plan) => (plan.aliasEntities = '0, 1')],
  ['an index list as numbers', (plan) => (plan.aliasEntities = [0, 1])],
  ['a leading zero', (plan) => (plan.aliasEntities = '01')],
  ['an alias entity out of range', (plan) => (plan.aliasEntities = `${plan.entities.length}`)],
  ['a partial alias out of range', (plan) => (plan.partialAliases = '999999')],
  ['a short form out of range', (plan) => (plan.fullNameAliases = '999999')],
  ['short forms as numbers', (plan) => (plan.fullNameAliases = [0])],
  ['shared aliases with a bad separator', (plan) => (plan.sharedAliases = '0|1')],
  ['a shared alias out of range', (plan) => (plan.sharedAliases = '0,999999')],
  ['an unknown kind letter', (plan) => (plan.kinds = 'x')],
  ['a figured digit other than 0 and 1', (plan) => (plan.figured = '2'.repeat(plan.entities.length))],
  ['figured digits for fewer entities', (plan) => (plan.figured = '1')],
  ['successors as a list', (plan) => (plan.successors = ['us'])],
  ['a successor out of range', (plan) => (plan.successors = { us: plan.entities.length })],
  ['a successor not a whole number', (plan) => (plan.successors = { us: 0.5 })],
  ['a negative start of common forms', (plan) => (plan.commonFormsFrom = -2)],
  ['a key table with more keys than aliases', (plan) => (plan.aliases.exact.keys += '\nextra')],
  ['a key alias out of range', (plan) => (plan.aliases.exact.aliases = '999999')],
  ['a negative size', (plan) => (plan.aliases.size = -1)],
  ['a fractional size', (plan) => (plan.aliases.size = 1.5)],
  ['an expression without a flag', (plan) => (plan.aliases.expressions = [{ source: 'a' }])],
  ['an expression source not a string', (plan) => (plan.aliases.expressions = [{ source: 1, insensitive: true }])],
  ['context missing', (plan) => delete plan.context],
  ['a context entity not a pair', (plan) => (plan.context.entities = [['credo']])],
  ['a context word index list malformed', (plan) => (plan.context.entities = [['credo', 'x']])],
  ['a layer without its set', (plan) => (plan.context.layers = [{ wordIndexes: '' }])],
  ['not an object', (plan) => Object.assign(plan, { v: undefined })],
];

describe('decodeMatcherPlan', () => {
  it.each([
    ['the bundled fact base', bundledPlan],
    ['a plan with context layers', contextPlan],
    ['a plan with successors', successorPlan],
    ['a plan with a short form', shortFormPlan],
  ])('reads %s exactly as the schema does', (_, plan) => {
    expect(decodeMatcherPlan(copy(plan))).toEqual(MatcherPlanSchema.parse(copy(plan)));
  });

  it('is tested on a plan with context layers, and on one that says which entities have figures', () => {
    expect(contextPlan.context.layers.length).toBeGreaterThan(0);
    expect(bundledPlan.figured).toMatch(/^[01]*1[01]*$/);
  });

  it('keeps which aliases are short forms', () => {
    expect(shortFormPlan.fullNameAliases).toBe('1');
    expect(decodeMatcherPlan(copy(shortFormPlan)).fullNameAliases).toEqual([1]);
  });

  it('leaves out fields the plan does not have, as the schema does', () => {
    const extended = { ...copy(contextPlan), keptMark: true };
    expect(decodeMatcherPlan(extended)).toEqual(MatcherPlanSchema.parse(copy(extended)));
  });

  it.each(MALFORMED)('refuses a plan with %s, as the schema does', (_, spoil) => {
    const plan = copy(contextPlan) as Plan;
    spoil(plan);
    expect(() => MatcherPlanSchema.parse(copy(plan))).toThrow();
    expect(() => decodeMatcherPlan(copy(plan))).toThrow(/malformed matcher plan: /);
  });

  it.each([null, 3, 'plan', []])('refuses %j', (value) => {
    expect(() => decodeMatcherPlan(value)).toThrow(/malformed matcher plan: plan is not an object/);
  });
});
