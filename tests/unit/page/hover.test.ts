import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, rectsContain } from '@/src/page/hover';

type Mention = { name: string };
const tiktok: Mention = { name: 'TikTok' };
const microsoft: Mention = { name: 'Microsoft' };

describe('HoverIntent', () => {
  let log: string[];
  let intent: HoverIntent<Mention>;

  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
    intent = new HoverIntent<Mention>(
      {
        setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
      {
        open: (mention) => log.push(`open ${mention.name}`),
        close: () => log.push('close'),
        setActive: (mention) => log.push(`active ${mention?.name ?? '-'}`),
      },
      250,
      300,
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens once the pointer has rested on a mention for the delay', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(249);
    expect(log).toEqual(['active TikTok']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['active TikTok', 'active TikTok', 'open TikTok']);
    expect(intent.openMention).toBe(tiktok);
  });

  it('does not open for a pointer passing over a mention', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(100);
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(1000);
    expect(log).not.toContain('open TikTok');
    expect(log[log.length - 1]).toBe('active -');
  });

  it('keeps the popover open while the pointer travels into it, and closes after leaving both', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(250);
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(200);
    intent.pointerAt(null, true);
    vi.advanceTimersByTime(1000);
    expect(log).not.toContain('close');
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(299);
    expect(log).not.toContain('close');
    vi.advanceTimersByTime(1);
    expect(log).toContain('close');
    expect(intent.openMention).toBeNull();
  });

  it('stays open when the pointer comes back to the mention within the grace time', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(250);
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(200);
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(1000);
    expect(log).not.toContain('close');
  });

  it('moves to another mention after its own delay', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(250);
    intent.pointerAt(microsoft, false);
    vi.advanceTimersByTime(250);
    expect(intent.openMention).toBe(microsoft);
    expect(log.filter((line) => line.startsWith('open'))).toEqual(['open TikTok', 'open Microsoft']);
  });

  it('opens at once on a tap', () => {
    intent.tap(microsoft);
    expect(log).toContain('open Microsoft');
  });

  it('keeps a popover opened from the keyboard while the pointer wanders', () => {
    intent.markOpened(tiktok, true);
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(5000);
    expect(log).not.toContain('close');
    expect(intent.openMention).toBe(tiktok);
  });

  it('forgets a popover closed by other means without closing it again', () => {
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(250);
    intent.popoverClosed();
    intent.pointerAt(null, false);
    vi.advanceTimersByTime(1000);
    expect(log).not.toContain('close');
    expect(intent.openMention).toBeNull();
  });

  it('follows a changed delay', () => {
    intent.delayMs = 0;
    intent.pointerAt(tiktok, false);
    vi.advanceTimersByTime(0);
    expect(intent.openMention).toBe(tiktok);
  });
});

describe('rectsContain', () => {
  const rect = { left: 10, right: 50, top: 100, bottom: 120 } as DOMRectReadOnly;
  it.each([
    [{ x: 30, y: 110 }, true],
    [{ x: 9.5, y: 110 }, true],
    [{ x: 5, y: 110 }, false],
    [{ x: 30, y: 125 }, false],
  ])('%o inside the box: %s', (point, expected) => {
    expect(rectsContain([rect], point)).toBe(expected);
  });
});
