import { describe, expect, it } from 'vitest';
import { SerialJobs } from '@/src/page/serial-jobs';

describe('SerialJobs', () => {
  it('runs one job at a time, in order, and a failed job does not stop the next', async () => {
    const jobs = new SerialJobs();
    const events: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`${name} ends`);
        if (fail) throw new Error(name);
        return name;
      };
    const first = jobs.run(job('first', true));
    const second = jobs.run(job('second'));
    await expect(first).rejects.toThrow('first');
    await expect(second).resolves.toBe('second');
    expect(events).toEqual(['first starts', 'first ends', 'second starts', 'second ends']);
  });
});
