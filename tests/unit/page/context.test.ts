import { describe, expect, it, vi } from 'vitest';
import { PageContext, surroundingsOf } from '../../../src/page/context';
import { setBody, textNodesContaining } from './dom';

const findContext = (text: string) => (/\bchips?\b/.test(text) ? ['credo'] : []);

describe('PageContext', () => {
  it('never looks for context words on a page without ambiguous names', () => {
    const spy = vi.fn(findContext);
    const context = new PageContext(new Set(['credo']), spy);
    context.read('TikTok and chips', ['tiktok']);
    context.read('more text', []);
    context.forgetKept();
    expect(spy).not.toHaveBeenCalled();
    expect(context.satisfied.size).toBe(0);
  });

  it('finds a context word read before the ambiguous name, in the kept text', () => {
    const context = new PageContext(new Set(['credo']), findContext);
    context.read('A page about chips', []);
    context.read('Credo says', ['credo']);
    expect(context.satisfied.has('credo')).toBe(false);
    for (const text of context.takeKept()) context.examine(text);
    expect(context.satisfied.has('credo')).toBe(true);
  });

  it('examines text read after the ambiguous name as it comes', () => {
    const context = new PageContext(new Set(['credo']), findContext);
    context.read('Credo says', ['credo']);
    context.read('the chip maker', []);
    expect(context.satisfied.has('credo')).toBe(true);
  });

  it('leaves the name without context on a page with no context word', () => {
    const context = new PageContext(new Set(['credo']), findContext);
    context.read('Credo, the petition group', ['credo']);
    for (const text of context.takeKept()) context.examine(text);
    context.read('signatures', []);
    expect(context.satisfied.has('credo')).toBe(false);
  });

  it('asks for the page to be read again when the name turns up after its text was forgotten', () => {
    const context = new PageContext(new Set(['credo']), findContext);
    context.read('A page about chips', []);
    context.forgetKept();
    context.read('Credo added later', ['credo']);
    expect(context.takeRereadRequest()).toBe(true);
    expect(context.takeRereadRequest()).toBe(false);
    context.read('A page about chips', []);
    expect(context.satisfied.has('credo')).toBe(true);
  });

  it('stops looking once every ambiguous entity has context', () => {
    const spy = vi.fn(findContext);
    const context = new PageContext(new Set(['credo']), spy);
    context.read('Credo chips', ['credo']);
    context.read('more chips', ['credo']);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('surroundingsOf: what the page gives a decision', () => {
  const around = (html: string, needle: string) => {
    setBody(html);
    const node = textNodesContaining(document.body, needle)[0]!;
    const start = node.data.indexOf(needle);
    return surroundingsOf(node, start, start + needle.length, document);
  };

  it('reads the inline run across formatting elements', () => {
    const result = around('<p>Hello <b>Melinda <i>French</i></b> Gates, the donor.</p>', 'Gates');
    expect(result.before).toBe('Hello Melinda French ');
    expect(result.after).toBe(', the donor.');
    expect(result.heading).toBe(false);
  });

  it('stops at links, line breaks and blocks: a menu is a list of names', () => {
    expect(around('<nav><a>Amazon</a> <a>Microsoft</a> <a>Technology</a></nav>', 'Microsoft')).toMatchObject({
      before: '',
      after: '',
    });
    expect(around('<div>Robert<br>Gates</div>', 'Gates').before).toBe('');
    expect(around('<div><p>Robert</p>Gates</div>', 'Gates').before).toBe('');
  });

  it('tells a heading', () => {
    expect(around('<h2>Boston <span>Globe</span> Sold</h2>', 'Boston').heading).toBe(true);
  });

  it('gives the words around and the page title for context words, not the rest of the page', () => {
    document.title = 'A page title';
    const result = around(
      `<p>Chips everywhere.</p><p>${'Other news. '.repeat(40)}</p><p>Shares of <b>Credo</b> rose on <em>cable</em> demand.</p>`,
      'Credo',
    );
    expect(result.nearby()).toContain('A page title');
    expect(result.nearby()).toMatch(/Shares of\s+Credo\s+rose on\s+cable\s+demand/);
    expect(result.nearby()).not.toContain('Chips');
  });
});
