import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  extractArticle,
  headlineOf,
  publishedDateOf,
  withoutBylineLine,
} from '@/src/user-articles/extract';
import { checkDraft, draftFromPage } from '@/src/user-articles/draft';
import { ExtractedPage } from '@/src/user-articles/schema';
import { pageParser } from './extract-pages';

/** Saved real pages kept in the repository (see its README): news sites, Le Monde, a Chinese site, Wikipedia. */
const REAL_PAGES_DIR = path.resolve(__dirname, '../../fixtures/pages');

/** A document of `html`, parsed as a browser would, with the page's own scripts, styles and frames off. */
const pageDocument = pageParser('http://127.0.0.1:8080/article-to-add.html#comments');

/** A page with `body` in an `<article>` between the usual furniture. */
function articlePage(body: string, head = '<title>Test page</title>'): Document {
  return pageDocument(
    `<!doctype html><html><head>${head}</head><body>` +
      '<nav><a href="/">Home</a> <a href="/world">World news from everywhere</a></nav>' +
      `<article>${body}</article>` +
      '<footer>Copyright and every other right reserved by the publisher</footer></body></html>',
  );
}

const paragraphsOf = (page: ExtractedPage) => page.text.split('\n\n');

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
    const story = [...pageDocument(fixture).querySelectorAll('[data-fixture=story]')].map((element) =>
      element.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(paragraphsOf(page)).toEqual(story);
  });

  it('leaves out the navigation, byline, newsletter box, related links and footer', () => {
    expect(page.text).not.toMatch(/Subscribe|newsletter|Most read|cycle lanes|All rights reserved|^By /);
    expect(page.text.startsWith('Warehouse automation start-up Quillfeather Robotics')).toBe(true);
  });
});

const LONG = 'This sentence is long enough, with a comma or two, to count as a paragraph of prose.';

