import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  outermostConnected,
  RescanLimiter,
  RescanScheduler,
  summarizeMutations,
  type RescanLimits,
} from '@/src/page/watch';
import { setBody } from './dom';

function record(fields: Partial<MutationRecord>): MutationRecord {
  return {
    type: 'childList',
    target: document.body,
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    ...fields,
  } as MutationRecord;
}

describe('summarizeMutations', () => {
  const isOwn = (node: Node) => (node as Element).localName === 'factlens-root';

  it('collects added nodes and changed text, and notes removals', () => {
    setBody('<p>old</p>');
    const text = document.querySelector('p')!.firstChild!;
    const added = document.createElement('div');
    const summary = summarizeMutations(
      [
        record({ type: 'characterData', target: text }),
        record({ addedNodes: [added, document.createComment('x')] as unknown as NodeList }),
        record({ removedNodes: [document.createElement('span')] as unknown as NodeList }),
      ],
      isOwn,
    );
    expect(summary.dirty).toEqual([text, added]);
    expect(summary.changedTexts).toEqual([text]);
    expect(summary.removed).toBe(true);
  });

  it('ignores the popover host coming and going', () => {
    const host = document.createElement('factlens-root');
    const summary = summarizeMutations(
      [record({ target: document.documentElement, addedNodes: [host] as unknown as NodeList })],
      isOwn,
    );
    expect(summary.dirty).toEqual([]);
  });
});

describe('outermostConnected', () => {
  it('keeps connected nodes that no other listed node contains', () => {
    setBody('<div id="a"><p id="b">x</p></div><p id="c">y</p>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    const detached = document.createElement('p');
    expect(outermostConnected([b!, a!, c!, detached, b!.firstChild!])).toEqual([a, c]);
  });

  it('sees through shadow roots to their hosts', () => {
    setBody('<div id="host"></div>');
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    expect(outermostConnected([shadow.querySelector('p')!, host])).toEqual([host]);
  });
});

const limits: RescanLimits = {
  windowMs: 1000,
  maxRunsPerWindow: 4,
  maxBusyMsPerWindow: 50,
  firstBackoffMs: 250,
  maxBackoffMs: 2000,
  quietMs: 3000,
};

describe('RescanLimiter', () => {
  it('lets occasional rescans run at once', () => {
    const limiter = new RescanLimiter(limits);
    for (const at of [0, 400, 800]) {
      limiter.noteRequest(at);
      expect(limiter.delayAt(at)).toBe(0);
      limiter.recordRun(at, at + 2, 2);
    }
  });

  /** Simulate a page that changes every 16 ms for `durationMs`, each rescan taking `busyMs`; returns the run times. */
  function simulate(limiter: RescanLimiter, durationMs: number, busyMs: number): number[] {
    const runs: number[] = [];
    for (let now = 0; now < durationMs; now += 16) {
      limiter.noteRequest(now);
      if (limiter.delayAt(now) > 0 || (runs.length > 0 && now < runs[runs.length - 1]! + busyMs)) continue;
      runs.push(now);
      limiter.recordRun(now, now + busyMs, busyMs);
    }
    return runs;
  }

  it('holds a page that changes every frame to a few cheap rescans a second', () => {
    const runs = simulate(new RescanLimiter(limits), 10_000, 1);
    // Of 625 frames, the first few get a rescan each; then rescans are spaced by the back-off.
    expect(runs.slice(0, limits.maxRunsPerWindow + 1)).toEqual([0, 16, 32, 48, 64]);
    const later = runs.slice(limits.maxRunsPerWindow + 1);
    for (let i = 1; i < later.length; i++) {
      expect(later[i]! - later[i - 1]!).toBeGreaterThanOrEqual(limits.firstBackoffMs);
    }
    expect(runs.length).toBeLessThanOrEqual(2 * (10_000 / limits.windowMs));
  });

  it('keeps doubling the wait, up to the maximum, while rescans stay expensive', () => {
    const limiter = new RescanLimiter(limits);
    const waits: number[] = [];
    let now = 0;
    for (let run = 0; run < 6; run++) {
      limiter.noteRequest(now);
      now += limiter.delayAt(now);
      limiter.recordRun(now, now + 60, 60);
      now += 60;
      waits.push(limiter.backoff);
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('backs off when rescans are long even if they are few', () => {
    const limiter = new RescanLimiter(limits);
    limiter.recordRun(0, 60, 60);
    expect(limiter.backoff).toBe(250);
    expect(limiter.delayAt(60)).toBe(250);
  });

  it('trusts the page again once it has been quiet', () => {
    const limiter = new RescanLimiter(limits);
    limiter.recordRun(0, 60, 60);
    limiter.noteRequest(100);
    expect(limiter.backoff).toBe(250);
    limiter.noteRequest(5000);
    expect(limiter.backoff).toBe(0);
    expect(limiter.delayAt(5000)).toBe(0);
  });
});

describe('RescanScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function makeScheduler(run: () => Promise<number>) {
    vi.useFakeTimers();
    return new RescanScheduler({
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => Date.now(),
      run,
      limiter: new RescanLimiter(limits),
      debounceMs: 50,
      maxWaitMs: 200,
    });
  }

  it('turns a burst of changes into one rescan after the debounce', async () => {
    const run = vi.fn(async () => 1);
    const scheduler = makeScheduler(run);
    for (let i = 0; i < 3; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not let a steady stream of changes postpone the rescan forever', async () => {
    const run = vi.fn(async () => 1);
    const scheduler = makeScheduler(run);
    for (let i = 0; i < 12; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(run).toHaveBeenCalled();
  });

  it('runs one rescan at a time and one more for changes made during it', async () => {
    let finish: (busy: number) => void = () => {};
    const run = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const scheduler = makeScheduler(run);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(60);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.request();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    finish(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled', async () => {
    const run = vi.fn(async () => 1);
    const scheduler = makeScheduler(run);
    scheduler.request();
    scheduler.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
