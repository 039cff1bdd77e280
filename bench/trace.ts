/**
 * Reads a Chromium trace (devtools.timeline tasks, the V8 CPU profiler's
 * samples, and the JavaScript stacks that scheduled style recalculations)
 * and tells the extension's share of a page's main thread.
 *
 * Durations are thread (CPU) times where the trace has them: on a shared
 * machine a renderer waits for a core, and a task of 30 ms of work can take
 * 200 ms of wall time, which says nothing about the code that ran.
 *
 * Within each task, the extension's time is:
 * - its JavaScript: the task's time times the share of its CPU samples with
 *   a frame of one of the extension's scripts on the stack, or, when larger,
 *   the time its scripts were compiled and evaluated and its callbacks called
 *   (the profiler does not see compilation);
 * - plus rendering it caused: a style recalculation (and the layout after it)
 *   that its code scheduled. Adopting a stylesheet of `::highlight()` rules,
 *   for example, recalculates the style of every element of the page.
 * A task that is mostly the extension's counts whole (its garbage
 * collection too). Pure: tested with hand-made events.
 */

/** The fields of a trace event this module reads. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: the wall time minus the time the thread was not running. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** One main-thread task. Times in milliseconds from the start of the trace. */
export interface TaskSummary {
  start: number;
  /** Thread time of the task (wall time when the trace has none). */
  durationMs: number;
  /** Wall time of the task. */
  wallMs: number;
  /** The extension's time in the task: its script, plus rendering it caused. */
  extensionMs: number;
  /** Of that, style recalculation and layout the extension's code scheduled. */
  renderingMs: number;
}

/** What the extension did on the page's main thread during the trace. */
export interface ExtensionActivity {
  /** Main thread's pid and tid (the thread the content script ran on), or null when it never ran. */
  thread: { pid: number; tid: number } | null;
  /** Trace start (the first event), in trace microseconds; every other time is in ms from it. */
  originUs: number;
  /** Length of the trace, ms. */
  spanMs: number;
  /** When the content script was first evaluated, ms from origin. */
  contentScriptStart: number | null;
  /** The extension's time over all tasks (script and the rendering it caused), ms. */
  extensionMs: number;
  /** Of that, style recalculation and layout the extension scheduled, ms. */
  renderingMs: number;
  /** How long evaluating the content script took, the first time (compile and top-level code), ms. */
  evaluateMs: number | null;
  /** Thread time of all tasks of the main thread, ms. */
  busyMs: number;
  /** Tasks in which the extension ran, in order. */
  extensionTasks: TaskSummary[];
  /** `performance.mark` names with their time, ms from origin. */
  marks: { name: string; at: number }[];
  /** How many CPU profile samples the main thread had (0 means the profiler did not record it). */
  samples: number;
  /** Thread time over wall time of the main thread's tasks: below 1, the thread waited for a core. */
  cpuShare: number;
}

/** A sample that counts for neither side: the thread had nothing to do. */
const IDLE = '(idle)';

function isExtensionUrl(url: string | undefined, prefixes: readonly string[]): boolean {
  return url !== undefined && url !== '' && prefixes.some((prefix) => url.startsWith(prefix));
}

/**
 * The first evaluation of one of the extension's scripts, in `frame` when
 * given (else in any frame): its thread is the page's main thread.
 */
function firstEvaluation(events: readonly TraceEvent[], scriptPrefixes: readonly string[], frame?: string) {
  let first: TraceEvent | null = null;
  for (const event of events) {
    if (event.name !== 'EvaluateScript') continue;
    const data = event.args?.data as { url?: string; frame?: string } | undefined;
    if (frame !== undefined && data?.frame !== frame) continue;
    if (isExtensionUrl(data?.url, scriptPrefixes) && (first === null || event.ts < first.ts)) first = event;
  }
  return first;
}

/** The id of the top frame that committed `url` (the page under test), or null. */
export function mainFrameOf(events: readonly TraceEvent[], url: string): string | null {
  for (const event of events) {
    if (event.name !== 'FrameCommittedInBrowser') continue;
    const data = event.args?.data as { frame?: string; url?: string; isOutermostMainFrame?: boolean } | undefined;
    if (data?.isOutermostMainFrame && data.url === url && data.frame) return data.frame;
  }
  return null;
}

/**
 * Milliseconds to add to a `performance.now()` time of the document that
 * made the mark `markName` to get trace time (ms from `originUs`), or null
 * when the mark is not in the trace.
 */