describe('extractArticle reads the page’s text, never its markup', () => {
  it('reads list items and quotes once, even when they hold paragraphs', () => {
    const page = extractArticle(
      articlePage(
        `<p>${LONG}</p><ul><li><p>Item one</p></li></ul><blockquote><p>A quote, said twice.</p></blockquote>`,
      ),
    );
    expect(paragraphsOf(page)).toEqual([LONG, 'Item one', 'A quote, said twice.']);
  });

  it('keeps loose text between blocks, and separates words the markup runs together', () => {
    const page = extractArticle(
      articlePage(`<div>Loose text before the paragraphs ends here.<p>${LONG}</p>More loose text after it.</div>`),
    );
    expect(paragraphsOf(page)).toEqual([
      'Loose text before the paragraphs ends here.',
      LONG,
      'More loose text after it.',
    ]);
    const table = extractArticle(
      articlePage(
        `<p>${LONG}</p><table><tr><td>Name</td><td>Age</td></tr><tr><td>Ann Lee</td><td>37</td></tr></table>`,
      ),
    );
    expect(paragraphsOf(table)).toEqual([LONG, 'Name Age', 'Ann Lee 37']);
  });

  it('leaves out hidden text, scripts, styles, forms’ controls, captions and page furniture by name', () => {
    const page = extractArticle(
      articlePage(
        `<p>${LONG}</p>` +
          '<p hidden>Hidden by the hidden attribute, as a paragraph.</p>' +
          '<p aria-hidden="true">Hidden from assistive technology, as a paragraph.</p>' +
          '<p style="color: red; display: none">Hidden by an inline style, as a paragraph.</p>' +
          '<script>var scriptText = "script text, as a paragraph.";</script><style>p { color: red }</style>' +
          '<figure><img src="x.png" alt="A picture"><figcaption>A caption under a picture.</figcaption></figure>' +
          '<form><textarea>Text typed into a form, as a paragraph.</textarea><button>Send it now.</button></form>' +
          '<div class="share-tools">Share this article on every network you use.</div>' +
          '<div id="relatedStories"><p>A related story that is another article.</p></div>' +
          `<p>${LONG.replace('This', 'That')}</p>`,
      ),
    );
    expect(paragraphsOf(page)).toEqual([LONG, LONG.replace('This', 'That')]);
  });

  it('keeps a word of a sentence whatever its link’s class says (a glossary popup), and leaves out a share bar', () => {
    const sentence =
      'The nature of my avocations for the last thirty years has brought me into contact with what would seem an interesting set of men.';
    const page = extractArticle(
      articlePage(
        `<p>${LONG}</p>` +
          '<p>The nature of my <a class="popup" href="#">avocations</a> for the last thirty years has brought me into ' +
          'contact with what <a class="popup" href="#">would seem</a> an interesting set of men.</p>' +
          '<p><span class="share">Share on every network you use today</span></p>' +
          `<p>${LONG.replace('This', 'That')}</p>`,
      ),
    );
    expect(paragraphsOf(page)).toEqual([LONG, sentence, LONG.replace('This', 'That')]);
  });

  it('leaves out captions written outside <figcaption>, named so (a gallery’s slides and their full captions)', () => {
    const caption =
      'The harbour master, left, and the mayor shake hands on the quay, Tuesday, with the ferry behind them.';
    const page = extractArticle(
      articlePage(
        `${storyParagraphs(3)}<ul class="gallery"><li><img src="a.jpg" alt=""><div class="caption">` +
          `<div class="caption-full">${caption}</div><div class="caption-truncated">${caption.slice(0, 40)}</div>` +
          `</div></li></ul><div class="caption-remote"><div class="caption-full">${caption}</div></div>` +
          storyParagraphs(6).slice(storyParagraphs(3).length),
      ),
    );
    expect(paragraphsOf(page)).toHaveLength(6);
    expect(page.text).not.toContain('harbour master');
  });

  it('never runs or loads what the page holds, and leaves the page exactly as it was', () => {
    const document = articlePage(
      `<p>${LONG}</p><p><img src="x" onerror="globalThis.__extractPwned = true">Safe text.</p>` +
        '<script>globalThis.__extractPwned = true</script>',
    );
    const before = document.documentElement.outerHTML;
    const page = extractArticle(document);
    expect(paragraphsOf(page)).toEqual([LONG, 'Safe text.']);
    expect(document.documentElement.outerHTML).toBe(before);
    expect((globalThis as { __extractPwned?: boolean }).__extractPwned).toBeUndefined();
  });

  it('keeps markup written as text as text', () => {
    const page = extractArticle(articlePage(`<p>${LONG} &lt;img src=x onerror=alert(1)&gt;</p>`));
    expect(page.text).toBe(`${LONG} <img src=x onerror=alert(1)>`);
  });

  it('takes the author from the page’s marked author line and leaves the line out of the text', () => {
    const page = extractArticle(
      articlePage(
        '<h1>A headline of the article</h1>' +
          '<p class="meta">By <a rel="author" href="/people/ann">Ann Lee</a> · 4 May 2015</p>' +
          `<p>${LONG}</p>`,
        '<title>A headline of the article - Example News</title>',
      ),
    );
    expect(page.byline).toBe('Ann Lee');
    expect(page.title).toBe('A headline of the article');
    expect(paragraphsOf(page)).toEqual([LONG]);
  });

  it('falls back to the whole body when no part of it stands out', () => {
    const page = extractArticle(pageDocument('<!doctype html><title>Note</title><body>Just a short note.</body>'));
    expect(page.text).toBe('Just a short note.');
    expect(page.title).toBe('Note');
  });
});

describe('headlineOf', () => {
  const none = { headings: [], names: [] };
  it.each([
    // The page's heading settles which part is the headline.
    ['Mozilla - Wikipedia', { headings: ['Mozilla'], names: [] }, true, 'Mozilla'],
    [
      'Site name | The headline of it all',
      { headings: ['The headline of it all'], names: [] },
      true,
      'The headline of it all',
    ],
    ['标题在这里就是标题_科技_腾讯网', { headings: ['标题在这里就是标题'], names: [] }, true, '标题在这里就是标题'],
    // Names of the site and of the author go from either end.
    ['Obama admits it - BBC News', { headings: [], names: ['BBC News'] }, false, 'Obama admits it'],
    [
      'Whales are stranding | Eleanor Ainge Roy',
      { headings: [], names: [null, 'Eleanor Ainge Roy'] },
      false,
      'Whales are stranding',
    ],
    // A document title's first part, when it reads as a headline on its own.
    ['Halibut boat sails north | The Seattle Times', none, true, 'Halibut boat sails north'],
    [
      '海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网',
      none,
      true,
      '海外留学生看两会：出国前后关注点大不同',
    ],
    ['Google - Site Reliability Engineering', none, true, 'Google - Site Reliability Engineering'],
    // og:title is kept whole unless a heading or a name says otherwise; hyphens and colons inside words stay.
    ['Just-released exploit - a story', none, false, 'Just-released exploit - a story'],
    ['Xbox One X review:  A console', none, false, 'Xbox One X review: A console'],
  ])('%j → %j', (title, known, fromDocumentTitle, headline) => {
    expect(headlineOf(title, known, fromDocumentTitle)).toBe(headline);
  });
});

