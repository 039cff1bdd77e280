/**
 * The comparison rule: does a figure a page states agree with a figure the
 * user's stories give for the same entity and measure? The rule, in words, is
 * in the README ("Figures on the page, compared"); each number below is named
 * there.
 *
 * Each figure becomes the stretch of amounts it allows: its value as written
 * stands for everything that rounds to it ("$20 million" for $19.5M–$20.5M,
 * "29.4%" for 29.35–29.45%), a range for everything between its ends, a hedge
 * widens or opens the stretch ("nearly $20M" is $18M–$20M, "more than 100" is
 * 100 and up), and a rate is turned into a yearly amount ($20M a month is
 * $240M a year). Two stretches that meet agree; two that miss each other by
 * at most a tenth are close; the rest differ.
 *
 * Pure: plain figures in, a verdict out.
 */
import { FLOOR_QUALIFIERS } from '../facts/qualifiers';
import type { Figure, FigurePer } from '../facts/schema';
import { periodsMatch, readPeriod } from './period';

/** What the rule needs of a figure: the fact base's shape, without its story. */
export type ComparableFigure = Pick<
  Figure,
  'text' | 'unit' | 'value' | 'upper' | 'per' | 'qualifier' | 'period' | 'vague' | 'status'
>;

/** How a page's figure stands against a story's. */
export type Verdict = 'agrees' | 'close' | 'differs';

/** Why two figures are not compared. */
export type NotComparable = 'unit' | 'rate' | 'period' | 'status' | 'vague';

/** The outcome of comparing one page figure with one story figure. */
export type Comparison =
  | {
      verdict: Verdict;
      /** How far apart the two stretches are, as a share of the larger amount (0 when they meet). */
      gap: number;
    }
  | { verdict: 'not-comparable'; reason: NotComparable };

/** The dates the two figures' periods are placed with ("this year"), `YYYY-MM-DD`. */
export interface ComparisonDates {
  page?: string | null;
  story?: string | null;
}

/** Two stretches that miss each other by at most this share of the larger amount are close. */
export const CLOSE_GAP = 0.1;
/** How far "about", "around", "roughly", … widen a single amount, either way. */
export const ABOUT_SHARE = 0.05;
/** How far below (or above) its amount "nearly", "almost", "close to" (or "just over") reach. */
export const NEARLY_SHARE = 0.1;

/** Hedges and the stretch each allows around a value `v`. */
type Hedge = 'about' | 'nearly' | 'just-over' | 'at-least' | 'at-most' | 'exact';

const HEDGES: ReadonlyMap<string, Hedge> = new Map([
  ...['about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'an estimated', 'estimated', 'circa'].map(
    (word) => [word, 'about'] as const,
  ),
  ...['nearly', 'almost', 'close to', 'just under', 'approaching'].map((word) => [word, 'nearly'] as const),
  ...['just over', 'just above', 'slightly more than'].map((word) => [word, 'just-over'] as const),
  ...[
    'more than',
    'over',
    'above',
    'well over',
    'upwards of',
    'in excess of',
    'exceeding',
    'greater than',
    ...FLOOR_QUALIFIERS,
  ].map((word) => [word, 'at-least'] as const),
  ...[
    'up to',
    'at most',
    'as much as',
    'as many as',
    'as high as',
    'no more than',
    'a maximum of',
    'maximum',
    'less than',
    'under',
    'below',
    'fewer than',
  ].map((word) => [word, 'at-most'] as const),
]);

/** The hedge a qualifier stands for; "an average of" and unknown words leave the amount exact. */
export function hedgeOf(qualifier: string | undefined): Hedge {
  if (!qualifier) return 'exact';
  return HEDGES.get(qualifier.trim().toLowerCase().replace(/\s+/gu, ' ')) ?? 'exact';
}

/** Periods of a rate, in a year. */
const PER_YEAR: Record<Exclude<FigurePer, 'unit'>, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };

/**
 * The smallest step of the amount as written, in base units: "$20 million" →
 * 1,000,000; "$19.5M" → 100,000; "29 percent" → 1; "1,200 jobs" → 1. Amounts
 * written in words ("nine", "a quarter", "doubled") are exact: 0.
 */
export function writtenStep(figure: Pick<Figure, 'text' | 'value'>): number {
  const numeral = /(\d[\d,]*)(?:\.(\d+))?\s*(trillion|billion|million|thousand|tn|bn|mn|[tbmk])?(?![\p{L}])/iu.exec(
    figure.text,
  );
  if (!numeral) return 0;
  const decimals = numeral[2]?.length ?? 0;
  const written = Number(`${numeral[1]!.replaceAll(',', '')}${numeral[2] ? `.${numeral[2]}` : ''}`);
  // The scale is whatever turns the written number into the value ("$20 million" → 1e6), so any scale word works.
  const scale = written > 0 && figure.value > 0 ? figure.value / written : 1;
  const roundScale = 10 ** Math.round(Math.log10(scale));
  return roundScale * 10 ** -decimals;
}

