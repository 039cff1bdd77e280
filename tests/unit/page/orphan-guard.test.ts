import { describe, expect, it } from 'vitest';
import { guardAgainstForgedRestarts } from '@/src/page/orphan-guard';

const EVENT = 'ext:content:wxt:content-script-started';

/** Dispatch the event on the document as WXT (or a page) does, and report whether a document listener heard it. */
function documentHears(alive: boolean): boolean {
  const controller = new AbortController();
  guardAgainstForgedRestarts({ window, eventName: EVENT, runtimeAlive: () => alive, signal: controller.signal });
  let heard = false;
  const listener = () => (heard = true);
  document.addEventListener(EVENT, listener);
  document.dispatchEvent(new CustomEvent(EVENT, { detail: { contentScriptName: 'content', messageId: 'x' } }));
  document.removeEventListener(EVENT, listener);
  controller.abort();
  return heard;
}

describe('guardAgainstForgedRestarts', () => {
  it('stops a "newer script started" event while our runtime is alive: only a page can have sent it', () => {
    expect(documentHears(true)).toBe(false);
  });

  it('lets the event through once this copy is orphaned, so a real update still replaces it', () => {
    expect(documentHears(false)).toBe(true);
  });
});
