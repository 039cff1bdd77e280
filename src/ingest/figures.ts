/**
 * Finds the figures a sentence gives: amounts of money, percentages, counts of
 * things and multiples ("doubled"), each with its rate ("per month"), hedge
 * ("nearly") and the period it applies to ("in 2024").
 *
 * How it works: one pattern finds numerals ("$20 million", "29 percent",
 * "1,200"); neighbouring numerals joined by "-", "to" or "between … and"
 * become ranges; a bare numeral only counts when a plural noun follows it
 * ("50 global experts"), which keeps years, dates, model numbers ("GPT-4",
 * "Windows 11") and section numbers out. A few word patterns add what has no
 * digits ("a quarter of", "more than double", "several hundreds of millions of
 * dollars"). Every pattern is linear: no nested quantifiers, and lookbehinds
 * reject starts inside a number, so a long run of digits is read once.
 */
import type { FigurePer, FigureUnit } from '../facts/schema';

/** A figure found in a sentence. */
export interface ExtractedFigure {
  /** The span as written, with its hedge and rate words: "nearly $20 million per month". */
  text: string;
  /** UTF-16 offset of `text` in the sentence. */
  offset: number;
  /** An ISO 4217 code, or 'percent', 'count' or 'multiple'. */
  unit: FigureUnit;
  /** In base units ($20 million is 20000000); the lower bound of a range. */
  value: number;
  /** The upper bound of a range ("30 to 31 percent" → 31). */
  upper?: number;
  /** The rate the figure is given per ("per month" → 'month', "each" → 'unit'). */
  per?: FigurePer;
  /** The hedge in lower case: 'nearly', 'about', 'more than', 'up to', … */
  qualifier?: string;
  /** When the figure applies, as written: 'in 2024', 'this year', 'as of March', 'Q1 2025', 'mid-2030s'. */
  period?: string;
  /** Set when the text gives no exact amount; `value` is then a conservative floor. */
  vague?: true;
  /** For counts: what is counted ("global experts"). */
  subject?: string;
}

// ---------------------------------------------------------------------------
// Vocabulary

const SCALE_VALUES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
};

const ISO_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CNY', 'CAD', 'AUD', 'INR', 'HKD'];

const CURRENCY_BY_SIGN: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

const CURRENCY_BY_WORD: Record<string, string> = { dollars: 'USD', euros: 'EUR', pounds: 'GBP', yen: 'JPY' };

const PER_BY_WORD: Record<string, FigurePer> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  mo: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yr: 'year',
  annum: 'year',
  annual: 'year',
  annually: 'year',
  yearly: 'year',
};

const FRACTION_PERCENT: Record<string, number> = {
  half: 50,
  third: 100 / 3,
  quarter: 25,
  fifth: 20,
  tenth: 10,
  'two-thirds': 200 / 3,
  'three-quarters': 75,
};

const MULTIPLE_BY_STEM: Record<string, number> = {
  doubl: 2,
  twofold: 2,
  tripl: 3,
  threefold: 3,
  quadrupl: 4,
  tenfold: 10,
};

/** Magnitude words in vague amounts ("tens of", "hundreds of", "dozens of"). */
const MAGNITUDE_VALUES: Record<string, number> = { ten: 10, hundred: 100, dozen: 12, thousand: 1e3 };

/**
 * Lower-case words that may stand before a count written with a capital
 * letter at the start of a sentence ("The 50 experts"); any other capitalised
 * word before a bare number makes it part of a name ("Windows 11", "Section 230",
 * "October 16").
 */
const WORDS_BEFORE_COUNTS = new Set([
  'top',
  'the',
  'a',
  'an',
  'all',
  'only',
  'just',
  'its',
  'their',
  'those',
  'these',
  'and',
  'between',
]);

/** Words that end a counted noun phrase: "50 experts to explore", "100 of the". */
const SUBJECT_STOP_WORDS = new Set(
  'a an and are as at be been by can could each for from had has have in is of on or per than that the these this those to was were which who will with would'.split(
    ' ',
  ),
);

/**
 * Words that start a measure of change in a rate ("5 percentage points", "50
 * basis points"); the schema has no unit for these, so they are not counts.
 */
const RATE_CHANGE_WORDS = new Set(['percentage', 'basis']);

/** Plural nouns that do not end in "s". */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel']);

/** Spans of time are durations, not things counted ("3 years", "50 days"). */
const DURATION_WORDS = new Set([
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'quarters',
  'years',
  'decades',
  'centuries',
  'times',
]);

