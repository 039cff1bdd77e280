/** The watchdog that puts back highlights a page took: when it looks, and when it stops looking. */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { POINTER_REPAIR_EVERY_MS, TheftWatchdog, WATCHDOG_FIRST_MS, WATCHDOG_LAST_MS } from '@/src/page/theft-watchdog';

describe('TheftWatchdog', () => {
  let controller: AbortController;
  let marked: boolean;
  let repair: Mock<() => void>;

  function watchdog(): TheftWatchdog {
    return new TheftWatchdog({
      repair,
      hasMarks: () => marked,
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => Date.now(),
      signal: controller.signal,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    marked = true;
    repair = vi.fn();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** The times (ms after the start) at which it looked, within `untilMs`. */
  function looksWithin(untilMs: number): number[] {
    const start = Date.now();
    const times: number[] = [];
    repair.mockImplementation(() => times.push(Date.now() - start));
    vi.advanceTimersByTime(untilMs);
    return times;
  }

  it('looks after marks are added, then twice as long after each look, for the last time at its last delay', () => {
    watchdog().marksAdded();
    expect(looksWithin(120_000)).toEqual([1000, 3000, 7000, 15_000, 31_000]);
    expect(WATCHDOG_FIRST_MS * 16).toBe(WATCHDOG_LAST_MS);
  });

  it('starts over when more marks are added', () => {
    const dog = watchdog();
    dog.marksAdded();
    vi.advanceTimersByTime(3500);
    expect(repair).toHaveBeenCalledTimes(2);
    dog.marksAdded();
    expect(looksWithin(1000)).toEqual([1000]);
  });

  it('stops looking once nothing is marked, or once cancelled or aborted', () => {
    const dog = watchdog();
    dog.marksAdded();
    vi.advanceTimersByTime(1000);
    marked = false;
    // The look already due is made; none is planned after it.
    vi.advanceTimersByTime(60_000);
    expect(repair).toHaveBeenCalledTimes(2);

    marked = true;
    dog.marksAdded();
    dog.cancel();
    vi.advanceTimersByTime(60_000);
    expect(repair).toHaveBeenCalledTimes(2);

    dog.marksAdded();
    controller.abort();
    vi.advanceTimersByTime(60_000);
    expect(repair).toHaveBeenCalledTimes(2);
  });

  it('looks when the pointer moves, at most once a second, and only with marks', () => {
    const dog = watchdog();
    dog.pointerMoved();
    dog.pointerMoved();
    expect(repair).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(POINTER_REPAIR_EVERY_MS);
    dog.pointerMoved();
    expect(repair).toHaveBeenCalledTimes(2);
    marked = false;
    vi.advanceTimersByTime(POINTER_REPAIR_EVERY_MS);
    dog.pointerMoved();
    expect(repair).toHaveBeenCalledTimes(2);
  });

  it('counts a timed look as the pointer’s too', () => {
    const dog = watchdog();
    dog.marksAdded();
    vi.advanceTimersByTime(WATCHDOG_FIRST_MS);
    expect(repair).toHaveBeenCalledTimes(1);
    dog.pointerMoved();
    expect(repair).toHaveBeenCalledTimes(1);
  });
});
