/**
 * The pages the benchmark reads: the saved real pages in tests/fixtures/pages, and
 * generated stress pages (200,000 text nodes; 50,000 mentions; a page that
 * keeps appending; frames without text; a page to hover on). Generation is
 * deterministic: every run reads the same bytes.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './aliases';

/** A page of the corpus: where the server finds it and how it is named in the report. */
export interface CorpusPage {
  name: string;
  /** Path on the benchmark server. */
  path: string;
  kind: 'real' | 'generated';
}

/** The saved real pages in `dir` (every `.html` file), sorted by name. */
export function realPages(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ name: path.basename(file, '.html'), path: `/pages/${file}`, kind: 'real' as const }));
}

/** Names the generated pages mention: bundled aliases that need no context words. */
export const MENTIONED_NAMES: readonly string[] = [
  'TikTok',
  'ByteDance',
  'Microsoft',
  'OpenAI',
  'ChatGPT',
  'Elon Musk',
  'Silicon Valley',
  'United Nations',
  'US Department of Energy',
  'Columbia University',
];

const WORDS = (
  'the of and to in a is that for on with as was by at from its it has are be this have an which will said ' +
  'company market growth revenue cloud data center chips model quarter year percent million billion ' +
  'investment investors report analysts customers services platform energy power network research policy ' +
  'government users deal shares stock price sales demand supply costs plans launch new first largest'
).split(' ');

function prose(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  return out.join(' ');
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/**
 * Paragraphs of five text nodes each (`text <b>text</b> text <a>text</a> text`),
 * no whitespace between them, so the body holds exactly `textNodes` text
 * nodes (a multiple of five); every eighth paragraph names an entity.
 */
export function manyTextNodesPage(textNodes = 200_000): string {
  const next = seededRandom(200_000);
  const paragraphs: string[] = [];
  for (let i = 0; i < textNodes / 5; i++) {
    const lead = i % 8 === 0 ? `${MENTIONED_NAMES[i % MENTIONED_NAMES.length]} ${prose(next, 3)}` : prose(next, 4);
    paragraphs.push(
      `<p>${lead} <b>${prose(next, 2)}</b> ${prose(next, 3)} <a href="#p${i}">${prose(next, 2)}</a> ${prose(next, 2)}.</p>`,
    );
  }
  return page('200,000 text nodes', paragraphs.join(''));
}

/** `mentions` mentions, ten to a paragraph of one text node each, in ordinary prose. */
export function manyMentionsPage(mentions = 50_000): string {
  const next = seededRandom(50_000);
  const paragraphs: string[] = [];
  for (let i = 0; i < mentions / 10; i++) {
    const parts: string[] = [];
    for (let j = 0; j < 10; j++) parts.push(prose(next, 4), MENTIONED_NAMES[(i + j) % MENTIONED_NAMES.length]!);
    paragraphs.push(`<p>${parts.join(' ')}.</p>`);
  }
  return page('50,000 mentions', paragraphs.join('\n'));
}

/**
 * An article that appends a paragraph every `intervalMs` (a live blog, a
 * chat): each paragraph names an entity. `window.stopAppending()` stops it;
 * `window.appended` counts the paragraphs.
 */
export function appendingPage(intervalMs = 10): string {
  const next = seededRandom(10);
  const intro = Array.from(
    { length: 20 },
    (_, i) => `<p>${prose(next, 30)} ${MENTIONED_NAMES[i % MENTIONED_NAMES.length]} ${prose(next, 20)}.</p>`,
  );
  const script = `<script>
(() => {
  const words = ${JSON.stringify(WORDS)};
  const names = ${JSON.stringify(MENTIONED_NAMES)};
  let seed = 1;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const phrase = (n) => Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
  const feed = document.getElementById('feed');
  window.appended = 0;
  const timer = setInterval(() => {
    const p = document.createElement('p');
    p.textContent = phrase(12) + ' ' + names[window.appended % names.length] + ' ' + phrase(8) + '.';
    feed.append(p);
    window.appended++;
  }, ${intervalMs});
  window.stopAppending = () => clearInterval(timer);
})();
</script>`;
  return page('Appending every 10 ms', `<article>${intro.join('')}<div id="feed"></div></article>${script}`);
}

/** A page with no text of its own and `frames` frames without text (ads, pixels, widgets). */
export function emptyFramesPage(frames = 20, framePath = '/generated/empty-frame.html'): string {
  const iframes = Array.from(
    { length: frames },
    (_, i) => `<iframe src="${framePath}?${i}" width="300" height="60"></iframe>`,
  );
  return page('', `<div>${iframes.join('')}</div>`);
}

/** A frame without text: a few boxes, as an ad slot or a tracking frame has. */
export function emptyFramePage(): string {
  return page('', '<div style="width:300px;height:50px;background:#eee"><span></span><div></div></div>');
}

/** A short article to hover on: several mentions of different entities in the first screen. */
export function hoverPage(): string {
  const next = seededRandom(7);
  const paragraphs = MENTIONED_NAMES.map(
    (name) => `<p style="font-size:18px;line-height:1.6">${prose(next, 12)} ${name} ${prose(next, 12)}.</p>`,
  );
  return page('Hover', `<main style="max-width:700px;margin:20px auto">${paragraphs.join('')}</main>`);
}

/** An article (the hover page's) with `frames` ad-like frames beside it, each with a little text; 0: none. */
export function adFramesPage(frames: number, framePath = '/generated/ad-frame.html'): string {
  const next = seededRandom(11);
  const paragraphs = MENTIONED_NAMES.map((name) => `<p>${prose(next, 30)} ${name} ${prose(next, 30)}.</p>`);
  const iframes = Array.from(
    { length: frames },
    (_, i) => `<iframe src="${framePath}?${i}" width="300" height="250" style="border:0"></iframe>`,
  );
  return page(
    'Ad frames',
    `<main style="max-width:700px">${paragraphs.join('')}</main><aside>${iframes.join('')}</aside>`,
  );
}

/** An ad slot: a headline, a line of copy, a button and a tracking pixel, as display ads have. */
export function adFramePage(): string {
  return page(
    '',
    '<div style="width:300px;height:250px;font:14px sans-serif"><b>Save 40% on running shoes</b>' +
      '<p>Free delivery on orders over $50. Offer ends Sunday.</p><button>Shop now</button>' +
      '<img width="1" height="1" alt=""><span style="font-size:9px">Sponsored</span></div>',
  );
}

/** The generated pages by path, with their corpus entries. */
export function generatedPages(): { page: CorpusPage; html: string }[] {
  const entry = (name: string, html: string) => ({
    page: { name, path: `/generated/${name}.html`, kind: 'generated' as const },
    html,
  });
  return [
    entry('stress-200k-text-nodes', manyTextNodesPage()),
    entry('stress-50k-mentions', manyMentionsPage()),
    entry('stress-appending', appendingPage()),
    entry('empty-frames', emptyFramesPage()),
    entry('empty-frame', emptyFramePage()),
    entry('hover', hoverPage()),
    entry('ad-frames', adFramesPage(20)),
    entry('ad-frames-none', adFramesPage(0)),
    entry('ad-frame', adFramePage()),
  ];
}

/** Generated pages read like the real ones (scanned and compared); the others serve one measurement each. */
export const SCANNED_GENERATED = new Set(['stress-200k-text-nodes', 'stress-50k-mentions']);
