/**
 * `npm run bench`: how fast and how big Factlens is, measured in real
 * browsers against the floor (a bare text walk) and against mark.js, with
 * the built extension where it counts. Prints tables and writes
 * `bench-results/latest.json` and `bench-results/latest.txt`.
 * See `bench/README-section.md` for what each number means.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { planMatcher } from '@/src/match/matcher';
import { encodeMatcherPlan } from '@/src/match/payload';
import { DEFAULT_SETTINGS } from '@/src/settings/schema';
import { REPO_ROOT, REAL_PAGES_DIR, type BrowserName } from '../tests/e2e/harness';
import { aliasTexts, alternationSource, bundledPayload, withCommonNames, withGeneratedEntities } from './aliases';
import { launchBenchBrowser } from './browsers';
import { bundleMatcherWorker, bundleProbes } from './bundle';
import { generatedPages, realPages, SCANNED_GENERATED, type CorpusPage } from './corpus';
import { call, closeQuietly, inject, openFresh } from './driver';
import { evaluateGoals, printReport, type BenchReport } from './summary';
import { parseOptions, USAGE } from './options';
import type { MatcherTiming } from './page/matcher';
import type { BrowserSearchResult } from './page/search';
import { algorithmRow, corpusRatios, extensionRow, matcherRow, searchRow, type BrowserReport } from './report';
import { startBenchServer } from './server';
import {
  measureAppending,
  measureEmptyFrames,
  measureHover,
  measureQuiet,
  runExtensionPages,
  type ExtensionContext,
} from './suites/extension';
import { grownPayloadJson, runDecisionSuite } from './suites/decisions';
import { runInPageSuite } from './suites/inpage';
import { measureMatcherInNode, measureSearchInNode } from './suites/node';
import { inspectBackground, inspectContentScript } from './suites/static';
import { measureAdFrames, measureColdStart, measureContentHeap } from './suites/startup';

const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');
/** Pages read in --quick runs: small and large, Latin and not, plus the stress pages. */
const QUICK_PAGES = ['rtl-1', 'cnn', 'qq', 'nytimes-5', 'wikipedia-list-of-9-11-victims'];
const BUILD_DIRS: Record<BrowserName, string> = { chromium: 'chrome-mv3', firefox: 'firefox-mv3' };

