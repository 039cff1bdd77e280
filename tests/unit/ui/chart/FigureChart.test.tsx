import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import bundledJson from '@/src/facts/factbase.json';
import { FactBase, type Figure } from '@/src/facts/schema';
import { EntityCharts } from '@/src/ui/chart/EntityCharts';
import { chartSeries, MAX_POINTS } from '@/src/ui/chart/series';

const factBase = FactBase.parse(bundledJson);
const storyDates = new Map(factBase.stories.map((story) => [story.id, story.date]));
const figuresOf = (entityId: string) => factBase.figures.filter((figure) => figure.entityIds.includes(entityId));

describe('chartSeries', () => {
  it('orders Azure’s growth by period: Q4 2024 reported and expected, then Q1 2025 expected', () => {
    const [series, ...others] = chartSeries(figuresOf('azure'), storyDates);
    expect(others).toEqual([]);
    expect(series!.measure).toBe('Azure revenue growth');
    expect(series!.points.map((point) => [point.when, point.value, point.status])).toEqual([
      ['Q4 2024', '29%', 'reported'],
      ['Q4 2024', '30–31%', 'expected'],
      ['Q1 2025', '≈28–29%', 'expected'],
    ]);
    expect(series!.points[1]).toMatchObject({ low: 30, high: 31, statusWords: 'expected by Microsoft' });
  });

  it('draws nothing for an entity with one figure per measure', () => {
    expect(chartSeries(figuresOf('credo'), storyDates)).toEqual([]);
  });

  it('sorts by period across years and keeps the newest points', () => {
    const base = figuresOf('azure')[0]!;
    const yearly: Figure[] = Array.from({ length: MAX_POINTS + 2 }, (_, index) => ({
      ...base,
      id: `${base.storyId}#${100 + index}`,
      value: 10 + index,
      period: `in ${2030 - index}`,
      status: 'reported',
    }));
    const [series] = chartSeries(yearly, storyDates);
    expect(series!.points).toHaveLength(MAX_POINTS);
    expect(series!.points.map((point) => point.when)).toEqual(
      Array.from({ length: MAX_POINTS }, (_, index) => `in ${2023 + index}`),
    );
  });

  it('leaves out vague amounts and one figure given twice', () => {
    const [first] = figuresOf('azure');
    const twice = [first!, { ...first!, id: `${first!.storyId}#99` }];
    expect(chartSeries(twice, storyDates)).toEqual([]);
    expect(
      chartSeries([first!, { ...first!, id: `${first!.storyId}#98`, value: 40, vague: true }], storyDates),
    ).toEqual([]);
  });
});

describe('EntityCharts', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('draws ranges as bars, single values as dots, forecasts dashed, and gives screen readers a table', () => {
    const stories = factBase.stories.map(({ id, date }) => ({ id, date }));
    act(() => render(<EntityCharts figures={figuresOf('azure')} stories={stories} srClass="sr" />, container));
    const svg = container.querySelector('svg.flc-svg')!;
    expect(container.querySelector('.flc-plot')!.getAttribute('aria-hidden')).toBe('true');
    expect([...container.querySelectorAll('.flc-values span')].map((span) => span.textContent)).toEqual([
      '29%',
      '30–31%',
      '≈28–29%',
    ]);
    expect(svg.querySelectorAll('.flc-bar')).toHaveLength(2);
    expect(svg.querySelectorAll('.flc-dot')).toHaveLength(1);
    expect([...svg.querySelectorAll('.flc-point')].map((point) => point.getAttribute('class'))).toEqual([
      'flc-point flc-reported',
      'flc-point flc-expected',
      'flc-point flc-expected',
    ]);
    expect(svg.querySelector('.flc-reported .flc-dot')!.getAttribute('stroke-dasharray')).toBeNull();
    expect(svg.querySelector('.flc-expected .flc-bar')!.getAttribute('stroke-dasharray')).toBe('3 2');
    // Higher values sit higher: 30–31% tops out above 29%.
    const dotY = Number(svg.querySelector('.flc-dot')!.getAttribute('cy'));
    const barTop = Number(svg.querySelector('.flc-bar')!.getAttribute('y'));
    expect(barTop).toBeLessThan(dotY);
    const rows = [...container.querySelectorAll('table.sr tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Q4 2024', '29 percent', 'reported'],
      ['Q4 2024', '30 to 31 percent', 'expected by Microsoft'],
      ['Q1 2025', 'around 28–29 percent', 'expected by Microsoft'],
    ]);
    expect(container.querySelector('figure')!.getAttribute('aria-labelledby')).toBe(
      container.querySelector('figcaption')!.id,
    );
  });

  it('renders nothing when no measure has two figures', () => {
    act(() => render(<EntityCharts figures={figuresOf('credo')} stories={[]} srClass="sr" />, container));
    expect(container.innerHTML).toBe('');
  });
});
