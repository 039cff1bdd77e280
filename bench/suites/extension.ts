/**
 * The real extension, built and installed: what it costs on each page and how
 * fast it marks, the correctness of its marks, hover → popover, a page that
 * keeps changing, a page that stopped changing, and frames without text.
 *
 * In Chromium every load is traced (tasks, CPU samples, the stacks that
 * scheduled style work) and `trace.ts` tells the extension's share. Firefox
 * offers no trace to puppeteer; there the watcher in the page (highlight size
 * over time) gives the times to the marks, and hover is timed the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { MatcherPayload } from '@/src/match/payload';
import type { BenchBrowser } from '../browsers';
import type { Probe, ProbeName } from '../bundle';
import type { CorpusPage } from '../corpus';
import { call, closeQuietly, inject, navigate, openFresh } from '../driver';
import type { HoverTiming } from '../page/hover';
import type { WatchLog } from '../page/watcher';
import {
  clockOffset,
  EXTENSION_TASK_SHARE,
  extensionActivity,
  longestExtensionTask,
  mainFrameOf,
  type ExtensionActivity,
  type TraceEvent,
} from '../trace';
import type { CorrectnessResult } from '../types';
import { heapAfterGc } from './inpage';

/** Trace categories: tasks, script, user timing, CPU samples, and stacks of style invalidations. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/** One load of one page with the extension. Times in ms. */
export interface ExtensionSample {
  /** Chromium: the extension's main-thread time from load until the page was quiet (script + rendering it caused). */
  extensionMs: number | null;
  /** Of that, style recalculation and layout its code scheduled. */
  renderingMs: number | null;
  /** Evaluating content.js in the top frame (compile + top-level code). */
  evaluateMs: number | null;
  /** The longest task that was mostly the extension's. */
  longestTaskMs: number | null;
  /** The most extension time inside one task. */
  mostInOneTaskMs: number | null;
  /** Tasks over 50 ms that were mostly the extension's. */
  tasksOver50: number | null;
  /** From content.js starting (Chromium) to the first mark, to the first mark in the viewport, to the last change of marks. */
  firstMarkMs: number | null;
  firstViewportMarkMs: number | null;
  allMarkedMs: number | null;
  /** From content.js starting to the end of its last task with 2 ms or more of its work (the scan done, in every frame). */
  scanDoneMs: number | null;
  /** The same three from DOMContentLoaded (both browsers), for comparing Chromium and Firefox. */
  fromDcl: { firstMark: number | null; firstViewportMark: number | null; allMarked: number | null };
  marked: number;
  /** JS heap after a full GC once the page is quiet (Chromium), bytes. */
  heap: { used: number; embedder: number } | null;
  /** The trace ended while the extension was still busy (the numbers are a lower bound). */
  truncated: boolean;
}

/** Everything measured on one page with the extension. */
export interface ExtensionPageResult {
  page: CorpusPage;
  samples: ExtensionSample[];
  correctness: CorrectnessResult | null;
  /** Mismatches, each with the text around it. */
  mismatches: string[];
  errors: string[];
}

/** What the suite needs. */
export interface ExtensionContext {
  browser: BenchBrowser;
  origin: string;
  probes: Record<ProbeName, Probe>;
  /** The bundled fact base's matcher payload and the cap: what the content script marks with. */
  reference: { payload: MatcherPayload; maxMentions: number };
  runs: number;
  /** Save the first load's trace of each page here (Chromium), when set. */
  traceDir: string | null;
  log(message: string): void;
}

const QUIET_MS = 600;
const QUIET_TIMEOUT_MS = 30_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait until the marks have not changed and the main thread has not been busy for {@link QUIET_MS}. */
async function waitQuiet(page: Page, watcher: Probe): Promise<WatchLog> {
  const deadline = Date.now() + QUIET_TIMEOUT_MS;
  for (;;) {
    await sleep(150);
    const log = await call<WatchLog>(page, watcher, 'watcher.read');
    const lastChange = log.sizes.at(-1)?.[0] ?? 0;
    if (log.now - Math.max(lastChange, log.lastBusyAt) >= QUIET_MS || Date.now() > deadline) return log;
  }
}

