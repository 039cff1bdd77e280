/**
 * Compact, readable renderings of the figures the articles give: "nearly $20
 * million per month" becomes "≈$20M / month" with "nearly · as of March" beside it.
 *
 * Everything here is formatted for 'en-US' explicitly, so the output is the
 * same on every machine whatever its locale; the popover's prose is English.
 */
import { FLOOR_QUALIFIERS } from '../facts/qualifiers';
import type { Figure, FigurePer } from '../facts/schema';

/** What a figure looks like in the popover: the compact value and the words around it. */
export interface FormattedFigure {
  /** The amount with its hedge as a symbol and its rate: "≈$20M / month", "30–31%", ">2×". */
  value: string;
  /**
   * The hedge, the period and, for a forecast, whose it is, joined by " · ":
   * "nearly · as of March", "Q1 2025 · expected by Microsoft", or "".
   */
  detail: string;
}

const LOCALE = 'en-US';

/** Amounts from here up are written compactly ("$20M"); below they are written out ("$143.61", "1,500"). */
const COMPACT_FROM = 10_000;

/**
 * Hedges and the symbol each one becomes. Matched on the whole qualifier,
 * lower-cased, so "Nearly" and "nearly" read the same.
 */
const QUALIFIER_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ...[
    'nearly',
    'almost',
    'about',
    'around',
    'roughly',
    'approximately',
    'approx.',
    'some',
    'close to',
    'an estimated',
    'estimated',
    'circa',
  ].map((word) => [word, '≈'] as const),
  ...['more than', 'over', 'above', 'upwards of', 'in excess of', 'exceeding', 'greater than'].map(
    (word) => [word, '>'] as const,
  ),
  ...['up to', 'at most', 'as much as', 'as many as', 'no more than', 'a maximum of', 'maximum'].map(
    (word) => [word, '≤'] as const,
  ),
  ...FLOOR_QUALIFIERS.map((word) => [word, '≥'] as const),
  ...['less than', 'under', 'below', 'fewer than'].map((word) => [word, '<'] as const),
]);

const PER_SUFFIXES: Record<FigurePer, string> = {
  day: ' / day',
  week: ' / week',
  month: ' / month',
  quarter: ' / quarter',
  year: ' / year',
  unit: ' each',
};

/** Thousands, millions, … as compact letters and as words, largest first. */
const SCALES = [
  { size: 1e12, letter: 'T', word: 'trillions' },
  { size: 1e9, letter: 'B', word: 'billions' },
  { size: 1e6, letter: 'M', word: 'millions' },
  { size: 1e3, letter: 'K', word: 'thousands' },
] as const;

/** Lower-cased, single-spaced form of a qualifier, for looking it up. */
function normaliseQualifier(qualifier: string): string {
  return qualifier.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The symbol a hedge stands for ("nearly" → "≈", "more than" → ">"), or ""
 * when the hedge is one we do not know; the detail line still says it in words.
 */
export function qualifierSymbol(qualifier: string | undefined): string {
  if (!qualifier) return '';
  return QUALIFIER_SYMBOLS.get(normaliseQualifier(qualifier)) ?? '';
}

function isCurrency(unit: Figure['unit']): boolean {
  return unit !== 'percent' && unit !== 'percentage-point' && unit !== 'count' && unit !== 'multiple';
}

/** A plain number: grouped below COMPACT_FROM ("1,500", "143.61"), compact above ("20M", "1.25B"). */
function formatPlainNumber(amount: number, maximumFractionDigits = 2): string {
  const options: Intl.NumberFormatOptions =
    Math.abs(amount) >= COMPACT_FROM ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits };
  return numberFormat(options).format(amount);
}

/** Number formats by their options, made once: making one costs a hundred times more than using it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALE, options)));
  return format;
}

/**
 * How a currency is written: with the symbol Intl knows for it in en-US ("$",
 * "€", "£", "¥", "CA$"), or, when Intl only repeats the code, the code after
 * the number ("1.2M CHF"), which reads better than a code glued in front.
 */
interface CurrencyStyle {
  symbol: string | null;
  code: string;
}

function currencyStyle(code: string): CurrencyStyle {
  let style = currencyStyles.get(code);
  if (!style) currencyStyles.set(code, (style = lookUpCurrencyStyle(code)));
  return style;
}

/** Currency styles by code, looked up once each. */
const currencyStyles = new Map<string, CurrencyStyle>();

function lookUpCurrencyStyle(code: string): CurrencyStyle {
  try {
    const parts = numberFormat({ style: 'currency', currency: code }).formatToParts(1);
    const symbol = parts.find((part) => part.type === 'currency')?.value ?? '';
    return { symbol: symbol && !/^[A-Z]{3}$/.test(symbol) ? symbol : null, code };
  } catch {
    // A code Intl refuses outright: write the code after the number.
    return { symbol: null, code };
  }
}

