/**
 * The fixed costs of being on every page: a background that has to start before it can answer, the
 * content world's memory with many aliases, and ad frames that each run the content script.
 *
 * - First marks with the background awake and stopped (Chromium): the same page loaded right after
 *   another load (the service worker is running) and right after `ServiceWorker.stopAllWorkers`, as
 *   Chromium stops it after 30 s idle; times from `content.js` starting, from the trace. Firefox's event
 *   page can not be stopped from outside, so only the awake case is measured there (from DOMContentLoaded).
 * - The background's first answer, from an extension page: `stats/get` round trips with the worker running
 *   and right after stopping it (its start: script evaluation, the fact base, the user's articles merged).
 * - Its first figure check (`figures/check`, three sentences of the styled news fixture): awake; the first
 *   of a worker another request started (it loads `figure-checker.js` and indexes the stories' figures);
 *   and the request that starts a stopped worker itself.
 * - Content world heap: the page layer and matcher as the content script runs them, in a fresh page's main
 *   world, at 60 and 20,000 aliases: the heap after a full GC minus the same page's before.
 * - Ad frames: extension time on an article with 20 ad-like frames (each with a little text, so each runs
 *   the content script, loads its data part and asks for the matcher) against the same article without them.
 */
import type { Page } from 'puppeteer-core';
import { median } from '../stats';
import type { BenchBrowser } from '../browsers';
import type { Probe } from '../bundle';
import { call, closeQuietly, inject, openFresh } from '../driver';
import type { ScanResult } from '../types';
import { loadOnce, type ExtensionContext } from './extension';
import { heapAfterGc } from './inpage';
import { PROTOCOL_VERSION } from '@/src/messages/client';

/** First marks after the content script starts, one page, background awake and stopped. */
export interface ColdStartResult {
  page: string;
  /** Medians, ms from content.js starting (Chromium) or DOMContentLoaded (Firefox). */
  awake: { firstMarkMs: number | null; firstViewportMarkMs: number | null; samples: (number | null)[] };
  stopped: { firstMarkMs: number | null; firstViewportMarkMs: number | null; samples: (number | null)[] } | null;
  /** `stats/get` from an extension page: median round trip with the background running and stopped. */
  answerAwakeMs: number | null;
  answerStoppedMs: number | null;
  /** `figures/check` from an extension page: medians awake, first after a start, and starting a stopped worker. */
  figures: { awakeMs: number; firstMs: number; stoppedMs: number; verdicts: number } | null;
  errors: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stop the extension's service worker (Chromium) and wait until it is gone. */
async function stopBackground(browser: BenchBrowser, control: Page): Promise<void> {
  const cdp = await control.createCDPSession();
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => {});
  }
  const isWorker = () =>
    browser.browser
      .targets()
      .some((target) => target.type() === 'service_worker' && target.url().startsWith(browser.extensionBaseUrl!));
  for (let tries = 0; tries < 100 && isWorker(); tries++) await sleep(20);
}

/** One `stats/get` round trip from an extension page, in ms. */
function askStats(page: Page): Promise<number> {
  return page.evaluate(async (protocol: number) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } })
      .chrome;
    const started = performance.now();
    await api.runtime.sendMessage({ type: 'stats/get', protocol });
    return performance.now() - started;
  }, PROTOCOL_VERSION);
}

/** Three sentences of `tests/fixtures/figures-news.html` with a mention and a figure, as the page sends them. */
const FIGURE_SENTENCES: [string, [string, string][]][] = [
  [
    'TikTok is paying Microsoft about $240 million a year to rent AI servers, according to people familiar with the arrangement.',
    [
      ['TikTok', 'tiktok'],
      ['Microsoft', 'microsoft'],
    ],
  ],
  [
    'Azure revenue grew 31% in the fourth quarter of 2024, Microsoft said.',
    [
      ['Azure', 'azure'],
      ['Microsoft', 'microsoft'],
    ],
  ],
  [
    'Credo, whose purple cables link the GPUs of AI data centers, has seen its stock rise 300% in 2024.',
    [['Credo', 'credo']],
  ],
];

/** One `figures/check` round trip from an extension page: ms, and how many verdicts came back. */
function askFigures(page: Page): Promise<{ ms: number; verdicts: number }> {
  const request = {
    type: 'figures/check',
    protocol: PROTOCOL_VERSION,
    pageDate: '2026-01-12',
    sentences: FIGURE_SENTENCES.map(([text, names]) => ({
      text,
      mentions: names.map(([name, entityId]) => ({
        entityId,
        start: text.indexOf(name),
        end: text.indexOf(name) + name.length,
      })),
    })),
  };
  return page.evaluate(async (message: unknown) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } })
      .chrome;
    const started = performance.now();
    const answer = (await api.runtime.sendMessage(message)) as { ok: boolean; value?: unknown[] } | undefined;
    return { ms: performance.now() - started, verdicts: answer?.ok ? (answer.value?.length ?? 0) : -1 };
  }, request);
}