/** A stretch of amounts: from `low` to `high`, either end possibly open (`Infinity`). */
interface Stretch {
  low: number;
  high: number;
}

/**
 * The amounts a figure allows, per year when it is a rate of time. With
 * `rounding`, a value as written also stands for what rounds to it: its
 * stretch is half a step wider each way, the upper end left out (so "29%"
 * and "30%" do not meet: 29.5% rounds to 30%).
 */
export function stretchOf(figure: ComparableFigure, rounding = true): Stretch {
  const upper = figure.upper ?? figure.value;
  const halfStep = rounding ? writtenStep(figure) / 2 : 0;
  const isRange = figure.upper !== undefined && figure.upper !== figure.value;
  let low = figure.value - halfStep;
  let high = upper + halfStep * (1 - 1e-9);
  switch (hedgeOf(figure.qualifier)) {
    case 'about':
      // A hedged range already says it is rough: its ends are kept as written.
      if (!isRange) [low, high] = [low - figure.value * ABOUT_SHARE, high + upper * ABOUT_SHARE];
      break;
    case 'nearly':
      [low, high] = [figure.value * (1 - NEARLY_SHARE), upper];
      break;
    case 'just-over':
      [low, high] = [figure.value, upper * (1 + NEARLY_SHARE)];
      break;
    case 'at-least':
      [low, high] = [figure.value, Infinity];
      break;
    case 'at-most':
      [low, high] = [figure.value >= 0 ? 0 : -Infinity, upper];
      break;
    case 'exact':
      break;
  }
  const perYear = figure.per && figure.per !== 'unit' ? PER_YEAR[figure.per] : 1;
  return { low: low * perYear, high: high * perYear };
}

/** How far apart two stretches are, as a share of the larger of their near ends; 0 when they meet. */
function gapBetween(a: Stretch, b: Stretch): number {
  if (a.low <= b.high && b.low <= a.high) return 0;
  const [near, far] = a.high < b.low ? [a.high, b.low] : [b.high, a.low];
  return Math.abs(far - near) / Math.max(Math.abs(near), Math.abs(far));
}

/** Units that can be compared: the same unit. Percent and percentage points never meet. */
function unitsMatch(a: ComparableFigure, b: ComparableFigure): boolean {
  return a.unit === b.unit;
}

/** Rates that can be compared: both rates of time (converted), both each, or neither a rate. */
function ratesMatch(a: ComparableFigure, b: ComparableFigure): boolean {
  const kind = (per: FigurePer | undefined) => (per === undefined ? 'total' : per === 'unit' ? 'each' : 'time');
  return kind(a.per) === kind(b.per);
}

/**
 * Whether the two figures are about times that may be the same: either gives
 * none, or both name the same stretch of time.
 */
function timesMatch(a: ComparableFigure, b: ComparableFigure, dates: ComparisonDates): boolean {
  if (!a.period || !b.period) return true;
  const pageTime = readPeriod(a.period, dates.page);
  const storyTime = readPeriod(b.period, dates.story);
  if (pageTime.unplaced || storyTime.unplaced) return pageTime.span === storyTime.span || pageTime.span === 'other';
  return periodsMatch(pageTime, storyTime);
}

/**
 * Compares a page's figure with a story's figure of the same entity and
 * measure: agrees, close or differs, or why they can not be compared (units,
 * rates, periods or statuses that do not match, or an amount the text does not
 * give).
 */
export function compareFigures(
  page: ComparableFigure,
  story: ComparableFigure,
  dates: ComparisonDates = {},
): Comparison {
  if (page.vague || story.vague) return { verdict: 'not-comparable', reason: 'vague' };
  if (!unitsMatch(page, story)) return { verdict: 'not-comparable', reason: 'unit' };
  if (!ratesMatch(page, story)) return { verdict: 'not-comparable', reason: 'rate' };
  if ((page.status ?? 'reported') !== (story.status ?? 'reported'))
    return { verdict: 'not-comparable', reason: 'status' };
  if (!timesMatch(page, story, dates)) return { verdict: 'not-comparable', reason: 'period' };
  // Stretches with their rounding say whether the two meet; without it, how far apart the amounts as written are.
  if (gapBetween(stretchOf(page), stretchOf(story)) === 0) return { verdict: 'agrees', gap: 0 };
  const gap = gapBetween(stretchOf(page, false), stretchOf(story, false));
  return { verdict: gap <= CLOSE_GAP ? 'close' : 'differs', gap };
}
