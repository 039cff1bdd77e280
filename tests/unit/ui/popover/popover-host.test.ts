/**
 * The popover host in happy-dom: mounting, showing, hiding, keys, focus and
 * teardown. Geometry, the top layer and page-CSS isolation need a real browser
 * and are left to the browser tests.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityDetails } from '@/src/messages/schema';
import type { PopoverHost, PopoverHostOptions } from '@/src/page/popover';
import { createPopoverHost, POPOVER_HOST_TAG } from '@/src/ui/popover/popover-host';
import { credoDetails, microsoftDetails, tiktokDetails } from './fixtures';

const DETAILS: Record<string, EntityDetails> = {
  tiktok: tiktokDetails,
  microsoft: microsoftDetails,
  credo: credoDetails,
};

let controller: AbortController;
let paragraph: HTMLParagraphElement;
let pageButton: HTMLButtonElement;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
  paragraph = document.createElement('p');
  paragraph.textContent = 'As of March, TikTok was paying Microsoft nearly $20 million per month. Credo cables.';
  pageButton = document.createElement('button');
  pageButton.textContent = 'A page button';
  document.body.append(paragraph, pageButton);
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

/** A live Range over the first occurrence of `word` in the test paragraph. */
function rangeOver(word: string): Range {
  const text = paragraph.firstChild as Text;
  const start = text.data.indexOf(word);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + word.length);
  return range;
}

function createHost(overrides: Partial<PopoverHostOptions> = {}) {
  const options = {
    signal: controller.signal,
    loadDetails: vi.fn(async (id: string) => {
      const details = DETAILS[id];
      if (!details) throw new Error(`no entity ${id}`);
      return details;
    }),
    onOpenStory: vi.fn(),
    onMute: vi.fn(),
    ...overrides,
  };
  const host = createPopoverHost(options);
  return { host, options };
}

function shadowOf(host: PopoverHost): ShadowRoot {
  const shadow = host.hostElement.shadowRoot;
  if (!shadow) throw new Error('the host has no open shadow root');
  return shadow;
}

function dialogOf(host: PopoverHost): HTMLElement | null {
  return shadowOf(host).querySelector<HTMLElement>('[role="dialog"]');
}

function liveRegionOf(host: PopoverHost): HTMLElement {
  return shadowOf(host).querySelector<HTMLElement>('[role="status"]')!;
}

