import { describe, expect, it, vi } from 'vitest';
import { MATCHER_PLAN_KEY, serveKeptPlan } from '@/src/background/kept-plan';
import type { BackgroundHandlers } from '@/src/background/router';
import { memoryArea } from '../settings/memory-area';

/** Handlers whose `matcher/get` answers `plan` once `merged` settles, as `answerWhenReady` makes them wait. */
function waitingHandlers(merged: Promise<void>, plan: () => unknown) {
  const matcher = vi.fn(async () => {
    await merged;
    return { ok: true, value: plan() };
  });
  return { handlers: { 'matcher/get': matcher } as unknown as BackgroundHandlers, matcher };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the matcher plan kept across restarts', () => {
  it('answers a page’s first request at once from the kept plan while the articles are still merging', async () => {
    const area = memoryArea({ [MATCHER_PLAN_KEY]: { version: 1, builderId: 'b1', plan: { kept: true } } });
    const merge = deferred();
    const { handlers } = waitingHandlers(merge.promise, () => ({ kept: true }));
    const notifyTabs = vi.fn(async () => {});
    const served = serveKeptPlan(handlers, { area, builderId: 'b1', ready: merge.promise, notifyTabs, log: () => {} });
    // The merge never finished here, and the answer came anyway.
    await expect(served['matcher/get']({ type: 'matcher/get' }, {})).resolves.toEqual({
      ok: true,
      value: { kept: true },
    });
    merge.resolve();
    await flush();
    expect(notifyTabs).not.toHaveBeenCalled();
  });

  it('tells the tabs to ask again when the merged fact base plans differently, and keeps the new plan', async () => {
    const area = memoryArea({ [MATCHER_PLAN_KEY]: { version: 1, builderId: 'b1', plan: { old: true } } });
    const merge = deferred();
    const { handlers } = waitingHandlers(merge.promise, () => ({ merged: true }));
    const notifyTabs = vi.fn(async () => {});
    const served = serveKeptPlan(handlers, { area, builderId: 'b1', ready: merge.promise, notifyTabs, log: () => {} });
    expect(await served['matcher/get']({ type: 'matcher/get' }, {})).toEqual({ ok: true, value: { old: true } });
    merge.resolve();
    await vi.waitFor(() => expect(notifyTabs).toHaveBeenCalledTimes(1));
    expect(area.data.get(MATCHER_PLAN_KEY)).toEqual({ version: 1, builderId: 'b1', plan: { merged: true } });
    expect(await served['matcher/get']({ type: 'matcher/get' }, {})).toEqual({ ok: true, value: { merged: true } });
  });

  it('never serves a plan another version made, nor one where nothing is kept: those wait for the merge', async () => {
    for (const area of [
      memoryArea({ [MATCHER_PLAN_KEY]: { version: 1, builderId: 'old-build', plan: { old: true } } }),
      memoryArea(),
      undefined,
    ]) {
      const merge = deferred();
      const { handlers } = waitingHandlers(merge.promise, () => ({ merged: true }));
      const served = serveKeptPlan(handlers, {
        area,
        builderId: 'b1',
        ready: merge.promise,
        notifyTabs: async () => {},
        log: () => {},
      });
      let answered = false;
      const answer = Promise.resolve(served['matcher/get']({ type: 'matcher/get' }, {})).then((value: unknown) => {
        answered = true;
        return value;
      });
      await flush();
      expect(answered).toBe(false);
      merge.resolve();
      await expect(answer).resolves.toEqual({ ok: true, value: { merged: true } });
    }
  });
});