// ---------------------------------------------------------------------------
// Patterns

const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SIGN = String.raw`US\$|C\$|A\$|HK\$|[$€£¥₹]`;
/** Scale words need a space or hyphen ("3 million", "$20-million"); letters stick to the number ("$9B", "£30m"). */
const SCALE = String.raw`[\s-](?:trillion|billion|million|thousand)|\s?(?:tn|bn|mn)|[mkMBKT]`;
const UNIT_AFTER = String.raw`\s?(?:%|percent|per\s?cent)|x|×|-?fold|\s(?:dollars|euros|yen|${ISO_CODES.join('|')})`;

/**
 * A numeral with its currency, scale and unit. It may not start inside a word
 * or number (nor after "GPT-", "COVID-", ":" or "#"), and may not run on into
 * letters ("1st", "2030s", "5G") or further digits ("10:30", "1.2.3").
 */
const NUMERAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,:/#$€£¥₹]|\p{L}-)` +
    String.raw`(?:(?<sign>${SIGN})|(?<code>${ISO_CODES.join('|')})\s?)?` +
    String.raw`(?<digits>${DIGITS})(?<scale>${SCALE})?(?<unit>${UNIT_AFTER})?` +
    String.raw`(?![\p{L}\p{N}_]|[.,:/]\d)`,
  'gu',
);

const PERCENT_UNIT = /^(?:%|percent|per\s?cent)$/u;
const MULTIPLE_UNIT = /^(?:x|×|-?fold)$/u;

/** What may join two numerals into a range: "28–29", "30 to 31", "$300-$500", "between 5 and 6". */
const RANGE_JOIN = /^(?:\s?[-–—]\s?|\s+(?<word>to|and)\s+)$/u;

/** "a quarter of", "half the", "two-thirds of": a share of a whole, in percent ("a quarter of a million" is not). */
const FRACTION_WORDS =
  /(?<![\p{L}-])(?:(?:a|one)[\s-](?<part>half|third|quarter|fifth|tenth)|(?<many>two[\s-]thirds|three[\s-]quarters)|(?<half>half))(?=\s+(?:of|the)\s)(?!\s+of\s+an?\s)/giu;

const HALF_AS_PERIOD = /(?<![\p{L}])(?:first|second|other|latter|back|front)\s+$/iu;

/**
 * "doubled", "tripling", "tenfold"; the bare verb ("double") only after a
 * hedge or a word that makes it a verb ("more than double", "expected to
 * double"), since "double" is also an adjective ("double standard").
 */
const MULTIPLE_WORDS =
  /(?<![\p{L}-])(?:(?<stem>doubl|tripl|quadrupl)(?<ending>e|ed|es|ing)|(?<fold>twofold|threefold|tenfold))(?![\p{L}-])(?!\s+(?:down|up)\b)/giu;
const MAKES_MULTIPLE_A_VERB = /(?:^|[^\p{L}])(?:to|will|would|could|may|might|can|did|does|do|than)\s+$/iu;

/**
 * Amounts given only by their order of magnitude: "several hundreds of millions
 * of dollars", "tens of millions of euros", "billions of dollars".
 */
const VAGUE_MONEY =
  /(?<![\p{L}])(?:(?<hedge>several|a\s+few|a\s+couple\s+of|many)\s+)?(?:(?<magnitude>tens|hundreds|dozens|thousands|ten|hundred|dozen)\s+(?:of\s+)?)?(?<scale>thousands|millions|billions|trillions|thousand|million|billion|trillion)\s+(?:of\s+)?(?<currency>dollars|euros|pounds|yen)(?![\p{L}])/giu;

