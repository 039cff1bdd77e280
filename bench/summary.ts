/**
 * The whole report: its JSON shape, the goals of the issue judged against
 * the measurements, and the text printed at the end of a run. Pure.
 */
import { median } from './stats';
import {
  algorithmTable,
  extensionOverFloor,
  extensionTable,
  fmt,
  goal,
  table,
  type BrowserReport,
  type Goal,
  type MatcherRow,
  type SearchRow,
} from './report';
import type { BenchOptions } from './options';
import type { BackgroundFacts, BundleFacts } from './suites/static';

/** What `bench-results/latest.json` holds. */
export interface BenchReport {
  meta: {
    date: string;
    commit: string;
    /** Files under src/ and entrypoints/ that differ from the commit (the build measured includes them). */
    workingTreeChanges: number;
    cpus: number;
    loadAverage: number[];
    node: string;
    options: BenchOptions;
    pages: string[];
    aliasSets: { bundled: number; sixty: number; generated: number; generatedEntities: number };
    durationS: number;
  };
  contentScripts: BundleFacts[];
  /** The background's script and the builder's, per build. */
  backgrounds: BackgroundFacts[];
  node: { matcher: MatcherRow[]; search: SearchRow | null };
  browsers: BrowserReport[];
  goals: Goal[];
}

const ms = (value: number) => `${fmt.ms(value)} ms`;
const times = (value: number) => `${fmt.ratio(value)}×`;

function maxOf(values: readonly (number | null | undefined)[]): number | null {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return finite.length > 0 ? Math.max(...finite) : null;
}

