/**
 * The build-time rewrite that takes Preact's `innerHTML` assignment out of every bundle, run on the
 * Preact that is installed: the Firefox package lints without warnings only while it still applies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DANGEROUS_HTML_ERROR,
  noPreactInnerHtml,
  preactModuleKind,
  withoutPreactInnerHtml,
} from '@/scripts/vite-plugins/no-inner-html';

const require = createRequire(import.meta.url);
const PREACT_CORE = require.resolve('preact');
const PREACT_ROOT = path.dirname(require.resolve('preact/package.json'));
const original = readFileSync(PREACT_CORE, 'utf8');

/** Every assignment of markup, as the add-on linter sees them. */
const MARKUP_ASSIGNMENT = /\.(?:inner|outer)HTML\s*=(?!=)/g;

function moduleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'src') return [];
    return statSync(full).isDirectory() ? moduleFiles(full) : /\.m?js$/.test(name) ? [full] : [];
  });
}

/** The plugin's transform hook, called the way Vite calls it, with `this.error` recorded. */
function runPlugin(code: string, id: string) {
  const plugin = noPreactInnerHtml();
  const hook = plugin.transform as { filter: { id: RegExp }; handler: (...args: unknown[]) => unknown };
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  if (!hook.filter.id.test(id)) return { result: null, error };
  try {
    return { result: hook.handler.call({ error }, code, id), error };
  } catch {
    return { result: undefined, error };
  }
}

describe('withoutPreactInnerHtml on the installed Preact', () => {
  const rewritten = withoutPreactInnerHtml(original);

  it('starts from a Preact that assigns innerHTML exactly once', () => {
    expect(preactModuleKind(PREACT_CORE)).toBe('core');
    expect(original.match(MARKUP_ASSIGNMENT)).toHaveLength(1);
  });

  it('leaves no innerHTML assignment', () => {
    expect(rewritten.match(MARKUP_ASSIGNMENT)).toBeNull();
    expect(rewritten).toContain(JSON.stringify(DANGEROUS_HTML_ERROR));
  });

  it('changes nothing else in the file', () => {
    const assignment = /\(\w+\.innerHTML=\w+\.__html\)/.exec(original)!;
    const before = original.slice(0, assignment.index);
    const after = original.slice(assignment.index + assignment[0].length);
    expect(rewritten.startsWith(before)).toBe(true);
    expect(rewritten.endsWith(after)).toBe(true);
    expect(rewritten.slice(before.length, rewritten.length - after.length)).toMatch(
      /^\(\(\)=>\{throw new Error\(.*\)\}\)\(\)$/,
    );
  });

  describe('the rewritten Preact, rendering in a document', () => {
    // Node itself loads the module from a data: address (Vitest will not serve a file outside the project).
    const load = async () => {
      const address = `data:text/javascript;base64,${Buffer.from(rewritten).toString('base64')}`;
      return (await import(/* @vite-ignore */ address)) as typeof import('preact');
    };

    it('renders ordinary trees, and markup in props stays text', async () => {
      const { h, render } = await load();
      const root = document.createElement('div');
      const title = '<img src=x onerror=alert(1)>';
      render(h('article', { class: 'story' }, h('h2', null, title), h('p', null, 'Body')), root);
      expect(root.querySelector('h2')?.textContent).toBe(title);
      expect(root.querySelector('img')).toBeNull();
      render(h('article', { class: 'story' }, h('p', null, 'Changed')), root);
      expect(root.textContent).toBe('Changed');
    });

    it('throws instead of writing dangerouslySetInnerHTML into the element', async () => {
      const { h, render } = await load();
      const root = document.createElement('div');
      expect(() => render(h('div', { dangerouslySetInnerHTML: { __html: '<img src=x>' } }), root)).toThrow(
        DANGEROUS_HTML_ERROR,
      );
      expect(root.querySelector('img')).toBeNull();
    });
  });
});

describe('a Preact the rewrite was not written for', () => {
  it.each([
    ['the assignment is gone', original.replace(/\((\w+)\.innerHTML=(\w+)\.__html\)/, '($1.setHTML($2.__html))')],
    [
      'the assignment is written differently',
      original.replace(/\((\w+)\.innerHTML=(\w+)\.__html\)/, '($1.innerHTML = $2.__html)'),
    ],
    ['there are two of them', `${original}\n(a.innerHTML=b.__html);`],
    ['another element gets markup', `${original}\nx.outerHTML=y;`],
  ])('fails the build when %s', (_case, code) => {
    expect(() => withoutPreactInnerHtml(code)).toThrow(/no-inner-html: .*Preact changed/);
    const { error } = runPlugin(code, PREACT_CORE);
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toMatch(/scripts\/vite-plugins\/no-inner-html\.ts/);
  });
});

describe('the Vite plugin', () => {
  it('rewrites Preact’s core, also when Vite adds a query to its id', () => {
    for (const id of [PREACT_CORE, `${PREACT_CORE}?v=1234`]) {
      const { result, error } = runPlugin(original, id);
      expect(error).not.toHaveBeenCalled();
      expect((result as { code: string }).code).toBe(withoutPreactInnerHtml(original));
    }
  });

  it('passes every other installed Preact module through unchanged', () => {
    const others = moduleFiles(PREACT_ROOT).filter((file) => preactModuleKind(file) === 'other');
    expect(others.length).toBeGreaterThan(5);
    for (const file of others) {
      const { result, error } = runPlugin(readFileSync(file, 'utf8'), file);
      expect(error, file).not.toHaveBeenCalled();
      expect(result, file).toBeNull();
    }
  });

  it('fails the build when another Preact module starts writing markup', () => {
    const { error } = runPlugin(
      'export function f(a,b){a.innerHTML=b}',
      path.join(PREACT_ROOT, 'compat/dist/compat.mjs'),
    );
    expect(error).toHaveBeenCalledOnce();
  });

  it('leaves code that is not Preact alone, markup and all', () => {
    const { result, error } = runPlugin('el.innerHTML = html;', '/work/node_modules/not-preact/index.js');
    expect(result).toBeNull();
    expect(error).not.toHaveBeenCalled();
  });
});