/** Hedges, longest first so "well over" wins over "over". */
const QUALIFIERS = [
  'approximately',
  'in excess of',
  'as much as',
  'as many as',
  'as high as',
  'an estimated',
  'upwards of',
  'more than',
  'less than',
  'fewer than',
  'just over',
  'just under',
  'well over',
  'close to',
  'at least',
  'at most',
  'roughly',
  'nearly',
  'almost',
  'around',
  'about',
  'up to',
  'under',
  'over',
  'some',
];
const QUALIFIER_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?<hedge>${QUALIFIERS.join('|').replaceAll(' ', String.raw`\s+`)})\s+$`,
  'iu',
);
const BETWEEN_BEFORE = /(?<![\p{L}])between\s+$/iu;
const FROM_BEFORE = /(?<![\p{L}])from\s+(?:about\s+|around\s+)?$/iu;

/**
 * A rate right after an amount: "per month", "a year", "/month", "monthly",
 * "in annual revenue", "each", "per cable". "$3 billion a year earlier" is a
 * comparison, not a rate.
 */
const RATE_AFTER =
  /\s*\/\s*(?<slash>day|week|month|quarter|year|yr|mo)\b|\s+(?:per|a|an|each|every)\s+(?<every>day|week|month|quarter|year|annum)\b(?!\s+(?:earlier|ago|before|later|prior)\b)|\s+in\s+(?<inAdjective>daily|weekly|monthly|quarterly|annual|yearly)(?:\s+\p{Ll}+)?|\s+(?<adverb>daily|weekly|monthly|quarterly|annually|yearly)\b|\s+(?<annual>annual)\s+\p{Ll}+|\s+(?:each|apiece|a\s+piece|a\s+share|per\s+(?!cent\b)\p{Ll}+)\b/uy;

/** Up to three lower-case words after a count, from which the counted noun phrase is taken. */
const WORDS_AFTER = /(?:\s+\p{Ll}[\p{Ll}'’-]*){1,3}/uy;

// Periods are matched case-sensitively so that "may" never reads as a month;
// `capitalised` lets a preposition start the sentence ("In 2024, …").
const capitalised = (words: string[]) =>
  `(?:${words.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1).replaceAll(' ', String.raw`\s+`)}`).join('|')})`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const PREPOSITION = capitalised([
  'as of',
  'in',
  'by',
  'during',
  'for',
  'since',
  'through',
  'until',
  'before',
  'after',
  'from',
]);
const YEAR_MODIFIER = String.raw`(?:${capitalised(['early', 'mid', 'late'])}[-\s]|${capitalised(['fiscal'])}\s+(?:year\s+)?|FY\s?)`;

/** When a figure applies: "Q4 2024", "in 2024", "by the mid-2030s", "this year", "as of March", "in the fourth quarter". */
const PERIOD = new RegExp(
  [
    String.raw`\b[QH][1-4](?:\s+(?:FY\s?)?${YEAR})?\b`,
    String.raw`(?:\b${PREPOSITION}\s+(?:the\s+)?${YEAR_MODIFIER}?|\b${YEAR_MODIFIER}|\b${capitalised(['the'])}\s+(?=${YEAR}s))${YEAR}s?\b`,
    String.raw`\b(?:${capitalised(['in'])}\s+)?${capitalised(['the'])}\s+(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of\s+${YEAR})?\b`,
    String.raw`\b${capitalised(['this', 'last', 'next', 'the previous', 'the past', 'the current'])}\s+(?:fiscal\s+)?(?:year|quarter|month|week)\b`,
    String.raw`\b${PREPOSITION}\s+(?:(?:early|mid|late)[-\s])?${MONTH}\b(?:\s+${YEAR}\b)?`,
  ].join('|'),
  'gu',
);

// ---------------------------------------------------------------------------
// Extraction

/** A figure's place in the sentence while it is being built. */
interface Found {
  start: number;
  end: number;
  figure: Omit<ExtractedFigure, 'text' | 'offset' | 'period'>;
}

/** A numeral as matched by `NUMERAL`. */
interface Numeral {
  start: number;
  end: number;
  digits: string;
  scale?: string;
  currency?: string;
  unit?: 'percent' | 'multiple';
}

/**
 * Finds the figures in one sentence, in order of appearance and without
 * overlaps. Never throws; returns an empty list when there is nothing to find.
 */
export function extractFigures(sentence: string): ExtractedFigure[] {
  const found = [
    ...numeralFigures(sentence),
    ...fractionFigures(sentence),
    ...multipleFigures(sentence),
    ...vagueFigures(sentence),
  ].map((item) => withQualifier(sentence, item));
  const figures = withoutOverlaps(found);
  const periods = [...sentence.matchAll(PERIOD)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length }))
    .filter((period) => {
      const previousFigure = figures[firstStartingAtOrAfter(figures, period.end) - 1];
      return !previousFigure || previousFigure.end <= period.start;
    });
  const openingPeriod = openingClausePeriod(sentence, periods, figures);
  return figures.map((item, index) => {
    const period = nearbyPeriod(sentence, figures, index, periods) ?? openingPeriod;
    return {
      text: sentence.slice(item.start, item.end),
      offset: item.start,
      ...item.figure,
      ...(period === undefined ? {} : { period: normalisePeriod(sentence.slice(period.start, period.end)) }),
    };
  });
}

