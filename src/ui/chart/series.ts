/**
 * An entity's figures of one measure, in time order, for the chart: Azure's
 * revenue growth as 29% reported for Q4 2024, the 30–31% Microsoft had
 * expected for it, and the 28–29% it expects for Q1 2025.
 *
 * Pure: figures and story dates in, series out.
 */
import type { Figure, FigureStatus } from '../../facts/schema';
import { readPeriod } from '../../figures/period';
import { figureLabel, formatFigure } from '../../format/figures';
import { formatDate } from '../../format/dates';

/** One figure on the chart. */
export interface ChartPoint {
  figureId: string;
  /** The period as the story gives it, else the story's date: the point's label. */
  when: string;
  /** The value in compact form, hedge and rate included: "≈28–29%". */
  value: string;
  /** The figure's words, for screen readers: "around 28–29 percent". */
  text: string;
  low: number;
  high: number;
  status: FigureStatus;
  /** "expected by Microsoft", "analysts’ projection", or "" for a reported figure. */
  statusWords: string;
}

/** The figures of one measure of an entity, oldest period first. */
export interface ChartSeries {
  /** What they measure: "Azure revenue growth". */
  measure: string;
  points: ChartPoint[];
}

/** Points a chart shows at most: the newest ones. */
export const MAX_POINTS = 8;

/** A sortable key for when a figure applies: its period placed by its story's date, else that date. */
function timeKey(figure: Figure, storyDate: string | null | undefined): number {
  if (figure.period) {
    const period = readPeriod(figure.period, storyDate);
    if (period.year !== undefined) {
      // The middle of the stretch named: a quarter's figure sorts within its year, after the year's first half, …
      const months = { year: 12, half: 6, quarter: 3, month: 1, other: 12 }[period.span];
      const start = period.index !== undefined ? (period.index - 1) * months : 0;
      return period.year * 12 + start + months / 2;
    }
  }
  if (storyDate) return Number(storyDate.slice(0, 4)) * 12 + Number(storyDate.slice(5, 7)) - 1;
  return Number.POSITIVE_INFINITY;
}

/**
 * The entity's measures with two figures or more, each as a series in time
 * order. Figures join a series when they share a measure key, a unit and a
 * rate; vague amounts ("hundreds of millions") have no value to draw.
 */
export function chartSeries(figures: readonly Figure[], storyDates: ReadonlyMap<string, string | null>): ChartSeries[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (!figure.measureKey || figure.vague) continue;
    const key = `${figure.measureKey}|${figure.unit}|${figure.per ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(figure);
    else groups.set(key, [figure]);
  }
  const series: ChartSeries[] = [];
  for (const group of groups.values()) {
    // One figure given twice (a title and its body, two stories) is one point.
    const distinct = [
      ...new Map(group.map((f) => [`${f.value}|${f.upper}|${f.period}|${f.status}`, f] as const)).values(),
    ];
    if (distinct.length < 2) continue;
    const ordered = distinct
      .map((figure, index) => ({ figure, index, time: timeKey(figure, storyDates.get(figure.storyId)) }))
      .sort((a, b) => a.time - b.time || a.index - b.index)
      .slice(-MAX_POINTS);
    series.push({
      measure: figureLabel(ordered[0]!.figure),
      points: ordered.map(({ figure }) => {
        const { value } = formatFigure(figure);
        const status = figure.status ?? 'reported';
        const date = storyDates.get(figure.storyId);
        return {
          figureId: figure.id,
          when: figure.period?.trim() || (date ? formatDate(date) : 'undated'),
          value,
          text: figure.text,
          low: figure.value,
          high: figure.upper ?? figure.value,
          status,
          statusWords:
            formatFigure(figure)
              .detail.split(' · ')
              .find((part) => /expected|projection/u.test(part)) ?? '',
        };
      }),
    });
  }
  return series;
}
