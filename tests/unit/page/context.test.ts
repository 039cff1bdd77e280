import { describe, expect, it } from 'vitest';
import { surroundingsOf } from '@/src/page/context';
import { setBody, textNodesContaining } from './dom';

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
