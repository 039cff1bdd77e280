/**
 * Reading the matcher's plan as the background sends it (`encodeMatcherPlan`), by hand instead of with
 * `MatcherPlanSchema`. Every frame with text reads it once; the plan comes from Factlens's own background
 * (a page can not answer `runtime.sendMessage`), so what is checked is its shape, not a hostile input, and
 * zod's generic walk cost each frame more than building the matcher (issue 16: the per-frame fixed cost).
 * It accepts exactly what the schema accepts and returns the same plan (tests/unit/match/plan-decode.test.ts
 * holds the two together); anything else throws, naming where.
 */
import type { AliasSetPlan, KeyTable } from './alias-set';
import { MATCHER_PLAN_VERSION, type MatcherPlan } from './plan';

const INDEX_LIST = /^(?:(?:0|[1-9][0-9]*)(?:,(?:0|[1-9][0-9]*))*)?$/;
const GROUP_LIST = /^(?:(?:0|[1-9][0-9]*)(?:[,;](?:0|[1-9][0-9]*))*)?$/;
const KINDS = /^[hlt]*$/;

function fail(path: string, expected: string): never {
  throw new Error(`malformed matcher plan: ${path} is not ${expected}`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string');
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'a list');
  return value;
}

function indexes(value: unknown, path: string): number[] {
  const joined = text(value, path);
  if (!INDEX_LIST.test(joined)) fail(path, 'integers joined with ","');
  return joined === '' ? [] : joined.split(',').map(Number);
}

function groups(value: unknown, path: string): number[][] {
  const joined = text(value, path);
  if (!GROUP_LIST.test(joined)) fail(path, 'integers joined with "," and ";"');
  return joined === '' ? [] : joined.split(';').map((group) => group.split(',').map(Number));
}

function wholeNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(path, 'a whole number');
  return value;
}

function keyTable(value: unknown, path: string): KeyTable {
  const table = record(value, path);
  const keys = text(table.keys, `${path}.keys`);
  const aliases = indexes(table.aliases, `${path}.aliases`);
  if ((keys === '' ? 0 : keys.split('\n').length) !== aliases.length) fail(path, 'a key table with one alias per key');
  return { keys, aliases };
}

function aliasSet(value: unknown, path: string): AliasSetPlan {
  const set = record(value, path);
  return {
    size: wholeNumber(set.size, `${path}.size`),
    exact: keyTable(set.exact, `${path}.exact`),
    insensitive: keyTable(set.insensitive, `${path}.insensitive`),
    expressions: list(set.expressions, `${path}.expressions`).map((entry, at) => {
      const expression = record(entry, `${path}.expressions[${at}]`);
      if (typeof expression.insensitive !== 'boolean') fail(`${path}.expressions[${at}].insensitive`, 'a boolean');
      return {
        source: text(expression.source, `${path}.expressions[${at}].source`),
        insensitive: expression.insensitive,
      };
    }),
  };
}

const below = (list: readonly number[], limit: number) => list.every((index) => index < limit);

/** The plan `value` holds; throws when it is not one. */
export function decodeMatcherPlan(value: unknown): MatcherPlan {
  const plan = record(value, 'plan');
  if (plan.v !== MATCHER_PLAN_VERSION) fail('plan.v', `version ${MATCHER_PLAN_VERSION}`);
  const entities = list(plan.entities, 'plan.entities').map((entity, at) => text(entity, `plan.entities[${at}]`));
  const aliasEntities = indexes(plan.aliasEntities, 'plan.aliasEntities');
  const partialAliases = indexes(plan.partialAliases, 'plan.partialAliases');
  const fullNameAliases =
    plan.fullNameAliases === undefined ? undefined : indexes(plan.fullNameAliases, 'plan.fullNameAliases');
  const sharedAliases = groups(plan.sharedAliases, 'plan.sharedAliases');
  const kinds = text(plan.kinds, 'plan.kinds');
  if (!KINDS.test(kinds)) fail('plan.kinds', 'letters h, l and t');
  const figured = plan.figured === undefined ? undefined : text(plan.figured, 'plan.figured');
  if (figured !== undefined && !/^[01]*$/.test(figured)) fail('plan.figured', 'digits 0 and 1');
  const successors =
    plan.successors === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(record(plan.successors, 'plan.successors')).map(([former, entity]) => [
            former,
            wholeNumber(entity, `plan.successors.${former}`),
          ]),
        );
  const commonFormsFrom = wholeNumber(plan.commonFormsFrom, 'plan.commonFormsFrom');
  const aliases = aliasSet(plan.aliases, 'plan.aliases');
  const context = record(plan.context, 'plan.context');
  const decoded: MatcherPlan = {
    v: MATCHER_PLAN_VERSION,
    entities,
    aliasEntities,
    partialAliases,
    ...(fullNameAliases === undefined ? {} : { fullNameAliases }),
    sharedAliases,
    kinds,
    ...(figured === undefined ? {} : { figured }),
    ...(successors === undefined ? {} : { successors }),
    commonFormsFrom,
    aliases,
    context: {
      entities: list(context.entities, 'plan.context.entities').map((entry, at) => {
        const pair = list(entry, `plan.context.entities[${at}]`);
        if (pair.length !== 2) fail(`plan.context.entities[${at}]`, 'a pair');
        return [text(pair[0], `plan.context.entities[${at}][0]`), indexes(pair[1], `plan.context.entities[${at}][1]`)];
      }),
      layers: list(context.layers, 'plan.context.layers').map((entry, at) => {
        const layer = record(entry, `plan.context.layers[${at}]`);
        return {
          set: aliasSet(layer.set, `plan.context.layers[${at}].set`),
          wordIndexes: indexes(layer.wordIndexes, `plan.context.layers[${at}].wordIndexes`),
        };
      }),
    },
  };
  const inRange =
    below(aliasEntities, entities.length) &&
    [partialAliases, fullNameAliases ?? [], ...sharedAliases].every((group) => below(group, aliasEntities.length)) &&
    [aliases.exact, aliases.insensitive].every((table) => below(table.aliases, aliasEntities.length)) &&
    decoded.context.layers.every(({ set, wordIndexes }) =>
      [set.exact, set.insensitive].every((table) => below(table.aliases, wordIndexes.length)),
    );
  if (!inRange) fail('plan', 'a plan whose every alias and word refers to an index inside its list');
  if (figured !== undefined && figured.length !== entities.length) fail('plan.figured', 'a digit per entity');
  if (successors !== undefined && !below(Object.values(successors), entities.length))
    fail('plan.successors', 'ids each with the index of an entity');
  return decoded;
}
