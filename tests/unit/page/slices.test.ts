import { describe, expect, it } from 'vitest';
import { runInSlices } from '@/src/page/slices';

describe('runInSlices', () => {
  it('yields to the page every slice and reports the time spent working', async () => {
    let clock = 0;
    const events: string[] = [];
    let steps = 0;
    const result = await runInSlices(
      () => {
        clock += 3;
        steps++;
        return steps < 10;
      },
      {
        now: () => clock,
        yieldToPage: async () => {
          events.push('yield');
          clock += 100;
        },
        sliceMs: 8,
      },
      () => events.push('slice'),
    );
    expect(steps).toBe(10);
    // Slices of 3 steps (9 ms each, the last shorter): the page gets a turn between slices, never after the last.
    expect(events).toEqual(['slice', 'yield', 'slice', 'yield', 'slice', 'yield', 'slice']);
    expect(result).toEqual({ completed: true, busyMs: 30 });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    let steps = 0;
    let clock = 0;
    const result = await runInSlices(
      () => {
        clock += 10;
        steps++;
        return true;
      },
      {
        now: () => clock,
        yieldToPage: async () => controller.abort(),
        signal: controller.signal,
      },
    );
    expect(result.completed).toBe(false);
    expect(steps).toBe(1);
  });
});
