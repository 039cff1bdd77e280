import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  extractArticle,
  paragraphsOf,
  publishedDateOf,
  withoutBylineLine,
} from '@/src/user-articles/extract';
import { ExtractedPage } from '@/src/user-articles/schema';

function pageDocument(html: string, url = 'http://127.0.0.1:8080/article-to-add.html#comments'): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

const fixture = readFileSync('tests/fixtures/article-to-add.html', 'utf8');

describe('extractArticle on the fixture page', () => {
  const page = extractArticle(pageDocument(fixture));

  it('returns data the options page accepts', () => {
    expect(ExtractedPage.safeParse(page).success).toBe(true);
  });

  it('finds the title without the site’s suffix, the author, the site and the date', () => {
    expect(page.title).toBe('Quillfeather Robotics raises $12 million for warehouse robots');
    expect(page.byline).toBe('Priya Castellanos');
    expect(page.siteName).toBe('The Leeds Ledger');
    expect(page.publishedDate).toBe('2025-10-20');
    expect(page.url).toBe('http://127.0.0.1:8080/article-to-add.html');
  });

  it('keeps the story’s paragraphs, each whole, separated by blank lines', () => {
    const paragraphs = page.text.split('\n\n');
    const story = [...pageDocument(fixture).querySelectorAll('[data-fixture=story]')].map((element) =>
      element.textContent!.replace(/\s+/g, ' ').trim(),
    );
    for (const paragraph of story) expect(paragraphs).toContain(paragraph);
  });

  it('leaves out the navigation, byline, newsletter box, related links and footer', () => {
    expect(page.text).not.toMatch(/Subscribe|newsletter|Most read|cycle lanes|All rights reserved|^By /);
    expect(page.text.startsWith('Warehouse automation start-up Quillfeather Robotics')).toBe(true);
  });
});

describe('withoutBylineLine', () => {
  it.each([
    ['By Priya Castellanos · 20 October 2025\n\nStory.', 'Priya Castellanos', 'Story.'],
    ['By the way, Priya Castellanos said so.\n\nStory.', null, 'By the way, Priya Castellanos said so.\n\nStory.'],
    ['Bystanders saw it.\n\nStory.', 'Priya Castellanos', 'Bystanders saw it.\n\nStory.'],
  ])('%j with byline %j → %j', (text, byline, expected) => {
    expect(withoutBylineLine(text, byline)).toBe(expected);
  });
});

describe('paragraphsOf', () => {
  const inert = () => pageDocument('<!doctype html><body></body>').implementation.createHTMLDocument('');

  it('reads list items and quotes once, even when they hold paragraphs', () => {
    const html = '<p>One  two</p><ul><li><p>Item</p></li></ul><blockquote><p>Quote</p></blockquote>';
    expect(paragraphsOf(html, inert())).toBe('One two\n\nItem\n\nQuote');
  });

  it('takes the text of markup that has no paragraphs', () => {
    expect(paragraphsOf('<div>Just <b>text</b></div>', inert())).toBe('Just text');
  });

  it('never runs what it parses', () => {
    const document = inert();
    const html = '<p>Safe</p><img src=x onerror="globalThis.__pwned = true"><script>globalThis.__pwned = true</script>';
    expect(paragraphsOf(html, document)).toBe('Safe');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});

describe('publication dates', () => {
  it.each([
    ['2025-10-20T07:45:00+01:00', '2025-10-20'],
    ['2025-10-20', '2025-10-20'],
    ['2025-10-20 23:10:00', '2025-10-20'],
    ['not a date', null],
    ['', null],
    [null, null],
  ])('calendarDateOf(%j) is %s', (value, date) => {
    expect(calendarDateOf(value)).toBe(date);
  });

  it.each([
    ['<meta name="date" content="2024-03-05">', '2024-03-05'],
    [
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-30T10:00:00Z"}</script>',
      '2024-06-30',
    ],
    ['<article><time datetime="2023-01-02T08:00">Jan 2</time></article>', '2023-01-02'],
    ['<p>No date here</p>', null],
  ])('reads %s as %s', (html, date) => {
    expect(publishedDateOf(pageDocument(`<!doctype html><html><head></head><body>${html}</body></html>`))).toBe(date);
  });
});