/** Judge every goal of the issue for every browser that measured it. */
export function evaluateGoals(report: BenchReport): Goal[] {
  const goals: Goal[] = [];
  for (const browser of report.browsers) {
    const name = browser.browser;
    const ratios = browser.ratios;
    const overFloor = extensionOverFloor(browser.algorithm, browser.extension);
    goals.push(
      goal(
        `${name}: extension CPU per page load ≤ 3× the floor (median over real pages; the whole extension, from the trace)`,
        overFloor?.median,
        3,
        'at most',
        (value) => `${times(value)} over ${overFloor!.pages} pages`,
      ),
      goal(
        `${name}: first scan + highlight ≤ 2.5× floor at 20,000 aliases`,
        ratios?.medianRatio20k,
        2.5,
        'at most',
        times,
      ),
      goal(
        `${name}: mark.js (array) ≥ 100× Factlens at 60 aliases`,
        ratios?.medianMarkArrayOverFactlens,
        100,
        'at least',
        times,
      ),
      goal(`${name}: mark.js (one RegExp) ≥ 10× Factlens`, ratios?.medianMarkRegExpOverFactlens, 10, 'at least', times),
    );
    const longestReal = maxOf(browser.extension.map((row) => row.longestTaskMs));
    goals.push(
      longestReal !== null
        ? goal(
            `${name}: no extension task over 50 ms (real extension, every page)`,
            longestReal,
            50,
            'at most',
            (value) => `longest ${ms(value)}`,
          )
        : goal(
            `${name}: no slice over 50 ms (annotator in page, 60 aliases, every page; no trace here)`,
            maxOf(browser.algorithm.map((row) => row.longestSlice60Ms)),
            50,
            'at most',
            (value) => `longest ${ms(value)}`,
          ),
    );
    const viewport = browser.extension
      .filter((row) => !row.page.startsWith('stress-'))
      .map((row) => row.firstViewportMarkMs)
      .filter((value) => value !== null);
    goals.push(
      goal(
        `${name}: first marks in the viewport ≤ 50 ms after the content script starts, background awake (median of real pages)`,
        viewport.length > 0 ? median(viewport as number[]) : null,
        50,
        'at most',
        (value) => `median ${ms(value)}, worst ${ms(maxOf(viewport)!)}`,
      ),
    );
    const cold = browser.coldStart;
    goals.push(
      goal(
        `${name}: first marks ≤ 150 ms after the content script starts with the background stopped (${cold?.page ?? 'short'} page)`,
        cold?.stopped?.firstViewportMarkMs,
        150,
        'at most',
        (value) =>
          `${ms(value)} (awake ${ms(cold!.awake.firstViewportMarkMs ?? NaN)}); background's first answer ${ms(cold!.answerStoppedMs ?? NaN)} stopped, ${ms(cold!.answerAwakeMs ?? NaN)} awake`,
      ),
    );
    const heap20k = browser.contentHeap.find((entry) => entry.aliases === '20,000');
    const heap60 = browser.contentHeap.find((entry) => entry.aliases === '60');
    goals.push(
      goal(
        `${name}: content world heap ≤ 5 MB at 20,000 aliases`,
        heap20k?.deltaKB === null || heap20k === undefined ? null : heap20k.deltaKB / 1024,
        5,
        'at most',
        (value) => `${value.toFixed(2)} MB (60 aliases: ${((heap60?.deltaKB ?? NaN) / 1024).toFixed(2)} MB)`,
      ),
    );
    const ads = browser.adFrames;
    goals.push(
      goal(
        `${name}: a page with ${ads?.frames ?? 20} ad-like frames costs ≤ 2× the same page without them`,
        ads?.ratio,
        2,
        'at most',
        (value) => `${times(value)} (${ms(ads!.withFramesMs!)} against ${ms(ads!.withoutFramesMs!)})`,
      ),
    );
    const quiet = browser.quiet.map((entry) => entry.activity?.extensionMs ?? null);
    const stopped = browser.appending?.quietAfterStop?.extensionMs ?? null;
    goals.push(
      goal(
        `${name}: zero extension CPU on a page that stopped changing (3 s windows)`,
        maxOf([...quiet, stopped]),
        0.5,
        'at most',
        (value) => `at most ${ms(value)} in 3 s`,
      ),
    );
    const appending = browser.appending?.appending;
    goals.push(
      goal(
        `${name}: ≤ 10% of the main thread on the appending page`,
        appending ? (appending.extensionMs / appending.windowMs) * 100 : null,
        10,
        'at most',
        (value) => `${value.toFixed(1)}% of ${appending ? appending.windowMs / 1000 : 0} s`,
      ),
    );
    const hover = browser.hover;
    goals.push(
      goal(
        `${name}: hover → popover < 50 ms after the intent delay (median; first hover of the page included)`,
        hover && hover.shownMs.length > 0 ? median(hover.shownMs) : null,
        50,
        'at most',
        (value) => `median ${ms(value)}, first ${ms(hover!.shownMs[0]!)}, worst ${ms(Math.max(...hover!.shownMs))}`,
      ),
    );
    goals.push(
      goal(
        `${name}: a frame with no text costs almost nothing (≤ 5 ms a frame)`,
        browser.emptyFrames?.perFrameMs,
        5,
        'at most',
        (value) => `${ms(value)} a frame`,
      ),
    );
    goals.push(
      goal(
        `${name}: popup search p95 < 5 ms a keystroke at 10,000 stories`,
        browser.search?.p95Ms,
        5,
        'at most',
        (value) => `p95 ${ms(value)}, p50 ${ms(browser.search!.p50Ms)}`,
      ),
    );
    const generated = browser.matcher.find((row) => row.set === '20,000');
    goals.push(
      goal(
        `${name}: matcher build for 20,000 aliases < 100 ms (per content script; planned once in the background)`,
        generated?.buildMs,
        100,
        'at most',
        (value) =>
          `${ms(value)} (parse ${ms(generated!.parseMs)} + build ${ms(generated!.compileMs)} + first match ${ms(generated!.firstMatchMs)}; plan ${ms(generated!.planMs)} once)`,
      ),
    );
    const checked = browser.extension.filter((row) => row.correctness !== null);
    goals.push({
      goal: `${name}: marks equal the reference matcher's names, decided as the content script decides, on every page`,
      status: checked.length === 0 ? 'not measured' : checked.every((row) => row.correctness!.exact) ? 'met' : 'missed',
      measured:
        checked.length === 0
          ? '—'
          : `${checked.filter((row) => row.correctness!.exact).length}/${checked.length} pages exact`,
    });
  }
  const nodeSearch = report.node.search;
  goals.push(
    goal(
      'Node: popup search p95 < 5 ms a keystroke at 10,000 stories',
      nodeSearch?.p95Ms,
      5,
      'at most',
      (value) => `p95 ${ms(value)}, p50 ${ms(nodeSearch!.p50Ms)}`,
    ),
  );
  const nodeMatcher = report.node.matcher.find((row) => row.set === '20,000');
  goals.push(
    goal(
      'Node: matcher build for 20,000 aliases < 100 ms (per content script; planned once in the background)',
      nodeMatcher?.buildMs,
      100,
      'at most',
      (value) =>
        `${ms(value)} (parse ${ms(nodeMatcher!.parseMs)} + build ${ms(nodeMatcher!.compileMs)} + first match ${ms(nodeMatcher!.firstMatchMs)}; plan ${ms(nodeMatcher!.planMs)} once)`,
    ),
  );
  for (const background of report.backgrounds) {
    goals.push(
      goal(
        `${background.browser}: background at start ≤ 60 KB gzipped (the builder and the figure checker loaded when needed)`,
        background.gzipBytes / 1024,
        60,
        'at most',
        (value) =>
          `${value.toFixed(1)} KB (${(background.bytes / 1024).toFixed(0)} KB raw); on demand: builder ${((background.builderGzipBytes ?? NaN) / 1024).toFixed(0)} KB gzipped, figure checker ${((background.figureCheckerGzipBytes ?? NaN) / 1024).toFixed(0)} KB`,
      ),
    );
  }
  for (const script of report.contentScripts) {
    goals.push(
      goal(
        `${script.browser}: content script ≤ 20 KB gzipped`,
        script.gzipBytes / 1024,
        20,
        'at most',
        (value) => `${value.toFixed(1)} KB (${(script.bytes / 1024).toFixed(0)} KB raw)`,
      ),
      {
        goal: `${script.browser}: fact base not in the content script (parsed once, in the background)`,
        status: script.factBaseStringsFound.length === 0 ? 'met' : 'missed',
        measured: `${script.factBaseStringsFound.length} of ${script.factBaseStringsChecked} fact base strings found`,
      },
    );
  }
  return goals;
}

