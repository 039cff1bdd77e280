/**
 * The user's articles → the fact base the extension serves. Their articles go
 * through the same build pipeline as the bundled ones, with the bundled
 * entities as the catalog, so a name the fact base already knows keeps its
 * id; the result is merged into the bundled fact base: entities by id, stories
 * and figures appended. Pure and deterministic.
 */
import { FactBase, type AliasRule, type Entity } from '../facts/schema';
import type { ArticleSource } from '../ingest/articles';
import { buildFactBase } from '../ingest/build';
import type { Catalog, CatalogEntity, DiscoveryRules } from '../ingest/catalog';
import { IngestError, formatProblem } from '../ingest/errors';
import type { Correction } from './corrections';
import { applyCorrections, discoveryRulesOf, unionDiscoveryRules } from './corrections-apply';
import type { UserArticle } from './schema';

/**
 * The article as the pipeline reads it: a Markdown file with front matter,
 * named after the article's id (the pipeline takes the story id from the
 * file name). JSON strings are valid YAML double-quoted scalars, so
 * `JSON.stringify` quotes any title safely.
 */
export function articleSource(article: UserArticle): ArticleSource {
  const lines = ['---', `title: ${JSON.stringify(article.title)}`];
  if (article.date) lines.push(`date: ${JSON.stringify(article.date)}`);
  if (article.source) lines.push(`source: ${JSON.stringify(article.source)}`);
  if (article.url) lines.push(`url: ${JSON.stringify(article.url)}`);
  lines.push('---', '', article.body, '');
  return { path: `${article.id}.md`, text: lines.join('\n') };
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
 * Build a fact base from the user's articles alone. An article the pipeline
 * refuses is left out and reported, so one bad article never hides the others.
 */
export function buildUserFactBase(articles: readonly UserArticle[], catalog: Catalog): UserBuild {
  let sources = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)).map(articleSource);
  const problems: string[] = [];
  for (;;) {
    try {
      const built = buildFactBase({ articles: sources, catalog });
      const leftOut = built.warnings.filter((warning) => warning.leftOut).map(formatProblem);
      return { factBase: built.factBase, problems: [...problems, ...leftOut] };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      const refused = new Set(error.problems.map((problem) => problem.file));
      problems.push(...error.problems.map(formatProblem));
      const remaining = sources.filter((source) => !refused.has(source.path));
      // A problem that names no article of ours would repeat forever; give up on all of them.
      if (remaining.length === sources.length) return { factBase: emptyFactBase(catalog), problems };
      sources = remaining;
    }
  }
}

function emptyFactBase(catalog: Catalog): FactBase {
  return buildFactBase({ articles: [], catalog, discover: false }).factBase;
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

function mergeBuilt(base: FactBase, articles: readonly UserArticle[], rules?: DiscoveryRules): UserMerge {
  if (articles.length === 0) return { factBase: base, skippedStories: [], problems: [] };
  const built = buildUserFactBase(articles, catalogForUserArticles(base, rules));
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
): UserMerge {
  const bundledIds = new Set(base.entities.map((entity) => entity.id));
  const rules = corrections.length
    ? unionDiscoveryRules(discovery, discoveryRulesOf(corrections, bundledIds))
    : discovery;
  const merged = mergeBuilt(base, articles, rules);
  if (corrections.length === 0) return merged;
  return { ...merged, factBase: applyCorrections(merged.factBase, corrections, bundledIds) };
}
