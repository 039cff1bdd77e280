/**
 * Turns raw measurements into the report: medians per page, ratios against
 * the floor and mark.js, the goals of the issue with where each stands, and
 * the tables printed on the terminal. Pure: everything comes in as data.
 */
import { median, medianOf, percentile, ratio, sum } from './stats';
import type { InPageResult } from './suites/inpage';
import type {
  AppendingResult,
  EmptyFramesResult,
  ExtensionPageResult,
  HoverResult,
  WindowActivity,
} from './suites/extension';
import type { AdFramesResult, ColdStartResult, HeapResult } from './suites/startup';
import type { MatcherTiming } from './page/matcher';

/** One page's algorithm numbers (medians over runs), ms unless named otherwise. */
export interface AlgorithmRow {
  page: string;
  kind: 'real' | 'generated';
  textNodes: number;
  chars: number;
  floorMs: number;
  /** Factlens with 60 aliases: scan and highlight (matcher left out), all of it, longest slice, time to the first mark in view. */
  scan60Ms: number;
  busy60Ms: number;
  longestSlice60Ms: number;
  longestGap60Ms: number;
  firstViewport60Ms: number | null;
  marked60: number;
  scan20kMs: number;
  busy20kMs: number;
  matcher20kMs: number;
  longestSlice20kMs: number;
  markArrayMs: number | null;
  markArrayMarks: number | null;
  markRegExpMs: number;
  markRegExpMarks: number;
  /** Factlens / floor (scan and highlight, 60 and 20,000 aliases). */
  ratio60: number;
  ratio20k: number;
  /** mark.js / Factlens (everything Factlens did, its matcher included). */
  markArrayOverFactlens: number | null;
  markRegExpOverFactlens: number;
  errors: string[];
}

/** Summarise one page of the in-page suite. */
export function algorithmRow(result: InPageResult): AlgorithmRow {
  const floorMs = medianOf(result.floor, (sample) => sample.ms);
  const scan60Ms = medianOf(result.scan60, (sample) => sample.scanMs);
  const busy60Ms = medianOf(result.scan60, (sample) => sample.busyMs);
  const scan20kMs = medianOf(result.scan20k, (sample) => sample.scanMs);
  const markArrayMs = result.markArray.length > 0 ? medianOf(result.markArray, (sample) => sample.ms) : null;
  const markRegExpMs = medianOf(result.markRegExp, (sample) => sample.ms);
  return {
    page: result.page.name,
    kind: result.page.kind,
    textNodes: result.inventory.textNodes,
    chars: result.inventory.chars,
    floorMs,
    scan60Ms,
    busy60Ms,
    longestSlice60Ms: medianOf(result.scan60, (sample) => sample.longestSliceMs),
    longestGap60Ms: medianOf(result.scan60, (sample) => sample.longestGapMs),
    firstViewport60Ms: nullIfNaN(medianOf(result.scan60, (sample) => sample.firstViewportMarkMs)),
    marked60: medianOf(result.scan60, (sample) => sample.marked),
    scan20kMs,
    busy20kMs: medianOf(result.scan20k, (sample) => sample.busyMs),
    matcher20kMs: medianOf(result.scan20k, (sample) => sample.matcherMs),
    longestSlice20kMs: medianOf(result.scan20k, (sample) => sample.longestSliceMs),
    markArrayMs,
    markArrayMarks: result.markArray[0]?.marks ?? null,
    markRegExpMs,
    markRegExpMarks: result.markRegExp[0]?.marks ?? 0,
    ratio60: ratio(scan60Ms, floorMs),
    ratio20k: ratio(scan20kMs, floorMs),
    markArrayOverFactlens: markArrayMs === null ? null : ratio(markArrayMs, busy60Ms),
    markRegExpOverFactlens: ratio(markRegExpMs, busy60Ms),
    errors: result.errors,
  };
}

