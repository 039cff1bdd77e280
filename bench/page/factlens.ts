/**
 * Runs the content script's page layer (`startAnnotator`, the same modules the
 * extension bundles) in the page's main world, with a matcher payload passed
 * in instead of asked from the background, and times its first scan.
 *
 * The annotator is given a window whose clock and ways of yielding
 * (`MessageChannel`, `scheduler.yield`) are watched: every slice of the scan
 * ends by giving the page a turn, so the time between asking for a turn and
 * getting it back is the page's, and the rest is the annotator's.
 */
import { startAnnotator } from '@/src/page/annotator';
import type { AnnotatorEnvironment, ContentContext } from '@/src/page/environment';
import { DRAWN_BATCH_MS, MARK_HIGHLIGHTS } from '@/src/page/highlights';
import { createBackgroundRequests } from '@/src/page/messaging';
import { pageMatching } from '@/src/page/chunk-mentions';
import { DEFAULT_SETTINGS, type Settings } from '@/src/settings/schema';
import type { ScanResult } from '../types';

interface Slice {
  start: number;
  end: number;
  marked: number;
}

/**
 * The watch kept over the annotator's clock and its turns given to the page.
 * A slice ends when the annotator asks for a turn (posts to a MessageChannel,
 * or calls `scheduler.yield`) and the next starts when the turn comes back.
 */
class ScanClock {
  readonly slices: Slice[] = [];
  lastNow = 0;
  pendingYields = 0;
  private sliceStart: number;

  constructor(
    private readonly realNow: () => number,
    private readonly markedNow: () => number,
    start: number,
  ) {
    this.sliceStart = start;
  }

  now = (): number => (this.lastNow = this.realNow());

  /** The annotator asked for a turn: its slice ends here. */
  yielding(): void {
    this.slices.push({ start: this.sliceStart, end: this.realNow(), marked: this.markedNow() });
    this.pendingYields++;
  }

  /** The turn came back: a new slice starts. */
  resumed(): void {
    this.pendingYields--;
    this.sliceStart = this.realNow();
  }

  /** Close the last slice at the annotator's last clock reading (it reads the clock as a slice ends). */
  finish(): void {
    this.slices.push({
      start: this.sliceStart,
      end: Math.max(this.lastNow, this.sliceStart),
      marked: this.markedNow(),
    });
  }
}

/** A MessageChannel constructor whose channels tell `clock` when a message is posted and when it arrives. */
function watchedMessageChannel(window: Window, clock: ScanClock): typeof MessageChannel {
  const Real = (window as unknown as typeof globalThis).MessageChannel;
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
  function WatchedChannel(): MessageChannel {
    const channel = new Real();
    const post = channel.port2.postMessage.bind(channel.port2) as (message: unknown) => void;
    channel.port2.postMessage = ((message: unknown) => {
      clock.yielding();
      post(message);
    }) as MessagePort['postMessage'];
    Object.defineProperty(channel.port1, 'onmessage', {
      configurable: true,
      get: () => onmessage.get!.call(channel.port1),
      set: (handler: ((event: MessageEvent) => void) | null) =>
        onmessage.set!.call(
          channel.port1,
          handler &&
            ((event: MessageEvent) => {
              clock.resumed();
              handler(event);
            }),
        ),
    });
    return channel;
  }
  return WatchedChannel as unknown as typeof MessageChannel;
}

