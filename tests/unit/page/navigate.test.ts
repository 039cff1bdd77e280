import { describe, expect, it } from 'vitest';
import { firstAtOrBelowTop, mentionToVisit, stepIndex } from '@/src/page/navigate';

describe('stepIndex', () => {
  const fromViewport = (index: number) => () => index;

  it.each<[string, number, number, 'next' | 'previous', number, number | null]>([
    ['next from the current one', 5, 2, 'next', 0, 3],
    ['previous from the current one', 5, 2, 'previous', 0, 1],
    ['next wraps to the first', 5, 4, 'next', 0, 0],
    ['previous wraps to the last', 5, 0, 'previous', 0, 4],
    ['next with none current: the first in view', 5, -1, 'next', 3, 3],
    ['previous with none current: the one above the view', 5, -1, 'previous', 3, 2],
    ['next below the last one wraps', 5, -1, 'next', 5, 0],
    ['previous above the first wraps', 5, -1, 'previous', 0, 4],
    ['nothing to go to', 0, -1, 'next', 0, null],
  ])('%s', (_label, count, current, direction, viewport, expected) => {
    expect(stepIndex(count, current, direction, fromViewport(viewport))).toBe(expected);
  });

  it('steps over hidden mentions', () => {
    const shown = new Set([0, 3]);
    expect(stepIndex(5, 0, 'next', fromViewport(0), (index) => shown.has(index))).toBe(3);
    expect(stepIndex(5, 3, 'next', fromViewport(0), (index) => shown.has(index))).toBe(0);
    expect(stepIndex(5, 0, 'next', fromViewport(0), () => false)).toBeNull();
  });
});

describe('firstAtOrBelowTop', () => {
  const box = (top: number) => ({ top, width: top === -Infinity ? 0 : 10, height: 10 }) as DOMRectReadOnly;

  it.each([
    [[-300, -200, -10, 0, 40, 900], 3],
    [[-300, -200], 2],
    [[10, 20], 0],
    [[], 0],
  ])('tops %o → %i', (tops, expected) => {
    expect(firstAtOrBelowTop(tops.length, (index) => box(tops[index]!))).toBe(expected);
  });

  it('judges a mention without a box by the next one that has one', () => {
    const tops = [-300, -Infinity, 50];
    const boxes = tops.map((top) =>
      top === -Infinity ? ({ top: 0, width: 0, height: 0 } as DOMRectReadOnly) : box(top),
    );
    expect(firstAtOrBelowTop(3, (index) => boxes[index]!)).toBe(1);
  });
});

describe('mentionToVisit', () => {
  // Mentions by the top of their box; NaN: hidden (no box).
  const tops: Record<string, number> = { a: -200, b: -50, hidden: Number.NaN, c: 30, d: 400 };
  const ordered = Object.keys(tops);
  const boxOf = (mention: string) => {
    const top = tops[mention]!;
    return (Number.isNaN(top) ? { top: 0, width: 0, height: 0 } : { top, width: 40, height: 10 }) as DOMRectReadOnly;
  };

  it.each<[string, string | null, 'next' | 'previous' | 'first', string | null]>([
    ['first: the first shown in page order', null, 'first', 'a'],
    ['first, wherever the current one is', 'c', 'first', 'a'],
    ['next with none current: the first at or below the viewport’s top', null, 'next', 'c'],
    ['previous with none current: the one above the viewport', null, 'previous', 'b'],
    ['next from the current one, over a hidden one', 'b', 'next', 'c'],
    ['previous from the current one, over a hidden one', 'c', 'previous', 'b'],
    ['next wraps around', 'd', 'next', 'a'],
  ])('%s', (_label, current, direction, expected) => {
    expect(mentionToVisit(ordered, current, direction, boxOf)).toBe(expected);
  });

  it('finds nothing when nothing is shown', () => {
    expect(mentionToVisit(['hidden'], null, 'first', boxOf)).toBeNull();
    expect(mentionToVisit([], null, 'next', boxOf)).toBeNull();
  });
});
