import { describe, expect, it } from 'vitest';
import { periodsMatch, readPeriod } from '@/src/figures/period';
import { isPrice, measureConcepts, measuresMatch } from '@/src/figures/measure-match';

describe('readPeriod', () => {
  it.each<[string, string | undefined, object]>([
    ['Q4 2024', undefined, { span: 'quarter', year: 2024, index: 4 }],
    ['in the fourth quarter of 2024', undefined, { span: 'quarter', year: 2024, index: 4 }],
    ['third-quarter', '2025-10-30', { span: 'quarter', index: 3 }],
    ['H1 2025', undefined, { span: 'half', year: 2025, index: 1 }],
    ['in the first half of 2025', undefined, { span: 'half', year: 2025, index: 1 }],
    ['in 2024', undefined, { span: 'year', year: 2024 }],
    ['in fiscal 2024', undefined, { span: 'year', year: 2024, fiscal: true }],
    ['this year', '2025-06-01', { span: 'year', year: 2025 }],
    ['last year', '2025-06-01', { span: 'year', year: 2024 }],
    ['last quarter', '2025-02-10', { span: 'quarter', year: 2024, index: 4 }],
    ['as of March', '2025-06-01', { span: 'month', year: 2025, index: 3 }],
    ['as of March', '2025-01-15', { span: 'month', year: 2024, index: 3 }],
    ['in March 2023', '2025-01-15', { span: 'month', year: 2023, index: 3 }],
    ['since 1840', undefined, { span: 'other', words: 'since 1840' }],
    ['mid-2030s', undefined, { span: 'other', words: 'mid-2030s' }],
  ])('%s (dated %s) names %o', (written, date, expected) => {
    expect(readPeriod(written, date)).toMatchObject(expected);
  });

  it('leaves a relative period unplaced without a date', () => {
    expect(readPeriod('this year')).toMatchObject({ span: 'year', unplaced: true });
  });

  it.each<[string, string, boolean]>([
    ['Q4 2024', 'in the fourth quarter of 2024', true],
    ['Q4 2024', 'Q1 2025', false],
    ['Q4 2024', 'in 2024', false],
    ['in 2024', 'in fiscal 2024', false],
    ['since 1840', 'since 1840', true],
    ['since 1840', 'since 1850', false],
  ])('%s and %s match: %s', (a, b, match) => {
    expect(periodsMatch(readPeriod(a), readPeriod(b))).toBe(match);
  });
});

describe('measuresMatch', () => {
  const names = new Set(['microsoft', 'tiktok', 'azure', 'credo']);
  it.each<[string, string, boolean]>([
    ['annual payment to Microsoft', 'monthly payments to Microsoft', true],
    ['spending on Microsoft cloud', 'monthly payments to Microsoft', true],
    ['Azure revenue rise', 'Azure revenue growth', true],
    ["Azure's growth", 'Azure revenue growth', true],
    ['rise in Credo shares', 'stock price surge', true],
    ['annual revenue', 'Azure revenue growth', false],
    ['fall in sedan sales', 'sedan sales', false],
    ['fusion', 'investment', false],
    ['Azure', 'Azure revenue growth', false],
    ['newspapers owned', 'newspapers in chain', true],
    ['global experts gathered', 'global experts', true],
    ['headcount', 'global experts', false],
    ['price', 'price', true],
    ['price of Credo', 'stock price', false],
  ])('%s and %s: %s', (a, b, match) => {
    expect(measuresMatch(measureConcepts(a, names), measureConcepts(b, names))).toBe(match);
  });

  it('a bare price matches the price of one item only when both are amounts each', () => {
    const bare = measureConcepts('price', names);
    const cables = measureConcepts('price of signature purple cables', names);
    expect(measuresMatch(bare, cables)).toBe(false);
    expect(measuresMatch(bare, cables, true)).toBe(true);
  });

  it.each<[string, boolean]>([
    ['annual price of shipping and media-subscription program', true],
    ['monthly payments to Microsoft', false],
  ])('%s is a price: %s', (measure, price) => {
    expect(isPrice(measure)).toBe(price);
  });
});