const startedAt = Date.now();
function log(message: string): void {
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function buildExtension(root: string, browsers: readonly BrowserName[]): void {
  for (const browser of browsers) {
    log(`building the extension for ${browser} into ${root}`);
    const result = spawnSync(
      'npx',
      ['wxt', 'build', '-c', 'bench/wxt.bench.config.ts', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, FACTLENS_BENCH_OUT: root } },
    );
    if (result.status !== 0) throw new Error(`the ${browser} build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function selectPages(all: CorpusPage[], quick: boolean, filters: readonly string[]): CorpusPage[] {
  let pages = all;
  if (quick) pages = pages.filter((page) => page.kind === 'generated' || QUICK_PAGES.includes(page.name));
  if (filters.length > 0) pages = pages.filter((page) => filters.some((filter) => page.name.includes(filter)));
  return pages;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const extensionRoot = path.resolve(REPO_ROOT, options.extensionRoot);
  if (options.extension && options.build) buildExtension(extensionRoot, options.browsers);

  const factBase = loadBundledFactBase();
  const bundled = bundledPayload(factBase);
  const payload60 = withCommonNames(bundled, 60);
  const payload20k = withGeneratedEntities(payload60, 5000, 20_000);
  const markjsAliases = aliasTexts(payload60);
  const aliases = {
    // The content script receives the plan the background works out from the payload.
    payload60: JSON.stringify(encodeMatcherPlan(planMatcher(payload60))),
    payload20k: JSON.stringify(encodeMatcherPlan(planMatcher(payload20k))),
    markjsAliases,
    markjsRegExp: alternationSource(markjsAliases),
  };

  const generated = generatedPages();
  const generatedByPath = new Map(generated.map(({ page, html }) => [page.path, html]));
  const scanned = selectPages(
    [
      ...realPages(REAL_PAGES_DIR),
      ...generated.map(({ page }) => page).filter((page) => SCANNED_GENERATED.has(page.name)),
    ],
    options.quick,
    options.pages,
  );
  log(
    `${scanned.length} pages, ${options.runs} runs, ${options.browsers.join(' and ')}${options.quick ? ', quick' : ''}`,
  );

  const probes = await bundleProbes();
  const workerPath = await bundleMatcherWorker(path.join(RESULTS_DIR, '.cache'));
  const server = await startBenchServer({ '/pages/': REAL_PAGES_DIR }, generatedByPath);

  const report: BenchReport = {
    meta: {
      date: new Date().toISOString(),
      commit: git(['rev-parse', '--short', 'HEAD']),
      workingTreeChanges: git(['status', '--porcelain', '--', 'src', 'entrypoints']).split('\n').filter(Boolean).length,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      node: process.version,
      options,
      pages: scanned.map((page) => page.name),
      aliasSets: {
        bundled: bundled.aliases.length,
        sixty: payload60.aliases.length,
        generated: payload20k.aliases.length,
        generatedEntities: payload20k.entities.length,
      },
      durationS: 0,
    },
    contentScripts: options.browsers
      .map((browser) => inspectContentScript(browser, path.join(extensionRoot, BUILD_DIRS[browser]), factBase))
      .filter((facts) => facts !== null),
    backgrounds: options.browsers
      .map((browser) => inspectBackground(browser, path.join(extensionRoot, BUILD_DIRS[browser])))
      .filter((facts) => facts !== null),
    node: { matcher: [], search: null },
    browsers: [],
    goals: [],
  };

  log('Node: popup search at 10,000 stories');
  const search = measureSearchInNode(10_000, 3);
  report.node.search = searchRow('Node', search.stories, search.buildMs, search.keystrokeMs, search.queries);

  let pageTexts: string[] | null = null;
  try {
    for (const browserName of options.browsers) {
      const browserReport: BrowserReport = {
        browser: browserName,
        version: '',
        algorithm: [],
        ratios: null,
        realRatios: null,
        extension: [],
        hover: null,
        appending: null,
        quiet: [],
        emptyFrames: null,
        coldStart: null,
        contentHeap: [],
        adFrames: null,
        matcher: [],
        search: null,
        errors: [],
      };
      report.browsers.push(browserReport);
      /** Run one measurement; a failure is reported and the rest of the run goes on. */
      const attempt = async (what: string, run: () => Promise<void>) => {
        try {
          await run();
        } catch (error) {
          const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
          log(`${browserName}: ${message}`);
          browserReport.errors.push(message);
        }
      };

      const plain = await launchBenchBrowser(browserName, null);
      let heapBefore = new Map<string, { used: number; embedder: number } | null>();
      try {
        browserReport.version = await plain.browser.version();
        const { results, texts } = await runInPageSuite(
          {
            browser: plain,
            origin: server.origin,
            probes,
            aliases,
            runs: options.runs,
            markArrayMaxTextNodes: options.quick ? 5_000 : 60_000,
            log,
          },
          scanned,
        );
        heapBefore = new Map(results.map((result) => [result.page.name, result.heapBefore]));
        browserReport.algorithm = results.map(algorithmRow);
        browserReport.ratios = corpusRatios(browserReport.algorithm);
        browserReport.realRatios = corpusRatios(browserReport.algorithm.filter((row) => row.kind === 'real'));
        pageTexts ??= scanned.filter((page) => page.kind === 'real').flatMap((page) => texts.get(page.name) ?? []);

        log(`${browserName}: per-mention decisions against the scan (grown fact base)`);
        await attempt('decisions', async () => {
          const real = scanned.filter((page) => page.kind === 'real');
          const json = grownPayloadJson(REPO_ROOT);
          await runDecisionSuite(plain, server.origin, probes.decisions, real, json, options.runs, log);
        });

        log(`${browserName}: matcher compile and scan speed`);
        for (const [set, payload] of [
          ['bundled', bundled],
          ['60', payload60],
          ['20,000', payload20k],
        ] as const) {
          await attempt(`matcher (${set})`, async () => {
            const samples: MatcherTiming[] = [];
            const json = JSON.stringify(payload);
            for (let run = 0; run < options.runs; run++) {
              const tab = await openFresh(plain, `${server.origin}/generated/empty-frame.html`);
              try {
                await inject(tab, probes.matcher);
                samples.push(await call<MatcherTiming>(tab, probes.matcher, 'measureMatcher', json, pageTexts));
              } finally {
                await closeQuietly(tab);
              }
            }
            browserReport.matcher.push(matcherRow(browserName, set, payload.aliases.length, samples));
          });
        }

        if (browserName === 'chromium') {
          log(`${browserName}: content world heap at 60 and 20,000 aliases`);
          for (const [set, json] of [
            ['60', aliases.payload60],
            ['20,000', aliases.payload20k],
          ] as const) {
            await attempt(`content heap (${set})`, async () => {
              browserReport.contentHeap.push(
                await measureContentHeap(
                  plain,
                  server.origin,
                  probes.factlens,
                  '/generated/hover.html',
                  set,
                  json,
                  options.runs,
                ),
              );
            });
          }
        }

        log(`${browserName}: popup search at 10,000 stories`);
        await attempt('search', async () => {
          const tab = await openFresh(plain, `${server.origin}/generated/empty-frame.html`);
          try {
            await inject(tab, probes.search);
            const result = await call<BrowserSearchResult>(tab, probes.search, 'measureSearch', 10_000);
            const { stories, buildMs, keystrokeMs, queries } = result;
            browserReport.search = searchRow(browserName, stories, buildMs, keystrokeMs, queries);
          } finally {
            await closeQuietly(tab);
          }
        });
      } finally {
        await plain.close();
      }

      if (!options.extension) continue;
      const withExtension = await launchBenchBrowser(browserName, path.join(extensionRoot, BUILD_DIRS[browserName]));
      try {
        const context: ExtensionContext = {
          browser: withExtension,
          origin: server.origin,
          probes,
          reference: { payload: bundled, maxMentions: DEFAULT_SETTINGS.maxMentionsPerPage },
          runs: options.runs,
          traceDir: options.keepTraces ? path.join(RESULTS_DIR, 'traces') : null,
          log,
        };
        await attempt('extension pages', async () => {
          const results = await runExtensionPages(context, scanned);
          browserReport.extension = results.map((result) =>
            extensionRow(result, heapBefore.get(result.page.name) ?? null),
          );
        });
        log(`${browserName}: hover`);
        await attempt('hover', async () => {
          browserReport.hover = await measureHover(context, '/generated/hover.html', DEFAULT_SETTINGS.hoverDelayMs);
        });
        log(`${browserName}: appending page`);
        await attempt('appending page', async () => {
          browserReport.appending = await measureAppending(context, '/generated/stress-appending.html', 20);
        });
        log(`${browserName}: pages that stopped changing`);
        const allPages = [...realPages(REAL_PAGES_DIR), ...generated.map(({ page }) => page)];
        for (const name of ['wikipedia', 'stress-50k-mentions']) {
          const page = allPages.find((candidate) => candidate.name === name);
          if (!page) continue;
          await attempt(`stopped page ${name}`, async () => {
            browserReport.quiet.push({ page: name, activity: await measureQuiet(context, page.path) });
          });
        }
        log(`${browserName}: first marks with the background awake and stopped`);
        await attempt('cold start', async () => {
          browserReport.coldStart = await measureColdStart(context, '/generated/hover.html', Math.max(options.runs, 5));
        });
        log(`${browserName}: an article with 20 ad-like frames`);
        await attempt('ad frames', async () => {
          browserReport.adFrames = await measureAdFrames(
            context,
            20,
            '/generated/ad-frames.html',
            '/generated/ad-frames-none.html',
            options.runs,
          );
        });
        log(`${browserName}: frames without text`);
        await attempt('frames without text', async () => {
          browserReport.emptyFrames = await measureEmptyFrames(context, '/generated/empty-frames.html', 20);
        });
      } finally {
        await withExtension.close();
      }
    }
  } finally {
    await server.close();
  }

  if (pageTexts) {
    log('Node: matcher compile and scan speed (a fresh isolate per sample)');
    for (const [set, payload] of [
      ['bundled', bundled],
      ['60', payload60],
      ['20,000', payload20k],
    ] as const) {
      const samples = await measureMatcherInNode(workerPath, payload, pageTexts, options.runs);
      report.node.matcher.push(matcherRow('Node', set, payload.aliases.length, samples));
    }
  }

  report.meta.durationS = (Date.now() - startedAt) / 1000;
  report.goals = evaluateGoals(report);
  const text = printReport(report);
  console.log(`\n${text}`);
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, 'latest.txt'), `${text}\n`);
  log(`wrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.json'))} and latest.txt`);
}

await main();