/**
 * Real pages: the headline, the article's opening paragraph as the text's first (or, where the page puts a
 * photo caption and subheadings, or Wikipedia its infobox, before it: among the first five), a sentence from
 * late in the article, the site and the date. Checked by reading each page; they agree with Firefox's Reader
 * View (Readability), but for the title, where Reader View keeps the site's suffix on some pages.
 */
const REAL_PAGES: {
  file: string;
  title: string;
  opening: string;
  openingWithin: number;
  later: string;
  /** Text of the page's navigation, footer, related links or comments. */
  clutter: string[];
  siteName: string | null;
  date: string | null;
}[] = [
  {
    file: 'ars-1.html',
    clutter: ['Join the Ars Orbital Transmission mailing list', 'reader comments'],
    title: 'Just-released Minecraft exploit makes it easy to crash game servers',
    opening: 'A flaw in the wildly popular online game Minecraft makes it easy',
    openingWithin: 1,
    later: 'Ars is asking Mojang for comment and will update this post',
    siteName: 'Ars Technica',
    date: '2015-04-16',
  },
  {
    file: 'bbc-1.html',
    clutter: ['Parental Guidance', 'Explore the BBC'],
    title: "Obama admits US gun laws are his 'biggest frustration'",
    opening: 'President Barack Obama has admitted that his failure to pass',
    openingWithin: 1,
    later: 'Mr Obama will become the first US president to address the African Union',
    siteName: 'BBC News',
    date: '2015-07-24',
  },
  {
    file: 'cnn.html',
    clutter: ['Advertise with Us', 'Closed Captioning'],
    title: "The 'birth lottery' and economic mobility",
    opening: 'The U.S. has long been heralded as a land of opportunity',
    openingWithin: 1,
    later: 'The report concluded that the American safety net was ineffective',
    siteName: 'CNNMoney',
    date: '2016-02-01',
  },
  {
    file: 'engadget.html',
    clutter: ['Google is reportedly acquiring Lytro', 'About Our Ads'],
    title: 'Xbox One X review: A console that keeps up with gaming PCs',
    opening: 'The Xbox One X is the ultimate video game system.',
    openingWithin: 1,
    later: 'Ultimately, the Xbox One X offers some major performance upgrades',
    siteName: 'Engadget',
    date: '2017-11-03',
  },
  {
    file: 'guardian-1.html',
    clutter: ['Rescuers rush to help whale stranded in Scottish loch', 'Complaints & corrections'],
    title: "'What is the sea telling us?': Māori tribes fearful over whale strandings",
    opening: 'Whale whisperer Hori Parata was just seven years old',
    openingWithin: 1,
    later: 'Our ancestors tell us the strandings are a sign from the sea.',
    siteName: 'the Guardian',
    date: '2019-01-03',
  },
  {
    file: 'lemonde-1.html',
    clutter: ['Profitez du journal où et quand vous voulez', 'La loi sur le renseignement expliquée en patates'],
    title: "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
    opening: 'Les députés ont, sans surprise, adopté à une large majorité',
    openingWithin: 1,
    later: 'La loi prévoit également une forme de protection pour les agents',
    siteName: 'Le Monde.fr',
    date: '2015-05-04',
  },
  {
    file: 'seattletimes-1.html',
    clutter: ['Amazon posts first jobs for new Virginia headquarters', 'Newsroom staff list'],
    title:
      'Alaskan halibut, caught by a century-old Seattle boat, provides a glimpse of Amazon’s strategy with Whole Foods',
    opening: 'From the deck of his 106-year-old halibut schooner',
    openingWithin: 1,
    later: 'Alverson summed up the journey from a wooden fishing boat',
    siteName: 'The Seattle Times',
    date: '2019-04-28',
  },
  {
    file: 'theverge.html',
    clutter: ['Sign up for Verge Deals', 'Do Not Sell Or Share My Personal Info'],
    title: 'Apple’s Vision Pro is the Retina display moment for headsets',
    opening: 'I still remember using the iPhone 4 for the first time in 2010.',
    openingWithin: 1,
    later: 'It’s a compelling enough leap forward for headset optics alone',
    siteName: 'The Verge',
    date: '2023-06-07',
  },
  {
    file: 'youth.html',
    clutter: ['该评论已关闭'],
    title: '海外留学生看两会：出国前后关注点大不同',
    opening: '在采访中，我们了解到不少学子在出国前就每年守在电脑前观看两会直播。',
    openingWithin: 5,
    later: '卢宇还认为两会应该增设学子代表',
    siteName: null,
    date: '2017-03-10',
  },
  {
    file: 'wikipedia.html',
    clutter: ['Random article', 'Privacy policy', 'What links here'],
    title: 'Mozilla',
    opening: 'Mozilla is a free-software community, created in 1998 by members of Netscape.',
    openingWithin: 5,
    later: 'Mozilla produces many products such as the Firefox web browser',
    siteName: null,
    date: null,
  },
];

