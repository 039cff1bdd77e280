/**
 * The algorithm suite, in a browser without the extension: on every page, in
 * fresh page loads, the floor, the annotator's first scan with 60 and with
 * 20,000 aliases, and mark.js with the same 60 aliases (as an array, and as one
 * RegExp). Same page, same browser, same run, so the ratios compare like with like.
 */
import type { Page } from 'puppeteer-core';
import { ALTERNATION_FLAGS } from '../aliases';
import type { BenchBrowser } from '../browsers';
import type { Probe, ProbeName } from '../bundle';
import type { CorpusPage } from '../corpus';
import { call, closeQuietly, inject, openFresh } from '../driver';
import type { FloorResult, MarkjsResult, PageInventory, ScanResult } from '../types';

/** The alias sets and their baseline forms. */
export interface AliasInputs {
  payload60: string;
  payload20k: string;
  markjsAliases: string[];
  markjsRegExp: string;
}

/** Everything measured on one page. */
export interface InPageResult {
  page: CorpusPage;
  inventory: Omit<PageInventory, 'chunks'>;
  floor: FloorResult[];
  scan60: ScanResult[];
  scan20k: ScanResult[];
  markRegExp: MarkjsResult[];
  /** One run only: mark.js walks the page once per alias, which takes seconds to minutes. */
  markArray: MarkjsResult[];
  /** Why mark.js (array) was not run, when it was not. */
  markArraySkipped: string | null;
  /** JS heap after a full GC on the fresh page, before anything ran (Chromium only), bytes. */
  heapBefore: { used: number; embedder: number } | null;
  errors: string[];
}

/** What the suite needs. */
export interface InPageContext {
  browser: BenchBrowser;
  origin: string;
  probes: Record<ProbeName, Probe>;
  aliases: AliasInputs;
  runs: number;
  /** mark.js (array) runs only on pages with at most this many text nodes. */
  markArrayMaxTextNodes: number;
  log(message: string): void;
}

/** Full GC, then the heap in use (Chromium, over CDP). */
export async function heapAfterGc(page: Page): Promise<{ used: number; embedder: number }> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0 };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

type Method = 'floor' | 'scan60' | 'scan20k' | 'markRegExp' | 'markArray';

/** Run the suite over `pages`; returns the inventories' text too, for the matcher measurements. */
export async function runInPageSuite(
  context: InPageContext,
  pages: readonly CorpusPage[],
): Promise<{ results: InPageResult[]; texts: Map<string, string[]> }> {
  const { browser, origin, probes, aliases } = context;
  const texts = new Map<string, string[]>();
  const results = new Map<string, InPageResult>();

  const unreadable = new Set<string>();
  for (const page of pages) {
    const result: InPageResult = {
      page,
      inventory: { textNodes: 0, elements: 0, chars: 0 },
      floor: [],
      scan60: [],
      scan20k: [],
      markRegExp: [],
      markArray: [],
      markArraySkipped: null,
      heapBefore: null,
      errors: [],
    };
    results.set(page.name, result);
    try {
      const tab = await openFresh(browser, origin + page.path);
      try {
        result.heapBefore = browser.name === 'chromium' ? await heapAfterGc(tab) : null;
        await inject(tab, probes.check);
        const { chunks, ...inventory } = await call<PageInventory>(tab, probes.check, 'inventory');
        texts.set(page.name, chunks);
        result.inventory = inventory;
        if (inventory.textNodes > context.markArrayMaxTextNodes) {
          result.markArraySkipped = `over ${context.markArrayMaxTextNodes.toLocaleString('en')} text nodes (one pass per alias)`;
        }
      } finally {
        await closeQuietly(tab);
      }
    } catch (error) {
      // A page that does not load here is reported, not measured.
      result.errors.push(`load: ${error instanceof Error ? error.message : String(error)}`);
      unreadable.add(page.name);
    }
  }

  const measure = async (page: CorpusPage, method: Method): Promise<void> => {
    const result = results.get(page.name)!;
    if (unreadable.has(page.name)) return;
    const probe = method === 'floor' ? probes.floor : method.startsWith('scan') ? probes.factlens : probes.markjs;
    let tab: Page | null = null;
    try {
      tab = await openFresh(browser, origin + page.path);
      await inject(tab, probe);
      switch (method) {
        case 'floor':
          result.floor.push(await call<FloorResult>(tab, probe, 'measureFloor'));
          break;
        case 'scan60':
          result.scan60.push(await call<ScanResult>(tab, probe, 'measureScan', aliases.payload60));
          break;
        case 'scan20k':
          result.scan20k.push(await call<ScanResult>(tab, probe, 'measureScan', aliases.payload20k));
          break;
        case 'markRegExp':
          result.markRegExp.push(
            await call<MarkjsResult>(tab, probe, 'markRegExp', aliases.markjsRegExp, ALTERNATION_FLAGS),
          );
          break;
        case 'markArray':
          result.markArray.push(await call<MarkjsResult>(tab, probe, 'markArray', aliases.markjsAliases));
          break;
      }
    } catch (error) {
      result.errors.push(`${method}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (tab) await closeQuietly(tab);
    }
  };

  for (let run = 0; run < context.runs; run++) {
    context.log(`${browser.name}: in-page run ${run + 1}/${context.runs}`);
    for (const page of pages) {
      // Interleaved, so a noisy moment of the machine hits every method alike.
      for (const method of ['floor', 'scan60', 'scan20k', 'markRegExp'] as const) await measure(page, method);
      const result = results.get(page.name)!;
      if (run === 0 && !result.markArraySkipped && !unreadable.has(page.name)) await measure(page, 'markArray');
    }
  }
  return { results: [...results.values()], texts };
}
