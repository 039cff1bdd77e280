import { describe, expect, it } from 'vitest';
import { highlightSegments, snippetAround } from '@/src/search/highlight';

const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .filter((segment) => segment.marked)
    .map((segment) => segment.text);

describe('highlightSegments', () => {
  it.each([
    ['a money amount, as one mark', 'paying nearly $20 million per month', ['20', 'million'], ['$20 million']],
    ['a percent sign', 'a 245% surge', ['245', 'percent'], ['245%']],
    ['percent spelled apart', 'grew 29 per cent', ['29', 'percent'], ['29 per cent']],
    ['a possessive', 'Microsoft’s AI cloud', ['microsoft'], ['Microsoft’s']],
    ['a plural', 'purple cables', ['cable'], ['cables']],
    ['nothing for other words', 'Vatican launches', ['credo'], []],
  ])('%s', (_case, text, terms, expected) => {
    expect(marked(text, terms)).toEqual(expected);
  });

  it('keeps every character of the text, in order', () => {
    const text = '<img src=x onerror=alert(1)> Azure growth';
    expect(
      highlightSegments(text, ['azure'])
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });
});

describe('snippetAround', () => {
  const body =
    'The Department of Energy has released a new roadmap. It targets commercial fusion power by the mid-2030s. ' +
    'The plan lacks specific funding commitments and relies on breakthroughs that have eluded researchers for decades. ' +
    'Data centers need electricity, and AI is both a research tool and a motivation for fusion energy.';

  it('starts at the sentence holding the first match when it is close', () => {
    const snippet = snippetAround(body, ['lack'], { before: 60, length: 120 });
    expect(snippet.startsWith('…The plan lacks')).toBe(true);
  });

  it('cuts at word boundaries and marks cuts with an ellipsis', () => {
    const snippet = snippetAround(body, ['electricity'], { before: 20, length: 80 });
    expect(snippet).toMatch(/^….*electricity.*…$/);
    expect(snippet.length).toBeLessThanOrEqual(82);
  });

  it('begins at the start when nothing matches', () => {
    expect(snippetAround(body, ['zebra'], { length: 40 })).toBe('The Department of Energy has released a…');
  });

  it('returns short text whole, whitespace collapsed', () => {
    expect(snippetAround('Short\n\ntext.', ['text'])).toBe('Short text.');
  });
});

describe('snippetAround with list items', () => {
  it('leaves out the list markers of bullet lines', () => {
    const body = `${'Intro sentence. '.repeat(12)}\n\n- In its Q4 2024 earnings report, Microsoft revealed Azure revenue growth of 29 percent.\n\n- For Q1 2025, more.`;
    const snippet = snippetAround(body, ['azure'], { before: 70, length: 120 });
    expect(snippet).toMatch(/^…In its Q4 2024/);
    expect(snippet).not.toContain('- ');
  });
});

describe('snippetAround finds the first match however it is written', () => {
  const filler = 'Words that say nothing in particular go here. '.repeat(8);
  it.each([
    ['a percent sign', `${filler}Growth was 29% last year.`, ['29', 'percent'], 'Growth was 29% last year.'],
    ['a grouped number', `${filler}It sold 1,500 cables.`, ['1500'], 'It sold 1,500 cables.'],
    ['a scale letter', `${filler}Revenue reached $20M in May.`, ['20', 'million'], 'Revenue reached $20M in May.'],
    ['a plural', `${filler}Purple cables everywhere.`, ['cable'], 'Purple cables everywhere.'],
    [
      'a dotted abbreviation',
      `${filler}The U.S. Energy Department spoke.`,
      ['us'],
      'The U.S. Energy Department spoke.',
    ],
  ])('%s', (_case, text, terms, sentence) => {
    expect(snippetAround(text, terms, { before: 20, length: 80 })).toContain(sentence);
  });

  it('prefers the earliest match of any term', () => {
    const text = `${filler}First Azure here. ${filler}Then growth.`;
    expect(snippetAround(text, ['growth', 'azure'], { before: 10, length: 60 })).toContain('First Azure here.');
  });
});