/** Text of the page's navigation and footers, in pieces long enough not to occur in an article by chance. */
function furnitureText(document: Document): string[] {
  const furniture = document.querySelectorAll('nav, footer, [role="navigation"], [role="contentinfo"]');
  const pieces = [...furniture].flatMap((element) => {
    const walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (text.length >= 40 && node.parentElement?.closest('script, style') === null) texts.push(text);
    }
    return texts;
  });
  return [...new Set(pieces)];
}

describe.each(REAL_PAGES)('extractArticle on the real page $file', (expected) => {
  const html = readFileSync(path.join(REAL_PAGES_DIR, expected.file), 'utf8');
  const document = pageDocument(html, `https://example.org/${expected.file}`);
  const page = extractArticle(document);
  const paragraphs = paragraphsOf(page);

  it('finds the headline, the site and the date', () => {
    expect(page.title).toBe(expected.title);
    expect(page.siteName).toBe(expected.siteName);
    expect(page.publishedDate).toBe(expected.date);
  });

  it('starts with the article’s opening and reaches its later paragraphs', () => {
    const opening = paragraphs.findIndex((paragraph) => paragraph.startsWith(expected.opening));
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(opening).toBeLessThan(expected.openingWithin);
    expect(paragraphs.some((paragraph) => paragraph.includes(expected.later))).toBe(true);
  });

  it('is read as one article, not as a list of stories', () => {
    expect(page.listing).toBe(false);
  });

  it('leaves out the navigation, footer, related links and comments', () => {
    const pageText = document.body.textContent!.replace(/\s+/g, ' ');
    for (const clutter of expected.clutter) expect(pageText).toContain(clutter);
    const left = [...expected.clutter, ...furnitureText(document)].filter((piece) => page.text.includes(piece));
    expect(left).toEqual([]);
  });
});