/** One amount of money without its code or symbol: "20M", "143.61", "300". */
function formatMoneyNumber(amount: number): string {
  if (Math.abs(amount) >= COMPACT_FROM) return formatPlainNumber(amount);
  const hasCents = !Number.isInteger(amount);
  return numberFormat({ minimumFractionDigits: hasCents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

/** One amount of money with its symbol: "$20M", "€300", "-$5M". */
function formatMoneyWithSymbol(amount: number, symbol: string): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${symbol}${formatMoneyNumber(Math.abs(amount))}`;
}

function formatMoneyAmount(value: number, upper: number | undefined, style: CurrencyStyle): string {
  if (style.symbol !== null) {
    const symbol = style.symbol;
    const low = formatMoneyWithSymbol(value, symbol);
    return upper === undefined ? low : `${low}–${formatMoneyWithSymbol(upper, symbol)}`;
  }
  const low = formatMoneyNumber(value);
  return upper === undefined ? `${low} ${style.code}` : `${low}–${formatMoneyNumber(upper)} ${style.code}`;
}

/** "hundreds", "tens", or "" for an amount of one to nine of its scale. */
function orderWord(mantissa: number): 'hundreds' | 'tens' | '' {
  if (mantissa >= 100) return 'hundreds';
  if (mantissa >= 10) return 'tens';
  return '';
}

/**
 * A vague amount ("several hundreds of millions of dollars") says only its
 * order of magnitude, so that is all we show: "hundreds of $M". `value` is a
 * floor, and printing it as a number would claim a precision the article does not.
 */
function formatVagueMoney(value: number, style: CurrencyStyle): string {
  const scale = SCALES.find((candidate) => Math.abs(value) >= candidate.size);
  const mantissa = Math.abs(value) / (scale?.size ?? 1);
  const order = orderWord(mantissa);
  if (style.symbol !== null) {
    const unit = `${style.symbol}${scale?.letter ?? ''}`;
    return order ? `${order} of ${unit}` : `several ${unit}`;
  }
  const scaleWord = scale?.word ?? '';
  if (order) return `${order} of ${scaleWord ? `${scaleWord} ` : ''}${style.code}`.trim();
  return `several ${scaleWord ? `${scaleWord} ` : ''}${style.code}`.trim();
}

function formatVagueCount(value: number): string {
  const scale = SCALES.find((candidate) => Math.abs(value) >= candidate.size);
  const mantissa = Math.abs(value) / (scale?.size ?? 1);
  const order = orderWord(mantissa);
  if (!scale) {
    if (order === 'hundreds') return 'hundreds';
    if (order === 'tens') return 'dozens';
    return 'a few';
  }
  return order ? `${order} of ${scale.word}` : scale.word;
}

function formatAmount(figure: Figure): string {
  const { unit, value, upper } = figure;
  if (unit === 'percent') {
    const low = formatPlainNumber(value, 1);
    return upper === undefined ? `${low}%` : `${low}–${formatPlainNumber(upper, 1)}%`;
  }
  if (unit === 'percentage-point') {
    // "pp" is how analysts write a change of a rate; "%" would claim a relative change.
    const low = formatPlainNumber(value, 2);
    return upper === undefined ? `${low} pp` : `${low}–${formatPlainNumber(upper, 2)} pp`;
  }
  if (unit === 'multiple') {
    const low = formatPlainNumber(value, 1);
    return upper === undefined ? `${low}×` : `${low}–${formatPlainNumber(upper, 1)}×`;
  }
  if (unit === 'count') {
    const low = formatPlainNumber(value, 1);
    return upper === undefined ? low : `${low}–${formatPlainNumber(upper, 1)}`;
  }
  return formatMoneyAmount(value, upper, currencyStyle(unit));
}

/**
 * The compact value and the detail line for one figure.
 *
 * - A hedge becomes a symbol: nearly/almost/about/around/roughly/approximately → "≈",
 *   more than/over → ">", up to/at most → "≤", at least → "≥", less than/under → "<".
 * - Ranges use an en dash: "30–31%", "$300–$500 each".
 * - A rate follows the amount: "/ month", "/ year", "each".
 * - Vague amounts show their order of magnitude only: "hundreds of $M".
 *
 * `detail` repeats the hedge in words and adds the period ("nearly · as of March"),
 * so nothing the symbol stands for is lost.
 */
export function formatFigure(figure: Figure): FormattedFigure {
  const per = figure.per ? PER_SUFFIXES[figure.per] : '';
  let amount: string;
  let symbol = qualifierSymbol(figure.qualifier);
  if (figure.vague && figure.unit === 'count') {
    amount = formatVagueCount(figure.value);
    symbol = '';
  } else if (figure.vague && isCurrency(figure.unit)) {
    amount = formatVagueMoney(figure.value, currencyStyle(figure.unit));
    symbol = '';
  } else {
    amount = formatAmount(figure);
    // A vague percentage or multiple still has a floor; say so when no hedge does.
    if (figure.vague && !symbol) symbol = '≥';
  }
  const detailParts = [
    figure.qualifier ? normaliseQualifier(figure.qualifier) : '',
    figure.period?.trim() ?? '',
    statusWords(figure),
  ];
  return {
    value: `${symbol}${amount}${per}`,
    detail: detailParts.filter(Boolean).join(' · '),
  };
}

/**
 * Whose forecast a figure is, in words: "expected by Microsoft", "analysts’
 * projection", "projection"; "" for a reported figure (and for fact bases
 * built before status was read, which were all reported).
 */
export function statusWords(figure: Pick<Figure, 'status' | 'statusBy'>): string {
  const by = figure.statusBy?.trim();
  if (figure.status === 'expected') return by ? `expected by ${by}` : 'expected';
  if (figure.status === 'projected') {
    if (!by) return 'projection';
    return `${by}${/s$/u.test(by) ? '’' : '’s'} projection`;
  }
  return '';
}

/**
 * What the popover says a figure is: its measure when the fact base has one,
 * shaped to follow the value ("≈25%" + "of revenue generated by …", "$9B" +
 * "investment"), else the words of its sentence around it (`figureContext`).
 */
export function figureLabel(figure: Pick<Figure, 'text' | 'sentence' | 'offset' | 'measure' | 'unit'>): string {
  const measure = figure.measure?.trim();
  if (!measure) return figureContext(figure);
  // "25%" then "share of X" reads twice; "25% of X" reads once.
  if (figure.unit === 'percent' && /^share of /iu.test(measure)) return measure.replace(/^share /iu, '');
  return measure;
}

/** A lead of fewer words than this gets the words after the figure too. */
const MIN_LEAD_WORDS = 3;

/** Characters that end the clause a figure sits in; the context never reaches past them. */
const CLAUSE_BREAK = /[.;:,!?()—–]\s|[;:—(]/g;

function lastClauseBreak(text: string): number {
  let end = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) end = match.index + match[0].length;
  return end;
}

function firstClauseBreak(text: string): number {
  CLAUSE_BREAK.lastIndex = 0;
  const match = CLAUSE_BREAK.exec(text);
  return match ? match.index : text.length;
}

/**
 * A few words of the figure's own sentence that say what the number is about,
 * to label it before it is expanded: for "TikTok was paying Microsoft nearly
 * $20 million per month" that is "TikTok was paying Microsoft".
 *
 * Takes up to `maxWords` words just before the figure within its clause, with
 * "…" where words of the clause were left out; when the figure opens its
 * clause, the words just after it instead, and when the lead is only a word
 * or two, both ("following a … surge in 2024"). Returns "" when there are none.
 */
export function figureContext(figure: Pick<Figure, 'text' | 'sentence' | 'offset'>, maxWords = 6): string {
  const { text, sentence } = figure;
  const offset =
    figure.offset !== undefined && sentence.startsWith(text, figure.offset) ? figure.offset : sentence.indexOf(text);
  if (offset < 0) return '';
  // Punctuation alone ("$9B.", "— ") is not context.
  const words = (part: string) => part.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const before = sentence.slice(0, offset);
  const wordsBefore = words(before.slice(lastClauseBreak(before)));
  const after = sentence.slice(offset + text.length);
  const wordsAfter = words(after.slice(0, firstClauseBreak(after)).replace(/[\s.,;:!?]+$/u, ''));

  if (wordsBefore.length >= MIN_LEAD_WORDS) {
    const kept = wordsBefore.slice(-maxWords).join(' ');
    return wordsBefore.length > maxWords ? `…${kept}` : kept;
  }
  if (wordsBefore.length === 0) {
    const kept = wordsAfter.slice(0, maxWords).join(' ');
    return wordsAfter.length > maxWords ? `${kept}…` : kept;
  }
  // A lead as short as "following a" says little; add what follows the figure ("… surge in 2024").
  const tail = wordsAfter.slice(0, maxWords - wordsBefore.length);
  const lead = wordsBefore.join(' ');
  if (tail.length === 0) return lead;
  return `${lead} … ${tail.join(' ')}${wordsAfter.length > tail.length ? '…' : ''}`;
}