/** `scheduler.yield`, watched the same way, where the browser has it. */
function watchedScheduler(window: Window, clock: ScanClock): object | undefined {
  const scheduler = (window as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (!scheduler || typeof scheduler.yield !== 'function') return scheduler;
  return new Proxy(scheduler, {
    get(target, property) {
      if (property !== 'yield') {
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => {
        clock.yielding();
        return target.yield!().then(() => clock.resumed());
      };
    },
  });
}

/**
 * `window`, except that `performance.now`, `MessageChannel` and
 * `scheduler.yield` go through `clock`. Nothing else about it changes.
 */
function watchedWindow(window: Window, clock: ScanClock): Window {
  const performance = new Proxy(window.performance, {
    get(target, property) {
      if (property === 'now') return clock.now;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const channel = watchedMessageChannel(window, clock);
  const scheduler = watchedScheduler(window, clock);
  return new Proxy(window, {
    get(target, property) {
      if (property === 'performance') return performance;
      if (property === 'MessageChannel') return channel;
      if (property === 'scheduler') return scheduler;
      const value: unknown = Reflect.get(target, property, target);
      // Methods need the real window as `this`; constructors (MutationObserver, StaticRange, …) are used with `new`.
      if (typeof value === 'function' && typeof property === 'string' && /^[a-z]/.test(property)) {
        return value.bind(target);
      }
      return value;
    },
  });
}

function waitForTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Index (in marking order) of the first marked range that shows in the viewport, or -1. */
function firstInViewport(window: Window, highlight: Iterable<AbstractRange> | undefined): number {
  if (!highlight) return -1;
  const document = window.document;
  const height = window.innerHeight;
  const width = window.innerWidth;
  let index = 0;
  for (const abstract of highlight) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < height && box.right > 0 && box.left < width) {
      return index;
    }
    if (++index > 20_000) break;
  }
  return -1;
}

/**
 * Start the annotator on this page with `payloadJson` as its matcher and
 * resolve when its first scan has marked everything.
 */
export async function measureScan(payloadJson: string, settings: Partial<Settings> = {}): Promise<ScanResult> {
  const window = globalThis.window;
  const realNow = () => window.performance.now();
  const registry = () => (window.CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  const marked = () => MARK_HIGHLIGHTS.reduce((sum, name) => sum + (registry()?.get(name)?.size ?? 0), 0);
  const started = realNow();
  const clock = new ScanClock(realNow, marked, started);
  let matcherMs = 0;
  let matcherAsked = false;
  const controller = new AbortController();
  const ctx: ContentContext = {
    signal: controller.signal,
    setTimeout: (handler, timeout) => window.setTimeout(handler, timeout),
    requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
    onInvalidated: () => () => {},
  };
  const env: AnnotatorEnvironment = {
    window: watchedWindow(window, clock),
    ctx,
    loadSettings: () => Promise.resolve({ ...DEFAULT_SETTINGS, ...settings }),
    watchSettings: () => () => {},
    saveSettings: () => Promise.resolve(),
    requestMatcher: async () => {
      matcherAsked = true;
      const askedAt = realNow();
      // The real script receives the payload as a message (structured clone) and parses it with its schema.
      const matcher = await createBackgroundRequests(() =>
        Promise.resolve({ ok: true, value: JSON.parse(payloadJson) }),
      ).requestMatcher();
      // The engine compiles each expression on its first use: do it here, so that the matcher's cost is
      // told apart from the scan's (the real script pays it in its first slice, which the same task runs).
      matcher.findMentions('Factlens reads this first.');
      matcherMs = realNow() - askedAt;
      return matcher;
    },
    pageMatching: (matcher, document) => Promise.resolve(pageMatching(matcher, document)),
    loadDetails: () => Promise.reject(new Error('no popovers in the benchmark')),
    openStory: () => {},
    createPopover: () => Promise.reject(new Error('no popovers in the benchmark')),
    // As the extension's build for this browser does.
    markByPlace: !navigator.userAgent.includes('Firefox'),
  };
  let compiled: { aliasCount: number; expressionCount: number } = { aliasCount: 0, expressionCount: 0 };
  const ask = env.requestMatcher;
  env.requestMatcher = () =>
    ask().then((matcher) => {
      compiled = matcher;
      return matcher;
    });

  const annotator = startAnnotator(env);
  await annotator.started;
  // Our own task runs only while the scan is between slices or done; done means no yield is pending.
  for (;;) {
    await waitForTask();
    if (clock.pendingYields === 0) break;
  }
  clock.finish();
  if (!matcherAsked) throw new Error('the annotator never asked for a matcher (no readable text?)');
  // Drawn marks join their highlight in batches (see DRAWN_BATCH_MS): the count below waits for the last.
  await new Promise((resolve) => window.setTimeout(resolve, DRAWN_BATCH_MS + 50));

  const slices = clock.slices;
  const lengths = slices.map((slice) => slice.end - slice.start);
  const busyMs = lengths.reduce((sum, length) => sum + length, 0);
  // The first stretch holds the matcher's compile (in the real script, a task of its own).
  const withoutMatcher = lengths.map((length, index) => (index === 0 ? Math.max(0, length - matcherMs) : length));
  const end = slices.at(-1)!.end;
  const gaps = slices.slice(1).map((slice, index) => slice.start - slices[index]!.end);
  const markedAt = (count: number) => {
    const slice = slices.find((candidate) => candidate.marked > count);
    return slice ? slice.end - started : null;
  };
  // Painted marks, then drawn ones: marking order within each (pages drawing marks are rare and huge).
  const viewportIndex = firstInViewport(
    window,
    MARK_HIGHLIGHTS.flatMap((name) => [...(registry()?.get(name) ?? [])]),
  );
  controller.abort();
  return {
    busyMs,
    matcherMs,
    scanMs: busyMs - matcherMs,
    longestSliceMs: Math.max(...withoutMatcher),
    longestWithMatcherMs: Math.max(...lengths),
    slices: slices.length,
    yieldedMs: gaps.reduce((sum, gap) => sum + gap, 0),
    longestGapMs: gaps.length > 0 ? Math.max(...gaps) : 0,
    untilAllMs: end - started,
    firstMarkMs: markedAt(0),
    firstViewportMarkMs: viewportIndex >= 0 ? markedAt(viewportIndex) : null,
    marked: marked(),
    aliasCount: compiled.aliasCount,
    expressionCount: compiled.expressionCount,
  };
}