describe('a front page', () => {
  it('is told apart as a list of stories, so the form can say to open one', () => {
    const html = readFileSync(path.join(REAL_PAGES_DIR, 'nytimes-5.html'), 'utf8');
    expect(extractArticle(pageDocument(html, 'https://www.nytimes.com/es/')).listing).toBe(true);
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
    [
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-02-01"}]}</script>',
      '2022-02-01',
    ],
    [
      '<script type="application/ld+json">//<![CDATA[\n{"datePublished":"2015-10-15T02:19:15Z"}\n//]]></script>' +
        '<meta property="article:published_time" content="2015-12-11T14:28:34Z">',
      '2015-10-15',
    ],
    ['<script type="application/ld+json">{broken</script><meta name="date" content="2021-07-08">', '2021-07-08'],
    ['<article><time datetime="2023-01-02T08:00">Jan 2</time></article>', '2023-01-02'],
    // Metadata names in any case and any token of an itemprop list.
    ['<meta name="DC.Date.Issued" content="2014-12-15">', '2014-12-15'],
    ['<meta name="publishDate" content="2020-11-11 12:00:00.000-0600">', '2020-11-11'],
    [
      '<meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09Z">',
      '2019-11-19',
    ],
    ['<meta property="og:article:published_time" content="2019-11-19T21:57:01+0000">', '2019-11-19'],
    // JSON-LD that JSON.parse refuses still states its date; a date written out among other words is read.
    [
      '<script type="application/ld+json">{"@type":"NewsArticle",\n"datePublished": "2019-11-18T16:06:51-05:00",}</script>',
      '2019-11-18',
    ],
    ['<script type="application/ld+json">{"datePublished": "01:38:07 PM IST Nov 20, 2019"}</script>', '2019-11-20'],
    ['<p>No date here</p>', null],
  ])('reads %s as %s', (html, date) => {
    expect(publishedDateOf(pageDocument(`<!doctype html><html><head></head><body>${html}</body></html>`))).toBe(date);
  });

  // Templates fill an empty date field with a placeholder; it is no date, and the next source the page gives is.
  it.each([
    [
      '<meta property="article:published_time" content="0001-01-01T00:00:00Z"><time datetime="2019-11-19">x</time>',
      '2019-11-19',
    ],
    [
      '<script type="application/ld+json">{"datePublished":"0001-01-01T00:00:00"}</script><meta name="date" content="2021-07-08">',
      '2021-07-08',
    ],
    ['<meta name="date" content="1899-12-31"><meta name="pubdate" content="2020-02-02">', '2020-02-02'],
    ['<meta name="date" content="2031-01-01"><meta name="pubdate" content="2020-02-02">', '2020-02-02'],
    ['<meta name="date" content="1970-01-01T00:00:00Z"><meta name="pubdate" content="2020-02-02">', '2020-02-02'],
    ['<meta name="date" content="Dec 31, 1969"><meta name="pubdate" content="2020-02-02">', '2020-02-02'],
    [
      '<meta name="date" content="0001-01-01T00:00:00Z"><div class="publish-date">Published 10:02 AM EST Nov 19, 2019</div>',
      '2019-11-19',
    ],
    // The epoch, when the page states nothing else, is all there is; a placeholder alone is nothing.
    ['<meta name="date" content="1970-01-01">', '1970-01-01'],
    ['<meta property="article:published_time" content="0001-01-01T00:00:00Z">', null],
    ['<meta name="date" content="Jan 1, 0001">', null],
    // A page read just after midnight somewhere ahead of UTC may be dated tomorrow.
    ['<meta name="date" content="2026-01-16">', '2026-01-16'],
  ])('reads %s as %s, today being 2026-01-15', (html, date) => {
    const document = pageDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
    expect(publishedDateOf(document, undefined, new Date('2026-01-15T12:00:00Z'))).toBe(date);
  });

  it('takes the date a page shows when its metadata holds only placeholders, and the form accepts it', () => {
    const page = extractArticle(pageDocument(readFileSync('tests/fixtures/placeholder-date.html', 'utf8')));
    expect(page.publishedDate).toBe('2019-11-19');
    expect(checkDraft(draftFromPage(page)).ok).toBe(true);
  });
});

/** Prose paragraphs of a made-up article, long enough to score and to make a page more than a few lines. */
function storyParagraphs(count: number, topic = 'story'): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `<p>Paragraph ${index + 1} of the ${topic}, with a clause, another clause, and enough words to read as prose of some length here.</p>`,
  ).join('');
}

