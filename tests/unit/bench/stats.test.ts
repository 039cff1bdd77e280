import { describe, expect, it } from 'vitest';
import { median, medianOf, percentile, ratio, sum } from '@/bench/stats';

describe('benchmark statistics', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('has no median without values, and ignores values that are not numbers', () => {
    expect(median([])).toBeNaN();
    expect(median([Number.NaN, 5, Number.POSITIVE_INFINITY, 1])).toBe(3);
  });

  it.each([
    [0, 1],
    [50, 50.5],
    [95, 95.05],
    [100, 100],
  ])('percentile %d of 1…100 interpolates between ranks', (p, expected) => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, p)).toBeCloseTo(expected, 6);
  });

  it('gives no ratio over zero or a missing value', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNaN();
    expect(ratio(null, 4)).toBeNaN();
    expect(ratio(10, undefined)).toBeNaN();
  });

  it('takes the median of a field, skipping samples without it', () => {
    const samples = [{ ms: 5 }, { ms: null }, { ms: 1 }, { ms: 3 }];
    expect(medianOf(samples, (sample) => sample.ms)).toBe(3);
  });

  it('sums what is finite', () => {
    expect(sum([1, 2, Number.NaN, 3])).toBe(6);
  });
});
