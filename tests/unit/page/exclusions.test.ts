import { beforeEach, describe, expect, it } from 'vitest';
import { isExcludedElement, isExcludedText, outermostExcludedElements } from '../../../src/page/exclusions';
import { setBody, textNodesContaining } from './dom';

const notOwn = () => false;

describe('exclusions', () => {
  beforeEach(() => {
    document.designMode = 'off';
  });

  it.each([
    ['a textarea', '<textarea>TikTok</textarea>'],
    ['a select option', '<select><option>TikTok</option></select>'],
    ['a script', '<script>var x = "TikTok";</script>'],
    ['a style sheet', '<style>/* TikTok */</style>'],
    ['a noscript fallback', '<noscript>TikTok</noscript>'],
    ['an editable region', '<div contenteditable="true"><p><b>TikTok</b></p></div>'],
    ['an editable region (empty attribute)', '<div contenteditable><p>TikTok</p></div>'],
    ['a plaintext-only editable region', '<div contenteditable="plaintext-only">TikTok</div>'],
    ['a role=textbox widget', '<div role="textbox"><span>TikTok</span></div>'],
    ['a CodeMirror 6 editor', '<div class="cm-editor"><div class="cm-line">TikTok</div></div>'],
    ['a CodeMirror 5 editor', '<div class="CodeMirror"><pre>TikTok</pre></div>'],
    ['a Monaco editor', '<div class="monaco-editor"><span>TikTok</span></div>'],
    ['an ACE editor', '<div class="ace_editor"><div>TikTok</div></div>'],
    ['SVG text', '<svg><text>TikTok</text></svg>'],
  ])('skips text in %s', (_label, html) => {
    setBody(`<p>before</p>${html}`);
    const [node] = textNodesContaining(document.body, 'TikTok');
    expect(node).toBeDefined();
    expect(isExcludedText(node!, notOwn)).toBe(true);
  });

  it.each([
    ['a paragraph', '<p>TikTok</p>'],
    ['a link', '<p><a href="#x">TikTok</a></p>'],
    ['a non-editable island', '<div contenteditable="false"><p>TikTok</p></div>'],
    ['a button label', '<button>TikTok</button>'],
  ])('keeps text in %s', (_label, html) => {
    setBody(html);
    const [node] = textNodesContaining(document.body, 'TikTok');
    expect(isExcludedText(node!, notOwn)).toBe(false);
  });

  it("skips Factlens's own elements and everything inside them", () => {
    setBody('<factlens-root><span>TikTok</span></factlens-root><p>TikTok</p>');
    const isOwn = (element: Element) => element.localName === 'factlens-root';
    const [inside, outside] = textNodesContaining(document.body, 'TikTok');
    expect(isExcludedText(inside!, isOwn)).toBe(true);
    expect(isExcludedText(outside!, isOwn)).toBe(false);
  });

  it('skips everything while the whole document is in design mode', () => {
    setBody('<p>TikTok</p>');
    document.designMode = 'on';
    expect(isExcludedElement(document.querySelector('p')!, notOwn)).toBe(true);
  });

  it('lists only the outermost excluded elements, in document order', () => {
    setBody(
      '<div contenteditable="true" id="a"><textarea></textarea><div class="cm-editor"></div></div>' +
        '<p>text</p><script id="b"></script><svg id="c"><style></style></svg>',
    );
    expect(outermostExcludedElements(document.body).map((element) => element.id)).toEqual(['a', 'b', 'c']);
  });
});