async function traced<T>(
  browser: BenchBrowser,
  page: Page,
  run: () => Promise<T>,
): Promise<{ value: T; events: TraceEvent[] | null }> {
  if (browser.name !== 'chromium') return { value: await run(), events: null };
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  let value: T;
  try {
    value = await run();
  } catch (error) {
    await page.tracing.stop().catch(() => {});
    throw error;
  }
  const buffer = await page.tracing.stop();
  const parsed = JSON.parse(Buffer.from(buffer!).toString('utf8')) as { traceEvents: TraceEvent[] };
  return { value, events: parsed.traceEvents };
}

/** Index (marking order) of the first marked range in the viewport, or -1; and DOMContentLoaded's end. */
async function pageFacts(page: Page): Promise<{ viewportIndex: number; dclEnd: number; size: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
    const marks = ['factlens-mention', 'factlens-drawn'].flatMap((name) => [...(registry?.get(name) ?? [])]);
    let viewportIndex = -1;
    let index = 0;
    for (const marked of marks) {
      const range = document.createRange();
      range.setStart(marked.startContainer, marked.startOffset);
      range.setEnd(marked.endContainer, marked.endOffset);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.left < innerWidth) {
        viewportIndex = index;
        break;
      }
      if (++index > 20_000) break;
    }
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { viewportIndex, dclEnd: navigation?.domContentLoadedEventEnd ?? 0, size: marks.length };
  });
}

/** Time (watcher clock) when the marks first exceeded `count`. */
function firstAbove(log: WatchLog, count: number): number | null {
  return log.sizes.find(([, size]) => size > count)?.[0] ?? null;
}

/** The extension's work counts as done at the end of its last task with at least this much of its time. */
const SIGNIFICANT_TASK_MS = 2;

function summarise(
  activity: ExtensionActivity | null,
  log: WatchLog,
  facts: { viewportIndex: number; dclEnd: number; size: number },
  /** Add to a watcher time (the top document's clock) to get trace time; null without a trace. */
  offsetMs: number | null,
): Omit<ExtensionSample, 'heap'> {
  const fromDcl = (at: number | null) => (at === null ? null : at - facts.dclEnd);
  const lastChange = log.sizes.at(-1);
  const firstMarkAt = firstAbove(log, 0);
  const viewportAt = facts.viewportIndex >= 0 ? firstAbove(log, facts.viewportIndex) : null;
  const allMarkedAt = lastChange && lastChange[1] > 0 ? lastChange[0] : null;
  const base = {
    fromDcl: {
      firstMark: fromDcl(firstMarkAt),
      firstViewportMark: fromDcl(viewportAt),
      allMarked: fromDcl(allMarkedAt),
    },
    marked: facts.size,
  };
  if (!activity || activity.contentScriptStart === null || offsetMs === null) {
    return {
      ...base,
      extensionMs: null,
      renderingMs: null,
      evaluateMs: null,
      longestTaskMs: null,
      mostInOneTaskMs: null,
      tasksOver50: null,
      firstMarkMs: null,
      firstViewportMarkMs: null,
      allMarkedMs: null,
      scanDoneMs: null,
      truncated: false,
    };
  }
  const start = activity.contentScriptStart;
  const sinceStart = (at: number | null) => (at === null ? null : at + offsetMs - start);
  const tasks = activity.extensionTasks;
  const mostly = tasks.filter((task) => task.extensionMs >= EXTENSION_TASK_SHARE * task.durationMs);
  const significant = tasks.filter((task) => task.extensionMs >= SIGNIFICANT_TASK_MS);
  const last = significant.at(-1);
  return {
    ...base,
    extensionMs: activity.extensionMs,
    renderingMs: activity.renderingMs,
    evaluateMs: activity.evaluateMs,
    longestTaskMs: longestExtensionTask(tasks),
    mostInOneTaskMs: tasks.reduce((most, task) => Math.max(most, task.extensionMs), 0),
    tasksOver50: mostly.filter((task) => task.durationMs > 50).length,
    firstMarkMs: sinceStart(firstMarkAt),
    firstViewportMarkMs: sinceStart(viewportAt),
    allMarkedMs: sinceStart(allMarkedAt),
    scanDoneMs: last ? last.start + last.durationMs - start : null,
    truncated: last !== undefined && activity.spanMs - (last.start + last.durationMs) < 100,
  };
}

