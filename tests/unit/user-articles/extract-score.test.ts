import { describe, expect, it } from 'vitest';
import {
  benchmarkWords,
  corpusScore,
  isHeadlineOf,
  pageScore,
  shingleCounts,
  shingles,
} from '@/src/user-articles/extract-score';
import { siteEvidenceOf } from '@/scripts/eval-extract';

/**
 * The expected numbers below were computed with the benchmark's own `evaluate.py` (`_tokenize`,
 * `string_shingle_matching`, `metrics_from_tp_fp_fns`), so the TypeScript scorer is checked against it.
 */
describe('benchmarkWords', () => {
  it.each([
    ['Hello, world! It’s 3.14', ['Hello', 'world', 'It', 's', '3', '14']],
    // Python's \w: letters and numbers of any script and `_`, case kept; combining marks split words.
    ['नमस्ते दुनिया, Größe 東京タワー snake_case', ['नमस', 'त', 'द', 'न', 'य', 'Größe', '東京タワー', 'snake_case']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(benchmarkWords(text)).toEqual(words);
  });
});

describe('shingles', () => {
  it.each([
    ['a b c d e', { 'a b c d': 1, 'b c d e': 1 }],
    // Fewer words than a shingle: one shorter shingle, as evaluate.py makes.
    ['a b', { 'a b': 1 }],
    ['a b c d a b c d', { 'a b c d': 2, 'b c d a': 1, 'c d a b': 1, 'd a b c': 1 }],
    ['', {}],
  ])('%j → %j', (text, expected) => {
    expect(Object.fromEntries(shingles(text))).toEqual(expected);
  });
});

describe('shingleCounts and the scores', () => {
  it.each([
    ['one two three four five six', 'one two three four five seven', [0.5, 0.25, 0.25]],
    ['a b c d e f g h', 'a b c d', [0.2, 0, 0.8]],
    ['a b c d', '', [0, 0, 1]],
    ['', 'x y', [0, 1, 0]],
    ['', '', [0, 0, 0]],
  ])('%j against %j', (reference, extracted, [truePositive, falsePositive, falseNegative]) => {
    const counts = shingleCounts(reference, extracted);
    expect(counts.truePositive).toBeCloseTo(truePositive!, 12);
    expect(counts.falsePositive).toBeCloseTo(falsePositive!, 12);
    expect(counts.falseNegative).toBeCloseTo(falseNegative!, 12);
  });

  it('scores a page: identical texts are perfect, disjoint ones zero', () => {
    expect(pageScore(shingleCounts('the same four words', 'the same four words'))).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
    expect(pageScore(shingleCounts('one two three four', 'five six seven eight')).f1).toBe(0);
  });

  it('averages precision over pages with output and recall over pages with a reference, then takes F1', () => {
    const pages = [
      shingleCounts('one two three four five six', 'one two three four five seven'),
      shingleCounts('a b c d e f g h', 'a b c d'),
      shingleCounts('a b c d', ''),
      shingleCounts('', 'x y'),
    ];
    const score = corpusScore(pages);
    expect(score.precision).toBeCloseTo(0.5555555555555556, 12);
    expect(score.recall).toBeCloseTo(0.28888888888888886, 12);
    expect(score.f1).toBeCloseTo(0.38011695906432746, 12);
  });
});

describe('isHeadlineOf: a title is right when it is the expected one, or it without the site’s own name', () => {
  const site = { names: ['Harbour Gazette', '@harbourgazette', 'Gardening (RSS)'], text: 'Home › Gardening › Pests' };
  it.each([
    ['Slugs retreat', 'Slugs retreat', true],
    ['Slugs  retreat ', 'slugs retreat', true],
    // Parts the page names as its own: `og:site_name`, a feed's title, a handle, a breadcrumb in its text.
    ['Slugs retreat', 'Slugs retreat | Harbour Gazette', true],
    ['Slugs retreat', 'Slugs retreat - Gardening - Harbour Gazette', true],
    ['Slugs retreat', 'HarbourGazette » Slugs retreat', true],
    ['Slugs retreat', 'Slugs retreat_Pests_Harbour Gazette', true],
    // A part the page never names is not the site's: an author, a kicker, half of the headline.
    ['Slugs retreat', 'Slugs retreat | Ann Lee', false],
    ['Slugs retreat', 'Slugs retreat - Gardening - Weekly Digest', false],
    ['Slugs retreat', 'Slugs retreat from the lettuce', false],
    ['The slugs retreat', 'Slugs retreat', false],
    ['', 'Slugs retreat', false],
  ])('%j for %j: %s', (title, expected, right) => {
    expect(isHeadlineOf(title, expected, site)).toBe(right);
  });

  it('reads the site’s names and text from the page’s source', () => {
    const evidence = siteEvidenceOf(
      '<html><head><title>Slugs retreat | Harbour Gazette</title>' +
        '<meta content="Harbour Gazette" property="og:site_name"><meta name="application-name" content="Gazette">' +
        '<link rel="alternate" type="application/rss+xml" title="Gardening &amp; Pests (RSS)" href="/feed">' +
        '<script type="application/ld+json">{"publisher":{"@type":"Organization","name":"HG Media"}}</script>' +
        '</head><body><img alt="Gazette logo" src="l.png"><p>Slugs &amp; snails</p><script>var x = "hidden";</script></body></html>',
    );
    expect(evidence.names).toEqual(['Harbour Gazette', 'Gazette', 'Gardening & Pests (RSS)', 'HG Media']);
    expect(evidence.text).toContain('Slugs & snails');
    expect(evidence.text).toContain('Gazette logo');
    expect(evidence.text).not.toContain('hidden');
    expect(evidence.text).not.toContain('Slugs retreat');
  });
});
