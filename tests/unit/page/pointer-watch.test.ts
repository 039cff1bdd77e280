/**
 * Pointer movements and taps, on a window of its own (happy-dom), so the part is seen to use only the
 * window it is given.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PointerWatch, TAP_MAX_MS, TAP_SLOP_PX, type PointerHandlers } from '@/src/page/pointer-watch';

describe('PointerWatch', () => {
  let happy: Window;
  let win: globalThis.Window;
  let controller: AbortController;
  let frames: FrameRequestCallback[];
  let wanted: boolean;
  let handlers: { [K in keyof PointerHandlers]: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    happy = new Window();
    win = happy as unknown as globalThis.Window;
    win.document.body.innerHTML = '<p>TikTok</p>';
    controller = new AbortController();
    frames = [];
    wanted = true;
    handlers = { wanted: vi.fn(() => wanted), moved: vi.fn(), left: vi.fn(), tapped: vi.fn() };
    new PointerWatch(handlers as unknown as PointerHandlers, {
      window: win,
      signal: controller.signal,
      requestAnimationFrame: (callback) => frames.push(callback),
    });
  });

  afterEach(async () => {
    controller.abort();
    await happy.happyDOM.close();
  });

  /** The window's own PointerEvent, so events are of the document they are dispatched in. */
  const pointerEventClass = () => (happy as unknown as typeof globalThis).PointerEvent;

  function pointer(type: string, init: PointerEventInit & { timeStamp?: number } = {}): void {
    const event = new (pointerEventClass())(type, { bubbles: true, composed: true, ...init });
    if (init.timeStamp !== undefined) Object.defineProperty(event, 'timeStamp', { value: init.timeStamp });
    win.document.querySelector('p')!.dispatchEvent(event);
  }

  function runFrames(): void {
    for (const frame of frames.splice(0)) frame(0);
  }

  it('reports where the mouse rests once per frame, the last position of the frame', () => {
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'mouse' });
    pointer('pointermove', { clientX: 3, clientY: 4, pointerType: 'mouse' });
    expect(frames).toHaveLength(1);
    expect(handlers.moved).not.toHaveBeenCalled();
    runFrames();
    expect(handlers.moved).toHaveBeenCalledTimes(1);
    expect(handlers.moved).toHaveBeenCalledWith({ x: 3, y: 4 }, win.document.querySelector('p'));
  });

  it('skips movements while they are not wanted, and touch movements always', () => {
    wanted = false;
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'mouse' });
    wanted = true;
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'touch' });
    expect(frames).toHaveLength(0);
  });

  it('reports the pointer leaving the window, and drops a movement the frame had not reported yet', () => {
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'mouse' });
    win.dispatchEvent(new (pointerEventClass())('pointerout', { relatedTarget: null }));
    expect(handlers.left).toHaveBeenCalledTimes(1);
    runFrames();
    expect(handlers.moved).not.toHaveBeenCalled();
    // Leaving one element for another is not leaving the window.
    pointer('pointerout', { relatedTarget: win.document.body as unknown as EventTarget });
    expect(handlers.left).toHaveBeenCalledTimes(1);
  });

  it('reports a short, still touch as a tap', () => {
    pointer('pointerdown', { clientX: 10, clientY: 10, pointerType: 'touch', pointerId: 7, timeStamp: 100 });
    pointer('pointerup', { clientX: 14, clientY: 12, pointerType: 'touch', pointerId: 7, timeStamp: 200 });
    expect(handlers.tapped).toHaveBeenCalledWith({ x: 14, y: 12 }, win.document.querySelector('p'));
  });

  it.each<[string, PointerEventInit & { timeStamp?: number }]>([
    ['moved too far', { clientX: 10 + TAP_SLOP_PX + 1, clientY: 10, pointerId: 7, timeStamp: 200 }],
    ['lasted too long', { clientX: 10, clientY: 10, pointerId: 7, timeStamp: 100 + TAP_MAX_MS + 1 }],
    ['another finger', { clientX: 10, clientY: 10, pointerId: 8, timeStamp: 200 }],
  ])('does not report a touch that %s', (_label, up) => {
    pointer('pointerdown', { clientX: 10, clientY: 10, pointerType: 'touch', pointerId: 7, timeStamp: 100 });
    pointer('pointerup', { pointerType: 'touch', ...up });
    expect(handlers.tapped).not.toHaveBeenCalled();
  });

  it('hears nothing once its signal is aborted', () => {
    controller.abort();
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'mouse' });
    pointer('pointerdown', { clientX: 10, clientY: 10, pointerType: 'touch', pointerId: 7, timeStamp: 100 });
    pointer('pointerup', { clientX: 10, clientY: 10, pointerType: 'touch', pointerId: 7, timeStamp: 200 });
    expect(frames).toHaveLength(0);
    expect(handlers.tapped).not.toHaveBeenCalled();
  });

  it('reports nothing for a frame that comes after the abort', () => {
    pointer('pointermove', { clientX: 1, clientY: 2, pointerType: 'mouse' });
    controller.abort();
    runFrames();
    expect(handlers.moved).not.toHaveBeenCalled();
  });
});
