/**
 * The user's articles → the fact base the extension serves, built in place: the builder (`buildFacts`)
 * in front of the merge in `./merge-built.ts`. The builder worker (`entrypoints/builder-worker.ts`), the
 * command-line tools and tests use this; the background never imports it, so its start loads no builder
 * (issue 16).
 */
import type { FactBase } from '../facts/schema';
import type { Article } from '../ingest/articles';
import { buildFacts } from '../ingest/build';
import type { Catalog, DiscoveryRules } from '../ingest/catalog';
import { formatProblem } from '../ingest/errors';
import type { Correction } from './corrections';
import { mergeUserBuild, userBuildInput, type UserBuild, type UserBuilder, type UserMerge } from './merge-built';
import type { UserArticle } from './schema';

export {
  catalogForUserArticles,
  mergeFactBases,
  type UserBuild,
  type UserBuilder,
  type UserMerge,
} from './merge-built';

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

/**
 * Build a fact base from the user's articles alone. An article the core leaves out (no text, binary data)
 * is reported, so one bad article never hides the others.
 */
export function buildUserFactBase(articles: readonly UserArticle[], catalog: Catalog): UserBuild {
  const plain = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)).map(plainArticle);
  const built = buildFacts({ articles: plain, catalog });
  return { factBase: built.factBase, problems: built.warnings.filter((warning) => warning.leftOut).map(formatProblem) };
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
  const input = userBuildInput(base, discovery, corrections);
  const built = articles.length ? build(articles, input.catalog) : null;
  return mergeUserBuild(base, built, corrections, input.bundledIds);
}
