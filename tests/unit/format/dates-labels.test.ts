import { describe, expect, it } from 'vitest';
import { formatDate } from '@/src/format/dates';
import { countLabel, kindLabel } from '@/src/format/labels';
import type { EntityKind } from '@/src/facts/schema';

describe('formatDate', () => {
  it.each([
    ['2025-10-17', 'Oct 17, 2025'],
    ['2024-01-01', 'Jan 1, 2024'],
    ['2024-12-31', 'Dec 31, 2024'],
    ['2024-02-29', 'Feb 29, 2024'],
    [null, 'undated'],
    ['', 'undated'],
    ['2025-02-30', '2025-02-30'],
    ['October 2025', 'October 2025'],
  ])('%s → %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });
});

describe('kindLabel', () => {
  it.each<[EntityKind, string]>([
    ['company', 'Company'],
    ['product', 'Product'],
    ['organization', 'Organization'],
    ['person', 'Person'],
    ['place', 'Place'],
    ['program', 'Program'],
    ['topic', 'Topic'],
  ])('%s → %s', (kind, label) => {
    expect(kindLabel(kind)).toBe(label);
  });
});

describe('countLabel', () => {
  it.each([
    [0, 'story', 'stories', '0 stories'],
    [1, 'story', 'stories', '1 story'],
    [2, 'figure', undefined, '2 figures'],
  ])('%d %s', (count, singular, plural, expected) => {
    expect(countLabel(count, singular, plural)).toBe(expected);
  });
});