function section(title: string, body: string): string {
  return `${title}\n${'='.repeat(title.length)}\n${body}\n`;
}

/** The text report: tables per browser, Node numbers, goals. */
export function printReport(report: BenchReport): string {
  const parts: string[] = [];
  const { meta } = report;
  parts.push(
    `Factlens bench — ${meta.date}, commit ${meta.commit}${meta.workingTreeChanges ? ` + ${meta.workingTreeChanges} changed files in src/ and entrypoints/` : ''}, ` +
      `${meta.cpus} cores, load ${meta.loadAverage.map((value) => value.toFixed(1)).join(' ')}, ${meta.durationS.toFixed(0)} s\n` +
      `Alias sets: bundled ${meta.aliasSets.bundled}; 60 (bundled + common names); ${meta.aliasSets.generated.toLocaleString('en')} (${meta.aliasSets.generatedEntities.toLocaleString('en')} entities, generated). Medians of ${meta.options.runs} fresh loads; times in ms.\n`,
  );
  for (const browser of report.browsers) {
    const r = browser.ratios;
    parts.push(
      section(
        `${browser.browser} ${browser.version}: the scan in the page's main world (no extension installed)`,
        `${algorithmTable(browser.algorithm)}\n` +
          'floor: TreeWalker over every text node reading .data; FL60/FL20k: annotator first scan + highlight, matcher left out;\n' +
          'slice: longest slice at 60; view: ms to the first mark in the viewport; mark[]: mark.js with the 60 aliases as an array (1 run);\n' +
          'markRE: mark.js markRegExp with one alternation; ×FL: mark.js ÷ everything Factlens did (matcher included).\n' +
          (r
            ? `Corpus (${r.pages} pages): Factlens/floor median ${times(r.medianRatio60)} at 60, ${times(r.medianRatio20k)} at 20,000 ` +
              `(totals ${times(r.totalRatio60)}, ${times(r.totalRatio20k)}); mark.js array/Factlens median ${times(r.medianMarkArrayOverFactlens)} ` +
              `over ${r.markArrayPages} pages (totals ${times(r.totalMarkArrayOverFactlens)}); mark.js RegExp/Factlens median ${times(r.medianMarkRegExpOverFactlens)} ` +
              `(totals ${times(r.totalMarkRegExpOverFactlens)}).\n`
            : '') +
          (browser.realRatios
            ? `Real pages only (${browser.realRatios.pages}): Factlens/floor median ${times(browser.realRatios.medianRatio60)} at 60, ${times(browser.realRatios.medianRatio20k)} at 20,000.\n`
            : ''),
      ),
    );
    if (browser.extension.length > 0) {
      parts.push(
        section(
          `${browser.browser}: the built extension`,
          `${extensionTable(browser.extension)}\n` +
            (browser.browser === 'chromium'
              ? 'ext total: extension main-thread time from load to quiet (its script, plus style/layout its code scheduled = of it style);\n' +
                "eval: content.js compile + top-level code; longest: longest task mostly the extension's; view/all marked/scan done: ms after content.js started.\n"
              : 'No trace in Firefox: view/all marked are ms after DOMContentLoaded (watcher in the page); no main-thread attribution.\n') +
            'marks ok: highlighted/expected against the reference matcher on the same text nodes, each name decided as the content script decides (bundled fact base, default cap).\n' +
            browser.extension
              .filter((row) => row.mismatches.length > 0 || row.errors.length > 0 || row.truncated)
              .map(
                (row) =>
                  `  ${row.page}: ${[...row.mismatches, ...row.errors, ...(row.truncated ? ['trace ended while the extension was busy'] : [])].join('; ')}`,
              )
              .join('\n'),
        ),
      );
      const lines: string[] = [];
      const hover = browser.hover;
      if (hover) {
        lines.push(
          `hover → popover after the ${hover.delayMs} ms delay: ${hover.shownMs.map((value) => fmt.ms(value)).join(', ')} ms ` +
            `(to the next frame: ${hover.paintedMs.map((value) => fmt.ms(value)).join(', ')})${hover.errors.length ? `; errors: ${hover.errors.join('; ')}` : ''}`,
        );
      }
      const appending = browser.appending;
      if (appending) {
        const share = appending.appending
          ? `${((appending.appending.extensionMs / appending.appending.windowMs) * 100).toFixed(1)}% of the main thread (${fmt.ms(appending.appending.extensionMs)} ms in ${appending.appending.windowMs / 1000} s; all tasks ${fmt.ms(appending.appending.busyMs)} ms; longest ${fmt.ms(appending.appending.longestTaskMs)} ms)`
          : 'share not measured';
        lines.push(
          `appending page: ${share}; ${appending.markedAppended} of ${appending.appended} appended mentions marked when the window ended` +
            (appending.afterStop
              ? `; after it stopped: ${fmt.ms(appending.afterStop.extensionMs)} ms in ${appending.afterStop.windowMs / 1000} s, then ${fmt.ms(appending.quietAfterStop?.extensionMs)} ms in 3 s`
              : '') +
            (appending.errors.length ? `; errors: ${appending.errors.join('; ')}` : ''),
        );
      }
      for (const { page, activity } of browser.quiet) {
        if (activity)
          lines.push(
            `stopped page ${page}: ${fmt.ms(activity.extensionMs)} ms of extension time in ${activity.windowMs / 1000} s`,
          );
      }
      const cold = browser.coldStart;
      if (cold) {
        const list = (values: (number | null)[]) => values.map((value) => fmt.ms(value)).join(', ');
        lines.push(
          `first marks on ${cold.page} (first / in the viewport, ms after ${browser.browser === 'chromium' ? 'content.js started' : 'DOMContentLoaded'}): ` +
            `background awake ${fmt.ms(cold.awake.firstMarkMs)} / ${fmt.ms(cold.awake.firstViewportMarkMs)} (${list(cold.awake.samples)})` +
            (cold.stopped
              ? `; stopped ${fmt.ms(cold.stopped.firstMarkMs)} / ${fmt.ms(cold.stopped.firstViewportMarkMs)} (${list(cold.stopped.samples)})`
              : '; stopped: not measurable here') +
            (cold.answerStoppedMs !== null
              ? `; the background's first answer (stats/get from an extension page): ${fmt.ms(cold.answerAwakeMs)} ms awake, ${fmt.ms(cold.answerStoppedMs)} ms stopped`
              : '') +
            (cold.figures
              ? `; figures/check (${cold.figures.verdicts} verdicts): ${fmt.ms(cold.figures.awakeMs)} ms awake, ` +
                `${fmt.ms(cold.figures.firstMs)} ms the first of a started background (loading its checker), ` +
                `${fmt.ms(cold.figures.stoppedMs)} ms starting a stopped one`
              : '') +
            (cold.errors.length ? `; errors: ${cold.errors.join('; ')}` : ''),
        );
      }
      const overFloor = extensionOverFloor(browser.algorithm, browser.extension);
      if (overFloor) {
        lines.push(
          `extension CPU per load over the floor: median ${times(overFloor.median)} (` +
            overFloor.perPage.map((entry) => `${entry.page} ${fmt.ratio(entry.ratio)}`).join(', ') +
            ')',
        );
      }
      const ads = browser.adFrames;
      if (ads) {
        lines.push(
          `article with ${ads.frames} ad-like frames: ${fmt.ms(ads.withFramesMs)} ms of extension time, without them ${fmt.ms(ads.withoutFramesMs)} ms (${fmt.ratio(ads.ratio ?? NaN)}×)`,
        );
      }
      const frames = browser.emptyFrames;
      if (frames && frames.extensionMs !== null) {
        lines.push(
          `frames without text: ${fmt.ms(frames.extensionMs)} ms for the page and its ${frames.frames} frames = ${fmt.ms(frames.perFrameMs)} ms a frame ` +
            `(content.js evaluation in the top frame ${fmt.ms(frames.evaluateMs)} ms, longest task ${fmt.ms(frames.longestTaskMs)} ms)`,
        );
      }
      if (lines.length > 0)
        parts.push(section(`${browser.browser}: hover, changing and quiet pages, empty frames`, lines.join('\n')));
    }
    const pageErrors = browser.algorithm
      .filter((row) => row.errors.length > 0)
      .map((row) => `${row.page}: ${row.errors.join('; ')}`);
    if (browser.errors.length > 0 || pageErrors.length > 0) {
      parts.push(section(`${browser.browser}: what failed`, [...browser.errors, ...pageErrors].join('\n')));
    }
  }
  const matcherRows = [...report.node.matcher, ...report.browsers.flatMap((browser) => browser.matcher)];
  if (matcherRows.length > 0) {
    parts.push(
      section(
        "Matcher: plan (background, once per fact base), then a fresh build from the plan (a new isolate or page each run: parse, instantiate, the engine's first match), then the real pages' text read twice (first pass, warm)",
        table(
          [
            'where',
            'aliases',
            'RegExps',
            'plan',
            'parse',
            'compile',
            'first match',
            'build',
            'M chars/s',
            'warm',
            'mentions',
          ],
          matcherRows.map((row) => [
            row.where,
            row.aliases.toLocaleString('en'),
            String(row.expressions),
            fmt.ms(row.planMs),
            fmt.ms(row.parseMs),
            fmt.ms(row.compileMs),
            fmt.ms(row.firstMatchMs),
            fmt.ms(row.buildMs),
            fmt.ratio(row.mbPerSecond),
            fmt.ratio(row.warmMbPerSecond),
            row.mentions.toLocaleString('en'),
          ]),
        ),
      ),
    );
  }
  const searchRows = [report.node.search, ...report.browsers.map((browser) => browser.search)].filter(
    (row): row is SearchRow => row !== null,
  );
  if (searchRows.length > 0) {
    parts.push(
      section(
        'Popup search, per keystroke, 10,000 generated stories',
        table(
          ['where', 'index build', 'keystrokes', 'p50', 'p95', 'max', 'slowest keystrokes'],
          searchRows.map((row) => [
            row.where,
            fmt.ms(row.buildMs),
            String(row.keystrokes),
            fmt.ms(row.p50Ms),
            fmt.ms(row.p95Ms),
            fmt.ms(row.maxMs),
            row.slowest.map((entry) => `"${entry.query}" ${fmt.ms(entry.ms)}`).join(', '),
          ]),
        ),
      ),
    );
  }
  for (const browser of report.browsers) {
    if (browser.contentHeap.length > 0) {
      parts.push(
        `${browser.browser} content world heap after a scan (page layer + matcher, main world of a fresh page): ` +
          browser.contentHeap
            .map((entry) => `${entry.aliases} aliases ${((entry.deltaKB ?? NaN) / 1024).toFixed(2)} MB`)
            .join(', ') +
          '\n',
      );
    }
  }
  for (const background of report.backgrounds) {
    parts.push(
      `${background.browser} background.js: ${(background.bytes / 1024).toFixed(1)} KB, ${(background.gzipBytes / 1024).toFixed(1)} KB gzipped; ` +
        `builder-worker.js (on demand): ${((background.builderBytes ?? NaN) / 1024).toFixed(0)} KB, ${((background.builderGzipBytes ?? NaN) / 1024).toFixed(0)} KB gzipped; ` +
        `figure-checker.js (on the first figure check): ${((background.figureCheckerBytes ?? NaN) / 1024).toFixed(0)} KB, ${((background.figureCheckerGzipBytes ?? NaN) / 1024).toFixed(0)} KB gzipped\n`,
    );
  }
  for (const script of report.contentScripts) {
    parts.push(
      `${script.browser} content script: ${(script.bytes / 1024).toFixed(1)} KB, ${(script.gzipBytes / 1024).toFixed(1)} KB gzipped; ` +
        `${script.factBaseStringsFound.length} of ${script.factBaseStringsChecked} fact base strings in it\n`,
    );
  }
  parts.push(
    section(
      'Goals',
      table(
        ['goal', 'status', 'measured'],
        report.goals.map((entry) => [entry.goal, entry.status, entry.measured]),
      ),
    ),
  );
  return parts.join('\n');
}
