import { describe, expect, it, vi } from 'vitest';
import { once } from '@/entrypoints/content/parts';

// The content script's parts (data, popover) load through `once`: a part that failed to load, say while
// the extension was being updated, must load on the next hover rather than never again.
describe('once', () => {
  it('loads once, however often and however soon it is asked again', async () => {
    const load = vi.fn(async () => ({ part: 'popover' }));
    const part = once(load);
    const [first, second] = await Promise.all([part(), part()]);
    expect(await part()).toBe(first);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load, and keeps what loaded then', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue('loaded');
    const part = once(load);
    await expect(part()).rejects.toThrow('Failed to fetch');
    await expect(part()).resolves.toBe('loaded');
    await expect(part()).resolves.toBe('loaded');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
