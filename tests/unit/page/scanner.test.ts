import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { ExclusionCache } from '@/src/page/exclusions';
import {
  hasReadableText,
  isBlank,
  locateMentions,
  mentionsByNode,
  NODE_SEPARATOR,
  openShadowRoots,
  TextWalk,
  type TextChunk,
} from '@/src/page/scanner';
import { setBody } from './dom';

const payload: MatcherPayload = {
  v: 1,
  entities: ['tiktok', 'microsoft', 'doe'],
  aliases: [
    ['TikTok', 0, 0],
    ['Microsoft', 1, 0],
    ['Department of Energy', 2, 0],
  ],
  context: {},
};
const matcher = compileMatcher(payload);

function readAll(root: Node, limits = { maxNodes: 2048, maxChars: 65_536 }): TextChunk[] {
  const walk = new TextWalk(root);
  const chunks: TextChunk[] = [];
  for (let chunk = walk.nextChunk(limits); chunk; chunk = walk.nextChunk(limits)) chunks.push(chunk);
  expect(walk.done).toBe(true);
  return chunks;
}

const isOwn = (element: Element) => element.localName === 'factlens-root';

/** Each mention found by walking `root` as the page layer does, as the text its node holds at its offsets. */
function mentionTexts(root: Node): string[] {
  const exclusions = new ExclusionCache(isOwn);
  return readAll(root).flatMap((chunk) =>
    mentionsByNode(chunk, matcher.findMentions(chunk.text), exclusions).flatMap(({ node, mentions }) =>
      mentions.map((mention) => node.data.slice(mention.start, mention.end)),
    ),
  );
}

describe('TextWalk', () => {
  it('finds the mentions in the page text in document order, leaving out code, fields and editors', () => {
    setBody(`
      <p>TikTok and <b>Microsoft</b></p>
      <script>var a = "TikTok";</script>
      <style>.x::after { content: "Microsoft" }</style>
      <textarea>TikTok in a field</textarea>
      <input value="TikTok">
      <div contenteditable="true">Draft about <i>Microsoft</i></div>
      <noscript>Microsoft</noscript>
      <factlens-root><span>TikTok</span></factlens-root>
      <p>the Department of\n   Energy</p>`);
    expect(mentionTexts(document.body)).toEqual(['TikTok', 'Microsoft', 'Department of\n   Energy']);
  });

  it.each([
    ['', true],
    ['\n      ', true],
    [' \t\r\n', true],
    ['\u00a0', false],
    ['  TikTok', false],
  ])('leaves out blank text nodes: %j → %s', (data, blank) => {
    expect(isBlank(data)).toBe(blank);
  });

  it('does not even read the text of scripts, styles and noscript', () => {
    setBody('<p>a</p><script>var s = "TikTok";</script><style>b{}</style><noscript>c</noscript><p>d</p>');
    expect(readAll(document.body).flatMap((chunk) => chunk.nodes.map((node) => node.data))).toEqual(['a', 'd']);
  });

  it('joins nodes with a separator no mention can cross', () => {
    setBody('<p>Tik</p>\n  <p>Tok</p><span>Micro</span>soft');
    const [chunk] = readAll(document.body);
    expect(chunk!.text).toBe(['Tik', 'Tok', 'Micro', 'soft'].join(NODE_SEPARATOR));
    expect(matcher.findMentions(chunk!.text)).toEqual([]);
  });

  it('splits a long page into chunks within the limits and loses no node', () => {
    setBody(Array.from({ length: 50 }, (_, i) => `<p>TikTok ${i}</p>`).join(''));
    const chunks = readAll(document.body, { maxNodes: 8, maxChars: 1000 });
    expect(chunks.length).toBe(7);
    expect(chunks.every((chunk) => chunk.nodes.length <= 8)).toBe(true);
    expect(chunks.flatMap((chunk) => chunk.nodes.map((node) => node.data))).toEqual(
      Array.from({ length: 50 }, (_, i) => `TikTok ${i}`),
    );
  });

  it('reads a single text node root', () => {
    setBody('<p>Microsoft</p>');
    const text = document.querySelector('p')!.firstChild!;
    expect(mentionTexts(text)).toEqual(['Microsoft']);
  });

  it('reads an open shadow root, found by openShadowRoots', () => {
    setBody('<p>TikTok</p><div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Related: Microsoft</p><textarea>TikTok</textarea>';
    const found = [...openShadowRoots(document.body, () => false)].filter((root) => root !== null);
    expect(found).toEqual([shadow]);
    expect(mentionTexts(shadow)).toEqual(['Microsoft']);
  });

  it("does not report the shadow roots of Factlens's own elements", () => {
    setBody('<factlens-root></factlens-root>');
    document.querySelector('factlens-root')!.attachShadow({ mode: 'open' }).innerHTML = '<p>TikTok</p>';
    const found = [...openShadowRoots(document.body, (element) => element.localName === 'factlens-root')];
    expect(found.filter((root) => root !== null)).toEqual([]);
  });

  it('keeps skipping scripts after the page removed one it had not reached yet', () => {
    setBody('<p>one</p><script id="gone">var a;</script><p>two</p><script>var b;</script><p>three</p>');
    const walk = new TextWalk(document.body);
    const first = walk.nextChunk({ maxNodes: 1, maxChars: 1000 });
    document.getElementById('gone')!.remove();
    const rest = walk.nextChunk({ maxNodes: 100, maxChars: 1000 });
    expect([first, rest].flatMap((chunk) => chunk!.nodes.map((node) => node.data))).toEqual(['one', 'two', 'three']);
  });

  it('notices when the node it stopped at was removed between chunks', () => {
    setBody('<p id="a">one</p><p id="b">two</p><p id="c">three</p>');
    const walk = new TextWalk(document.body);
    walk.nextChunk({ maxNodes: 1, maxChars: 1000 });
    expect(walk.lostPlace).toBe(false);
    document.getElementById('a')!.remove();
    expect(walk.lostPlace).toBe(true);
  });
});

describe('locateMentions', () => {
  const chunk = { starts: [0, 7, 14], text: ['TikTok', 'abc de', 'TikTok and'].join(NODE_SEPARATOR) };

  it.each([
    ['in the first node', { start: 0, end: 6 }, { nodeIndex: 0, start: 0, end: 6 }],
    ['in a later node', { start: 14, end: 20 }, { nodeIndex: 2, start: 0, end: 6 }],
    ['in the middle of a node', { start: 11, end: 13 }, { nodeIndex: 1, start: 4, end: 6 }],
  ])('maps a mention %s to its node', (_label, span, expected) => {
    expect(locateMentions(chunk, [{ ...span, entityId: 'x' }])).toEqual([{ ...expected, entityId: 'x' }]);
  });

  it('drops a mention that would cross a node boundary', () => {
    expect(locateMentions(chunk, [{ start: 4, end: 9, entityId: 'x' }])).toEqual([]);
  });
});

describe('hasReadableText', () => {
  it.each([
    ['an empty body', '', false],
    ['whitespace only', '  \n\t <div> </div>', false],
    ['only a script and a style', '<script>var a = 1;</script><style>p{}</style>', false],
    ['only a text field', '<textarea>Hello</textarea>', false],
    ['a word', '<div><span>Hello</span></div>', true],
  ])('%s → %s', (_label, html, expected) => {
    setBody(html);
    expect(hasReadableText(document.body, isOwn)).toBe(expected);
  });
});
