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
import { CURRENCY_NAMES } from './currency-names';

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
  // Indian English: a lakh is a hundred thousand, a crore ten million ("50 lakh masks", "Rs 2 crore").
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const ISO_CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CNY',
  'CAD',
  'AUD',
  'INR',
  'HKD',
  'SGD',
  'NZD',
  'KRW',
  'BRL',
  'MXN',
  'SEK',
  'NOK',
  'DKK',
  'ZAR',
];

const CURRENCY_BY_SIGN: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  S$: 'SGD',
  NZ$: 'NZD',
  R$: 'BRL',
  '₩': 'KRW',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  Rs: 'INR',
};

/**
 * Currencies named after the amount, in lower case with single spaces. Bare
 * "pounds" is left out: after a number it is a weight as often as money, and
 * British prices are written with "£".
 */
const CURRENCY_BY_WORD: Record<string, string> = {
  dollars: 'USD',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  'hong kong dollars': 'HKD',
  'canadian dollars': 'CAD',
  'australian dollars': 'AUD',
  'singapore dollars': 'SGD',
  'new zealand dollars': 'NZD',
  euros: 'EUR',
  euro: 'EUR',
  'pounds sterling': 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupees: 'INR',
  'swiss francs': 'CHF',
};
/** The words of `CURRENCY_BY_WORD` as a pattern, longest first so "Hong Kong dollars" wins over "dollars". */
const CURRENCY_WORDS = Object.keys(CURRENCY_BY_WORD)
  .sort((a, b) => b.length - a.length)
  .map((word) =>
    word
      .replace(/\b[a-z]/gu, (letter) => `[${letter.toUpperCase()}${letter}]`)
      .replaceAll('.', String.raw`\.`)
      .replaceAll(' ', String.raw`\s+`),
  )
  .join('|');

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

