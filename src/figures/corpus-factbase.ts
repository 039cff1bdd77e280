/**
 * The fact base the figure checks are evaluated against: the bundled one with
 * the facts corpus's tuning articles added as a user's articles would be (its
 * held-out articles stay out: nothing about them is looked at here).
 *
 * Plain data in, a fact base out; the caller reads the files.
 */
import type { FactBase } from '../facts/schema';
import type { DiscoveryRules } from '../ingest/catalog';
import { userArticleOf } from '../ingest/evaluate/corpus';
import { mergeUserArticles } from '../user-articles/merge';

/** A facts corpus article: its name, split and Markdown text. */
export interface FactsArticle {
  name: string;
  split: 'tune' | 'held-out';
  text: string;
}

/** `bundled` with the tuning articles of the facts corpus merged in. */
export function corpusFactBase(
  bundled: FactBase,
  discovery: DiscoveryRules | undefined,
  articles: readonly FactsArticle[],
): FactBase {
  const merged = mergeUserArticles(
    bundled,
    articles.filter((article) => article.split === 'tune').map((article) => userArticleOf(article.name, article.text)),
    discovery,
  );
  if (merged.problems.length) throw new Error(merged.problems.join('\n'));
  return merged.factBase;
}
