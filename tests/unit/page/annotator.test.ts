/**
 * The page layer's life cycle, in happy-dom with a stand-in Highlight API (happy-dom has none): when it
 * asks for the matcher, what it marks, and that switching off or invalidating the content script leaves
 * nothing behind. Timing and painting are the browser tests' business.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { startAnnotator } from '@/src/page/annotator';
import { DRAWN_BATCH_MS } from '@/src/page/highlights';
import type { AnnotatorEnvironment } from '@/src/page/environment';
import { OWN_HOST_TAG } from '@/src/page/own-elements';
import { POPOVER_HOST_TAG } from '@/src/ui/popover/popover-host';
import { DEFAULT_SETTINGS, type Settings } from '@/src/settings/schema';
import { pageMatching } from '@/src/page/chunk-mentions';

const payload: MatcherPayload = {
  v: 1,
  entities: ['tiktok', 'microsoft'],
  aliases: [
    ['TikTok', 0, 0],
    ['Microsoft', 1, 0],
  ],
  context: {},
};

/** Highlights as plain sets, a registry as a Map, and style sheets that keep their rules as text. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
// A real CSSStyleSheet (documents only adopt those) whose rules are kept as text: happy-dom's parser
// does not know ::highlight().
class FakeStyleSheet extends CSSStyleSheet {
  ruleTexts: string[] = [];
  override get cssRules() {
    return this.ruleTexts as unknown as CSSRuleList;
  }
  override insertRule(rule: string, index: number) {
    this.ruleTexts.splice(index, 0, rule);
    return index;
  }
  override replaceSync(text: string) {
    this.ruleTexts = text ? text.split('\n') : [];
  }
}
class FakeStaticRange {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
}

function fakeWindow(registry: Map<string, FakeHighlight>): Window {
  const overrides: Record<PropertyKey, unknown> = {
    Highlight: FakeHighlight,
    CSSStyleSheet: FakeStyleSheet,
    StaticRange: FakeStaticRange,
    CSS: { highlights: registry, escape: (text: string) => CSS.escape(text) },
  };
  return new Proxy(window, {
    get(target, property) {
      if (property in overrides) return overrides[property];
      const value = Reflect.get(target, property, target) as unknown;
      // Methods such as addEventListener need the real window as `this`; constructors must stay as they are.
      return typeof value === 'function' && !/^[A-Z]/.test(String(property)) ? value.bind(target) : value;
    },
  });
}

function markedTexts(registry: Map<string, FakeHighlight>): string[] {
  return [...(registry.get('factlens-mention') ?? [])].map((range) =>
    (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
  );
}

describe('the page layer', () => {
  let registry: Map<string, FakeHighlight>;
  let controller: AbortController;
  let settingsListener: (settings: Settings) => void;
  let requestMatcher: ReturnType<typeof vi.fn>;
  let loadSettings: ReturnType<typeof vi.fn>;
  let prepare: ReturnType<typeof vi.fn>;
  /** Drops what `prepare` started. */
  let unprepare: ReturnType<typeof vi.fn>;
  /** What the environment was asked for, in order. */
  let calls: string[];

  function start(settings: Partial<Settings> = {}) {
    const env: AnnotatorEnvironment = {
      window: fakeWindow(registry),
      ctx: {
        signal: controller.signal,
        setTimeout: (handler, ms) => window.setTimeout(handler, ms),
        requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
        onInvalidated: (callback) => {
          controller.signal.addEventListener('abort', callback);
          return () => controller.signal.removeEventListener('abort', callback);
        },
      },
      loadSettings: (loadSettings = vi.fn(async () => {
        calls.push('loadSettings');
        return { ...DEFAULT_SETTINGS, ...settings };
      })),
      prepare: (prepare = vi.fn(() => {
        calls.push('prepare');
        return (unprepare = vi.fn(() => {})) as () => void;
      })),
      watchSettings: (listener) => {
        settingsListener = listener;
        return () => {};
      },
      saveSettings: async () => {},
      requestMatcher: requestMatcher as unknown as () => Promise<ReturnType<typeof compileMatcher>>,
      pageMatching: async (matcher, doc) => pageMatching(matcher, doc),
      loadDetails: async () => Promise.reject(new Error('not in this test')),
      openStory: () => {},
      createPopover: async () => Promise.reject(new Error('not in this test')),
    };
    return startAnnotator(env);
  }

  beforeEach(() => {
    registry = new Map();
    controller = new AbortController();
    requestMatcher = vi.fn(async () => compileMatcher(payload));
    calls = [];
    document.body.innerHTML = '';
    document.adoptedStyleSheets = [];
  });

  afterEach(() => {
    controller.abort();
  });

  it('skips the popover host’s text, in its shadow root too', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    const host = document.createElement(POPOVER_HOST_TAG);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Microsoft</p>';
    host.append('Microsoft');
    // In the body, where the scan reads (the real host sits on <html>, or in a fullscreen element).
    document.body.append(host);
    try {
      await start().started;
      await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
      expect(OWN_HOST_TAG).toBe(POPOVER_HOST_TAG);
    } finally {
      host.remove();
    }
  });

  it('marks the page and asks the background for the matcher once, however the page changes', async () => {
    document.body.innerHTML = '<p>TikTok and Microsoft</p><textarea>TikTok</textarea>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok', 'Microsoft']));
    const added = document.createElement('p');
    added.textContent = 'More about TikTok';
    document.body.append(added);
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok', 'Microsoft', 'TikTok']));
    expect(requestMatcher).toHaveBeenCalledTimes(1);
  });

  it('neither reads settings nor asks for the matcher in a frame without text, until text arrives', async () => {
    document.body.innerHTML = '<div>  </div><script>var TikTok = 1;</script>';
    await start().started;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(loadSettings).not.toHaveBeenCalled();
    expect(prepare).not.toHaveBeenCalled();
    expect(requestMatcher).not.toHaveBeenCalled();
    expect(registry.size).toBe(0);
    document.body.insertAdjacentHTML('beforeend', '<p>Microsoft, at last</p>');
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['Microsoft']));
    expect(requestMatcher).toHaveBeenCalledTimes(1);
    expect(calls.slice(0, 2)).toEqual(['prepare', 'loadSettings']);
  });

  it('starts what the first marks wait for before reading the settings, once', async () => {
    document.body.innerHTML = '<p>TikTok and Microsoft</p>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok', 'Microsoft']));
    // The data part and the matcher's answer load while the settings are read, not after.
    expect(calls).toEqual(['prepare', 'loadSettings']);
    settingsListener({ ...DEFAULT_SETTINGS, highlightStyle: 'tint' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(prepare).toHaveBeenCalledTimes(1);
    // The session took what was prepared: nothing to drop.
    expect(unprepare).not.toHaveBeenCalled();
  });

  it('drops what it prepared when Factlens is off on the page, so a later session asks afresh', async () => {
    document.body.innerHTML = '<p>TikTok and Microsoft</p>';
    await start({ enabled: false }).started;
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(unprepare).toHaveBeenCalledTimes(1);
    expect(requestMatcher).not.toHaveBeenCalled();
    settingsListener({ ...DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok', 'Microsoft']));
    expect(requestMatcher).toHaveBeenCalledTimes(1);
  });

  it('adopts its style sheet with the first mark only', async () => {
    document.body.innerHTML = '<p>Nothing to see</p>';
    await start().started;
    await vi.waitFor(() => expect(registry.has('factlens-mention')).toBe(true));
    expect(document.adoptedStyleSheets).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', '<p>TikTok</p>');
    await vi.waitFor(() => expect(document.adoptedStyleSheets).toHaveLength(1));
  });

  it('leaves nothing behind when switched off, and marks again when switched on', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
    settingsListener({ ...DEFAULT_SETTINGS, enabled: false });
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    settingsListener({ ...DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
  });

  it('leaves nothing behind, and stops watching the page, when the content script is invalidated', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
    controller.abort();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', '<p>Microsoft</p>');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(registry.size).toBe(0);
  });

  it('draws marks no cheap rule reaches in a layer of its own, and takes the layer away when invalidated', async () => {
    // 1,600 bare <b> elements: a rule for <b> would restyle them all, and none has an id or a class.
    document.body.innerHTML = `<p>Microsoft</p>${'<b>word</b>'.repeat(1599)}<b>TikTok</b>`;
    await start().started;
    await vi.waitFor(() => expect(registry.get('factlens-drawn')?.size).toBe(1));
    expect(markedTexts(registry)).toEqual(['Microsoft']);
    const [drawn] = [...registry.get('factlens-drawn')!];
    expect((drawn!.startContainer as Text).data).toBe('TikTok');
    // The paragraph's rule exists; no rule for <b>.
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...(sheet as FakeStyleSheet).ruleTexts]);
    expect(rules.some((rule) => rule.startsWith('p::highlight'))).toBe(true);
    expect(rules.some((rule) => rule.startsWith('b'))).toBe(false);
    expect(document.querySelectorAll('factlens-marks')).toHaveLength(1);
    controller.abort();
    expect(registry.size).toBe(0);
    expect(document.querySelectorAll('factlens-marks')).toHaveLength(0);
  });

  it('registers drawn marks in batches, and never one whose text changed before its batch', async () => {
    document.body.innerHTML = `<p>Microsoft</p>${'<b>word</b>'.repeat(1599)}<b>TikTok</b>`;
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['Microsoft']));
    // Drawn, not yet registered: every change to a registered highlight repaints the page.
    expect(document.querySelectorAll('factlens-marks')).toHaveLength(1);
    expect(registry.get('factlens-drawn')?.size ?? 0).toBe(0);
    document.querySelectorAll('b')[1599]!.firstChild!.textContent = 'word';
    await new Promise((resolve) => setTimeout(resolve, DRAWN_BATCH_MS + 200));
    expect(registry.get('factlens-drawn')?.size ?? 0).toBe(0);
  });

  it('puts its highlights and sheet back after the page takes them', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
    registry.clear();
    document.adoptedStyleSheets = [];
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']), { timeout: 2500 });
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('puts them back as soon as the reader points at the page, without waiting for its next look', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    await start().started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
    registry.clear();
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, pointerType: 'mouse' }));
    // Its first timed look is a second after marking: well after this.
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']), { timeout: 400 });
  });

  it('applies a mute kept under an id that has moved to the entity that has it now (issue 11)', async () => {
    // "Microsoft" was muted when it was an entity of its own, "msft"; a later build joined it into "microsoft".
    requestMatcher = vi.fn(async () => compileMatcher({ ...payload, successors: { msft: 1 } }));
    document.body.innerHTML = '<p>TikTok and Microsoft</p>';
    await start({ mutedEntities: ['msft'] }).started;
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok']));
    settingsListener({ ...DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(markedTexts(registry)).toEqual(['TikTok', 'Microsoft']));
  });

  it('does nothing at all on a site the user switched off', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    await start({ enabled: false }).started;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestMatcher).not.toHaveBeenCalled();
    expect(registry.size).toBe(0);
  });
});
