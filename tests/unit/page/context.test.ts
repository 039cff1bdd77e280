import { describe, expect, it, vi } from 'vitest';
import { PageContext } from '../../../src/page/context';

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