function nullIfNaN(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Ratios over the corpus: the median of the pages' ratios, and the ratio of the totals. */
export interface CorpusRatios {
  pages: number;
  medianRatio60: number;
  totalRatio60: number;
  medianRatio20k: number;
  totalRatio20k: number;
  markArrayPages: number;
  medianMarkArrayOverFactlens: number;
  totalMarkArrayOverFactlens: number;
  medianMarkRegExpOverFactlens: number;
  totalMarkRegExpOverFactlens: number;
  totals: { floorMs: number; scan60Ms: number; scan20kMs: number; busy60Ms: number; markRegExpMs: number };
}

/** Corpus ratios over `rows`. */
export function corpusRatios(rows: readonly AlgorithmRow[]): CorpusRatios {
  const withMarkArray = rows.filter((row) => row.markArrayMs !== null);
  const totals = {
    floorMs: sum(rows.map((row) => row.floorMs)),
    scan60Ms: sum(rows.map((row) => row.scan60Ms)),
    scan20kMs: sum(rows.map((row) => row.scan20kMs)),
    busy60Ms: sum(rows.map((row) => row.busy60Ms)),
    markRegExpMs: sum(rows.map((row) => row.markRegExpMs)),
  };
  return {
    pages: rows.length,
    medianRatio60: median(rows.map((row) => row.ratio60)),
    totalRatio60: ratio(totals.scan60Ms, totals.floorMs),
    medianRatio20k: median(rows.map((row) => row.ratio20k)),
    totalRatio20k: ratio(totals.scan20kMs, totals.floorMs),
    markArrayPages: withMarkArray.length,
    medianMarkArrayOverFactlens: median(withMarkArray.map((row) => row.markArrayOverFactlens!)),
    totalMarkArrayOverFactlens: ratio(
      sum(withMarkArray.map((row) => row.markArrayMs!)),
      sum(withMarkArray.map((row) => row.busy60Ms)),
    ),
    medianMarkRegExpOverFactlens: median(rows.map((row) => row.markRegExpOverFactlens)),
    totalMarkRegExpOverFactlens: ratio(totals.markRegExpMs, totals.busy60Ms),
    totals,
  };
}

/** One page with the real extension (medians over loads). */
export interface ExtensionRow {
  page: string;
  extensionMs: number | null;
  renderingMs: number | null;
  evaluateMs: number | null;
  longestTaskMs: number | null;
  tasksOver50: number | null;
  firstViewportMarkMs: number | null;
  allMarkedMs: number | null;
  scanDoneMs: number | null;
  /** From DOMContentLoaded (both browsers). */
  allMarkedFromDclMs: number | null;
  firstViewportFromDclMs: number | null;
  marked: number;
  /** Heap (V8 + embedder) with the extension minus without it, KB (Chromium). */
  heapDeltaKB: number | null;
  correctness: { expected: number; highlighted: number; missing: number; extra: number; exact: boolean } | null;
  mismatches: string[];
  truncated: boolean;
  errors: string[];
}

function medianOrNull<T>(samples: readonly T[], field: (sample: T) => number | null | undefined): number | null {
  return nullIfNaN(medianOf(samples, field));
}

/** Summarise one page of the extension suite; `heapBefore` comes from the same page without the extension. */
export function extensionRow(
  result: ExtensionPageResult,
  heapBefore: { used: number; embedder: number } | null,
): ExtensionRow {
  const { samples } = result;
  const heapWith = medianOrNull(samples, (sample) => (sample.heap ? sample.heap.used + sample.heap.embedder : null));
  const correctness = result.correctness;
  return {
    page: result.page.name,
    extensionMs: medianOrNull(samples, (sample) => sample.extensionMs),
    renderingMs: medianOrNull(samples, (sample) => sample.renderingMs),
    evaluateMs: medianOrNull(samples, (sample) => sample.evaluateMs),
    longestTaskMs: medianOrNull(samples, (sample) => sample.longestTaskMs),
    tasksOver50: samples.some((sample) => sample.tasksOver50 !== null)
      ? Math.max(...samples.map((sample) => sample.tasksOver50 ?? 0))
      : null,
    firstViewportMarkMs: medianOrNull(samples, (sample) => sample.firstViewportMarkMs),
    allMarkedMs: medianOrNull(samples, (sample) => sample.allMarkedMs),
    scanDoneMs: medianOrNull(samples, (sample) => sample.scanDoneMs),
    allMarkedFromDclMs: medianOrNull(samples, (sample) => sample.fromDcl.allMarked),
    firstViewportFromDclMs: medianOrNull(samples, (sample) => sample.fromDcl.firstViewportMark),
    marked: medianOf(samples, (sample) => sample.marked),
    heapDeltaKB: heapWith !== null && heapBefore ? (heapWith - heapBefore.used - heapBefore.embedder) / 1024 : null,
    correctness: correctness
      ? {
          expected: correctness.expected,
          highlighted: correctness.highlighted,
          missing: correctness.missingCount,
          extra: correctness.extraCount,
          exact: correctness.missingCount === 0 && correctness.extraCount === 0 && correctness.matcherDiffers === 0,
        }
      : null,
    mismatches: result.mismatches,
    truncated: samples.some((sample) => sample.truncated),
    errors: result.errors,
  };
}

/** Matcher compile and scan speed, one alias set in one place (Node or a browser). */
export interface MatcherRow {
  where: string;
  set: string;
  aliases: number;
  expressions: number;
  /** The background's plan, once per fact base. */
  planMs: number;
  parseMs: number;
  compileMs: number;
  firstMatchMs: number;
  /** Parse, compile and first match: what a content script spends before it can read the page. */
  buildMs: number;
  /** Millions of characters read per second (MB/s for ASCII text), on the first pass and warmed up. */
  mbPerSecond: number;
  warmMbPerSecond: number;
  /** Characters read per pass. */
  chars: number;
  mentions: number;
  runs: number;
}

/** Summarise fresh compile-and-scan samples. */
export function matcherRow(where: string, set: string, aliases: number, samples: readonly MatcherTiming[]): MatcherRow {
  return {
    where,
    set,
    aliases,
    expressions: samples[0]?.expressions ?? 0,
    planMs: medianOf(samples, (sample) => sample.planMs),
    parseMs: medianOf(samples, (sample) => sample.parseMs),
    compileMs: medianOf(samples, (sample) => sample.compileMs),
    firstMatchMs: medianOf(samples, (sample) => sample.firstMatchMs),
    buildMs: medianOf(samples, (sample) => sample.parseMs + sample.compileMs + sample.firstMatchMs),
    mbPerSecond: medianOf(samples, (sample) => sample.chars / 1e6 / (sample.scanMs / 1000)),
    warmMbPerSecond: medianOf(samples, (sample) => sample.chars / 1e6 / (sample.warmScanMs / 1000)),
    chars: samples[0]?.chars ?? 0,
    mentions: samples[0]?.mentions ?? 0,
    runs: samples.length,
  };
}

/** Search timings summarised. */
export interface SearchRow {
  where: string;
  stories: number;
  buildMs: number;
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The slowest keystrokes: what the box held, and the time. */
  slowest: { query: string; ms: number }[];
}

/** p50/p95/max over keystroke times; `queries[i]` is what keystroke `i` searched for. */
export function searchRow(
  where: string,
  stories: number,
  buildMs: number,
  keystrokeMs: readonly number[],
  queries: readonly string[],
): SearchRow {
  return {
    where,
    stories,
    buildMs,
    keystrokes: keystrokeMs.length,
    p50Ms: percentile(keystrokeMs, 50),
    p95Ms: percentile(keystrokeMs, 95),
    maxMs: Math.max(...keystrokeMs),
    slowest: keystrokeMs
      .map((ms, index) => ({ query: queries[index] ?? '', ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

/** Where a goal stands. */
export type GoalStatus = 'met' | 'missed' | 'not measured';

/** One goal of the issue and the measurement it is judged by. */
export interface Goal {
  goal: string;
  status: GoalStatus;
  measured: string;
}

/** A goal met when `value` is on the right side of `limit`. */
export function goal(
  name: string,
  value: number | null | undefined,
  limit: number,
  direction: 'at most' | 'at least',
  describe: (value: number) => string,
): Goal {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return { goal: name, status: 'not measured', measured: '—' };
  }
  const met = direction === 'at most' ? value <= limit : value >= limit;
  return { goal: name, status: met ? 'met' : 'missed', measured: describe(value) };
}

/** The built extension's main-thread time per page load over the floor of the same page (Chromium). */
export interface ExtensionOverFloor {
  pages: number;
  median: number;
  perPage: { page: string; extensionMs: number; floorMs: number; ratio: number }[];
}

/** Per real page: the extension's CPU (trace) over the bare text walk; null without a trace. */
export function extensionOverFloor(
  algorithm: readonly AlgorithmRow[],
  extension: readonly ExtensionRow[],
): ExtensionOverFloor | null {
  const floors = new Map(algorithm.filter((row) => row.kind === 'real').map((row) => [row.page, row.floorMs]));
  const perPage = extension.flatMap((row) => {
    const floorMs = floors.get(row.page);
    if (floorMs === undefined || !(floorMs > 0) || row.extensionMs === null) return [];
    return [{ page: row.page, extensionMs: row.extensionMs, floorMs, ratio: row.extensionMs / floorMs }];
  });
  if (perPage.length === 0) return null;
  return { pages: perPage.length, median: median(perPage.map((entry) => entry.ratio)), perPage };
}

/** Everything for one browser, ready for JSON and for the tables. */
export interface BrowserReport {
  browser: string;
  version: string;
  algorithm: AlgorithmRow[];
  ratios: CorpusRatios | null;
  /** Ratios over the real pages only (the generated stress pages left out). */
  realRatios: CorpusRatios | null;
  extension: ExtensionRow[];
  hover: HoverResult | null;
  appending: AppendingResult | null;
  quiet: { page: string; activity: WindowActivity | null }[];
  emptyFrames: EmptyFramesResult | null;
  /** First marks and the background's first answer with it awake and stopped. */
  coldStart: ColdStartResult | null;
  /** The content world's heap growth at 60 and 20,000 aliases (Chromium). */
  contentHeap: HeapResult[];
  /** An article with 20 ad-like frames against the same without them. */
  adFrames: AdFramesResult | null;
  matcher: MatcherRow[];
  search: SearchRow | null;
  /** Measurements that failed, each with what failed. */
  errors: string[];
}

const format = {
  ms: (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value)
      ? '—'
      : value >= 100
        ? value.toFixed(0)
        : value >= 10
          ? value.toFixed(1)
          : value.toFixed(2),
  ratio: (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value)
      ? '—'
      : value >= 100
        ? value.toFixed(0)
        : value.toFixed(1),
  count: (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? '—' : Math.round(value).toLocaleString('en'),
};

/** Format numbers for the tables. */
export const fmt = format;

/** A text table with a header row, columns padded (numbers right-aligned). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The algorithm table of one browser. */
export function algorithmTable(rows: readonly AlgorithmRow[]): string {
  return table(
    [
      'page',
      'text nodes',
      'floor',
      'FL60',
      '×floor',
      'slice',
      'view',
      'FL20k',
      '×floor',
      'mark[]',
      '×FL',
      'markRE',
      '×FL',
    ],
    rows.map((row) => [
      row.page,
      format.count(row.textNodes),
      format.ms(row.floorMs),
      format.ms(row.scan60Ms),
      format.ratio(row.ratio60),
      format.ms(row.longestSlice60Ms),
      format.ms(row.firstViewport60Ms),
      format.ms(row.scan20kMs),
      format.ratio(row.ratio20k),
      format.ms(row.markArrayMs),
      format.ratio(row.markArrayOverFactlens),
      format.ms(row.markRegExpMs),
      format.ratio(row.markRegExpOverFactlens),
    ]),
  );
}

/** The real-extension table of one browser. */
export function extensionTable(rows: readonly ExtensionRow[]): string {
  return table(
    [
      'page',
      'ext total',
      'of it style',
      'eval',
      'longest',
      '>50ms',
      'view',
      'all marked',
      'scan done',
      'heap Δ KB',
      'marks ok',
    ],
    rows.map((row) => [
      row.page,
      format.ms(row.extensionMs),
      format.ms(row.renderingMs),
      format.ms(row.evaluateMs),
      format.ms(row.longestTaskMs),
      format.count(row.tasksOver50),
      format.ms(row.firstViewportMarkMs ?? row.firstViewportFromDclMs),
      format.ms(row.allMarkedMs ?? row.allMarkedFromDclMs),
      format.ms(row.scanDoneMs),
      format.count(row.heapDeltaKB),
      row.correctness
        ? row.correctness.exact
          ? `${row.correctness.highlighted}/${row.correctness.expected}`
          : `NO ${row.correctness.highlighted}/${row.correctness.expected} -${row.correctness.missing} +${row.correctness.extra}`
        : '—',
    ]),
  );
}
