/**
 * Reading the facts corpus from its folder and checking scores against floors, shared by
 * `scripts/eval-facts.ts` and the unit test that holds the floors in CI. File access is passed in.
 */
import { CorpusIndex, GoldArticle } from './gold';
import type { CorpusArticle } from './corpus';
import type { ArticleScores, Dimension, Tally } from './score';

/** What each dimension is called in reports, in the order they are printed. */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  entityPrecision: 'entities: precision',
  entityRecall: 'entities: recall',
  kinds: 'kinds right',
  merges: 'same-entity forms kept as one',
  wrongMerges: 'built entities joining no two',
  figurePrecision: 'figures: precision',
  figureRecall: 'figures: recall',
  figureValues: 'figure value/unit/rate/period/qualifier',
  figureOwners: 'figure owners',
  figureOwnerPrecision: 'owners given that are right',
  figureMeasures: 'figure measures',
  figureStatus: 'figure status',
  summary: 'summaries that are the lead',
};

/** A tally as a percentage with one decimal ("–" when nothing was judged). */
export function percent(t: Tally): string {
  return t.total ? `${((100 * t.right) / t.total).toFixed(1)}%` : '–';
}

/** A zod error as "field: message" lines. */
function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/**
 * The corpus's labelled articles, in name order, and the names of those with no gold file yet.
 * Throws naming the file and field when `corpus.json` or a gold file is malformed.
 */
export function loadCorpus(
  dir: string,
  readText: (path: string) => string,
  exists: (path: string) => boolean,
): { articles: CorpusArticle[]; unlabelled: string[] } {
  const indexPath = `${dir}/corpus.json`;
  const index = CorpusIndex.safeParse(JSON.parse(readText(indexPath)));
  if (!index.success) throw new Error(`${indexPath}: ${issuesOf(index.error)}`);
  const articles: CorpusArticle[] = [];
  const unlabelled: string[] = [];
  for (const [name, { split }] of Object.entries(index.data.articles).sort(([a], [b]) => a.localeCompare(b))) {
    const goldPath = `${dir}/gold/${name}.json`;
    if (!exists(goldPath)) {
      unlabelled.push(name);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(readText(goldPath));
    } catch (error) {
      throw new Error(`${goldPath}: not JSON: ${(error as Error).message}`);
    }
    const gold = GoldArticle.safeParse(json);
    if (!gold.success) throw new Error(`${goldPath}: ${issuesOf(gold.error)}`);
    articles.push({ name, split, text: readText(`${dir}/articles/${name}.md`), gold: gold.data });
  }
  return { articles, unlabelled };
}

/** Each dimension whose share is under its floor (a fraction from 0 to 1), as a line. */
export function belowFloors(scores: ArticleScores, floors: Partial<Record<Dimension, number>>): string[] {
  return (Object.entries(floors) as [Dimension, number][])
    .filter(([dimension, floor]) => {
      const t = scores[dimension];
      return t.total > 0 && t.right / t.total < floor;
    })
    .map(([dimension, floor]) => `${DIMENSION_LABELS[dimension]}: ${percent(scores[dimension])} < ${floor * 100}%`);
}
