/**
 * Merging the analysis of the user's articles into the fact base the extension serves: the bundled
 * entities as the catalog the articles are built with (so a name the fact base already knows keeps its
 * id), then the built fact base merged in (entities by id, stories and figures appended), then the user's
 * corrections. Pure and deterministic.
 *
 * It never imports the builder (`buildFacts`, with its lexicon and YAML, most of the extension's code by
 * size): the background merges an analysis kept from an earlier start, or one the builder worker sends,
 * without loading any of it (issue 16). `./merge.ts` adds the builder for code that builds in place.
 */
import { FactBase, type AliasRule, type Entity } from '../facts/schema';
import type { Catalog, CatalogEntity, DiscoveryRules } from '../ingest/catalog';
import type { Correction } from './corrections';
import { applyCorrections, discoveryRulesOf, unionDiscoveryRules } from './corrections-apply';
import type { UserArticle } from './schema';

function catalogEntry(entity: Entity): CatalogEntity {
  const aliases: (string | AliasRule)[] = entity.aliasRules ?? entity.aliases;
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    aliases: aliases.length ? aliases : [entity.name],
    ...(entity.description !== undefined && { description: entity.description }),
    ...(entity.contextWords?.length && { contextWords: entity.contextWords }),
    ...(entity.shortForms?.length && { shortForms: entity.shortForms }),
  };
}

/**
 * The catalog the user's articles are built with: every entity of `base`
 * (curated and discovered alike, so each keeps its id and its case and
 * context rules) and the bundled catalog's discovery rules.
 */
export function catalogForUserArticles(base: FactBase, discovery?: DiscoveryRules): Catalog {
  return { entities: base.entities.map(catalogEntry), ...(discovery && { discovery }) };
}

/** The user's articles as a fact base of their own, and any article the pipeline refused. */
export interface UserBuild {
  factBase: FactBase;
  /** Articles left out, one sentence each (`user-x.md:1: …`). */
  problems: string[];
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  return [...new Set([...first, ...second])];
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The merged fact base, and the user stories left out because their id was taken. */
export interface MergeResult {
  factBase: FactBase;
  skippedStories: string[];
}

/**
 * Merge a fact base built from the user's articles into `base`:
 * - an entity both know keeps `base`'s fields and gains the user's stories,
 *   figures, aliases and former ids (names of the user's articles merged into it);
 * - an entity only the user's articles name is added;
 * - stories and figures are appended; a user story whose id `base` already
 *   uses is left out (ids start with `user-`, so only a bundled article of that
 *   name could clash).
 * The result is validated with the fact base schema.
 */
export function mergeFactBases(base: FactBase, user: FactBase): MergeResult {
  const baseStoryIds = new Set(base.stories.map((story) => story.id));
  const skippedStories = user.stories.filter((story) => baseStoryIds.has(story.id)).map((story) => story.id);
  const skipped = new Set(skippedStories);
  const stories = user.stories.filter((story) => !skipped.has(story.id));
  const figures = user.figures.filter((figure) => !skipped.has(figure.storyId));
  const keepStory = (id: string) => !skipped.has(id);
  const figureIds = new Set(figures.map((figure) => figure.id));

  const entities = new Map(base.entities.map((entity) => [entity.id, entity]));
  for (const entity of user.entities) {
    const storyIds = entity.storyIds.filter(keepStory);
    const entityFigureIds = entity.figureIds.filter((id) => figureIds.has(id));
    const known = entities.get(entity.id);
    if (known) {
      if (storyIds.length === 0) continue;
      const aliases = union(known.aliases, entity.aliases);
      const added = aliases.filter((alias) => !known.aliases.includes(alias));
      const formerIds = union(known.formerIds ?? [], entity.formerIds ?? []).sort();
      // An alias the user's articles add keeps their word on it; one the fact base had keeps its own.
      const shortForms = union(
        known.shortForms ?? [],
        (entity.shortForms ?? []).filter((form) => added.includes(form)),
      );
      entities.set(entity.id, {
        ...known,
        aliases,
        ...(formerIds.length > 0 && { formerIds }),
        ...(shortForms.length > 0 && { shortForms }),
        ...(known.aliasRules && {
          aliasRules: [...known.aliasRules, ...added.map((text): AliasRule => ({ text, case: 'exact' }))],
        }),
        storyIds: union(known.storyIds, storyIds),
        figureIds: union(known.figureIds, entityFigureIds),
      });
    } else if (storyIds.length > 0) {
      entities.set(entity.id, { ...entity, storyIds, figureIds: entityFigureIds });
    }
  }

  const factBase = FactBase.parse({
    format: base.format,
    entities: [...entities.values()].sort(byId),
    stories: [...base.stories, ...stories].sort(byId),
    figures: [...base.figures, ...figures],
  });
  return { factBase, skippedStories };
}

/** Everything the background needs to serve the user's articles. */
export interface UserMerge extends MergeResult {
  /** Articles the pipeline refused, one sentence each. */
  problems: string[];
}

/** How the user's articles become a fact base: the core, or the background's kept build in front of it. */
export type UserBuilder = (articles: readonly UserArticle[], catalog: Catalog) => UserBuild;

/** What the user's articles are built with, given their corrections: see {@link userBuildInput}. */
export interface UserBuildInput {
  /** The catalog to build the user's articles with. */
  catalog: Catalog;
  /** The ids of `base`'s entities: corrections of these apply after the merge. */
  bundledIds: ReadonlySet<string>;
}

/**
 * The catalog the user's articles are built with: `base`'s entities, and the bundled discovery rules with
 * the user's corrections of entities discovered in their articles added (see `corrections-apply.ts`).
 */
export function userBuildInput(
  base: FactBase,
  discovery: DiscoveryRules | undefined,
  corrections: readonly Correction[],
): UserBuildInput {
  const bundledIds = new Set(base.entities.map((entity) => entity.id));
  const rules = corrections.length
    ? unionDiscoveryRules(discovery, discoveryRulesOf(corrections, bundledIds))
    : discovery;
  return { catalog: catalogForUserArticles(base, rules), bundledIds };
}

/**
 * Merge the user's built articles (null when there are none) into `base`, then apply the user's
 * corrections: those of bundled entities apply even with no article.
 */
export function mergeUserBuild(
  base: FactBase,
  built: UserBuild | null,
  corrections: readonly Correction[],
  bundledIds: ReadonlySet<string>,
): UserMerge {
  const merged: UserMerge = built
    ? { ...mergeFactBases(base, built.factBase), problems: built.problems }
    : { factBase: base, skippedStories: [], problems: [] };
  if (corrections.length === 0) return merged;
  return { ...merged, factBase: applyCorrections(merged.factBase, corrections, bundledIds) };
}
