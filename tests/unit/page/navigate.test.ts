import { describe, expect, it } from 'vitest';
import { firstAtOrBelowTop, stepIndex } from '../../../src/page/navigate';

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
