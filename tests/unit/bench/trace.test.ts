import { describe, expect, it } from 'vitest';
import { clockOffset, extensionActivity, longestExtensionTask, mainFrameOf, type TraceEvent } from '@/bench/trace';

const EXTENSION = 'chrome-extension://abc/';
const CONTENT = `${EXTENSION}content-scripts/content.js`;
const PAGE = { pid: 10, tid: 10 };
/** Where the trace starts, µs: times in the tests are ms after it. */
const BASE = 5_000_000;
const at = (ms: number) => BASE + ms * 1000;

/** A task on the page's main thread from `start` ms for `duration` ms (trace times are in µs), `cpu` ms of it running. */
function task(start: number, duration: number, cpu = duration): TraceEvent {
  return { name: 'RunTask', ph: 'X', ts: at(start), dur: duration * 1000, tdur: cpu * 1000, ...PAGE };
}

function event(name: string, start: number, duration: number, data: Record<string, unknown> = {}): TraceEvent {
  return { name, ph: 'X', ts: at(start), dur: duration * 1000, ...PAGE, args: { data } };
}

/**
 * CPU samples every 0.5 ms from `from` to `to` ms: node 2 is page code, node 3 the extension's code
 * (a child of a content.js frame), node 4 idle.
 */
function profile(samples: [from: number, to: number, node: number][]): TraceEvent[] {
  const ids: number[] = [];
  const deltas: number[] = [];
  let last = 0;
  for (const [from, to, node] of samples) {
    for (let at = from; at < to; at += 0.5) {
      ids.push(node);
      deltas.push((at - last) * 1000);
      last = at;
    }
  }
  return [
    { name: 'Profile', ph: 'P', ts: BASE, id: '0x1', ...PAGE, args: { data: { startTime: BASE } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      ts: BASE,
      id: '0x1',
      pid: PAGE.pid,
      tid: 99,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: 'pageCode', url: 'http://127.0.0.1/page.js' } },
              { id: 5, parent: 1, callFrame: { functionName: 'scan', url: CONTENT } },
              { id: 3, parent: 5, callFrame: { functionName: 'nextNode', url: '' } },
              { id: 4, parent: 1, callFrame: { functionName: '(idle)' } },
            ],
            samples: ids,
          },
          timeDeltas: deltas,
        },
      },
    },
  ];
}

describe('the extension in a trace', () => {
  const events: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ts: 0, ...PAGE, args: { name: 'CrRendererMain' } },
    task(10, 30),
    event('EvaluateScript', 10, 30, { url: CONTENT, frame: 'TOP' }),
    task(50, 20),
    task(80, 10),
    task(100, 100),
    event('UpdateLayoutTree', 100, 100),
    task(300, 5),
    {
      name: 'ScheduleStyleRecalculation',
      ph: 'I',
      ts: at(301),
      ...PAGE,
      args: { data: { stackTrace: [{ url: CONTENT }] } },
    },
    task(310, 60),
    event('UpdateLayoutTree', 310, 60),
    ...profile([
      [10, 40, 3],
      [50, 70, 3],
      [80, 90, 2],
      [90, 100, 4],
      [100, 310, 4],
    ]),
  ];
  const activity = extensionActivity(events, [EXTENSION], { frame: 'TOP' });

  it('finds the page thread by the content script and times its evaluation', () => {
    expect(activity.thread).toEqual(PAGE);
    expect(activity.contentScriptStart).toBe(10);
    expect(activity.evaluateMs).toBe(30);
  });

  it("counts the extension's tasks, not the page's, and style work only when the extension scheduled it", () => {
    expect(activity.extensionTasks.map((entry) => [entry.start, entry.extensionMs, entry.renderingMs])).toEqual([
      [10, 30, 0],
      [50, 20, 0],
      [310, 60, 60],
    ]);
    expect(activity.extensionMs).toBe(110);
    expect(activity.renderingMs).toBe(60);
    expect(activity.busyMs).toBe(225);
  });

  it('tells the longest task that was mostly the extension’s', () => {
    expect(longestExtensionTask(activity.extensionTasks)).toBe(60);
    expect(longestExtensionTask([{ start: 0, durationMs: 80, wallMs: 80, extensionMs: 10, renderingMs: 0 }])).toBe(0);
  });

  it('counts the time a task ran, not the time it waited for a core, and shares it by samples', () => {
    const samples = profile([
      [0, 100, 3],
      [100, 200, 2],
      [300, 310, 4],
    ]);
    const waited = extensionActivity([task(0, 200, 20), task(300, 10), ...samples], [EXTENSION], { thread: PAGE });
    expect(waited.extensionTasks).toEqual([{ start: 0, durationMs: 20, wallMs: 200, extensionMs: 20, renderingMs: 0 }]);
    expect(waited.busyMs).toBe(30);
    expect(waited.cpuShare).toBeCloseTo(30 / 210, 6);
  });

  it('finds nothing when the content script never ran', () => {
    const none = extensionActivity([task(0, 10)], [EXTENSION]);
    expect(none.thread).toBeNull();
    expect(none.extensionMs).toBe(0);
  });

  it('reads a later window on a thread it is told', () => {
    const later = extensionActivity([task(0, 10), ...profile([[0, 10, 3]])], [EXTENSION], { thread: PAGE });
    expect(later.contentScriptStart).toBeNull();
    expect(later.extensionMs).toBe(10);
  });

  it('finds the top frame of a URL and ties a document clock to the trace', () => {
    const committed: TraceEvent = {
      name: 'FrameCommittedInBrowser',
      ph: 'I',
      ts: 5000,
      pid: 1,
      tid: 1,
      args: { data: { frame: 'TOP', url: 'http://127.0.0.1/a.html', isOutermostMainFrame: true } },
    };
    expect(mainFrameOf([committed], 'http://127.0.0.1/a.html')).toBe('TOP');
    expect(mainFrameOf([committed], 'http://127.0.0.1/b.html')).toBeNull();
    const mark: TraceEvent = { name: 'origin-1', ph: 'I', ts: at(250), ...PAGE, args: { data: { startTime: 200 } } };
    expect(clockOffset([mark], 'origin-1', BASE)).toBe(50);
    expect(clockOffset([mark], 'origin-2', BASE)).toBeNull();
  });
});
