import { describe, expect, it, vi } from 'vitest';
import { extractArticle } from '@/src/user-articles/extract';
import type { ArticleParagraph } from '@/src/user-articles/extract/body';
import {
  chooseReading,
  collapseSigns,
  type CollapseSign,
  type PageFacts,
  type Reading,
} from '@/src/user-articles/extract/collapse';
import { readabilityReading } from '@/src/user-articles/extract/second-opinion';
import { pageParser } from './extract-pages';

const PROSE = 'A paragraph of the story, with a clause, another clause, and enough words to read as prose. ';

/** A paragraph of `chars` characters, `linkShare` of them in links. */
function paragraph(chars: number, { linkShare = 0, listItem = false } = {}): ArticleParagraph {
  return {
    text: PROSE.repeat(Math.ceil(chars / PROSE.length)).slice(0, chars),
    linkChars: chars * linkShare,
    listItem,
  };
}

const PAGE: PageFacts = { pageProseChars: 3000, siteName: 'The Leeds Ledger' };
const reading = (paragraphs: ArticleParagraph[], title = 'Harbour reopens after storm'): Reading => ({
  paragraphs,
  title,
});

describe('collapseSigns', () => {
  it.each<[string, Reading, PageFacts, CollapseSign[]]>([
    ['the whole article', reading([paragraph(1500), paragraph(1400)]), PAGE, []],
    ['a third of the page’s prose is not short', reading([paragraph(1001)]), PAGE, []],
    ['a disclaimer block instead of the post', reading([paragraph(400)]), PAGE, ['short']],
    [
      'a page of little prose says nothing of shortness',
      reading([paragraph(100)]),
      { ...PAGE, pageProseChars: 900 },
      [],
    ],
    [
      'a related-stories list',
      reading(Array.from({ length: 10 }, () => paragraph(120, { linkShare: 0.8, listItem: true }))),
      { ...PAGE, pageProseChars: 1200 },
      ['links', 'list'],
    ],
    [
      'a gallery’s slides',
      reading(Array.from({ length: 20 }, () => paragraph(150, { listItem: true }))),
      PAGE,
      ['list'],
    ],
    ['a list of steps beside its prose', reading([paragraph(1500), paragraph(1200, { listItem: true })]), PAGE, []],
    ['half the text in links is not mostly links', reading([paragraph(2000, { linkShare: 0.5 })]), PAGE, []],
    ['a title that is only the site’s name', reading([paragraph(2500)], 'the leeds ledger'), PAGE, ['site-title']],
    ['nothing at all', reading([]), PAGE, ['short']],
    ['nothing at all from a page of little prose', reading([]), { ...PAGE, pageProseChars: 0 }, ['short']],
  ])('%s', (_, given, page, signs) => {
    expect(collapseSigns(given, page)).toEqual(signs);
  });
});

describe('chooseReading', () => {
  const sound = reading([paragraph(2500)]);
  const short = reading([paragraph(300)]);
  const links = reading([paragraph(2500, { linkShare: 0.9 })]);

  it.each<[string, Reading, Reading | null, Reading]>([
    ['keeps a first reading with no second one', short, null, short],
    ['keeps the first when the second found nothing', short, reading([]), short],
    ['takes the second where it mends a short first', short, sound, sound],
    ['takes the second where it mends one of two signs', reading([paragraph(300, { linkShare: 0.9 })]), short, short],
    ['keeps the first when the second is as collapsed', short, reading([paragraph(350)]), short],
    ['keeps the first when the second is worse', short, links, short],
  ])('%s', (_, first, second, chosen) => {
    expect(chooseReading(first, second, PAGE)).toEqual(chosen);
  });

  it('mends the title and the text apart', () => {
    const siteTitled = reading([paragraph(2500)], 'The Leeds Ledger');
    expect(chooseReading(siteTitled, reading([paragraph(300)], 'Harbour reopens'), PAGE)).toEqual(
      reading([paragraph(2500)], 'Harbour reopens'),
    );
    expect(chooseReading(reading([paragraph(300)]), reading([paragraph(2500)], 'The Leeds Ledger'), PAGE)).toEqual(
      reading([paragraph(2500)]),
    );
  });
});

const pageDocument = pageParser('http://127.0.0.1:8080/story.html');

const story = (count: number, topic = 'story') =>
  Array.from(
    { length: count },
    (_, index) =>
      `<p>Paragraph ${index + 1} of the ${topic}, with a clause, another clause, and more words of prose.</p>`,
  ).join('');

describe('extractArticle asks for a second opinion only when its reading looks collapsed', () => {
  it('does not ask on a sound page', () => {
    const secondOpinion = vi.fn(() => null);
    const page = extractArticle(
      pageDocument(`<!doctype html><title>A story</title><body><article>${story(12)}</article></body>`),
      secondOpinion,
    );
    expect(secondOpinion).not.toHaveBeenCalled();
    expect(page.text.split('\n\n')).toHaveLength(12);
  });

  it('asks on a page whose reading is a list of links, and takes the second reading when it is sound', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, index) =>
        `<li><a href="/s${index}">Another story number ${index}, with a comma, and a long headline</a>: a teaser</li>`,
    ).join('');
    const document = pageDocument(
      `<!doctype html><title>A story</title><body><article><ul>${teasers}</ul></article></body>`,
    );
    const secondOpinion = vi.fn(() => reading([paragraph(600)], 'A story'));
    const page = extractArticle(document, secondOpinion);
    expect(secondOpinion).toHaveBeenCalledOnce();
    expect(page.text).toBe(paragraph(600).text);
  });
});

describe('readabilityReading', () => {
  it('reads the article from a copy, leaving the page as it was and running nothing it holds', () => {
    const document = pageDocument(
      '<!doctype html><html><head><title>A story - The Leeds Ledger</title></head><body>' +
        `<div class="content">${story(8)}<noscript><img src="x" onerror="globalThis.__secondOpinionRan = true"></noscript></div>` +
        '<div class="sidebar"><a href="/a">Another story</a></div></body></html>',
    );
    const before = document.documentElement.outerHTML;
    const second = readabilityReading(document, 'A story');
    expect(second?.paragraphs.map((paragraph) => paragraph.text)).toEqual(
      Array.from(
        { length: 8 },
        (_, index) => `Paragraph ${index + 1} of the story, with a clause, another clause, and more words of prose.`,
      ),
    );
    expect(document.documentElement.outerHTML).toBe(before);
    expect((globalThis as { __secondOpinionRan?: boolean }).__secondOpinionRan).toBeUndefined();
  });
});