describe('extractArticle finds the article where names and markup mislead', () => {
  it.each([
    // The element marked as the article body is read even when its id says "share" (a sharing widget's anchor).
    ['marked article body named as clutter', '<div itemprop="articleBody" id="share-btns-container">'],
    // Layout words in a name that also says "content" or "body": the content placed in that part of the layout.
    ['content in a layout-named box', '<div id="contentWithSidebar">'],
    ['article body named for its pagination', '<div class="article-body pagination-first">'],
    // An id made from the section's own heading names its subject, not its role.
    [
      'section anchored by its heading',
      '<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer¶</h2>',
    ],
  ])('%s', (_, opening) => {
    const page = extractArticle(
      pageDocument(
        `<!doctype html><html><head><title>A story</title></head><body>${opening}${storyParagraphs(6)}</div>` +
          // Enough other prose that a reading which skipped the article would not look like a collapse.
          `<div class="more">${storyParagraphs(5, 'other text')}</div></body></html>`,
      ),
    );
    expect(paragraphsOf(page).filter((paragraph) => paragraph.includes('of the story,'))).toHaveLength(6);
  });

  it('still leaves out comments whose name also says "post"', () => {
    const page = extractArticle(
      pageDocument(
        `<!doctype html><html><head><title>A story</title></head><body><div class="entry">${storyParagraphs(5)}</div>` +
          `<div class="theme-post-comments">${storyParagraphs(8, 'comments')}</div></body></html>`,
      ),
    );
    expect(page.text).toContain('of the story');
    expect(page.text).not.toContain('of the comments');
  });

  it('prefers the article to a longer list of teasers for other stories', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, index) =>
        `<li><a href="/other-${index}">Another story ${index}</a> A teaser for it, with a comma, another, and more words to make it long.</li>`,
    ).join('');
    const page = extractArticle(
      pageDocument(
        '<!doctype html><html><head><title>A story</title></head><body>' +
          `<div><div>${storyParagraphs(5)}</div></div><div><div><div><ul>${teasers}</ul></div></div></div></body></html>`,
      ),
    );
    expect(page.text.startsWith('Paragraph 1 of the story')).toBe(true);
    expect(page.text).not.toContain('Another story');
  });

  it.each([
    ['You may also be interested in...', 'p'],
    ['Other Opinion Columns', 'h3'],
    ['More in Milan', 'h2'],
    ['Related news', 'div'],
  ])('ends the article at "%s" when only teasers follow it in its container', (intro, tag) => {
    const teasers = Array.from(
      { length: 4 },
      (_, index) => `<h4>Another story ${index}</h4><p>A teaser for another story ${index}, in its own words.</p>`,
    ).join('');
    const page = extractArticle(
      pageDocument(
        '<!doctype html><html><head><title>A story</title></head><body>' +
          `<article>${storyParagraphs(6)}<${tag}>${intro}</${tag}>${teasers}</article></body></html>`,
      ),
    );
    expect(paragraphsOf(page)).toHaveLength(6);
    expect(page.text).not.toMatch(/Another story|teaser|interested|Other Opinion|More in|Related/);
  });

  it('keeps what follows a "Related" heading inside the article when the article goes on at length', () => {
    const page = extractArticle(
      pageDocument(
        '<!doctype html><html><head><title>A story</title></head><body>' +
          `<article>${storyParagraphs(3)}<h2>Related research</h2>${storyParagraphs(6, 'findings')}</article></body></html>`,
      ),
    );
    expect(page.text).toContain('Related research');
    expect(paragraphsOf(page).filter((paragraph) => paragraph.includes('of the findings,'))).toHaveLength(6);
  });

  it.each([
    ['<span><p>abc</p><p>def</p> ghi</span>', ['abc', 'def', 'ghi']],
    ['<article><h2>Test Case 1</h2><img src="a.png"><h2>Test Case 2</h2></article>', ['Test Case 1', 'Test Case 2']],
  ])('keeps every line of a page of a few lines, sentences or not: %s', (body, paragraphs) => {
    const page = extractArticle(
      pageDocument(`<!doctype html><html><head><title>Tiny</title></head><body>${body}</body></html>`),
    );
    expect(paragraphsOf(page)).toEqual(paragraphs);
  });
});