/** Magnitude words in vague amounts ("tens of", "hundreds of", "dozens of", "several million"). */
const MAGNITUDE_VALUES: Record<string, number> = {
  ten: 10,
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Number words below a hundred; "one" alone is left out, being a pronoun as often as a count ("one of"). */
const NUMBER_WORD_VALUES: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * Nouns that "half the", "double the" and "twice the" compare ("half the
 * size", "twice the rate"): the figure is then a multiple, not a share.
 */
const SCALE_NOUNS = 'size|rate|number|amount|price|cost|level|pace|speed|value|total|figure|volume';

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

/** Words after "of" that open the counted noun phrase: "30 of the jets", "eight of its shares". */
const DETERMINERS_AFTER_OF = /^(?:the|its|their|his|her|our|my|your|these|those|them|\p{Lu}[\p{L}.&-]*['’]s)$/u;

/** Hedges that make a bare number a count ("more than 100."); "over" and "under" are left out: "children under 13" is an age. */
const HEDGES_OF_BARE_COUNTS = new Set([
  'more than',
  'less than',
  'fewer than',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'at least',
  'up to',
  'as many as',
  'an estimated',
]);

/** Plural nouns that do not end in "s". */
const IRREGULAR_PLURALS = new Set([
  'people',
  'children',
  'men',
  'women',
  'staff',
  'personnel',
  'aircraft',
  'cattle',
  'sheep',
  'fish',
  'species',
  'police',
]);

/** Money spoken of by its name: "a million dollars", "99 cents" are no count of anything. */
function isMoneyNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return CURRENCY_NAMES.has(lower) || lower === 'cents' || lower === 'pence';
}

/** Physical measures are not counts of things: "thousands of miles". */
const MEASURE_NOUNS =
  /^(?:miles|kilometres|kilometers|feet|metres|meters|acres|hectares|tons|tonnes|gallons|litres|liters)$/u;

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
// "Rs 599", "Rs. 2 crore": the rupee's abbreviation, before a space or a point.
const SIGN = String.raw`US\$|C\$|A\$|HK\$|S\$|NZ\$|R\$|[$€£¥₹₩]|Rs\.?\s?(?=\d)`;
/** Scale words need a space or hyphen ("3 million", "$20-million"); letters stick to the number ("$9B", "£30m"). */
const SCALE = String.raw`[\s-](?:trillion|billion|million|thousand|lakhs?|crores?)|\s?(?:tn|bn|mn)|[mkMBKT]`;
const UNIT_AFTER = String.raw`(?:\s?%|[\s-]?(?:percent|per\s?cent)|\s?pc)|\s(?:percentage|basis)[\s-]points?|x|×|-?fold|\s(?:${CURRENCY_WORDS}|${ISO_CODES.join('|')})`;

/**
 * A numeral with its currency, scale and unit. It may not start inside a word
 * or number (nor after "GPT-", "COVID-", "A350-", ":", "#" or "^"), and may
 * not run on into letters ("1st", "2030s", "5G") or further digits ("10:30",
 * "1.2.3", "10^5"). The lookbehind's `\p{N}*` stops at the first character
 * that is not a digit, so each check reads one run of digits at most.
 */
const NUMERAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,:/#$€£¥₹₩^]|\p{L}\p{N}*-)` +
    String.raw`(?:(?<sign>${SIGN})|(?<code>${ISO_CODES.join('|')})\s?)?` +
    String.raw`(?<digits>${DIGITS})(?<scale>${SCALE})?(?<unit>${UNIT_AFTER})?` +
    // Not an age: "a 60-year-old", "the nearly 60-year-old brother".
    String.raw`(?![\p{L}\p{N}_^]|[.,:/]\d|-(?:years?|months?|weeks?|days?)-old\b)`,
  'gu',
);

/**
 * A number written in words that counts things: "nine", "twenty-five", "one
 * hundred", "a dozen", "two thousand". Counts only: money and percentages in
 * words are rare in news and "a million dollars" reads as a manner of speaking.
 */
const NUMBER_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?<ones>one|two|three|four|five|six|seven|eight|nine))?|(?<small>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?<one>one|a)(?=\s+(?:hundred|thousand|million|billion|dozen)\b))(?:\s+(?<scale>hundred|thousand|million|billion|dozen))?(?![\p{L}\p{N}-])`,
  'giu',
);

const PERCENT_UNIT = /^-?(?:%|percent|per\s?cent|pc)$/u;
const POINT_UNIT = /^(?<kind>percentage|basis)[\s-]points?$/u;
const MULTIPLE_UNIT = /^(?:x|×|-?fold)$/u;

/**
 * What may join two numerals into a range: "28–29", "30 to 31", "$300-$500", "between 5 and 6"; a tilde
 * marking an amount as rough ("between ~3x and ~12x") does not part them.
 */
const RANGE_JOIN = /^(?:\s?[-–—]\s?|\s+(?<word>to|and)\s+)~?$/u;

/** "a quarter-point", "half a percentage point": a change of a rate, in percentage points. */
const POINT_WORDS =
  /(?<![\p{L}-])(?:(?:a|one)[\s-](?<part>quarter|half)|half\s+a)[\s-](?:(?:of\s+a\s+)?percentage[\s-])?point(?![\p{L}-])/giu;

/** "eight out of ten companies", "9 out of 10": a share, in percent. */
const OUT_OF = new RegExp(
  // Not the end of a decimal ("a score of 4.5 out of 5" is no "5 out of 5").
  String.raw`(?<![\p{L}\p{N}.,])(?<part>\d{1,3}|${Object.keys(NUMBER_WORD_VALUES).join('|')}|one)\s+out\s+of\s+(?<whole>\d{1,4}|${Object.keys(NUMBER_WORD_VALUES).join('|')}|a\s+hundred)(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * "a quarter of", "half the", "two-thirds of": a share of a whole, in percent ("a quarter of a million" is not,
 * nor the half of "a cup and a half of honey").
 */
const FRACTION_WORDS =
  /(?<![\p{L}-])(?:(?<!\band\s)(?:a|one)[\s-](?<part>half|third|quarter|fifth|tenth)|(?<many>two[\s-]thirds|three[\s-]quarters)|(?<!\band\san?\s)(?<half>half))(?=\s+(?:of|the)\s)(?!\s+of\s+an?\s)/giu;

const HALF_AS_PERIOD = /(?<![\p{L}])(?:first|second|other|latter|back|front)\s+$/iu;
/** "half the size", "double the number", "twice the rate": what follows makes the word a multiple. */
const COMPARES_SCALE = new RegExp(String.raw`^\s+the\s+(?:${SCALE_NOUNS})\b`, 'iu');

/**
 * "doubled", "tripling", "tenfold"; the bare verb ("double") only after a
 * hedge or a word that makes it a verb ("more than double", "expected to
 * double"), since "double" is also an adjective ("double standard").
 */
const MULTIPLE_WORDS =
  /(?<![\p{L}-])(?:(?<stem>doubl|tripl|quadrupl)(?<ending>e|ed|es|ing)|(?<fold>twofold|threefold|tenfold)|(?<twice>twice))(?![\p{L}-])(?!\s+(?:down|up)\b)/giu;
/** "times" after a number, before what the multiple compares: "25 times their expenses", "10 times more potent". */
const TIMES_COMPARES =
  /^[\s-]times(?=\s+(?:the|their|its|his|her|your|our|my|that|what|as|more|less|fewer|larger|bigger|higher|greater|faster|smaller|lower|cheaper|longer|over)\b)/iu;
/** "twice" is a multiple before "the"/"as" ("twice the rate", "twice as many"); "twice a week" is a frequency. */
const TWICE_COMPARES = /^\s+(?:the|as)\s/iu;
const MAKES_MULTIPLE_A_VERB = /(?:^|[^\p{L}])(?:to|will|would|could|may|might|can|did|does|do|than)\s+$/iu;

/**
 * Amounts given only by their order of magnitude: "several hundreds of millions
 * of dollars", "tens of millions of euros", "billions of dollars".
 */
const VAGUE_MONEY =
  /(?<![\p{L}])(?:(?<hedge>several|a\s+few|a\s+couple\s+of|many)\s+)?(?:(?<magnitude>tens|hundreds|dozens|thousands|ten|hundred|dozen)\s+(?:of\s+)?)?(?<scale>thousands|millions|billions|trillions|thousand|million|billion|trillion)\s+(?:of\s+)?(?<currency>dollars|euros|pounds|yen)(?![\p{L}])/giu;

/**
 * Counts given only by their order of magnitude: "hundreds of services",
 * "tens of thousands", "several hundred", "a few thousand followers".
 */
const VAGUE_COUNT =
  /(?<![\p{L}])(?:(?<hedge>several|a\s+few|a\s+couple\s+of|many)\s+(?<single>hundred|thousand|million|billion)|(?<magnitude>tens|dozens|hundreds|thousands|millions|billions)(?:\s+of\s+(?<scale>thousands|millions|billions))?)(?![\p{L}])/giu;

/** Hedges, longest first so "well over" wins over "over". */
const QUALIFIERS = [
  // "much more than", "far fewer than", "slightly less than": the degree word is part of the hedge.
  'slightly more than',
  'slightly less than',
  'much more than',
  'much less than',
  'far more than',
  'far less than',
  'far fewer than',
  'approximately',
  'an average of',
  'a maximum of',
  'a minimum of',
  'no more than',
  'no fewer than',
  'no less than',
  'in excess of',
  'as much as',
  'as many as',
  'as high as',
  // "for as little as Rs 599": the least it may be, a price's floor.
  'as little as',
  'as low as',
  'as few as',
  'an estimated',
  'upwards of',
  'more than',
  'less than',
  'fewer than',
  'just over',
  'just under',
  'well over',
  'closer to',
  'close to',
  'at least',
  'at most',
  'roughly',
  'nearly',
  'almost',
  'around',
  'about',
  'up to',
  'maximum',
  'minimum',
  'under',
  'below',
  'above',
  'over',
  'some',
];
/** Verbs that hedge the figure they take: "surpassed 100 million members" is more than 100 million. */
const HEDGING_VERB_BEFORE = /(?<![\p{L}])(?:surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|top(?:ped|s|ping)|crossed)\s+$/iu;

/** A hedge right before a figure; "up to an additional 15 per cent" still hedges it. */
const QUALIFIER_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?<hedge>${QUALIFIERS.join('|').replaceAll(' ', String.raw`\s+`)})\s+(?:(?:an?\s+)?(?:additional|further|extra)\s+)?$`,
  'iu',
);
const BETWEEN_BEFORE = /(?<![\p{L}])between\s+$/iu;
const FROM_BEFORE = /(?<![\p{L}])from\s+(?:about\s+|around\s+)?$/iu;
/** "anywhere from", "ranging from": the "from … to …" after them spans a range. */
const RANGE_FROM_BEFORE = /\b(?:anywhere|ranging|ranges?|varying|vary|varies)\s+from\s+(?:about\s+|around\s+)?$/iu;

/**
 * A rate right after an amount: "per month", "a year", "/month", "monthly",
 * "in annual revenue", "each of the next two years", "each", "per cable", "an ounce", "in per-share earnings". "$3 billion a year earlier" is a
 * comparison, not a rate.
 */
const RATE_AFTER =
  /\s*\/\s*(?<slash>day|week|month|quarter|year|yr|mo)\b|-(?:a|an|per)-(?<hyphen>day|week|month|quarter|year)\b|\s+(?:an?|per)\s+(?:pound|share|piece|head|barrel|ton|tonne|gallon|litre|liter|kilo|kilogram|ounce|unit|person|seat|night|ticket|copy|user|subscriber|member|customer|device)\b|\s+each\s+of\s+the\s+(?:next|last|past|coming|following)\s+(?:[\p{L}\d-]+\s+)?(?<eachOf>day|week|month|quarter|year)s\b|\s+(?:per|a|an|each|every)\s+(?<every>day|week|month|quarter|year|annum)\b(?!\s+(?:earlier|ago|before|later|prior)\b)|\s+in\s+(?<inAdjective>daily|weekly|monthly|quarterly|annual|yearly)(?:\s+\p{Ll}+)?|\s+(?<adverb>daily|weekly|monthly|quarterly|annually|yearly)\b|\s+(?<annual>annual)\s+\p{Ll}+|\s+(?:each|apiece|a\s+piece|a\s+share|in\s+per-share\s+\p{Ll}+|per\s+(?!cent\b)\p{Ll}+)\b/uy;

// Periods are matched case-sensitively so that "may" never reads as a month;
// `capitalised` lets a preposition start the sentence ("In 2024, …").
const capitalised = (words: string[]) =>
  `(?:${words.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1).replaceAll(' ', String.raw`\s+`)}`).join('|')})`;
const YEAR = String.raw`(?:19|20)\d{2}`;
/** After a preposition a year may be older ("since 1840"); alone, "1840" could be anything. */
const ANY_YEAR = String.raw`(?:1[5-9]|20)\d{2}`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const NUMBER_OF_UNITS = String.raw`(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})`;
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

/** The ordinals a century is written with in words ("the nineteenth century"). */
const CENTURY_ORDINALS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first';