/** Money, percentages, multiples and counts written with digits. */
function* numeralFigures(sentence: string): Generator<Found> {
  const numerals = [...sentence.matchAll(NUMERAL)].map(toNumeral).filter((numeral) => numeral !== undefined);
  for (let i = 0; i < numerals.length; i++) {
    const low = numerals[i]!;
    let high = numerals[i + 1];
    if (high && !joinsRange(sentence, low, high)) high = undefined;
    if (high) {
      i++;
      // Three numbers joined by hyphens are a phone number or an identifier.
      const next = numerals[i + 1];
      if (next && /^[-–—]$/u.test(sentence.slice(high.end, next.start))) {
        i++;
        continue;
      }
    }
    const figure = amountFigure(sentence, low, high);
    if (figure) yield figure;
  }
}

function toNumeral(match: RegExpMatchArray): Numeral | undefined {
  const { sign, code, digits, scale, unit } = match.groups!;
  const unitWord = unit?.trim();
  const currency = sign ? CURRENCY_BY_SIGN[sign] : (code ?? currencyWord(unitWord));
  const scaleWord = scale?.replace(/^[\s-]+/u, '');
  // "100m" or "5k" without a currency is a distance or a race, not an amount.
  if (scaleWord && scaleWord.length <= 2 && !currency) return undefined;
  const plainUnit =
    unitWord && PERCENT_UNIT.test(unitWord)
      ? 'percent'
      : unitWord && MULTIPLE_UNIT.test(unitWord)
        ? 'multiple'
        : undefined;
  return {
    start: match.index!,
    end: match.index! + match[0].length,
    digits: digits!,
    ...(scaleWord ? { scale: scaleWord } : {}),
    ...(currency ? { currency } : {}),
    ...(plainUnit ? { unit: plainUnit } : {}),
  };
}

/** The currency named by a word after the amount: "dollars", "euros", "USD". */
function currencyWord(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  return ISO_CODES.includes(word) ? word : CURRENCY_BY_WORD[word.toLowerCase()];
}

/** Whether two neighbouring numerals form one range ("30 to 31 percent", "between $300 and $500"). */
function joinsRange(sentence: string, low: Numeral, high: Numeral): boolean {
  const join = RANGE_JOIN.exec(sentence.slice(low.end, high.start));
  if (!join) return false;
  const before = sentence.slice(Math.max(0, low.start - 20), low.start);
  if (join.groups!.word === 'and' && !BETWEEN_BEFORE.test(before)) return false;
  // "from 5 to 7 percent" is a change between two values, not a range.
  if (join.groups!.word === 'to' && FROM_BEFORE.test(before)) return false;
  if (low.unit && low.unit !== high.unit) return false;
  if (low.currency && high.currency && low.currency !== high.currency) return false;
  return true;
}

/** Turns a numeral, or a range of two, into a figure; undefined when it is not an amount. */
function amountFigure(sentence: string, low: Numeral, high: Numeral | undefined): Found | undefined {
  const last = high ?? low;
  const highValue = high && numberValue(high.digits, high.scale);
  // "$2-3 billion": the scale written once applies to both ends, unless the low end is already larger.
  const lowScale =
    low.scale ?? (high?.scale && numberValue(low.digits) <= numberValue(high.digits) ? high.scale : undefined);
  const value = numberValue(low.digits, lowScale);
  if (!Number.isFinite(value) || (highValue !== undefined && !(highValue >= value && Number.isFinite(highValue)))) {
    return undefined;
  }
  const currency = low.currency ?? high?.currency;
  const unit: FigureUnit | undefined = last.unit ?? currency;
  let start = low.start;
  let end = last.end;
  let subject: string | undefined;

  const before = sentence.slice(Math.max(0, start - 20), start);
  const between = high ? BETWEEN_BEFORE.exec(before) : null;
  if (between) start -= before.length - between.index;
  if (unit === undefined) {
    const count = countSubject(sentence, low, last);
    if (!count) return undefined;
    subject = count.subject;
    end = count.end;
  }
  const rate = unit === 'multiple' ? undefined : rateAfter(sentence, end);
  if (rate) end = rate.end;
  return {
    start,
    end,
    figure: {
      unit: unit ?? 'count',
      value,
      ...(highValue !== undefined && highValue !== value ? { upper: highValue } : {}),
      ...(rate ? { per: rate.per } : {}),
      ...(subject ? { subject } : {}),
    },
  };
}