describe('titles: the page’s metadata, settled by what the page shows', () => {
  const titleOf = (head: string, body = '') =>
    extractArticle(pageDocument(`<!doctype html><html><head>${head}</head><body>${body}<p>${LONG}</p></body></html>`))
      .title;

  it.each([
    // Metadata names in any case, `.` for `:`, several names in one attribute; a property before a name.
    ['<title>Title element</title><meta name="DC.Title" content="Dublin Core title">', '', 'Dublin Core title'],
    ['<meta name="dc.title" content="By name"><meta property="dc:title" content="By property">', '', 'By property'],
    ['<title>T</title><meta property="x:title dc:title" content="Preferred">', '', 'Preferred'],
    ['<meta name="parsely-title" content="Parsely title">', '<h1>Unrelated heading</h1>', 'Parsely title'],
    // When titles disagree, the one the page shows as its heading.
    [
      '<meta property="og:title" content="A share title"><script type="application/ld+json">' +
        '{"@type":"NewsArticle","headline":"The headline on the page"}</script>',
      '<h1>The headline on the page</h1>',
      'The headline on the page',
    ],
    [
      '<title>Hermitian matrix - Wikipedia</title><script type="application/ld+json">' +
        '{"@type":"Article","headline":"matrix equal to its conjugate-transpose"}</script>',
      '<h1>Hermitian matrix</h1>',
      'Hermitian matrix',
    ],
    // The title the publisher declares everywhere (Open Graph, Dublin Core) beats a differently worded heading
    // and the titles for one network that repeat that heading.
    [
      '<meta property="og:title" content="Ferry fares rise again"><meta name="twitter:title" content="Why your ferry costs more">',
      '<h1>Why your ferry costs more</h1>',
      'Ferry fares rise again',
    ],
    [
      '<title>The ferry fares rise again | Harbour Gazette</title><meta property="og:title" content="Ferry fares rise again">',
      '<h1>The ferry fares rise again</h1>',
      'Ferry fares rise again',
    ],
    // A JSON-LD headline counts only from an article, not from the site or a breadcrumb.
    [
      '<title>Page title here</title><script type="application/ld+json">{"@type":"WebSite","headline":"Site"}</script>',
      '',
      'Page title here',
    ],
    // A title that is only the site's name gives way to the page's own.
    [
      '<title>Outside the web: a post · V8</title><meta property="og:title" content="V8">' +
        '<meta property="og:site_name" content="V8">',
      '<header><h1>V8</h1></header><h1>Outside the web: a post</h1>',
      'Outside the web: a post',
    ],
    // Every title left at the site's name: the page's own heading is the article's.
    [
      '<title>Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette">',
      '<h1>Harbour Gazette</h1><h1>Ferry fares rise again</h1>',
      'Ferry fares rise again',
    ],
    // A masthead heading at the title's end is the site's; the heading that starts the title is the headline.
    [
      '<title>Outside the web: a post · V8</title>',
      '<header><h1>V8</h1></header><h1>Outside the web: a post</h1>',
      'Outside the web: a post',
    ],
    [
      '<title>Evolve: Shared History — evolve extension for Mercurial</title>',
      '<h1>evolve extension for Mercurial</h1><h1>Evolve: Shared History¶</h1>',
      'Evolve: Shared History',
    ],
  ])('%s %s → %j', (head, body, title) => {
    expect(titleOf(head, body)).toBe(title);
  });
});

describe('the canonical address', () => {
  const urlOf = (head: string, location = 'https://news.example/2024/05/story.html?utm_source=feed#comments') =>
    extractArticle(
      pageDocument(`<!doctype html><html><head>${head}</head><body><p>${LONG}</p></body></html>`, location),
    ).url;

  it.each([
    ['', 'https://news.example/2024/05/story.html?utm_source=feed'],
    [
      '<link rel="canonical" href="https://news.example/2024/05/story.html">',
      'https://news.example/2024/05/story.html',
    ],
    ['<link rel="canonical" href="/2024/05/story.html#top">', 'https://news.example/2024/05/story.html'],
    ['<link rel="Canonical" href="https://other.example/original">', 'https://other.example/original'],
    ['<meta property="og:url" content="https://news.example/story">', 'https://news.example/story'],
    [
      '<link rel="canonical" href="https://news.example/a"><meta property="og:url" content="https://news.example/b">',
      'https://news.example/a',
    ],
    // A template's canonical that is only the home page, or not a web address, is not this article's.
    ['<link rel="canonical" href="https://news.example/">', 'https://news.example/2024/05/story.html?utm_source=feed'],
    ['<link rel="canonical" href="javascript:void(0)">', 'https://news.example/2024/05/story.html?utm_source=feed'],
  ])('%s → %s', (head, url) => {
    expect(urlOf(head)).toBe(url);
  });

  it('keeps the home page as canonical on the home page', () => {
    expect(urlOf('<link rel="canonical" href="https://news.example/">', 'https://news.example/?ref=x')).toBe(
      'https://news.example/',
    );
  });
});