/** Load `page` with the extension once: trace, wait for quiet, read the marks. */
export async function loadOnce(
  context: ExtensionContext,
  page: CorpusPage,
  withCorrectness: boolean,
  run = 0,
): Promise<{ sample: ExtensionSample; correctness: CorrectnessResult | null; mismatches: string[] }> {
  const { browser, probes } = context;
  const tab = await browser.browser.newPage();
  try {
    await tab.evaluateOnNewDocument(probes.watcher.source);
    const { value: log, events } = await traced(browser, tab, async () => {
      await navigate(browser, tab, context.origin + page.path);
      return waitQuiet(tab, probes.watcher);
    });
    const url = context.origin + page.path;
    // The first load of each page only: a trace is tens of megabytes.
    if (events && context.traceDir && run === 0) {
      mkdirSync(context.traceDir, { recursive: true });
      writeFileSync(
        path.join(context.traceDir, `${browser.name}-${page.name}-${run + 1}.json`),
        JSON.stringify({ traceEvents: events }),
      );
    }
    const activity =
      events && browser.extensionBaseUrl
        ? extensionActivity(events, [browser.extensionBaseUrl], { frame: mainFrameOf(events, url) ?? undefined })
        : null;
    const offsetMs = events && activity ? clockOffset(events, log.originMark, activity.originUs) : null;
    const facts = await pageFacts(tab);
    const summary = summarise(activity, log, facts, offsetMs);
    const heap = browser.name === 'chromium' ? await heapAfterGc(tab) : null;
    let correctness: CorrectnessResult | null = null;
    const mismatches: string[] = [];
    if (withCorrectness) {
      await inject(tab, probes.check);
      const { payload, maxMentions } = context.reference;
      correctness = await call<CorrectnessResult>(tab, probes.check, 'checkHighlights', payload, maxMentions);
      if (correctness.matcherDiffers > 0) {
        mismatches.push(`the compiled matcher and the reference disagree on ${correctness.matcherDiffers} names`);
      }
      for (const [kind, list] of [
        ['missing', correctness.missing],
        ['extra', correctness.extra],
      ] as const) {
        for (const at of list)
          mismatches.push(`${kind}: ${await call<string>(tab, probes.check, 'describeMention', at)}`);
      }
    }
    return { sample: { ...summary, heap }, correctness, mismatches };
  } finally {
    await closeQuietly(tab);
  }
}