export function clockOffset(events: readonly TraceEvent[], markName: string, originUs: number): number | null {
  const mark = events.find((event) => event.name === markName);
  const startTime = (mark?.args?.data as { startTime?: number } | undefined)?.startTime;
  if (!mark || startTime === undefined) return null;
  return (mark.ts - originUs) / 1000 - startTime;
}

/** The CPU samples of one thread, as [time in trace µs, is the extension's]. */
function samplesOf(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  scriptPrefixes: readonly string[],
): { at: number; kind: 'extension' | 'other' | 'idle' }[] {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  if (!profile) return [];
  const startTime = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts;
  const chunks = events
    .filter((event) => event.name === 'ProfileChunk' && event.pid === pid && event.id === profile.id)
    .sort((a, b) => a.ts - b.ts);
  const parents = new Map<number, number | undefined>();
  const urls = new Map<number, string | undefined>();
  const names = new Map<number, string | undefined>();
  const extensionNode = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const known = extensionNode.get(id);
    if (known !== undefined) return known;
    const parent = parents.get(id);
    const verdict = isExtensionUrl(urls.get(id), scriptPrefixes) || (parent !== undefined && isExtension(parent));
    extensionNode.set(id, verdict);
    return verdict;
  };
  const samples: { at: number; kind: 'extension' | 'other' | 'idle' }[] = [];
  let time = startTime;
  for (const chunk of chunks) {
    const data = chunk.args?.data as ChunkData | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      parents.set(node.id, node.parent);
      urls.set(node.id, node.callFrame.url);
      names.set(node.id, node.callFrame.functionName);
    }
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((id, index) => {
      time += deltas[index] ?? 0;
      samples.push({ at: time, kind: isExtension(id) ? 'extension' : names.get(id) === IDLE ? 'idle' : 'other' });
    });
  }
  return samples.sort((a, b) => a.at - b.at);
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);
const RECALC_EVENTS = new Set(['UpdateLayoutTree', 'Layout']);
const SCHEDULE_EVENTS: Record<string, string> = {
  ScheduleStyleRecalculation: 'UpdateLayoutTree',
  InvalidateLayout: 'Layout',
};

function urlOf(event: TraceEvent): string | undefined {
  return (event.args?.data as { url?: string } | undefined)?.url;
}

function stackUrls(event: TraceEvent): string[] {
  const data = event.args?.data as { stackTrace?: { url?: string }[] } | undefined;
  return (data?.stackTrace ?? []).map((frame) => frame.url ?? '');
}

/**
 * Style recalculations and layouts on one thread that the extension
 * scheduled: since the previous one of the same kind, some schedule event
 * carried a stack with a frame of the extension's scripts.
 */
function renderingCausedBy(events: readonly TraceEvent[], scriptPrefixes: readonly string[]): TraceEvent[] {
  const caused: TraceEvent[] = [];
  const pending = new Map<string, boolean>();
  for (const event of events) {
    const scheduled = SCHEDULE_EVENTS[event.name];
    if (scheduled !== undefined) {
      if (stackUrls(event).some((url) => isExtensionUrl(url, scriptPrefixes))) pending.set(scheduled, true);
    } else if (RECALC_EVENTS.has(event.name) && event.ph === 'X') {
      if (pending.get(event.name)) caused.push(event);
      pending.set(event.name, false);
    }
  }
  return caused;
}

/** Thread time of an event in ms (its wall time when the trace has no thread time). */
function cpuMs(event: TraceEvent): number {
  return (event.tdur ?? event.dur ?? 0) / 1000;
}

/** Thread time of the outermost events among `events` (sorted by start): nested ones are not counted twice. */
function outermostDuration(events: readonly TraceEvent[]): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const event of events) {
    if (event.ts < coveredUntil) continue;
    total += cpuMs(event);
    coveredUntil = event.ts + (event.dur ?? 0);
  }
  return total;
}

/**
 * Summarise the extension's activity on the main thread of the page it ran
 * in. `scriptPrefixes`: URL prefixes of the extension's scripts
 * (`chrome-extension://<id>/`). The thread is the one the content script was
 * evaluated on in `where.frame` (the top frame; any frame when absent),
 * unless `where.thread` names it (a trace that starts later). Every frame on
 * that thread counts: same-site frames share the page's main thread.
 */
