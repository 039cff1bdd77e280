/**
 * The facts corpus, evaluated: each article is added as a user's article would be (the bundled fact base
 * as the catalog, the bundled discovery rules), the whole corpus at once, as a user who added them all
 * would have it; then each story is scored against its gold labels. Takes plain data: reading the files is
 * the caller's job (`scripts/eval-facts.ts`, the unit test).
 */
import type { Entity, FactBase } from '../../facts/schema';
import { mergeUserArticles } from '../../user-articles/merge';
import type { UserArticle } from '../../user-articles/schema';
import { parseArticle } from '../articles';
import type { DiscoveryRules } from '../catalog';
import type { CorpusSplit, GoldArticle } from './gold';
import { addScores, scoreArticle, type ArticleScores, type BuiltFigure } from './score';

/** One article of the corpus, as files give it. */
export interface CorpusArticle {
  name: string;
  split: CorpusSplit;
  /** The article file: Markdown with front matter. */
  text: string;
  gold: GoldArticle;
}

/** The scores of each article, and added up over each split and over the whole corpus. */
export interface CorpusScores {
  byArticle: Map<string, ArticleScores>;
  tune: ArticleScores;
  heldOut: ArticleScores;
  all: ArticleScores;
  /** Milliseconds the build took. */
  buildMs: number;
}

/** The user article a corpus file stands for: its story id is `user-<name>`. */
export function userArticleOf(name: string, text: string): UserArticle {
  const parsed = parseArticle({ path: `${name}.md`, text });
  if (!parsed.article) throw new Error(`${name}.md: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const { title, date, source, url, body } = parsed.article;
  return {
    id: `user-${name}`,
    title,
    date,
    ...(source && { source }),
    ...(url && { url }),
    body,
    addedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Build the corpus into `bundled` as the extension would, and score every story. */
export function evaluateCorpus(
  bundled: FactBase,
  discovery: DiscoveryRules | undefined,
  articles: readonly CorpusArticle[],
  now: () => number = () => performance.now(),
): CorpusScores {
  const started = now();
  const merged = mergeUserArticles(
    bundled,
    articles.map((article) => userArticleOf(article.name, article.text)),
    discovery,
  );
  const buildMs = now() - started;
  if (merged.problems.length) throw new Error(merged.problems.join('\n'));
  const factBase = merged.factBase;
  const entities = new Map<string, Entity>(factBase.entities.map((entity) => [entity.id, entity]));
  const byArticle = new Map<string, ArticleScores>();
  for (const article of articles) {
    const story = factBase.stories.find((s) => s.id === `user-${article.name}`);
    if (!story) throw new Error(`${article.name}: no story was built`);
    const figures = factBase.figures.filter((figure) => figure.storyId === story.id) as BuiltFigure[];
    byArticle.set(article.name, scoreArticle({ story, entities, figures }, article.gold));
  }
  const of = (split?: CorpusSplit) =>
    addScores(articles.filter((a) => !split || a.split === split).map((a) => byArticle.get(a.name)!));
  return { byArticle, tune: of('tune'), heldOut: of('held-out'), all: of(), buildMs };
}