/**
 * A bare number is a count only when it names what it counts: "50 global
 * experts", "3 million users". Years, dates, model and section numbers fail
 * one of these tests.
 */
function countSubject(sentence: string, low: Numeral, last: Numeral): { subject?: string; end: number } | undefined {
  const isYear = !low.scale && /^(?:19|20)\d{2}$/u.test(low.digits);
  const isFraction = !low.scale && low.digits.includes('.');
  if (isYear || isFraction) return undefined;

  WORDS_AFTER.lastIndex = last.end;
  const following = WORDS_AFTER.exec(sentence)?.[0] ?? '';
  const phrase: string[] = [];
  let subjectLength = 0;
  let end = last.end;
  for (const word of following.matchAll(/\S+/gu)) {
    if (RATE_CHANGE_WORDS.has(word[0])) return undefined;
    if (SUBJECT_STOP_WORDS.has(word[0])) break;
    phrase.push(word[0]);
    if (isPluralNoun(word[0])) {
      subjectLength = phrase.length;
      end = last.end + word.index + word[0].length;
    }
  }
  // "3 million" names an amount even without a noun; a bare "11" does not.
  if (subjectLength === 0 && !low.scale) return undefined;

  const before = sentence.slice(Math.max(0, low.start - 40), low.start);
  const wordBefore = /(\S+)\s+$/u.exec(before)?.[1] ?? '';
  const isName =
    /\p{Lu}/u.test(wordBefore) &&
    !/['’]s$/u.test(wordBefore) &&
    !WORDS_BEFORE_COUNTS.has(wordBefore.toLowerCase()) &&
    !QUALIFIER_BEFORE.test(before);
  if (isName) return undefined;
  return subjectLength === 0 ? { end } : { subject: phrase.slice(0, subjectLength).join(' '), end };
}

function isPluralNoun(word: string): boolean {
  if (DURATION_WORDS.has(word)) return false;
  return IRREGULAR_PLURALS.has(word) || /[^suiy'’]s$/u.test(word);
}

/** The rate written right after position `at`, if any. */
function rateAfter(sentence: string, at: number): { per: FigurePer; end: number } | undefined {
  RATE_AFTER.lastIndex = at;
  const match = RATE_AFTER.exec(sentence);
  if (!match) return undefined;
  const { slash, every, inAdjective, adverb, annual } = match.groups!;
  const word = (slash ?? every ?? inAdjective ?? adverb ?? annual)?.toLowerCase();
  return { per: word ? PER_BY_WORD[word]! : 'unit', end: at + match[0].length };
}

/** "almost a quarter of the revenue", "half the", "two-thirds of". */
function* fractionFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(FRACTION_WORDS)) {
    const { part, many, half } = match.groups!;
    // "the first half of 2025" is a period, not a share.
    if (half && HALF_AS_PERIOD.test(sentence.slice(Math.max(0, match.index - 20), match.index))) continue;
    const key = (part ?? many ?? half)!.toLowerCase().replace(/\s+/u, '-');
    yield {
      start: match.index,
      end: match.index + match[0].length,
      figure: { unit: 'percent', value: FRACTION_PERCENT[key]! },
    };
  }
}

/** "doubled", "more than double", "tripling", "tenfold". */
function* multipleFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(MULTIPLE_WORDS)) {
    const { stem, ending, fold } = match.groups!;
    const before = sentence.slice(Math.max(0, match.index - 40), match.index);
    if (ending?.toLowerCase() === 'e' && !QUALIFIER_BEFORE.test(before) && !MAKES_MULTIPLE_A_VERB.test(before))
      continue;
    const value = MULTIPLE_BY_STEM[(stem ?? fold)!.toLowerCase()]!;
    yield { start: match.index, end: match.index + match[0].length, figure: { unit: 'multiple', value } };
  }
}

