/**
 * How close an extracted article is to a reference text, scored the way the public article-extraction
 * benchmark (scrapinghub/article-extraction-benchmark, `evaluate.py`) scores extractors, so our numbers
 * compare with the ones it publishes for other extractors.
 *
 * Texts are cut into words (runs of letters, digits and underscores, case kept), words into overlapping
 * 4-word shingles, and the two bags of shingles are matched: a shared shingle is a true positive, an extra
 * one a false positive, a missing one a false negative. Each page's counts are divided by their sum, so a
 * long article weighs no more than a short one; precision and recall are averaged over pages, and F1 is
 * taken from those averages (not averaged per page).
 *
 * Pure: plain strings in, numbers out. Used by `scripts/eval-extract.ts` and the corpus unit test; never
 * shipped in the extension.
 */

/** One page's matched shingles, as shares of all the shingles counted for it (they sum to 1, or are all 0). */
export interface ShingleCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

/** Precision, recall and F1 of one page or of a set of pages. */
export interface ShingleScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Python's `\w` under Unicode: letters and numbers of any script, and the underscore. Combining marks are not
 * word characters there either, so a Devanagari word splits at its vowel signs in both scorers alike.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

/** The words of a text, as the benchmark cuts them. */
export function benchmarkWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Every run of `size` consecutive words (one shorter run when the text has fewer words), counted. */
export function shingles(text: string, size = 4): Map<string, number> {
  const words = benchmarkWords(text);
  const counts = new Map<string, number>();
  if (words.length === 0) return counts;
  const last = Math.max(0, words.length - size);
  for (let start = 0; start <= last; start++) {
    // A space cannot occur inside a word, so joining with one keeps shingles distinct.
    const shingle = words.slice(start, start + size).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** The shingles `extracted` shares with `reference`, has too many of and lacks, as shares of their sum. */
export function shingleCounts(reference: string, extracted: string): ShingleCounts {
  const wanted = shingles(reference);
  const found = shingles(extracted);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const [shingle, foundCount] of found) {
    const wantedCount = wanted.get(shingle) ?? 0;
    truePositive += Math.min(wantedCount, foundCount);
    falsePositive += Math.max(0, foundCount - wantedCount);
  }
  for (const [shingle, wantedCount] of wanted) falseNegative += Math.max(0, wantedCount - (found.get(shingle) ?? 0));
  const sum = truePositive + falsePositive + falseNegative;
  if (sum === 0) return { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  return { truePositive: truePositive / sum, falsePositive: falsePositive / sum, falseNegative: falseNegative / sum };
}

function precisionOf({ truePositive, falsePositive, falseNegative }: ShingleCounts): number {
  if (falsePositive === 0 && falseNegative === 0) return 1;
  if (truePositive === 0 && falsePositive === 0) return 0;
  return truePositive / (truePositive + falsePositive);
}

function recallOf({ truePositive, falsePositive, falseNegative }: ShingleCounts): number {
  if (falsePositive === 0 && falseNegative === 0) return 1;
  if (truePositive === 0 && falseNegative === 0) return 0;
  return truePositive / (truePositive + falseNegative);
}

function harmonicMean(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

/** One page's precision, recall and F1 (the benchmark reports no per-page F1; this is what "a page under 0.5" reads). */
export function pageScore(counts: ShingleCounts): ShingleScore {
  const precision = precisionOf(counts);
  const recall = recallOf(counts);
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

/**
 * A corpus's score as the benchmark computes it: precision averaged over the pages where something was
 * extracted, recall over the pages whose reference has text, F1 from the two averages.
 */
export function corpusScore(pages: ShingleCounts[]): ShingleScore {
  const precision = mean(pages.filter((page) => page.truePositive + page.falsePositive > 0).map(precisionOf));
  const recall = mean(pages.filter((page) => page.truePositive + page.falseNegative > 0).map(recallOf));
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

/** What a page says its site is called, and its visible text, for judging titles against a corpus's. */
export interface SiteEvidence {
  /** Names the page gives itself: `og:site_name`, `application-name`, feed and search titles, the publisher. */
  names: string[];
  /** The page's body text, where a site's or section's name recurs (masthead, breadcrumbs, footer). */
  text: string;
}

/** Separators between a headline and a site's or section's name in a page title. */
const TITLE_PARTS = /\s+[|\-\u2013\u2014\u00b7\u00bb/:]\s+|\s*_\s*/;

const comparable = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether `title` is the corpus's `expected` title, or that title without parts the page itself names as its
 * site's or section's: Factlens shows the headline alone by design (the site goes in `siteName`), while
 * Readability keeps the document title's additions on many pages. A removed part counts only when it is (in)
 * one of the page's names for itself, or recurs in its text; anything else (a different headline, half a
 * headline) is wrong. This is the eval's "headline" measure; the strict one is plain equality.
 */
export function isHeadlineOf(title: string, expected: string, site: SiteEvidence): boolean {
  const wanted = comparable(expected);
  const found = comparable(title);
  if (found === wanted) return true;
  if (!found) return false;
  const rest = wanted.startsWith(found)
    ? wanted.slice(found.length)
    : wanted.endsWith(found)
      ? wanted.slice(0, -found.length)
      : null;
  if (rest === null || !new RegExp(`^(?:${TITLE_PARTS.source})|(?:${TITLE_PARTS.source})$`).test(rest)) return false;
  // Spacing differs between a title and the page (`( Brad )`, `(Brad)`), so parts are compared without it.
  const spaceless = (text: string) => comparable(text).replace(/\s/g, '');
  const names = site.names.map(spaceless);
  const text = spaceless(site.text);
  const parts = rest
    .split(TITLE_PARTS)
    .map((part) => spaceless(part).replace(/^@/, ''))
    .filter(Boolean);
  return parts.every((part) => names.some((name) => name.includes(part)) || text.includes(part));
}