/** Load `path` `runs` times with the background awake, and (Chromium) `runs` times right after stopping it. */
export async function measureColdStart(
  context: ExtensionContext,
  path: string,
  runs: number,
): Promise<ColdStartResult> {
  const { browser } = context;
  const chromium = browser.name === 'chromium';
  const page = { name: path.replace(/^.*\/|\.html$/g, ''), path, kind: 'generated' as const };
  const result: ColdStartResult = {
    page: page.name,
    awake: { firstMarkMs: null, firstViewportMarkMs: null, samples: [] },
    stopped: null,
    answerAwakeMs: null,
    answerStoppedMs: null,
    figures: null,
    errors: [],
  };
  const first = (sample: Awaited<ReturnType<typeof loadOnce>>['sample']) =>
    chromium ? sample.firstMarkMs : sample.fromDcl.firstMark;
  const viewport = (sample: Awaited<ReturnType<typeof loadOnce>>['sample']) =>
    chromium ? sample.firstViewportMarkMs : sample.fromDcl.firstViewportMark;
  const awake: Awaited<ReturnType<typeof loadOnce>>['sample'][] = [];
  const stopped: typeof awake = [];
  const control = chromium && browser.extensionBaseUrl ? await browser.browser.newPage() : null;
  try {
    if (control) await control.goto(`${browser.extensionBaseUrl}story.html`);
    // One load first, so the awake loads find the background running and the page's code cached.
    await loadOnce(context, page, false);
    for (let run = 0; run < runs; run++) {
      try {
        awake.push((await loadOnce(context, page, false)).sample);
        if (control) {
          await stopBackground(browser, control);
          stopped.push((await loadOnce(context, page, false)).sample);
        }
      } catch (error) {
        result.errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (control) {
      const awakeAnswers: number[] = [];
      const stoppedAnswers: number[] = [];
      for (let run = 0; run < runs; run++) {
        await askStats(control);
        awakeAnswers.push(await askStats(control));
        await stopBackground(browser, control);
        stoppedAnswers.push(await askStats(control));
      }
      result.answerAwakeMs = median(awakeAnswers);
      result.answerStoppedMs = median(stoppedAnswers);
      const figures = { awake: [] as number[], first: [] as number[], stopped: [] as number[], verdicts: 0 };
      for (let run = 0; run < runs; run++) {
        await askFigures(control);
        figures.awake.push((await askFigures(control)).ms);
        await stopBackground(browser, control);
        await askStats(control);
        const first = await askFigures(control);
        figures.first.push(first.ms);
        figures.verdicts = first.verdicts;
        await stopBackground(browser, control);
        figures.stopped.push((await askFigures(control)).ms);
      }
      result.figures = {
        awakeMs: median(figures.awake),
        firstMs: median(figures.first),
        stoppedMs: median(figures.stopped),
        verdicts: figures.verdicts,
      };
    }
  } catch (error) {
    result.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    if (control) await closeQuietly(control);
  }
  const summary = (samples: typeof awake) => {
    const firsts = samples.map(first);
    const views = samples.map(viewport).filter((value): value is number => value !== null);
    const known = firsts.filter((value): value is number => value !== null);
    return {
      firstMarkMs: known.length ? median(known) : null,
      firstViewportMarkMs: views.length ? median(views) : null,
      samples: firsts,
    };
  };
  result.awake = summary(awake);
  result.stopped = control ? summary(stopped) : null;
  return result;
}

/** The content world's heap growth at one alias count. */
export interface HeapResult {
  aliases: string;
  /** Heap (V8 + embedder) after the scan minus before, KB; medians over runs. */
  deltaKB: number | null;
  errors: string[];
}

/** Heap of the page layer and matcher after a scan of `path` with the plan in `payloadJson` (Chromium). */
export async function measureContentHeap(
  browser: BenchBrowser,
  origin: string,
  factlens: Probe,
  path: string,
  aliases: string,
  payloadJson: string,
  runs: number,
): Promise<HeapResult> {
  const deltas: number[] = [];
  const errors: string[] = [];
  for (let run = 0; run < runs; run++) {
    const tab = await openFresh(browser, origin + path);
    try {
      const before = await heapAfterGc(tab);
      await inject(tab, factlens);
      await call<ScanResult>(tab, factlens, 'measureScan', payloadJson);
      const after = await heapAfterGc(tab);
      deltas.push((after.used + after.embedder - before.used - before.embedder) / 1024);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    } finally {
      await closeQuietly(tab);
    }
  }
  return { aliases, deltaKB: deltas.length ? median(deltas) : null, errors };
}

/** An article with ad-like frames against the same article without them (Chromium: from the trace). */
export interface AdFramesResult {
  frames: number;
  withFramesMs: number | null;
  withoutFramesMs: number | null;
  ratio: number | null;
}

/** Medians of `runs` loads of each page. */
export async function measureAdFrames(
  context: ExtensionContext,
  frames: number,
  withPath: string,
  withoutPath: string,
  runs: number,
): Promise<AdFramesResult> {
  const cost = async (path: string) => {
    const values: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { sample } = await loadOnce(context, { name: path, path, kind: 'generated' }, false);
      if (sample.extensionMs !== null) values.push(sample.extensionMs);
    }
    return values.length ? median(values) : null;
  };
  const withoutFramesMs = await cost(withoutPath);
  const withFramesMs = await cost(withPath);
  return {
    frames,
    withFramesMs,
    withoutFramesMs,
    ratio: withFramesMs !== null && withoutFramesMs ? withFramesMs / withoutFramesMs : null,
  };
}
