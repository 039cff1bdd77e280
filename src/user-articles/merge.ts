/**
 * The user's articles → the fact base the extension serves. Their articles go
 * through the same build pipeline as the bundled ones, with the bundled
 * entities as the catalog, so a name the fact base already knows keeps its
 * id; the result is merged into the bundled fact base: entities by id, stories
 * and figures appended. Pure and deterministic.
 */
import { FactBase, type AliasRule, type Entity } from '../facts/schema';
import type { Article } from '../ingest/articles';
import { buildFacts } from '../ingest/build';
import type { Catalog, CatalogEntity, DiscoveryRules } from '../ingest/catalog';
import { formatProblem } from '../ingest/errors';
import type { Correction } from './corrections';
import { applyCorrections, discoveryRulesOf, unionDiscoveryRules } from './corrections-apply';
import type { UserArticle } from './schema';

/**
 * The article as the core reads it: plain data, as stored. (It used to be written out as Markdown with
 * front matter only to be parsed back; the core takes articles as they are now.) Its `path` names it in
 * warnings, `user-x.md` as before, so messages keep their shape.
 */
export function plainArticle(article: UserArticle): Article {
  return {
    id: article.id,
    path: `${article.id}.md`,
    title: article.title,
    date: article.date,
    ...(article.source !== undefined && { source: article.source }),
    ...(article.url !== undefined && { url: article.url }),
    body: article.body,
  };
}

function catalogEntry(entity: Entity): CatalogEntity {
  const aliases: (string | AliasRule)[] = entity.aliasRules ?? entity.aliases;
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    aliases: aliases.length ? aliases : [entity.name],
    ...(entity.description !== undefined && { description: entity.description }),
    ...(entity.contextWords?.length && { contextWords: entity.contextWords }),
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

/**
 * Build a fact base from the user's articles alone. An article the core leaves out (no text, binary data)
 * is reported, so one bad article never hides the others.
 */
export function buildUserFactBase(articles: readonly UserArticle[], catalog: Catalog): UserBuild {
  const plain = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)).map(plainArticle);
  const built = buildFacts({ articles: plain, catalog });
  return { factBase: built.factBase, problems: built.warnings.filter((warning) => warning.leftOut).map(formatProblem) };
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
 *   figures and aliases;
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
      entities.set(entity.id, {
        ...known,
        aliases,
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

function mergeBuilt(
  base: FactBase,
  articles: readonly UserArticle[],
  rules: DiscoveryRules | undefined,
  build: UserBuilder,
): UserMerge {
  if (articles.length === 0) return { factBase: base, skippedStories: [], problems: [] };
  const built = build(articles, catalogForUserArticles(base, rules));
  return { ...mergeFactBases(base, built.factBase), problems: built.problems };
}

/**
 * Build the user's articles with `base`'s entities and merge them into `base`,
 * then apply the user's corrections: those of entities discovered in their
 * articles as discovery rules beside the catalog's `discovery`, the rest as a
 * pass over the merged fact base (see `corrections-apply.ts`). Corrections of
 * bundled entities apply even with no article.
 */
export function mergeUserArticles(
  base: FactBase,
  articles: readonly UserArticle[],
  discovery?: DiscoveryRules,
  corrections: readonly Correction[] = [],
  build: UserBuilder = buildUserFactBase,
): UserMerge {
  const bundledIds = new Set(base.entities.map((entity) => entity.id));
  const rules = corrections.length
    ? unionDiscoveryRules(discovery, discoveryRulesOf(corrections, bundledIds))
    : discovery;
  const merged = mergeBuilt(base, articles, rules, build);
  if (corrections.length === 0) return merged;
  return { ...merged, factBase: applyCorrections(merged.factBase, corrections, bundledIds) };
}