/**
 * When a figure applies: "Q4 2024", "in 2024", "since 1840", "by the
 * mid-2030s", "this year", "earlier this week", "as of March 20", "in the
 * fourth quarter", "on Tuesday", "a year earlier", "by the end of 2025".
 */
const PERIOD = new RegExp(
  [
    String.raw`\b[QH][1-4](?:\s+(?:FY\s?)?${YEAR})?\b`,
    // "between 2010 and 2015", "from 2008 to 2016": a span of years, before "from 2008" alone can match.
    String.raw`\b${capitalised(['between', 'from'])}\s+${ANY_YEAR}\s*(?:[-–]|\s(?:and|to|through)\s)\s*${ANY_YEAR}\b`,
    // "during the 2018 flu season", "in the 2019 fiscal year", "for the 2020-21 season": a year naming a stretch of
    // time reads on to its noun, before the year alone can match.
    String.raw`\b${PREPOSITION}\s+the\s+${YEAR}(?:[-–/]\d{2})?(?:\s+\p{Ll}[\p{Ll}-]*)?\s+(?:season|year|term|cycle|session)\b`,
    String.raw`\b${PREPOSITION}\s+(?:the\s+)?${YEAR_MODIFIER}?${ANY_YEAR}s?\b`,
    // "in the 14th century", "by the late nineteenth century": a century by its ordinal.
    String.raw`\b${PREPOSITION}\s+the\s+(?:(?:early|mid|late)[-\s])?(?:\d{1,2}(?:st|nd|rd|th)|${CENTURY_ORDINALS})\s+[Cc]entury\b`,
    // "in the 1300s", "by the late 1190s": a decade or century written with "the" may be of any age.
    String.raw`\b${PREPOSITION}\s+the\s+${YEAR_MODIFIER}?1\d{2}0s\b`,
    String.raw`(?:\b${YEAR_MODIFIER}|\b${capitalised(['the'])}\s+(?=${YEAR}s))${YEAR}s?\b`,
    String.raw`\b(?:${capitalised(['in'])}\s+)?${capitalised(['the'])}\s+(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of\s+${YEAR}|\s+(?:ended|ending)\s+${MONTH}\.?\s+\d{1,2}\b(?:,?\s+${YEAR}\b)?)?\b`,
    String.raw`\b(?:${capitalised(['earlier', 'later', 'early', 'late'])}\s+)?(?:${capitalised(['in'])}\s+)?${capitalised(['this', 'last', 'next', 'the previous', 'the past', 'the last', 'the next', 'the current'])}\s+(?:fiscal\s+)?(?:year|quarter|month|week)\b`,
    String.raw`\b${capitalised(['by', 'at', 'until', 'before', 'after', 'from'])}\s+the\s+(?:end|start|beginning|middle)\s+of\s+(?:${ANY_YEAR}|the\s+(?:year|quarter|month|decade))\b`,
    String.raw`\b${PREPOSITION}\s+(?:(?:early|mid|late|last|this|next)[-\s])?${MONTH}\b(?:\s+\d{1,2}\b(?!:))?(?:,?\s+${YEAR}\b)?`,
    String.raw`\b${capitalised(['this past', 'last', 'this', 'next'])}\s+(?:${MONTH}|${WEEKDAY})\b`,
    String.raw`\b(?:(?:${capitalised(['late', 'early'])}\s+on|${capitalised(['on', 'since', 'by', 'until'])})\s+)?${WEEKDAY}\b`,
    // "down 2.7% on the day", "up 40% year to date", "five matches this season".
    String.raw`\bon\s+the\s+day\b(?!\s+(?:of|before|after|that|when)\b)`,
    String.raw`\byear[-\s]to[-\s]date\b`,
    String.raw`\b${capitalised(['this', 'last', 'next'])}\s+season\b`,
    // "over the weekend", "last weekend"; "over the decades": spans named without a number.
    String.raw`\b(?:${capitalised(['over', 'during', 'on'])}\s+the|${capitalised(['this past', 'this', 'last', 'next'])})\s+weekend\b`,
    String.raw`\b${capitalised(['over', 'through', 'across'])}\s+the\s+(?:years|decades|centuries)\b`,
    String.raw`\b${capitalised(['in', 'within'])}\s+(?:a|one)\s+(?:single\s+)?(?:day|week|month|year)\b`,
    String.raw`\b(?:${capitalised(['in', 'over', 'during', 'within'])}\s+)?${capitalised(['the'])}\s+(?:next|past|last|coming|previous)\s+(?:few|several|couple\s+of|${NUMBER_OF_UNITS})\s+(?:days|weeks|months|quarters|years)\b`,
    String.raw`\b(?:${capitalised(['fiscal'])}\s+)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)-quarter\b`,
    String.raw`\b(?:(?:${capitalised(['in', 'for', 'during'])}\s+)?(?:the|its)\s+)?fiscal\s+(?:first|second|third|fourth)\s+quarter\b`,
    String.raw`\b${capitalised(['in', 'for', 'during'])}\s+the\s+(?:latest\s+|same\s+|holiday\s+|year-ago\s+)?quarter\b(?!-)`,
    String.raw`\b${capitalised(['in', 'for', 'during'])}\s+the\s+(?:three|six|nine|twelve|12)\s+months\s+(?:ended|ending|to|through)\s+${MONTH}\.?(?:\s+\d{1,2}\b)?(?:,?\s+${YEAR}\b)?`,
    String.raw`\b${capitalised(['since'])}\s+the\s+(?:[\p{L}-]+\s+){0,2}?(?:acquisition|merger|takeover|deal|launch|IPO|listing|pandemic|crisis|outbreak|election|recession|war)\b`,
    String.raw`\b${NUMBER_OF_UNITS}\s+(?:years?|months?|weeks?|days?|quarters?)\s+(?:ago|earlier|before)\b`,
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

/** A numeral as matched by `NUMERAL`, or a number word as matched by `NUMBER_WORD`. */
interface Numeral {
  start: number;
  end: number;
  digits: string;
  scale?: string;
  currency?: string;
  unit?: 'percent' | 'percentage-point' | 'multiple';
  /** Basis points: the value is read in hundredths of a percentage point. */
  basis?: true;
  /** Written in words ("nine", "one hundred"): never a year, a model or a section number. */
  word?: true;
}

/**
 * Finds the figures in one sentence, in order of appearance and without
 * overlaps. Never throws; returns an empty list when there is nothing to find.
 */
export function extractFigures(sentence: string): ExtractedFigure[] {
  const found = [
    ...numeralFigures(sentence),
    ...fractionFigures(sentence),
    ...pointFigures(sentence),
    ...outOfFigures(sentence),
    ...multipleFigures(sentence),
    ...vagueFigures(sentence),
    ...vagueCountFigures(sentence),
  ].map((item) => withQualifier(sentence, item));
  const figures = withoutOverlaps(found);
  const periods = [...sentence.matchAll(PERIOD)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length }))
    .filter((period) => {
      const previousFigure = figures[firstStartingAtOrAfter(figures, period.end) - 1];
      return !previousFigure || previousFigure.end <= period.start;
    })
    .filter((period) => !datesTheReport(sentence, period));
  const openingPeriod = openingClausePeriod(sentence, periods, figures);
  const chosen: (Span | undefined)[] = [];
  for (const [index, item] of figures.entries()) {
    let period = nearbyPeriod(sentence, figures, index, periods);
    // "up 4 percent from the previous year": the period after "from" is what the change is measured against;
    // the change is for the time of the level before it ("sold 303,417 last year, up 4 percent from …").
    // A multiple of a past level ("double the number in 2017") has no period of its own.
    if (period && isComparisonBase(sentence, item, period, item.figure.unit === 'multiple'))
      period = index > 0 && item.figure.unit !== 'multiple' ? chosen[index - 1] : undefined;
    // "closed on Tuesday at $185.25, up 0.35%": a change given after a level is for the level's time.
    if (!period && index > 0 && CHANGE_CLAUSE.test(sentence.slice(figures[index - 1]!.end, item.start)))
      period = chosen[index - 1];
    // "sold 900 cars in 2019, with 40 recalls": a clause of "with" or "including" adds to the figure before it.
    if (!period && index > 0 && ADDED_CLAUSE.test(sentence.slice(figures[index - 1]!.end, item.start)))
      period = chosen[index - 1];
    // "sales rose 5% in May while costs fell 2%": a clause set against the one before is for the same time.
    if (!period && index > 0 && CONTRASTED_CLAUSE.test(sentence.slice(figures[index - 1]!.end, item.start)))
      period = chosen[index - 1];
    chosen.push(period ?? openingPeriod);
  }
  // "a loss of $304.7 million on revenue of $167.4 million in the third quarter": one period for both.
  for (let index = figures.length - 2; index >= 0; index--) {
    if (chosen[index] || !chosen[index + 1]) continue;
    const gap = sentence.slice(figures[index]!.end, figures[index + 1]!.start);
    if (SHARES_A_PERIOD.test(gap) && chosen[index + 1]!.start > figures[index + 1]!.end)
      chosen[index] = chosen[index + 1];
  }
  return figures.map((item, index) => {
    const period = chosen[index];
    return {
      text: sentence.slice(item.start, item.end),
      offset: item.start,
      ...item.figure,
      ...(period === undefined ? {} : { period: normalisePeriod(sentence.slice(period.start, period.end)) }),
    };
  });
}

