import { describe, expect, it } from 'vitest';
import { corpusScore, pageScore, shingleCounts } from '@/src/user-articles/extract-score';
import { COLLAPSE_F1, runFactlens, VENDORED_F1_FLOOR, vendoredPages } from '@/scripts/eval-extract';

/**
 * The extractor on the vendored subset of the public extraction corpora (tests/fixtures/corpora/extract): the
 * benchmark's shingle F1 must stay at its floor and no page may collapse. `npm run eval:extract` prints the
 * same numbers beside Readability.js's, and scores the full corpora when given them.
 */
describe('extractArticle on the vendored extraction corpus', () => {
  const pages = vendoredPages();
  const scored = pages.map((page) => ({ page, counts: shingleCounts(page.text, runFactlens(page).text) }));

  it('holds 25 to 30 pages from both corpora', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect(pages.length).toBeLessThanOrEqual(30);
    expect(new Set(pages.map((page) => page.name.split('/')[0]))).toEqual(new Set(['scrapinghub', 'readability']));
  });

  it(`scores at least F1 ${VENDORED_F1_FLOOR}`, () => {
    expect(corpusScore(scored.map(({ counts }) => counts)).f1).toBeGreaterThanOrEqual(VENDORED_F1_FLOOR);
  });

  it(`has no page under F1 ${COLLAPSE_F1}`, () => {
    const collapsed = scored
      .map(({ page, counts }) => ({ name: page.name, f1: pageScore(counts).f1 }))
      .filter((page) => page.f1 < COLLAPSE_F1);
    expect(collapsed).toEqual([]);
  });
});