function buttonIn(host: PopoverHost, name: string): HTMLButtonElement {
  const button = [...shadowOf(host).querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name,
  );
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

function pressEscape(target: EventTarget): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** A promise with its resolve and reject exposed, to control when a load finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('mounting', () => {
  it('adds one <factlens-root> to <html>, not <body>, with an open shadow root and its styles', () => {
    const { host } = createHost();
    expect(host.hostElement.tagName.toLowerCase()).toBe(POPOVER_HOST_TAG);
    expect(host.hostElement.parentNode).toBe(document.documentElement);
    expect(document.querySelectorAll(POPOVER_HOST_TAG)).toHaveLength(1);
    const shadow = shadowOf(host);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    const css = [...shadow.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n');
    expect(css).toContain(':host');
    expect(css).toContain('.fl-popover');
    // Nothing in the page's light DOM: the host has no children and no style attribute.
    expect(host.hostElement.childNodes).toHaveLength(0);
    expect(host.hostElement.hasAttribute('style')).toBe(false);
  });

  it('is closed and empty until shown', () => {
    const { host } = createHost();
    expect(host.isOpen).toBe(false);
    expect(host.entityId).toBeNull();
    expect(dialogOf(host)).toBeNull();
  });
});

describe('show and hide', () => {
  it('loads the entity and shows its popover', async () => {
    const { host, options } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(options.loadDetails).toHaveBeenCalledExactlyOnceWith('tiktok');
    expect(host.isOpen).toBe(true);
    expect(host.entityId).toBe('tiktok');
    expect(dialogOf(host)?.querySelector('h2')?.textContent).toBe('TikTok');
    expect(shadowOf(host).querySelector('.fl-layer')?.classList.contains('fl-open')).toBe(true);
  });

  it('announces what opened when it did not take focus', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(liveRegionOf(host).textContent).toBe('TikTok: 2 figures, 1 story');
  });

  it('hides, empties the popover and forgets the entity', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    host.hide();
    expect(host.isOpen).toBe(false);
    expect(host.entityId).toBeNull();
    expect(dialogOf(host)).toBeNull();
    expect(liveRegionOf(host).textContent).toBe('');
    expect(shadowOf(host).querySelector('.fl-layer')?.classList.contains('fl-open')).toBe(false);
  });

  it('moves to another entity, replacing the content', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    await host.show({ range: rangeOver('Microsoft'), entityId: 'microsoft' });
    expect(host.entityId).toBe('microsoft');
    expect(dialogOf(host)?.querySelector('h2')?.textContent).toBe('Microsoft');
    expect(shadowOf(host).querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('does not reload when moved to another mention of the same entity', async () => {
    const { host, options } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(options.loadDetails).toHaveBeenCalledOnce();
    expect(host.isOpen).toBe(true);
  });

  it('drops a slow answer that a later show overtook', async () => {
    const slow = deferred<EntityDetails>();
    const { host } = createHost({
      loadDetails: vi.fn((id: string) => (id === 'tiktok' ? slow.promise : Promise.resolve(microsoftDetails))),
    });
    const first = host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    await host.show({ range: rangeOver('Microsoft'), entityId: 'microsoft' });
    slow.resolve(tiktokDetails);
    await first;
    expect(host.entityId).toBe('microsoft');
    expect(dialogOf(host)?.querySelector('h2')?.textContent).toBe('Microsoft');
  });

  it('stays closed when hidden before the answer arrived', async () => {
    const slow = deferred<EntityDetails>();
    const { host } = createHost({ loadDetails: vi.fn(() => slow.promise) });
    const showing = host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    host.hide();
    slow.resolve(tiktokDetails);
    await showing;
    expect(host.isOpen).toBe(false);
    expect(dialogOf(host)).toBeNull();
  });

  it('says "Loading facts…" when the answer is slow, then shows the facts', async () => {
    const slow = deferred<EntityDetails>();
    const { host } = createHost({ loadDetails: vi.fn(() => slow.promise) });
    const showing = host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(host.isOpen).toBe(true);
    expect(dialogOf(host)?.getAttribute('aria-busy')).toBe('true');
    expect(dialogOf(host)?.textContent).toContain('Loading facts…');
    slow.resolve(tiktokDetails);
    await showing;
    expect(dialogOf(host)?.querySelector('h2')?.textContent).toBe('TikTok');
  });

  it('shows an alert when the facts cannot be loaded', async () => {
    const { host } = createHost({ loadDetails: vi.fn(() => Promise.reject(new Error('The background is asleep.'))) });
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(host.isOpen).toBe(true);
    const alert = shadowOf(host).querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Factlens could not load its facts about this name. The background is asleep.');
  });

  it('puts itself back on the page if the page removed it', async () => {
    const { host } = createHost();
    host.hostElement.remove();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(host.hostElement.parentNode).toBe(document.documentElement);
  });

  it('passes the theme setting to the popover', async () => {
    const { host } = createHost({ theme: () => 'dark' });
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(dialogOf(host)?.dataset.theme).toBe('dark');
  });

  it('sets its position through the CSSOM once the mention has a size', async () => {
    const { host } = createHost();
    const range = rangeOver('TikTok');
    const rect = new DOMRect(120, 200, 48, 18);
    vi.spyOn(range, 'getBoundingClientRect').mockReturnValue(rect);
    vi.spyOn(range, 'getClientRects').mockReturnValue([rect] as unknown as DOMRectList);
    await host.show({ range, entityId: 'tiktok' });
    const layer = shadowOf(host).querySelector<HTMLElement>('.fl-layer')!;
    // happy-dom lays nothing out (the popover has no size and every ancestor clips to nothing), so
    // where it lands means nothing here; the browser tests check geometry. This checks it was placed.
    expect(layer.style.top).toMatch(/^\d+px$/);
    expect(layer.style.left).toMatch(/^\d+px$/);
  });

  it('keeps the popover invisible while its mention has no box', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    // happy-dom lays nothing out, so the range is 0×0, as a removed or hidden mention is.
    expect(shadowOf(host).querySelector('.fl-layer')?.classList.contains('fl-hidden')).toBe(true);
  });
});

describe('actions', () => {
  it('forwards "Open story" and stays open', async () => {
    const { host, options } = createHost();
    await host.show({ range: rangeOver('Credo'), entityId: 'credo' });
    buttonIn(
      host,
      'Open story: Tying it all together: Credo’s purple cables power the $4B AI data center boom',
    ).click();
    expect(options.onOpenStory).toHaveBeenCalledExactlyOnceWith('credo-purple-cables');
    expect(host.isOpen).toBe(true);
  });

  it('closes and forwards "Not this Credo"', async () => {
    const { host, options } = createHost();
    await host.show({ range: rangeOver('Credo'), entityId: 'credo' });
    buttonIn(host, 'Not this Credo').click();
    expect(options.onMute).toHaveBeenCalledExactlyOnceWith('credo');
    expect(host.isOpen).toBe(false);
  });

  it('offers the entities a shared name may mean by name, and shows the one chosen', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('Microsoft'), entityId: 'microsoft', candidates: ['microsoft', 'tiktok'] });
    const pressed = () =>
      [...shadowOf(host).querySelectorAll('.fl-candidate')].map(
        (button) => `${button.textContent} ${button.getAttribute('aria-pressed')}`,
      );
    expect(pressed()).toEqual(['Microsoft true', 'TikTok false']);
    buttonIn(host, 'TikTok').click();
    await vi.waitFor(() => expect(host.entityId).toBe('tiktok'));
    await vi.waitFor(() => expect(pressed()).toEqual(['Microsoft false', 'TikTok true']));
    expect(shadowOf(host).querySelector('.fl-title')?.textContent).toBe('TikTok');
    // Chosen with the pointer while focus was on the page: focus stays there, the live region says it.
    expect(host.contains(document.activeElement)).toBe(false);
    expect(liveRegionOf(host).textContent).toBe('TikTok: 2 figures, 1 story');
  });

  it('keeps keyboard focus on the name chosen, now pressed', async () => {
    const { host } = createHost();
    await host.show(
      { range: rangeOver('Microsoft'), entityId: 'microsoft', candidates: ['microsoft', 'tiktok'] },
      { focus: true },
    );
    const tiktok = buttonIn(host, 'TikTok');
    tiktok.focus();
    tiktok.click();
    await vi.waitFor(() => expect(shadowOf(host).activeElement?.getAttribute('aria-pressed')).toBe('true'));
    expect(shadowOf(host).activeElement?.textContent).toBe('TikTok');
  });

  it('offers "Not this" for a shared name offered alone, its other entities muted on the site', async () => {
    const { host, options } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok', sharedName: true });
    expect(shadowOf(host).querySelector('.fl-candidates')).toBeNull();
    buttonIn(host, 'Not this TikTok').click();
    expect(options.onMute).toHaveBeenCalledExactlyOnceWith('tiktok');
  });

  it('closes from its close button', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    buttonIn(host, 'Close').click();
    expect(host.isOpen).toBe(false);
  });
});