export function extensionActivity(
  events: readonly TraceEvent[],
  scriptPrefixes: readonly string[],
  where: { thread?: { pid: number; tid: number }; frame?: string } = {},
): ExtensionActivity {
  const timed = events.filter((event) => event.ph !== 'M' && event.ts > 0);
  const originUs = timed.reduce((min, event) => Math.min(min, event.ts), Infinity);
  const endUs = timed.reduce((max, event) => Math.max(max, event.ts + (event.dur ?? 0)), -Infinity);
  const ms = (us: number) => (us - originUs) / 1000;
  const marks = timed
    .filter((event) => (event.cat ?? '').includes('blink.user_timing') && event.ph !== 'e')
    .map((event) => ({ name: event.name, at: ms(event.ts) }))
    .sort((a, b) => a.at - b.at);
  const evaluated = firstEvaluation(timed, scriptPrefixes, where.frame) ?? firstEvaluation(timed, scriptPrefixes);
  const empty: ExtensionActivity = {
    thread: null,
    originUs,
    spanMs: ms(endUs),
    contentScriptStart: null,
    extensionMs: 0,
    renderingMs: 0,
    evaluateMs: null,
    busyMs: 0,
    extensionTasks: [],
    marks,
    samples: 0,
    cpuShare: 1,
  };
  const found = where.thread ?? evaluated;
  if (!found) return empty;
  const { pid, tid } = found;
  const onThread = timed.filter((event) => event.pid === pid && event.tid === tid).sort((a, b) => a.ts - b.ts);
  const samples = samplesOf(timed, pid, tid, scriptPrefixes);
  const scriptEvents = onThread.filter(
    (event) => event.ph === 'X' && SCRIPT_EVENTS.has(event.name) && isExtensionUrl(urlOf(event), scriptPrefixes),
  );
  const rendering = renderingCausedBy(onThread, scriptPrefixes);
  const tasks = onThread.filter((event) => event.name === 'RunTask' && event.ph === 'X');

  const extensionTasks: TaskSummary[] = [];
  let sampleCursor = 0;
  let busyMs = 0;
  const within = (list: readonly TraceEvent[], from: number, to: number) =>
    list.filter((event) => event.ts >= from && event.ts < to);
  let wallMs = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const durationMs = cpuMs(task);
    busyMs += durationMs;
    wallMs += (task.dur ?? 0) / 1000;
    while (sampleCursor < samples.length && samples[sampleCursor]!.at < task.ts) sampleCursor++;
    let ours = 0;
    let theirs = 0;
    for (let i = sampleCursor; i < samples.length && samples[i]!.at <= end; i++) {
      if (samples[i]!.kind === 'extension') ours++;
      else if (samples[i]!.kind === 'other') theirs++;
    }
    const sampledMs = ours > 0 ? (durationMs * ours) / (ours + theirs) : 0;
    const scriptMs = Math.max(sampledMs, outermostDuration(within(scriptEvents, task.ts, end)));
    const renderingMs = Math.min(durationMs, outermostDuration(within(rendering, task.ts, end)));
    const ownMs = Math.min(durationMs, scriptMs + renderingMs);
    if (ownMs > 0) {
      extensionTasks.push({
        start: ms(task.ts),
        durationMs,
        wallMs: (task.dur ?? 0) / 1000,
        // A task that is mostly ours is ours: its garbage collection and compiling, which samples do not name, too.
        extensionMs: ownMs >= EXTENSION_TASK_SHARE * durationMs ? durationMs : ownMs,
        renderingMs,
      });
    }
  }
  return {
    thread: { pid, tid },
    originUs,
    spanMs: ms(endUs),
    contentScriptStart: evaluated && evaluated.pid === pid && evaluated.tid === tid ? ms(evaluated.ts) : null,
    extensionMs: extensionTasks.reduce((total, task) => total + task.extensionMs, 0),
    renderingMs: extensionTasks.reduce((total, task) => total + task.renderingMs, 0),
    evaluateMs: evaluated && evaluated.pid === pid && evaluated.tid === tid ? cpuMs(evaluated) : null,
    busyMs,
    extensionTasks,
    marks,
    samples: samples.length,
    cpuShare: wallMs > 0 ? busyMs / wallMs : 1,
  };
}

/** A task is the extension's when at least this share of it ran the extension's code. */
export const EXTENSION_TASK_SHARE = 0.5;

/** The longest task that was mostly the extension's, ms (0 when none). */
export function longestExtensionTask(tasks: readonly TaskSummary[]): number {
  return tasks
    .filter((task) => task.extensionMs >= EXTENSION_TASK_SHARE * task.durationMs)
    .reduce((longest, task) => Math.max(longest, task.durationMs), 0);
}