/** Verbs of saying: a weekday next to one dates the report, not the figure ("Acme said on Monday it sold 30 jets"). */
const REPORTING_VERBS =
  /\b(?:said|says|announced|announces|reported|reports|told|unveiled|disclosed|revealed|confirmed|declared|filed|inks|inked|signed)\b/u;
/** How far from a weekday a verb of saying may stand, in characters. */
const REPORT_REACH = 200;
const WEEKDAY_PERIOD = new RegExp(`^(?:(?:on|since|by|until|this past|last|this|next)\\s+)?${WEEKDAY}$`, 'iu');
/** Words between a figure and the period of its comparison base: "up 4 percent from the previous year". */
const COMPARISON_GAP = /^\s+(?:from|than|over|versus|vs\.?|compared\s+(?:to|with))\s/u;
/** What a multiple compares with: "double the number", "half the size". */
const COMPARED_LEVEL = new RegExp(String.raw`^\s+the\s+(?:${SCALE_NOUNS})\s+$`, 'iu');
/** A figure's clause that gives only a change of the level before it: ", up 0.35%", ", down 2 percent". */
const CHANGE_CLAUSE = /^\s*,\s*(?:up|down|rising|falling|a\s+(?:rise|gain|drop|fall)\s+of)\s+$/iu;
/** The rest of a figure's clause, then a clause that adds to it: " in 2019, with ", " last year, including some ". */
const ADDED_CLAUSE = /^[^,;:()—]*,\s*(?:with|including)(?:\s+\p{Ll}[\p{Ll}-]*){0,3}\s+$/u;
/** The rest of a figure's clause, then a clause of "while" or "whereas" up to the next figure: " in May while costs fell ". */
const CONTRASTED_CLAUSE = /^[^,;:()—]*?,?\s+(?:while|whereas)(?:\s+[\p{L}'’-]+){1,8}\s+$/u;
/** What may stand between two figures that share one period: "a loss of $5M on revenue of $9M in Q3". */
const SHARES_A_PERIOD = /^\s+(?:on|and|with|plus)\s+(?:(?!from\b|to\b|than\b|up\b|down\b)[\p{L}-]+\s+){0,3}$/u;

/**
 * Whether a weekday dates the report rather than the figure: it stands in a
 * clause with a verb of saying ("it announced an order of 50 jets on Monday"),
 * or a few words from one ("Acme on Tuesday announced"). A closing price "on
 * Tuesday" keeps its day.
 */
function datesTheReport(sentence: string, period: Span): boolean {
  if (!WEEKDAY_PERIOD.test(sentence.slice(period.start, period.end))) return false;
  // Read no more than a few words around the day, so a long run of days costs a look each.
  const from = Math.max(0, period.start - REPORT_REACH);
  const before = sentence.slice(from, period.start);
  const clauseStart = from + Math.max(...[',', ';', ':', '(', '—'].map((mark) => before.lastIndexOf(mark))) + 1;
  const nextBreak = /[,;:)—]/u.exec(sentence.slice(period.end, period.end + REPORT_REACH));
  const clauseEnd = nextBreak ? period.end + nextBreak.index : Math.min(sentence.length, period.end + REPORT_REACH);
  return REPORTING_VERBS.test(sentence.slice(clauseStart, clauseEnd));
}

/**
 * Whether `period` is the base a figure is compared with: "from" (or "than",
 * "compared with") between them, or in the period itself ("from 2017"); the
 * value's own date after "from" ("up from $38,373 a year ago") is not one.
 */
function isComparisonBase(sentence: string, figure: Span, period: Span, isMultiple: boolean): boolean {
  if (period.start < figure.end) return false;
  const gap = sentence.slice(figure.end, period.start);
  const periodText = sentence.slice(period.start, period.end);
  // "double the number in 2017": a multiple of a past level is dated by that level.
  if (isMultiple && COMPARED_LEVEL.test(gap)) return true;
  // "from 2008 to 2016" is a span the figure covers, not a base.
  const isSpan = /^from\s.*\d\s*(?:[-–]|\sto\s|\sthrough\s)\s*\d/iu.test(periodText);
  return COMPARISON_GAP.test(`${gap} `) || (/^\s*$/u.test(gap) && /^from\s/iu.test(periodText) && !isSpan);
}

/** Money, percentages, multiples and counts written with digits, and counts written in words. */
function* numeralFigures(sentence: string): Generator<Found> {
  const numerals = [
    ...[...sentence.matchAll(NUMERAL)].map(toNumeral).filter((numeral) => numeral !== undefined),
    ...[...sentence.matchAll(NUMBER_WORD)].map(wordNumeral),
  ].sort((a, b) => a.start - b.start);
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
  const unitWord = unit?.trim().replace(/\s+/gu, ' ');
  const currency = sign ? CURRENCY_BY_SIGN[sign.replace(/[.\s]/gu, '')] : (code ?? currencyWord(unitWord));
  const scaleWord = scale?.replace(/^[\s-]+/u, '');
  // "100m" or "5k" without a currency is a distance or a race, not an amount.
  if (scaleWord && scaleWord.length <= 2 && !currency) return undefined;
  const end = match.index! + match[0].length;
  const after = match.input!.slice(end);
  // "911 calls": the emergency number, no count.
  if (digits === '911' && /^\s+(?:calls?|dispatch\w*|operators?|cent(?:er|re)s?|system|emergency)\b/iu.test(after))
    return undefined;
  // "13.8 billion years after", "a 13.8-billion-year period": a length of time, no amount.
  if (!currency && !unit && DURATION_AFTER.test(after)) return undefined;
  const point = unitWord ? POINT_UNIT.exec(unitWord) : null;
  const plainUnit =
    unitWord && PERCENT_UNIT.test(unitWord)
      ? 'percent'
      : point
        ? 'percentage-point'
        : unitWord && MULTIPLE_UNIT.test(unitWord)
          ? 'multiple'
          : undefined;
  // "777x" is an aircraft, not a multiple: multiples that large are written "777-fold" if at all.
  if (plainUnit === 'multiple' && /^[x×]$/u.test(unitWord!) && !scaleWord && Number(digits!.replaceAll(',', '')) >= 100)
    return undefined;
  return {
    start: match.index!,
    end,
    digits: digits!,
    ...(scaleWord ? { scale: scaleWord } : {}),
    ...(currency ? { currency } : {}),
    ...(plainUnit ? { unit: plainUnit } : {}),
    ...(point?.groups!.kind === 'basis' ? { basis: true as const } : {}),
  };
}

/** A unit of time right after a number: "… years", "-year", "-month-long". */
const DURATION_AFTER = /^[\s-](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b/iu;

/** A number word as a numeral: "twenty-five" → "25", "a dozen" → "12", "two thousand" → "2000". */
function wordNumeral(match: RegExpMatchArray): Numeral {
  const { tens, ones, small, scale } = match.groups!;
  const base = tens
    ? NUMBER_WORD_VALUES[tens.toLowerCase()]! + (ones ? NUMBER_WORD_VALUES[ones.toLowerCase()]! : 0)
    : small
      ? NUMBER_WORD_VALUES[small.toLowerCase()]!
      : 1;
  const multiplier = scale ? MAGNITUDE_VALUES[scale.toLowerCase()]! : 1;
  return {
    start: match.index!,
    end: match.index! + match[0].length,
    digits: String(base * multiplier),
    word: true,
  };
}

/** The currency named by a word after the amount: "dollars", "Hong Kong dollars", "USD". */
function currencyWord(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  return ISO_CODES.includes(word) ? word : CURRENCY_BY_WORD[word.toLowerCase()];
}

/** Whether two neighbouring numerals form one range ("30 to 31 percent", "between $300 and $500"). */
function joinsRange(sentence: string, low: Numeral, high: Numeral): boolean {
  const join = RANGE_JOIN.exec(sentence.slice(low.end, high.start));
  if (!join) return false;
  const lowStart = sentence[low.start - 1] === '~' ? low.start - 1 : low.start;
  const before = sentence.slice(Math.max(0, lowStart - 20), lowStart);
  if (join.groups!.word === 'and' && !BETWEEN_BEFORE.test(before)) return false;
  // "from 5 to 7 percent" is a change between two values, not a range; "anywhere from $200 to $500" is one.
  if (join.groups!.word === 'to' && FROM_BEFORE.test(before) && !RANGE_FROM_BEFORE.test(before)) return false;
  // "down by 30 to 126": the change, then the new level.
  // ("fell by 5 to 7 percent" is a range of percentages.)
  const isBare = (numeral: Numeral) => !numeral.unit && !numeral.currency && !numeral.scale;
  if (join.groups!.word === 'to' && isBare(low) && isBare(high) && /(?<![\p{L}])by\s+$/iu.test(before)) return false;
  if (low.unit && low.unit !== high.unit) return false;
  if (low.currency && high.currency && low.currency !== high.currency) return false;
  // "five to 10": words and digits do mix; a word never joins a hyphen ("two-3").
  if ((low.word || high.word) && !join.groups!.word) return false;
  return true;
}

/** Turns a numeral, or a range of two, into a figure; undefined when it is not an amount. */
function amountFigure(sentence: string, low: Numeral, high: Numeral | undefined): Found | undefined {
  const last = high ?? low;
  const divisor = low.basis ? 100 : 1;
  const highValue = high && numberValue(high.digits, high.scale) / divisor;
  // "$2-3 billion": the scale written once applies to both ends, unless the low end is already larger.
  const lowScale =
    low.scale ?? (high?.scale && numberValue(low.digits) <= numberValue(high.digits) ? high.scale : undefined);
  const value = numberValue(low.digits, lowScale) / divisor;
  if (!Number.isFinite(value) || (highValue !== undefined && !(highValue >= value && Number.isFinite(highValue)))) {
    return undefined;
  }
  const currency = low.currency ?? high?.currency;
  // "25 times their annual expenses", "10 times more potent": "times" before what it compares makes a multiple
  // ("three times a week" is a frequency, and no figure).
  const times = last.unit || currency ? null : TIMES_COMPARES.exec(sentence.slice(last.end));
  const unit: FigureUnit | undefined = last.unit ?? currency ?? (times ? 'multiple' : undefined);
  let start = low.start;
  let end = times ? last.end + times[0].length : last.end;
  let subject: string | undefined;

  // "~9x": the tilde of a rough amount belongs to its span, so a hedge before it ("approximately ~9x") still reads.
  if (sentence[start - 1] === '~') start--;
  const before = sentence.slice(Math.max(0, start - 20), start);
  const between = high ? BETWEEN_BEFORE.exec(before) : null;
  if (between) start -= before.length - between.index;
  let rate = unit === 'multiple' ? undefined : rateAfter(sentence, end);
  // "earnings per share of $2.53": the rate is written before the amount.
  if (!rate && currency && PER_SHARE_BEFORE.test(sentence.slice(Math.max(0, start - 50), start)))
    rate = { per: 'unit', end, extends: false };
  // "Each of the cables costs $400", "Each ticket sells for $20": a price of each one, written before it.
  if (!rate && currency && EACH_PRICED_BEFORE.test(sentence.slice(0, start)))
    rate = { per: 'unit', end, extends: false };
  if (unit === undefined) {
    // "the two brands", "the two tech giants": a pair named before ("both"), not a number the article gives.
    if (!high && low.word && low.digits === '2' && THE_PAIR_BEFORE.test(before)) return undefined;
    const count = countSubject(sentence, low, last);
    if (!count) return undefined;
    subject = count.subject;
    end = count.end;
    // A count's rate may follow its verb: "300 animals beaching themselves each year".
    rate = rateAfter(sentence, end) ?? rateLater(sentence, end) ?? rateInSubject(subject);
  }
  if (rate && rate.end > end && rate.extends) end = rate.end;
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

/** One word of a counted noun phrase, quotes and all: “businesses”, 787-9, Boeing's, U.S. */
const COUNT_TOKEN = /\s+(?<token>[“"‘]?[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|\.(?=[\p{L}\p{N}]))*[”"’]?)/uy;
const MAX_COUNT_TOKENS = 6;

/**
 * A bare number is a count only when it names what it counts: "50 global
 * experts", "3 million users", "30 of Boeing's 787-9 jets", "nine
 * churchgoers". Years, dates, model and section numbers fail one of these
 * tests. A hedged number needs no noun when nothing else follows it ("more
 * than 100.", "some 60 of the jet").
 */
function countSubject(sentence: string, low: Numeral, last: Numeral): { subject?: string; end: number } | undefined {
  const isYear = !low.word && !low.scale && /^(?:19|20)\d{2}$/u.test(low.digits);
  const isFraction = !low.scale && low.digits.includes('.');
  if (isYear || isFraction) return undefined;

  const hedge = hedgeWordBefore(sentence, low.start);
  // "a fleet of 270", "an order of 30 Boeing jets": after "of" a number is a quantity, not part of a name.
  const afterOf = /(?:^|[^\p{L}])of\s+$/u.test(sentence.slice(Math.max(0, low.start - 5), low.start));
  const tokens = countTokens(sentence, last.end);
  const noun = countedNoun(tokens, { quantity: low.word === true || hedge !== undefined || afterOf });
  // "but only 16 had come", "down by 30 to 126": numbers whose noun the sentence gave before them.
  const elliptical = ELLIPTICAL_COUNT_BEFORE.test(sentence.slice(Math.max(0, low.start - 40), low.start));
  if (!noun && !low.scale && !hedge && !elliptical) return undefined;

  const isName = !low.word && hedge === undefined && isPartOfName(sentence, low.start);
  if (isName) return undefined;
  if (noun) return { subject: noun.subject, end: noun.end };
  // "3 million" names an amount even without a noun; a bare "11" does not, unless hedged and alone.
  if (low.scale) return { end: last.end };
  // What follows a hedged bare number must not be a noun it could belong to: a function word or a participle.
  const endsClause =
    tokens.length === 0 || SUBJECT_STOP_WORDS.has(tokens[0]!.word) || /^\p{Ll}+(?:ed|ing)$/u.test(tokens[0]!.word);
  if (hedge && HEDGES_OF_BARE_COUNTS.has(hedge) && endsClause) return { end: last.end };
  if (elliptical && endsClause && !low.digits.includes('.')) return { end: last.end };
  return undefined;
}

/**
 * What makes a bare number a count of something named before it: "only" or
 * "just" ("but only 16 had come from the picture"), or a change by and to an
 * amount ("down by 30 to 126").
 */
const ELLIPTICAL_COUNT_BEFORE =
  /(?<![\p{L}])(?:only|just|(?:up|down|rose|fell|increased|decreased|dropped|declined|climbed|grew|jumped)\s+by|by\s+\d[\d,]*\s+to)\s+$/iu;

/**
 * Whether the capitalised word right before a bare number makes it part of a
 * name ("Windows 11", "Section 230"); "The 50 experts", "Boeing's 30 jets" and
 * a word ending a clause ("Island, 10 whales") do not.
 */
function isPartOfName(sentence: string, start: number): boolean {
  const wordBefore = /(\S+)\s+$/u.exec(sentence.slice(Math.max(0, start - 40), start))?.[1] ?? '';
  return (
    /\p{Lu}/u.test(wordBefore) &&
    !/[,;:)]$/u.test(wordBefore) &&
    !/['’]s$/u.test(wordBefore) &&
    !WORDS_BEFORE_COUNTS.has(wordBefore.toLowerCase())
  );
}

/** The words after position `at`, each with its end, up to `MAX_COUNT_TOKENS`. */
function countTokens(sentence: string, at: number): { word: string; end: number }[] {
  const tokens: { word: string; end: number }[] = [];
  COUNT_TOKEN.lastIndex = at;
  for (let match = COUNT_TOKEN.exec(sentence); match; match = COUNT_TOKEN.exec(sentence)) {
    tokens.push({ word: match.groups!.token!, end: COUNT_TOKEN.lastIndex });
    if (tokens.length === MAX_COUNT_TOKENS) break;
  }
  return tokens;
}

/**
 * The counted noun phrase at the start of `tokens`, ending at its last plural
 * noun before a function word; undefined when there is none. With
 * `ofAnyNoun`, "of" may open any noun phrase ("hundreds of services"). A name or a model right after the number ("787 Dreamliner sales", "Windows
 * 11 users") makes the number part of the name, unless the number is clearly a
 * quantity (`quantity`: a word or a hedged number), the name comes after "of",
 * or a model follows the maker ("50 Airbus A350-900 jets").
 */
function countedNoun(
  tokens: readonly { word: string; end: number }[],
  { quantity, ofAnyNoun = false }: { quantity: boolean; ofAnyNoun?: boolean },
): { subject: string; end: number } | undefined {
  let first = 0;
  let afterOf = false;
  const opensPhrase = (word: string) =>
    DETERMINERS_AFTER_OF.test(word) || (ofAnyNoun && !SUBJECT_STOP_WORDS.has(word.toLowerCase()));
  if (tokens[0]?.word === 'of' && tokens[1] && opensPhrase(tokens[1].word)) {
    first = DETERMINERS_AFTER_OF.test(tokens[1].word) ? 2 : 1;
    afterOf = true;
  }
  const phrase: string[] = [];
  let subjectLength = 0;
  let end = 0;
  for (let i = first; i < tokens.length; i++) {
    const token = tokens[i]!;
    const bare = token.word.replace(/^[“"‘]|[”"’]$/gu, '');
    const lower = /^\p{Ll}/u.test(bare);
    // "internet and technology companies": a conjunction may join words before the noun.
    const joinsWords = (bare === 'and' || bare === 'or') && phrase.length > 0;
    if (lower && SUBJECT_STOP_WORDS.has(bare) && !joinsWords) break;
    if (!lower && i === first && !quantity && !afterOf) {
      const isMakerOfModel = /^\p{Lu}/u.test(bare) && /\p{N}/u.test(tokens[i + 1]?.word ?? '');
      if (!isMakerOfModel) break;
    }
    phrase.push(bare);
    // The first plural ends the phrase: in "two tech giants coordinate efforts" what is counted is giants. A
    // collective noun before a plural is its modifier: "30 staff vacancies" counts vacancies.
    const next = tokens[i + 1]?.word;
    const modifiesNext =
      IRREGULAR_PLURALS.has(bare) &&
      !/s$/u.test(bare) &&
      next !== undefined &&
      /^\p{Ll}+s$/u.test(next) &&
      isPluralNoun(next);
    // "two United States service members": a name that looks plural modifies the plural that follows it.
    const nameModifiesNext =
      !lower &&
      [tokens[i + 1]?.word, tokens[i + 2]?.word].some(
        (word, offset) =>
          word !== undefined &&
          /^\p{Ll}+s$/u.test(word) &&
          isPluralNoun(word) &&
          (offset === 0 || /^\p{Ll}+$/u.test(tokens[i + 1]!.word)),
      );
    // "45 flybys", "20 surveys": right after the number, a word in -ys is a plural noun, not a verb ("says").
    const pluralInYs = i === first && lower && /^\p{Ll}{3,}ys$/u.test(bare) && !DURATION_WORDS.has(bare);
    if ((isPluralNoun(bare) || pluralInYs) && !modifiesNext && !nameModifiesNext) {
      subjectLength = phrase.length;
      end = token.end;
      break;
    }
  }
  if (subjectLength === 0) return undefined;
  // "a million dollars" is money spoken loosely, not a count of banknotes.
  if (isMoneyNoun(phrase[subjectLength - 1]!)) return undefined;
  return { subject: phrase.slice(0, subjectLength).join(' '), end };
}

function isPluralNoun(word: string): boolean {
  if (DURATION_WORDS.has(word)) return false;
  return IRREGULAR_PLURALS.has(word) || /[^suiy'’]s$/u.test(word);
}

/** A rate found after a figure; `extends` says whether the figure's span grows to take it. */
interface Rate {
  per: FigurePer;
  end: number;
  extends: boolean;
}

/** The rate written right after position `at`, if any. */
function rateAfter(sentence: string, at: number): Rate | undefined {
  RATE_AFTER.lastIndex = at;
  const match = RATE_AFTER.exec(sentence);
  if (!match) return undefined;
  const { slash, hyphen, eachOf, every, inAdjective, adverb, annual } = match.groups!;
  const word = (slash ?? hyphen ?? eachOf ?? every ?? inAdjective ?? adverb ?? annual)?.toLowerCase();
  return { per: word ? PER_BY_WORD[word]! : 'unit', end: at + match[0].length, extends: true };
}

/** "the two", "these two": the words that make "two" point back to a pair already named. */
const THE_PAIR_BEFORE = /(?<![\p{L}])(?:the|these|those)\s+$/iu;

/** A subject opening with "each" and its verb of pricing, right before an amount: "Each of the cables costs ". */
const EACH_PRICED_BEFORE =
  /(?:^|[,;:]\s+)[\W]*[Ee]ach\s+(?:of\s+)?(?:[\p{L}\d'’-]+\s+){0,5}?(?:costs?|sells?\s+for|sold\s+for|retails?\s+(?:for|at)|goes\s+for|is\s+priced\s+at|was\s+priced\s+at)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?$/u;

/** "earnings per share of", "per-share profit was", "EPS of": an amount of money after these is per share. */
const PER_SHARE_BEFORE = /(?:\b[Pp]er[-\s]share|\bEPS)\b[^,;.$€£¥]{0,30}$/u;

/** A frequency a few words on in the same clause: "people view his profile a week", "animals beaching each year". */
const RATE_LATER =
  /(?:\s+\p{Ll}[\p{Ll}'’-]*){1,3}?(?<!\b(?:in|within|for|over|than|after|about|once|twice))\s+(?:a|an|each|every|per)\s+(?<every>day|week|month|quarter|year)\b(?!\s+(?:earlier|ago|before|later|prior)\b)/uy;

/** "140 million monthly active users": the rate is part of what is counted ("daily newspapers" are not a rate). */
function rateInSubject(subject: string | undefined): Rate | undefined {
  const word = subject && /^(?<word>daily|weekly|monthly)\s+active\s/u.exec(subject)?.groups!.word;
  return word ? { per: PER_BY_WORD[word]!, end: 0, extends: false } : undefined;
}

function rateLater(sentence: string, at: number): Rate | undefined {
  RATE_LATER.lastIndex = at;
  const match = RATE_LATER.exec(sentence);
  if (!match) return undefined;
  return { per: PER_BY_WORD[match.groups!.every!.toLowerCase()]!, end: at + match[0].length, extends: false };
}

/** "almost a quarter of the revenue", "half the", "two-thirds of"; "half the size" is a multiple. */
function* fractionFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(FRACTION_WORDS)) {
    const { part, many, half } = match.groups!;
    // "the first half of 2025" is a period, not a share.
    if (half && HALF_AS_PERIOD.test(sentence.slice(Math.max(0, match.index - 20), match.index))) continue;
    const end = match.index + match[0].length;
    const key = (part ?? many ?? half)!.toLowerCase().replace(/\s+/u, '-');
    const comparesScale = half !== undefined && COMPARES_SCALE.test(sentence.slice(end, end + 30));
    yield {
      start: match.index,
      end,
      figure: comparesScale ? { unit: 'multiple', value: 0.5 } : { unit: 'percent', value: FRACTION_PERCENT[key]! },
    };
  }
}

/** "a quarter-point", "half a percentage point". */
function* pointFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(POINT_WORDS)) {
    const value = match.groups!.part?.toLowerCase() === 'quarter' ? 0.25 : 0.5;
    yield { start: match.index, end: match.index + match[0].length, figure: { unit: 'percentage-point', value } };
  }
}

/** "eight out of ten", "9 out of 10": a share in percent. */
function* outOfFigures(sentence: string): Generator<Found> {
  const valueOf = (written: string) =>
    /^\d/u.test(written)
      ? Number(written)
      : /^a\s+hundred$/iu.test(written)
        ? 100
        : written.toLowerCase() === 'one'
          ? 1
          : NUMBER_WORD_VALUES[written.toLowerCase()]!;
  for (const match of sentence.matchAll(OUT_OF)) {
    const part = valueOf(match.groups!.part!);
    const whole = valueOf(match.groups!.whole!);
    if (!(whole > 0) || part > whole) continue;
    yield {
      start: match.index,
      end: match.index + match[0].length,
      figure: { unit: 'percent', value: (part * 100) / whole },
    };
  }
}

/** "doubled", "more than double", "tripling", "tenfold", "twice the rate", "double the number". */
function* multipleFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(MULTIPLE_WORDS)) {
    const { stem, ending, fold, twice } = match.groups!;
    const before = sentence.slice(Math.max(0, match.index - 40), match.index);
    const end = match.index + match[0].length;
    const after = sentence.slice(end, end + 30);
    const hedged = hedgeBefore(sentence, match.index) !== undefined;
    // "pods that would double as cabins", "it doubles as a display": serving as something, no multiple.
    if (stem !== undefined && /^\s+as\s/iu.test(after) && !/^\s+as\s+(?:much|many|fast|high|large|big)\b/iu.test(after))
      continue;
    // "the doubles match", "a doubles title": the game played in pairs, a noun.
    if (
      ending?.toLowerCase() === 'es' &&
      (/\b(?:the|a|an|in|of|mixed)\s+(?:[\p{Ll}-]+\s+)?$/iu.test(before) ||
        /^\s+(?:match|matches|title|titles|partner|partners|team|teams|final|finals|pair|pairs|specialist|player|players|event|rubber)\b/iu.test(
          after,
        ))
    )
      continue;
    if (twice !== undefined) {
      if (!hedged && !TWICE_COMPARES.test(after)) continue;
    } else if (
      ending?.toLowerCase() === 'e' &&
      !hedged &&
      !MAKES_MULTIPLE_A_VERB.test(before) &&
      !COMPARES_SCALE.test(after)
    ) {
      continue;
    }
    const value = twice !== undefined ? 2 : MULTIPLE_BY_STEM[(stem ?? fold)!.toLowerCase()]!;
    yield { start: match.index, end, figure: { unit: 'multiple', value } };
  }
}

/**
 * "several hundreds of millions of dollars": the floor is the largest unit
 * named (a hundred million), as the labelling guide reads such amounts.
 */
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
        value: magnitudeValue * scaleValue,
        ...(rate ? { per: rate.per } : {}),
        vague: true,
      },
    };
  }
}