describe('focus', () => {
  it('takes focus when asked and gives it back on hide', async () => {
    const { host } = createHost();
    pageButton.focus();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' }, { focus: true });
    expect(shadowOf(host).activeElement).toBe(dialogOf(host));
    expect(liveRegionOf(host).textContent).toBe('');
    host.hide({ restoreFocus: true });
    expect(document.activeElement).toBe(pageButton);
  });

  it('leaves focus on the page when shown on hover', async () => {
    const { host } = createHost();
    pageButton.focus();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(document.activeElement).toBe(pageButton);
    expect(shadowOf(host).activeElement).toBeNull();
  });

  it('does not pull focus back when the reader has moved it elsewhere on the page', async () => {
    const { host } = createHost();
    const input = document.createElement('input');
    document.body.append(input);
    pageButton.focus();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' }, { focus: true });
    input.focus();
    host.hide({ restoreFocus: true });
    expect(document.activeElement).toBe(input);
  });
});

describe('keys', () => {
  it('closes on Escape inside the popover, keeps the key from the page, and restores focus', async () => {
    const { host } = createHost();
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    pageButton.focus();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' }, { focus: true });
    const event = pressEscape(dialogOf(host)!);
    document.removeEventListener('keydown', pageListener);
    expect(host.isOpen).toBe(false);
    expect(event.defaultPrevented).toBe(true);
    expect(pageListener).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(pageButton);
  });

  it('closes on Escape on the page without taking the key from it', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    const event = pressEscape(pageButton);
    expect(host.isOpen).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it.each([
    ['an input', () => document.createElement('input')],
    ['a textarea', () => document.createElement('textarea')],
  ])('leaves Escape to %s that has focus', async (_name, makeField) => {
    const { host } = createHost();
    const field = makeField();
    document.body.append(field);
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    field.focus();
    pressEscape(field);
    expect(host.isOpen).toBe(true);
  });

  it('leaves Escape alone when the page already handled it', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    pageButton.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    pressEscape(pageButton);
    expect(host.isOpen).toBe(true);
  });

  it.each(['Enter', 'ArrowDown', 'Tab', 'k'])('ignores %s', async (key) => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    pageButton.dispatchEvent(event);
    expect(host.isOpen).toBe(true);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('contains', () => {
  it('knows its own nodes from the page', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(host.contains(host.hostElement)).toBe(true);
    expect(host.contains(dialogOf(host))).toBe(true);
    expect(host.contains(dialogOf(host)!.querySelector('h2')!.firstChild)).toBe(true);
    expect(host.contains(paragraph)).toBe(false);
    expect(host.contains(document.body)).toBe(false);
    expect(host.contains(window)).toBe(false);
    expect(host.contains(null)).toBe(false);
  });
});

describe('teardown', () => {
  it('removes the host and the popover when the signal aborts', async () => {
    const { host } = createHost();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    const shadow = shadowOf(host);
    controller.abort();
    expect(host.hostElement.isConnected).toBe(false);
    expect(document.querySelector(POPOVER_HOST_TAG)).toBeNull();
    expect(host.isOpen).toBe(false);
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
  });

  it('ties every listener it adds to the signal', () => {
    const added: { target: string; type: string; signal: AbortSignal | undefined }[] = [];
    // The shadow root does not exist yet, so its prototype is watched; the others are watched directly.
    for (const [name, target] of [
      ['document', document],
      ['shadow root', ShadowRoot.prototype],
      ['window', window],
    ] as const) {
      const original = target.addEventListener;
      vi.spyOn(target, 'addEventListener').mockImplementation(function (
        this: EventTarget,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions,
      ) {
        added.push({ target: name, type, signal: typeof options === 'object' ? options.signal : undefined });
        if (listener) original.call(this, type, listener, options);
      });
    }
    createHost();
    vi.restoreAllMocks();
    expect(added.map(({ target, type }) => `${target}:${type}`)).toEqual(
      expect.arrayContaining(['document:keydown', 'shadow root:keydown']),
    );
    for (const listener of added)
      expect(listener.signal, `${listener.target}:${listener.type}`).toBe(controller.signal);
  });

  it('ignores an answer that arrives after the abort', async () => {
    const slow = deferred<EntityDetails>();
    const { host } = createHost({ loadDetails: vi.fn(() => slow.promise) });
    const showing = host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    controller.abort();
    slow.resolve(tiktokDetails);
    await showing;
    expect(host.isOpen).toBe(false);
    expect(document.querySelector(POPOVER_HOST_TAG)).toBeNull();
  });

  it('does nothing once aborted', async () => {
    const { host, options } = createHost();
    controller.abort();
    await host.show({ range: rangeOver('TikTok'), entityId: 'tiktok' });
    expect(options.loadDetails).not.toHaveBeenCalled();
    expect(host.hostElement.isConnected).toBe(false);
  });

  it('mounts nothing when created with an aborted signal', () => {
    controller.abort();
    const { host } = createHost();
    expect(host.hostElement.isConnected).toBe(false);
  });
});