/** Every page, `runs` loads each; the first load of each page also checks the marks against the reference. */
export async function runExtensionPages(
  context: ExtensionContext,
  pages: readonly CorpusPage[],
): Promise<ExtensionPageResult[]> {
  const results = pages.map((page): ExtensionPageResult => ({
    page,
    samples: [],
    correctness: null,
    mismatches: [],
    errors: [],
  }));
  for (let run = 0; run < context.runs; run++) {
    context.log(`${context.browser.name}: extension run ${run + 1}/${context.runs}`);
    for (const result of results) {
      try {
        const { sample, correctness, mismatches } = await loadOnce(context, result.page, run === 0, run);
        result.samples.push(sample);
        if (run === 0) {
          result.correctness = correctness;
          result.mismatches = mismatches;
        }
      } catch (error) {
        result.errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  return results;
}

/** Hover → popover: latency after the intent delay, for each of a few mentions in turn. */
export interface HoverResult {
  delayMs: number;
  /** Pointer on the mention → facts shown, minus the delay; first is the cold one (first popover of the page). */
  shownMs: number[];
  /** The same to the next frame. */
  paintedMs: number[];
  mentions: string[];
  errors: string[];
}

/** Hover on up to `count` mentions of the hover page, moving the pointer away (and the popover closing) in between. */
export async function measureHover(
  context: ExtensionContext,
  path: string,
  delayMs: number,
  count = 6,
): Promise<HoverResult> {
  const { browser, probes } = context;
  const result: HoverResult = { delayMs, shownMs: [], paintedMs: [], mentions: [], errors: [] };
  const tab = await openFresh(browser, context.origin + path, probes.watcher);
  try {
    await waitQuiet(tab, probes.watcher);
    await inject(tab, probes.hover);
    const points = await call<{ x: number; y: number; text: string }[]>(tab, probes.hover, 'mentionPoints', count);
    for (const point of points) {
      await tab.mouse.move(1270, 790);
      await sleep(700);
      await call(tab, probes.hover, 'arm', 5000);
      await tab.mouse.move(point.x, point.y);
      try {
        const timing = await call<HoverTiming>(tab, probes.hover, 'result');
        result.shownMs.push(timing.shownAt - timing.movedAt - delayMs);
        result.paintedMs.push(timing.paintedAt - timing.movedAt - delayMs);
        result.mentions.push(point.text);
      } catch (error) {
        result.errors.push(`${point.text}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await closeQuietly(tab);
  }
  return result;
}

/** The extension's work over a stretch of time on a page already loaded (Chromium). */
export interface WindowActivity {
  windowMs: number;
  extensionMs: number;
  /** Main-thread time of all tasks in the window. */
  busyMs: number;
  longestTaskMs: number;
}

const WINDOW_MARK = 'factlens-bench:window';

/** Trace `windowMs` of a loaded page; the page marks the start, which tells its main thread. */
async function traceWindow(context: ExtensionContext, page: Page, windowMs: number): Promise<WindowActivity | null> {
  const { browser } = context;
  if (browser.name !== 'chromium' || !browser.extensionBaseUrl) {
    await sleep(windowMs);
    return null;
  }
  const { events } = await traced(browser, page, async () => {
    await page.evaluate((name) => void performance.mark(name), WINDOW_MARK);
    await sleep(windowMs);
  });
  const mark = events!.find((event) => event.name === WINDOW_MARK);
  if (!mark) throw new Error('the window mark is missing from the trace');
  const activity = extensionActivity(events!, [browser.extensionBaseUrl], { thread: { pid: mark.pid, tid: mark.tid } });
  return {
    windowMs,
    extensionMs: activity.extensionMs,
    busyMs: activity.busyMs,
    longestTaskMs: longestExtensionTask(activity.extensionTasks),
  };
}

/** The appending page: share while it appends, marks lagging behind, and work after it stops. */
export interface AppendingResult {
  appending: WindowActivity | null;
  /** Paragraphs appended (one mention each) and appended mentions marked, when the window ended. */
  appended: number;
  markedAppended: number;
  /** After stopAppending(): the first `afterStopMs` (the last rescan may wait for the back-off) and the last 3 s. */
  afterStop: WindowActivity | null;
  quietAfterStop: WindowActivity | null;
  errors: string[];
}

/** Measure the appending page for `windowMs`, then stop it and watch. */
export async function measureAppending(
  context: ExtensionContext,
  path: string,
  introMentions: number,
  windowMs = 5000,
  afterStopMs = 10_000,
): Promise<AppendingResult> {
  const result: AppendingResult = {
    appending: null,
    appended: 0,
    markedAppended: 0,
    afterStop: null,
    quietAfterStop: null,
    errors: [],
  };
  const tab = await openFresh(context.browser, context.origin + path, context.probes.watcher);
  try {
    await sleep(1000);
    result.appending = await traceWindow(context, tab, windowMs);
    const state = await tab.evaluate(() => {
      (window as unknown as { stopAppending(): void }).stopAppending();
      const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
      const size = (registry?.get('factlens-mention')?.size ?? 0) + (registry?.get('factlens-drawn')?.size ?? 0);
      return { appended: (window as unknown as { appended: number }).appended, size };
    });
    result.appended = state.appended;
    result.markedAppended = Math.max(0, state.size - introMentions);
    result.afterStop = await traceWindow(context, tab, afterStopMs);
    result.quietAfterStop = await traceWindow(context, tab, 3000);
  } catch (error) {
    result.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await closeQuietly(tab);
  }
  return result;
}

/** A page that stopped changing: the extension's work over `windowMs` once it is quiet. */
export async function measureQuiet(
  context: ExtensionContext,
  path: string,
  windowMs = 3000,
): Promise<WindowActivity | null> {
  const tab = await openFresh(context.browser, context.origin + path, context.probes.watcher);
  try {
    await waitQuiet(tab, context.probes.watcher);
    return await traceWindow(context, tab, windowMs);
  } finally {
    await closeQuietly(tab);
  }
}

/** Frames without text: the extension's time for the page and its frames, from load to quiet (Chromium). */
export interface EmptyFramesResult {
  frames: number;
  extensionMs: number | null;
  perFrameMs: number | null;
  evaluateMs: number | null;
  longestTaskMs: number | null;
}

/** Load the empty-frames page with tracing and divide the extension's time by the frames it ran in. */
export async function measureEmptyFrames(
  context: ExtensionContext,
  path: string,
  frames: number,
): Promise<EmptyFramesResult> {
  const { sample } = await loadOnce(context, { name: 'empty-frames', path, kind: 'generated' }, false);
  return {
    frames,
    extensionMs: sample.extensionMs,
    perFrameMs: sample.extensionMs === null ? null : sample.extensionMs / (frames + 1),
    evaluateMs: sample.evaluateMs,
    longestTaskMs: sample.longestTaskMs,
  };
}
