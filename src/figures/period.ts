/**
 * When a figure applies, read from the period the figure reader kept as
 * written ("Q4 2024", "in the fourth quarter of 2024", "this year", "as of
 * March"), so two figures can be told to be about the same time or not.
 *
 * Pure: strings in, plain data out.
 */

/** A period reduced to what it names: a year, half, quarter or month, or only its words. */
export interface Period {
  /** How long a stretch it names: a figure of a quarter is not comparable with one of a year. */
  span: 'year' | 'half' | 'quarter' | 'month' | 'other';
  /** The calendar (or fiscal) year, when known. */
  year?: number;
  /** Which half, quarter or month of the year (1-based). */
  index?: number;
  /** True for a fiscal year or quarter, which need not be the calendar's. */
  fiscal?: boolean;
  /** The period's words, lower-cased, without a leading preposition: how an `other` period is compared. */
  words: string;
  /** True when the words are relative ("this year", "in the quarter") and no date placed them. */
  unplaced?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** Words that only say how the period is attached to the figure. */
const LEADING_WORDS = /^(?:(?:in|for|during|as\s+of|by|at|on|over|of|the|its|through)\s+)+/u;

/**
 * What `written` names, placed in time with `date` (the article's, `YYYY-MM-DD`)
 * when it is relative ("this year", "last quarter").
 */
export function readPeriod(written: string, date?: string | null): Period {
  const spaced = written.toLowerCase().replace(/\s+/gu, ' ').trim();
  const words = spaced.replace(LEADING_WORDS, '');
  const fiscal = /\bfiscal\b|\bfy\s?\d/u.test(words) || undefined;
  const dateYear = date ? Number(date.slice(0, 4)) : undefined;
  const dateMonth = date ? Number(date.slice(5, 7)) : undefined;
  const explicitYear = /(?<!\d)(?:fy\s?)?((?:19|20)\d\d)(?!\d|s)/u.exec(words);
  let year = explicitYear ? Number(explicitYear[1]) : undefined;
  let unplaced = false;
  const relative =
    /\b(this|last|next|the previous|the past|the current|the)\s+(?:fiscal\s+)?(year|quarter|month)\b/u.exec(spaced);

  const quarter = /\bq([1-4])\b/u.exec(words) ?? /\b(first|second|third|fourth)[-\s]quarter\b/u.exec(words);
  const half = /\bh([12])\b/u.exec(words) ?? /\b(first|second)\s+half\b/u.exec(words);
  const month = new RegExp(`\\b(${MONTHS.join('|')})[a-z]*\\.?\\b`, 'u').exec(words);

  const shift = (unit: 'year' | 'quarter' | 'month') => {
    // "this year" / "last quarter": placed by the article's date, or not at all.
    if (!relative || relative[2] !== unit) return undefined;
    if (dateYear === undefined || dateMonth === undefined) {
      unplaced = true;
      return undefined;
    }
    const step =
      relative[1] === 'last' || relative[1] === 'the previous' || relative[1] === 'the past'
        ? -1
        : relative[1] === 'next'
          ? 1
          : 0;
    if (relative[1] === 'the' && unit !== 'year') {
      unplaced = true;
      return undefined;
    }
    return step;
  };

  let span: Period['span'] = 'other';
  let index: number | undefined;
  if (quarter) {
    span = 'quarter';
    index = ORDINALS[quarter[1]!] ?? Number(quarter[1]);
  } else if (half) {
    span = 'half';
    index = ORDINALS[half[1]!] ?? Number(half[1]);
  } else if (relative?.[2] === 'quarter') {
    span = 'quarter';
    const step = shift('quarter');
    if (step !== undefined) {
      const quarters = dateYear! * 4 + Math.floor((dateMonth! - 1) / 3) + step;
      year = Math.floor(quarters / 4);
      index = (quarters % 4) + 1;
    }
  } else if (month) {
    span = 'month';
    index = MONTHS.indexOf(month[1]!) + 1;
    // "as of March" in a story of June 2025 is March 2025; in a story of January 2025, March 2024.
    if (year === undefined && dateYear !== undefined) year = index <= dateMonth! ? dateYear : dateYear - 1;
  } else if (relative?.[2] === 'month') {
    span = 'month';
    const step = shift('month');
    if (step !== undefined) {
      const months = dateYear! * 12 + dateMonth! - 1 + step;
      year = Math.floor(months / 12);
      index = (months % 12) + 1;
    }
  } else if (relative?.[2] === 'year') {
    span = 'year';
    const step = shift('year');
    if (step !== undefined) year = dateYear! + step;
  } else if (explicitYear && /^(?:fiscal\s+|fy\s?)?(?:19|20)\d\d$/u.test(words)) {
    span = 'year';
  }
  if ((span === 'quarter' || span === 'half') && year === undefined && !relative) unplaced = true;
  return {
    span,
    words,
    ...(year !== undefined && { year }),
    ...(index !== undefined && { index }),
    ...(fiscal && { fiscal }),
    ...(unplaced && { unplaced }),
  };
}

/**
 * Whether two periods can name the same time: the same span, and the same
 * year and index where both know them. Periods of other shapes ("since
 * 1840", "mid-2030s") match only by their words.
 */
export function periodsMatch(a: Period, b: Period): boolean {
  if (a.span !== b.span) return false;
  if (a.span === 'other') return a.words === b.words;
  if (Boolean(a.fiscal) !== Boolean(b.fiscal)) return false;
  if (a.index !== undefined && b.index !== undefined && a.index !== b.index) return false;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  return true;
}
