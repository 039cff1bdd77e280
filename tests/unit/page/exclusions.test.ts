import { afterEach, describe, expect, it, vi } from 'vitest';
import { bulkyExcludedElements, ExclusionCache } from '@/src/page/exclusions';
import { setBody, textNodesContaining } from './dom';

const notOwn = () => false;

describe('exclusions', () => {
  afterEach(() => {
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
    expect(new ExclusionCache(notOwn).excludesText(node!)).toBe(true);
  });

  it.each([
    ['a paragraph', '<p>TikTok</p>'],
    ['a link', '<p><a href="#x">TikTok</a></p>'],
    ['a non-editable island', '<div contenteditable="false"><p>TikTok</p></div>'],
    ['a button label', '<button>TikTok</button>'],
  ])('keeps text in %s', (_label, html) => {
    setBody(html);
    const [node] = textNodesContaining(document.body, 'TikTok');
    expect(new ExclusionCache(notOwn).excludesText(node!)).toBe(false);
  });

  it("skips Factlens's own elements and everything inside them", () => {
    setBody('<factlens-root><span>TikTok</span></factlens-root><p>TikTok</p>');
    const isOwn = (element: Element) => element.localName === 'factlens-root';
    const [inside, outside] = textNodesContaining(document.body, 'TikTok');
    const exclusions = new ExclusionCache(isOwn);
    expect(exclusions.excludesText(inside!)).toBe(true);
    expect(exclusions.excludesText(outside!)).toBe(false);
  });

  it('skips everything while the whole document is in design mode', () => {
    setBody('<p>TikTok</p>');
    document.designMode = 'on';
    expect(new ExclusionCache(notOwn).excludes(document.querySelector('p')!)).toBe(true);
  });

  it('remembers verdicts: judging every paragraph of an editor visits each ancestor once', () => {
    setBody(`<div contenteditable="true">${'<p><b>x</b></p>'.repeat(50)}</div><p id="free">y</p>`);
    const editor = document.querySelector('div')!;
    const reads = vi.spyOn(editor, 'getAttribute');
    const exclusions = new ExclusionCache(notOwn);
    for (const bold of document.querySelectorAll('b')) expect(exclusions.excludes(bold)).toBe(true);
    expect(exclusions.excludes(document.getElementById('free')!)).toBe(false);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('lists the script, style and noscript elements the walk skips, also in shadow roots', () => {
    setBody('<p>text</p><script id="a"></script><div><style id="b"></style></div><noscript id="c"></noscript>');
    expect(
      bulkyExcludedElements(document.body)
        .map((element) => element.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<style id="d"></style><p>x</p>';
    expect(bulkyExcludedElements(shadow).map((element) => element.id)).toEqual(['d']);
  });
});