/** How many of a magnitude "several" stands for. */
const SEVERAL = 3;

/**
 * "hundreds of services", "tens of thousands", "several hundred", "a few
 * thousand followers": counts of unknown size, with the order of magnitude as
 * the floor. A bare "hundreds" needs what it counts ("hundreds of items");
 * amounts of money and spans of time ("hundreds of years") are not counts.
 */
function* vagueCountFigures(sentence: string): Generator<Found> {
  for (const match of sentence.matchAll(VAGUE_COUNT)) {
    const { hedge, single, magnitude, scale } = match.groups!;
    const end = match.index + match[0].length;
    const tokens = countTokens(sentence, end);
    const noun = countedNoun(tokens, { quantity: true, ofAnyNoun: true });
    const subject = noun;
    const ofWhat = tokens[0]?.word === 'of' ? tokens[1]?.word.toLowerCase().replace(/[“"‘”’]/gu, '') : undefined;
    if (ofWhat && (isMoneyNoun(ofWhat) || DURATION_WORDS.has(ofWhat) || MEASURE_NOUNS.test(ofWhat))) continue;
    const standsAlone = single !== undefined || scale !== undefined;
    if (!subject && !standsAlone) continue;
    const magnitudeWord = (single ?? magnitude)!.toLowerCase().replace(/s$/u, '');
    // "several hundred" is read as three hundred, as the labelling guide reads it; "a few" keeps the floor.
    const several = hedge !== undefined && /^several$/iu.test(hedge) ? SEVERAL : 1;
    const value =
      several *
      MAGNITUDE_VALUES[magnitudeWord]! *
      (scale ? MAGNITUDE_VALUES[scale.toLowerCase().replace(/s$/u, '')]! : 1);
    yield {
      start: match.index,
      end: subject?.end ?? end,
      figure: { unit: 'count', value, vague: true, ...(subject ? { subject: subject.subject } : {}) },
    };
  }
}

/**
 * The hedge written right before position `at`, if any. A hedge ends in a
 * letter, so the pattern only runs when one stands before the spaces: text
 * dense with numbers ("5 5 5 …") then costs one look per number.
 */
function hedgeBefore(sentence: string, at: number): { match: RegExpExecArray; before: string } | undefined {
  let i = at - 1;
  while (i >= 0 && /\s/u.test(sentence[i]!)) i--;
  if (i < 0 || i === at - 1 || !/\p{L}/u.test(sentence[i]!)) return undefined;
  const before = sentence.slice(Math.max(0, at - 40), at);
  const match = QUALIFIER_BEFORE.exec(before);
  // "top up to 80 percent", "went up to $5": "up" is the verb's, and the figure is the level reached, not a bound.
  if (match && /^up\s/iu.test(match.groups!.hedge!) && PARTICLE_UP_VERB.test(before.slice(0, match.index)))
    return undefined;
  return match ? { match, before } : undefined;
}

/** Verbs that take "up" as their own particle, right before "up to": "top up", "fill up", "went up". */
const PARTICLE_UP_VERB =
  /(?:^|[^\p{L}])(?:top|tops|topped|topping|fill|fills|filled|filling|charge|charges|charged|charging|go|goes|went|gone|going|climb|climbs|climbed|add|adds|added|build|builds|built|shot|jump|jumped|move|moved|ramp|ramped|scale|scaled)\s+$/iu;

/** The hedge before position `at` in lower case with single spaces ("more than"), if any. */
function hedgeWordBefore(sentence: string, at: number): string | undefined {
  return hedgeBefore(sentence, at)?.match.groups!.hedge!.toLowerCase().replace(/\s+/gu, ' ');
}

/** "at most" or "at least" a few words after a figure, ending its clause: "40 staff in the office at most)". */
const HEDGE_CLOSING_CLAUSE = /(?:\s+[\p{L}'’-]+){0,3}?\s+at\s+(?:the\s+)?(?<bound>most|least)(?=\s*(?:[,.;:)!?—]|$))/uy;

/** Extends a figure back over a hedge written right before it ("nearly $20 million"). */
function withQualifier(sentence: string, item: Found): Found {
  const found = hedgeBefore(sentence, item.start);
  if (!found) {
    // The verb stays out of the span ("had surpassed 100 million members"), but its hedge is the figure's.
    const verb = HEDGING_VERB_BEFORE.test(sentence.slice(Math.max(0, item.start - 20), item.start));
    if (verb) return { ...item, figure: { ...item.figure, qualifier: 'more than' } };
    // "a few hundred readers a day at most": a hedge closing the figure's clause is the figure's too.
    HEDGE_CLOSING_CLAUSE.lastIndex = item.end;
    const closing = HEDGE_CLOSING_CLAUSE.exec(sentence);
    return closing ? { ...item, figure: { ...item.figure, qualifier: `at ${closing.groups!.bound!}` } } : item;
  }
  const { match, before } = found;
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
    // "46 people, for some reason or another, visited it in the last week": an aside between a pair of
    // commas does not part a figure from its period.
    const gap = sentence.slice(from, to).replace(ASIDE, ' ');
    // "30,154 new cars, trucks and SUVs in October": the commas of a list of things counted do not part them.
    const isList = LIST_OF_WORDS.test(gap);
    return (
      (isList || !/[,;:()—!?]/u.test(gap)) && gap.trim().split(/\s+/u).filter(Boolean).length <= MAX_WORDS_TO_PERIOD
    );
  };
  const firstAfter = firstStartingAtOrAfter(periods, figure.end);
  const after = periods[firstAfter];
  const nextFigure = figures[index + 1];
  if (after && (!nextFigure || nextFigure.start >= after.start) && isNear(figure.end, after.start)) return after;
  const before = periods[firstStartingAtOrAfter(periods, figure.start) - 1];
  const previousFigure = figures[index - 1];
  if (
    before &&
    (!previousFigure || previousFigure.end <= before.start) &&
    isNear(before.end, figure.start) &&
    !(
      /^\s+that\b/u.test(sentence.slice(before.end, figure.start)) &&
      SAYING_BEFORE.test(sentence.slice(0, before.start))
    )
  )
    return before;
  return undefined;
}
const MAX_WORDS_TO_PERIOD = 5;
/** A short aside set off by a pair of commas: ", for some reason or another, ". */
const ASIDE = /,\s+(?:[^\s,;:()—!?\d]+\s+){0,5}[^\s,;:()—!?\d]+,\s+/gu;
/**
 * A verb of saying or finding right before a period, which "that" follows: "Groups estimated this year that
 * a 9% rise was needed". The period dates the saying, not the figure of the clause "that" opens (a relative
 * "that", as in "one outage last month that affected 2 million people", follows a noun, not such a verb).
 */
const SAYING_BEFORE =
  /\b(?:said|says|say|told|estimated|estimates?|reported|reports?|announced|announces?|predicted|predicts?|expected|expects?|forecast|forecasts?|projected|believed|believes?|thought|thinks?|found|finds?|showed|shows?|warned|warns?|noted|notes?|argued|argues?|claimed|claims?|concluded|concludes?)\s+$/iu;
/** The rest of a list of one-word items after a figure: ", trucks and SUVs ". */
const LIST_OF_WORDS = /^(?:,\s*[\p{L}-]+)*,?\s+(?:and|or)\s+[\p{L}-]+\s*$/u;

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
  // "I've been using email since the early 1990s, I have …": a clause with a verb of its own keeps its period.
  if (HAS_A_VERB.test(clause)) return undefined;
  if (figures.some((figure) => figure.start >= clauseStart && figure.start < comma)) return undefined;
  return periods.find((period) => period.start >= clauseStart && period.end <= comma);
}

/** A subject pronoun, an auxiliary or a lower-case verb form: what an adverbial opening phrase lacks. */
const HAS_A_VERB =
  /(?<![\p{L}'’])(?:I|we|you|he|she|they|is|are|was|were|be|been|has|have|had|do|does|did|will|would|\p{Ll}{2,}(?:ed|ing))(?![\p{L}'’])|\p{L}['’](?:ve|re|ll|d)(?![\p{L}])/u;

/** "As of March" → "as of March", "Wednesday" stays: a period is quoted mid-sentence, so its first word loses a sentence capital. */
function normalisePeriod(period: string): string {
  return period.replace(/^[A-Z][a-z]+\b/u, (word) => (MONTH_NAMES.test(word) ? word : word.toLowerCase()));
}
const MONTH_NAMES = new RegExp(`^(?:${MONTH}|${WEEKDAY})$`, 'u');

/** Parses "1,200" or "2.5" and applies a scale word or letter ("billion", "bn", "B"). */
function numberValue(digits: string, scale?: string): number {
  const [whole, fraction = ''] = digits.replaceAll(',', '').split('.');
  const multiplier = scale ? SCALE_VALUES[scale.toLowerCase()]! : 1;
  // Integer arithmetic first, one division last: 1.2 trillion is exactly 1200000000000.
  return (Number(whole! + fraction) * multiplier) / 10 ** fraction.length;
}
