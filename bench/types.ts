/**
 * What the in-page probes report back to the runner. Plain JSON: each value
 * crosses from the page to Node through `page.evaluate`.
 */

/** One walk of the floor. */
export interface FloorResult {
  /** Main-thread time of the walk, in milliseconds. */
  ms: number;
  /** Text nodes visited. */
  nodes: number;
  /** UTF-16 code units read. */
  chars: number;
}

/** The annotator's first scan and highlight of a page, run in the page's main world. */
export interface ScanResult {
  /** Main-thread time from starting the annotator to the last mention marked, turns given to the page excluded. */
  busyMs: number;
  /** Of that, asking for and compiling the matcher (payload parse, `compileMatcher`, the engine's first use). */
  matcherMs: number;
  /** `busyMs - matcherMs`: reading the page, matching, indexing and highlighting. */
  scanMs: number;
  /** The longest stretch between two turns given to the page, the matcher's compile left out. */
  longestSliceMs: number;
  /** The longest stretch with the matcher's compile in it: the real script compiles in a task of its own. */
  longestWithMatcherMs: number;
  /** Slices the scan was cut into. */
  slices: number;
  /**
   * Wall time between slices, when the page had the main thread. The pages are idle, so this is
   * mostly the browser rendering what the scan changed (style recalculation after the highlight
   * stylesheet is adopted, painting the marks).
   */
  yieldedMs: number;
  /** The longest of those turns. */
  longestGapMs: number;
  /** Wall time from start until every mention is marked (turns given to the page included). */
  untilAllMs: number;
  /** Wall time until the first mark, or null when nothing is marked. */
  firstMarkMs: number | null;
  /** Wall time until the first mention inside the viewport is marked, or null when none is. */
  firstViewportMarkMs: number | null;
  /** Mentions marked when the scan ended (the per-page cap applies). */
  marked: number;
  /** Aliases and RegExps of the compiled matcher. */
  aliasCount: number;
  expressionCount: number;
}

/** mark.js marking the same aliases. */
export interface MarkjsResult {
  /** Main-thread time of the call, in milliseconds. */
  ms: number;
  /** `<mark>` elements it added. */
  marks: number;
}

/** What a page holds, read once with the scanner's own walk. */
export interface PageInventory {
  textNodes: number;
  elements: number;
  /** Characters the scanner reads (script, style and noscript left out). */
  chars: number;
  /** The text as the scanner hands it to the matcher, chunk by chunk. */
  chunks: string[];
}

/** A mention located in the page: the index of its text node in the reading order, and offsets in it. */
export type LocatedMention = [node: number, start: number, end: number];

/** The reference matcher's names, decided as the content script decides, against the highlights it painted. */
export interface CorrectnessResult {
  /** Names the reference finds that the decisions keep on this page, before the per-page cap. */
  referenceMentions: number;
  /** What the content script should have marked: the first `maxMentionsPerPage` of those, in page order. */
  expected: number;
  /** Ranges in the `factlens-mention` and `factlens-drawn` highlights (painted and drawn marks). */
  highlighted: number;
  /** Expected but not highlighted, and highlighted but not expected (a few of each, for the report). */
  missing: LocatedMention[];
  extra: LocatedMention[];
  missingCount: number;
  extraCount: number;
  /** Names in the text where the compiled matcher and the reference disagree (0 when they agree everywhere). */
  matcherDiffers: number;
  /** Mentions per entity that the decisions keep. */
  perEntity: Record<string, number>;
}
