import { describe, expect, it } from 'vitest';
import { searchTerms, termsOfWord, wordSpans } from '@/src/search/terms';

describe('searchTerms', () => {
  it.each([
    ['money with a scale word', 'nearly $20 million per month', ['nearly', '20', 'million', 'per', 'month']],
    ['money with a scale letter', '$20M', ['20', 'million']],
    ['billions abbreviated', '$1.5bn', ['1.5', 'billion']],
    ['a percent sign', '29%', ['29', 'percent']],
    ['percent spelled out', '29 percent', ['29', 'percent']],
    ['percent spelled apart', '29 per cent', ['29', 'percent']],
    ['a thousands separator', '1,500 cables', ['1500', 'cable']],
    ['a decimal price', '$143.61', ['143.61']],
    ['a range with an en dash', 'around 28–29 percent', ['around', '28', '29', 'percent']],
    ['a money range', '$300-$500 each', ['300', '500', 'each']],
    ['possessives', "TikTok’s and ByteDance's", ['tiktok', 'bytedance']],
    ['an abbreviation with dots', 'U.S. Department of Energy', ['us', 'department', 'energy']],
    ['decades', 'the mid-2030s', ['mid', '2030']],
    ['accents', 'Café Zürich', ['cafe', 'zurich']],
    ['plurals', 'companies stories cables', ['company', 'story', 'cable']],
    ['words that only look plural', 'business status analysis', ['business', 'status', 'analysis']],
    ['stop words only', 'the of and', []],
  ])('%s: %j', (_case, text, expected) => {
    expect(searchTerms(text)).toEqual(expected);
  });

  it('makes the same terms from a term as from the word it came from, so queries and the index agree', () => {
    for (const word of ['Microsoft’s', '$20M', '29%', 'companies', 'U.S.', '2030s']) {
      const terms = termsOfWord(word);
      expect(terms.flatMap((term) => termsOfWord(term))).toEqual(terms);
    }
  });
});

describe('wordSpans', () => {
  it('gives the offsets of each word as written, sign and possessive included', () => {
    const text = 'TikTok’s $20M, 29%.';
    expect(wordSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(['TikTok’s', '$20M', '29%']);
  });
});