/** "several hundreds of millions of dollars": the floor is two of the largest unit named. */
function* vagueFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(VAGUE_MONEY)) {
    const { hedge, magnitude, scale, currency } = match.groups!;
    const isPlural = (word: string | undefined) => word !== undefined && /s$/iu.test(word);
    // "a million dollars" or "five million dollars" is exact; it needs a hedge or a plural to be vague.
    if (!hedge && !isPlural(magnitude) && !isPlural(scale)) continue;
    const magnitudeValue = magnitude ? MAGNITUDE_VALUES[magnitude.toLowerCase().replace(/s$/u, '')]! : 1;
    const scaleValue = SCALE_VALUES[scale!.toLowerCase().replace(/s$/u, '')]!;
    let end = match.index + match[0].length;
    const rate = rateAfter(sentence, end);
    if (rate) end = rate.end;
    yield {
      start: match.index,
      end,
      figure: {
        unit: CURRENCY_BY_WORD[currency!.toLowerCase()]!,
        value: 2 * magnitudeValue * scaleValue,
        ...(rate ? { per: rate.per } : {}),
        vague: true,
      },
    };
  }
}

/** Extends a figure back over a hedge written right before it ("nearly $20 million"). */
function withQualifier(sentence: string, item: Found): Found {
  const before = sentence.slice(Math.max(0, item.start - 40), item.start);
  const match = QUALIFIER_BEFORE.exec(before);
  if (!match) return item;
  const start = item.start - before.length + match.index;
  if (start > 0 && /\p{L}/u.test(sentence[start - 1]!)) return item;
  const qualifier = match.groups!.hedge!.toLowerCase().replace(/\s+/gu, ' ');
  return { ...item, start, figure: { ...item.figure, qualifier } };
}

/** Keeps the earliest of overlapping figures (the longer one when they start together). */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const item of sorted) {
    if (kept.length === 0 || item.start >= kept[kept.length - 1]!.end) kept.push(item);
  }
  return kept;
}

type Span = { start: number; end: number };

/**
 * A period written close to figure `index`, in the same clause and with no
 * other figure between: after it first ("a 245% surge in 2024"), then before
 * it ("this year to $143.61"). Figures and periods are in order of position.
 */
function nearbyPeriod(sentence: string, figures: Span[], index: number, periods: Span[]): Span | undefined {
  const figure = figures[index]!;
  const isNear = (from: number, to: number) => {
    const gap = sentence.slice(from, to);
    return !/[,;:()—!?]/u.test(gap) && gap.trim().split(/\s+/u).filter(Boolean).length <= MAX_WORDS_TO_PERIOD;
  };
  const firstAfter = firstStartingAtOrAfter(periods, figure.end);
  const after = periods[firstAfter];
  const nextFigure = figures[index + 1];
  if (after && (!nextFigure || nextFigure.start >= after.start) && isNear(figure.end, after.start)) return after;
  const before = periods[firstStartingAtOrAfter(periods, figure.start) - 1];
  const previousFigure = figures[index - 1];
  if (before && (!previousFigure || previousFigure.end <= before.start) && isNear(before.end, figure.start))
    return before;
  return undefined;
}
const MAX_WORDS_TO_PERIOD = 3;

/** Binary search in spans sorted by position: the index of the first that starts at or after `position`. */
function firstStartingAtOrAfter(spans: Span[], position: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A period set in a short opening clause that ends with a comma, after any
 * "Label:" lead; it applies to the whole sentence ("As of March, TikTok was
 * paying…", "For Q1 2025, Microsoft anticipates…").
 */
function openingClausePeriod(sentence: string, periods: Span[], figures: Span[]): Span | undefined {
  const comma = sentence.indexOf(',');
  if (comma < 0) return undefined;
  const clauseStart = sentence.lastIndexOf(':', comma) + 1;
  const clause = sentence.slice(clauseStart, comma);
  if (clause.trim().split(/\s+/u).length > 8) return undefined;
  if (figures.some((figure) => figure.start >= clauseStart && figure.start < comma)) return undefined;
  return periods.find((period) => period.start >= clauseStart && period.end <= comma);
}

/** "As of March" → "as of March": a period is quoted mid-sentence, so its first word loses a sentence capital. */
function normalisePeriod(period: string): string {
  return period.replace(/^[A-Z][a-z]+\b/u, (word) => (MONTH_NAMES.test(word) ? word : word.toLowerCase()));
}
const MONTH_NAMES = new RegExp(`^${MONTH}$`, 'u');

/** Parses "1,200" or "2.5" and applies a scale word or letter ("billion", "bn", "B"). */
function numberValue(digits: string, scale?: string): number {
  const [whole, fraction = ''] = digits.replaceAll(',', '').split('.');
  const multiplier = scale ? SCALE_VALUES[scale.toLowerCase()]! : 1;
  // Integer arithmetic first, one division last: 1.2 trillion is exactly 1200000000000.
  return (Number(whole! + fraction) * multiplier) / 10 ** fraction.length;
}
