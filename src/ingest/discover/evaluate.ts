/**
 * Scores discovered entities against a hand-labelled gold list, so the
 * precision of discovery is a measured number (`scripts/eval-discovery.ts`)
 * and a guarded one (`tests/unit/ingest/discover.test.ts`).
 */
import * as z from 'zod/mini';
import { EntityKind } from '../../facts/schema';
import type { DiscoveredEntity } from '../discover';

/** One entity a person found in an article. */
export const GoldEntity = z.object({
  name: z.string().check(z.minLength(1)),
  kind: EntityKind,
  aliases: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

/** The hand-made labels of one article. */
export const GoldArticle = z.object({
  entities: z.array(GoldEntity),
  /** Proper names outside the kinds we track (events, works, formats): finding one is neither right nor wrong. */
  optional: z.array(z.string()),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** The gold file: labels by fixture name. */
export const GoldFile = z.object({
  about: z.optional(z.string()),
  articles: z.record(z.string(), GoldArticle),
});
export type GoldFile = z.infer<typeof GoldFile>;

/** How discovery did on one article. */
export interface ArticleScore {
  /** Discovered entities whose name or an alias is a gold name. */
  correct: DiscoveredEntity[];
  /** Discovered entities that match an already-matched gold entity (e.g. "PS4 Pro" after "PlayStation 4 Pro"). */
  duplicates: DiscoveredEntity[];
  /** Discovered entities matching an optional name: not counted either way. */
  ignored: DiscoveredEntity[];
  /** Discovered entities that match nothing: false positives. */
  wrong: DiscoveredEntity[];
  /** Gold entities nothing matched: misses. */
  missed: GoldEntity[];
  /** Correct matches whose kind agrees with the gold kind. */
  kindAgrees: number;
  goldCount: number;
}

/** Normalise a name for matching: case, curly apostrophes, a trailing possessive and spacing do not matter. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$|s'$/, (ending) => (ending === "s'" ? 's' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Score one article's discoveries against its gold labels. */
export function scoreArticle(discovered: readonly DiscoveredEntity[], gold: GoldArticle): ArticleScore {
  const goldByName = new Map<string, number>();
  gold.entities.forEach((entity, index) => {
    for (const name of [entity.name, ...(entity.aliases ?? [])]) goldByName.set(normaliseName(name), index);
  });
  const optional = new Set(gold.optional.map(normaliseName));
  const matched = new Set<number>();
  const score: ArticleScore = {
    correct: [],
    duplicates: [],
    ignored: [],
    wrong: [],
    missed: [],
    kindAgrees: 0,
    goldCount: gold.entities.length,
  };
  for (const entity of discovered) {
    const names = [entity.name, ...entity.aliases].map(normaliseName);
    const hits = [...new Set(names.flatMap((name) => (goldByName.has(name) ? [goldByName.get(name)!] : [])))];
    const fresh = hits.filter((index) => !matched.has(index));
    if (fresh.length > 0) {
      for (const index of fresh) matched.add(index);
      score.correct.push(entity);
      if (fresh.some((index) => gold.entities[index]!.kind === entity.kind)) score.kindAgrees += 1;
    } else if (hits.length > 0) score.duplicates.push(entity);
    else if (names.some((name) => optional.has(name))) score.ignored.push(entity);
    else score.wrong.push(entity);
  }
  score.missed = gold.entities.filter((_, index) => !matched.has(index));
  return score;
}

/** Precision and recall over several articles; duplicates count as correct (they name a real entity). */
export function totals(scores: readonly ArticleScore[]): { precision: number; recall: number; kindAccuracy: number } {
  let right = 0;
  let wrong = 0;
  let correct = 0;
  let matchedGold = 0;
  let gold = 0;
  let kinds = 0;
  for (const score of scores) {
    right += score.correct.length + score.duplicates.length;
    wrong += score.wrong.length;
    correct += score.correct.length;
    matchedGold += score.goldCount - score.missed.length;
    gold += score.goldCount;
    kinds += score.kindAgrees;
  }
  return {
    precision: right + wrong === 0 ? 1 : right / (right + wrong),
    recall: gold === 0 ? 1 : matchedGold / gold,
    kindAccuracy: correct === 0 ? 1 : kinds / correct,
  };
}
