/**
 * Says what a figure measures and whether it is a fact or a forecast, read
 * from the words of its own sentence: "Azure revenue growth of 29 percent" is
 * a reported "Azure revenue growth"; "Microsoft anticipates … 28–29 percent"
 * is the same measure, expected by Microsoft. The popover labels a figure with
 * its measure, and `measureKey` lets figures of one measure be grouped.
 *
 * How it works: the sentence is cut into clauses at punctuation, and the words
 * around the figure are read with a few English patterns, strongest first: a
 * noun phrase before "of" ("a loss of $5M"), after the figure ("a $9B
 * investment", "$6M in sales", "40% of revenue"), a verb that names the
 * measure ("costs $500" is a price, "spent $2B on X" is spending, "sales fell
 * 5%" is a fall in sales), and the clause's subject. A short word list tells
 * nouns from verbs; no tagger is needed, which keeps a thousand articles well
 * under a second. Pure: plain strings in, plain data out.
 */
import type { FigurePer, FigureStatus, FigureUnit } from '../facts/schema';
import { clauseAround, readFigureStatus } from './figure-status';

/** What `describeFigures` needs of a figure: where it is and what kind of amount it is. */
export interface FigureInSentence {
  text: string;
  offset: number;
  unit: FigureUnit;
  per?: FigurePer;
  /** For counts: what is counted ("global experts"). */
  subject?: string;
}

/** What a figure measures and whether it is a fact or a forecast. */
export interface FigureMeaning {
  /** A short noun phrase from the sentence: "Azure revenue growth", "price of purple cables". */
  measure?: string;
  /** `measure`'s content words, stemmed and sorted: "azure growth revenu". */
  measureKey?: string;
  status: FigureStatus;
  /** Who expects or projects it, when the sentence says: "Microsoft", "analysts". */
  statusBy?: string;
}

// ---------------------------------------------------------------------------
// Words

/** Function words: they end a noun phrase read backwards or forwards. */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those its their his her our my your it they he she we i you them him us ' +
    'and or but nor so yet as at by for from in into of on onto over per than to up down with without about ' +
    'after before since until while when where which who whom whose what how why if whether because though although ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'not no also just only even still already now then there here more most less least very too all some any each every ' +
    'both either neither other another such own same one versus vs against'
  ).split(' '),
);

/** Determiners and possessives that may open a noun phrase and are dropped from a measure. */
const DETERMINERS = new Set(
  'a an the this that these those its their his her our my your some any each every'.split(' '),
);

/** Auxiliaries and adverbs skipped between a subject and its verb ("sales are down", "was reportedly"). */
const AUXILIARIES = new Set(
  'is are was were be been being has have had do does did will would shall should can could may might must also still now already reportedly'.split(
    ' ',
  ),
);

/** Verbs that are not regular "-ed" or "-ing" forms but often carry a figure. */
const IRREGULAR_VERBS = new Set(
  (
    'laid bought sold paid spent made built sent lost won held hit cut put set grew rose fell took gave got brought sought drew ran saw told said says tells ' +
    'anticipates expects reports reveals plans targets forecasts estimates posts sees shows hopes wants needs seeks owns employs has'
  ).split(' '),
);

/** Nouns that say nothing alone: "a total of", "the number of" hand over to what follows or precedes. */
const GENERIC_NOUNS = new Set(['total', 'number', 'sum', 'amount', 'figure', 'level', 'tally', 'count']);

/** Words that mark a forecast rather than what the measure is ("its projected growth" measures growth). */
const FORECAST_WORDS = new Set([
  'projected',
  'expected',
  'estimated',
  'forecast',
  'anticipated',
  'planned',
  'targeted',
]);

/** Verbs whose object or complement is a price. */
const PRICE_VERBS =
  /^(?:cost|costs|costing|priced|prices|sell|sells|selling|sold|retail|retails|retailing|launch|launches|launched|launching|charge|charges|charged|charging|closed|close|closes|ended|opened|traded|trades|trading|fetch|fetches|fetched|listed)$/u;
const PAY_VERBS = /^(?:pay|pays|paying|paid|shell|shells|shelled|fork|forks|forked)$/u;
const SPEND_VERBS = /^(?:spend|spends|spending|spent|invest|invests|investing|invested)$/u;
const RAISE_VERBS = /^(?:raise|raises|raising|raised)$/u;
const BUY_VERBS = /^(?:buy|buys|buying|bought|acquire|acquires|acquiring|acquired)$/u;
const VALUE_VERBS = /^(?:valued|values|worth)$/u;
const EARN_VERBS = /^(?:earn|earns|earning|earned|generate|generates|generated|generating)$/u;
const LOSE_VERBS = /^(?:lose|loses|losing|lost)$/u;
/** "fined Acme $5 million", "was fined $5 million": a fine. */
const FINE_VERBS = /^(?:fine|fines|fined|fining|penalized|penalised)$/u;
const SAVE_VERBS = /^(?:save|saves|saving|saved)$/u;
/** "It will start at $44,000": the lowest price of what is sold. */
const START_VERBS = /^(?:start|starts|started|starting)$/u;
/** "The index added 0.2%": a rise when the figure is a percentage. */
const ADD_VERBS = /^(?:add|adds|added)$/u;
/** Verbs that say a figure is a part of a whole: "representing 14 percent of all sales". */
const SHARE_VERBS =
  /^(?:represent|represents|representing|represented|comprise|comprises|comprising|constitute|constitutes|constituting)$/u;
/** Words in the sentence before "for $X" that make the amount a purchase price: "by acquiring the stake …, for $13". */
const PURCHASE_CUE =
  /^(?:acquire|acquires|acquiring|acquired|acquisition|buy|buys|buying|bought|purchase|purchases|purchasing|purchased|takeover)$/iu;
const RISE_VERBS =
  /^(?:rise|rises|rising|rose|risen|up|strengthen|strengthens|strengthened|advance|advances|advanced|grow|grows|growing|grew|grown|increase|increases|increased|increasing|jump|jumps|jumped|climb|climbs|climbed|gain|gains|gained|surge|surges|surged|soar|soars|soared|expand|expands|expanded|boost|boosts|boosted)$/u;
const FALL_VERBS =
  /^(?:fall|falls|falling|fell|fallen|down|weaken|weakens|weakened|drop|drops|dropped|decline|declines|declined|decrease|decreases|decreased|plunge|plunges|plunged|slip|slips|slipped|sink|sinks|sank|shrink|shrinks|shrank|tumble|tumbled|slide|slid|reduce|reduces|reduced|lower|lowered|cut|cuts|cutting)$/u;

/** Words in "-ing" that modify a noun rather than act as verbs: "operating income", "selling price". */
const ING_MODIFIERS =
  /^(?:operating|selling|marketing|advertising|spending|funding|shipping|pricing|manufacturing|banking|trading|lending|housing|accounting|computing|streaming|gaming|recurring|remaining|existing|outstanding|leading|closing|opening|starting|asking|average|underlying)$/iu;

/** Nouns after a money figure that name the measure itself ("a $9B investment"); other nouns are things priced. */
const MONEY_MEASURE_NOUNS = new Set(
  (
    'investment investments deal deals loss losses profit profits revenue revenues sales budget fund funding round order ' +
    'contract acquisition takeover bid fine fines settlement package stake discount boom market valuation payout bonus ' +
    'salary loan loans debt bill grant raise premium tax tariff subsidy penalty deficit surplus spending cost costs ' +
    'income earnings dividend buyback offering ipo jackpot prize award donation gift bailout stimulus program programme ' +
    'plan project expansion cut cuts increase rise drop fall gain surge jump decline bond bail fee fees fare ransom rent ' +
    'reward compensation damages refund wage wages'
  ).split(' '),
);

/** Nouns of change, which need what changed: "a 245% surge" after "its stock price" is a stock price surge. */
const CHANGE_NOUNS = new Set(
  'surge rise increase jump gain growth drop fall decline decrease cut plunge slide climb boost'.split(' '),
);

/** Words of a period: a "measure" made only of these ("last month", "third quarter") is a misreading. */
const TIME_WORDS =
  /^(?:last|this|next|previous|past|first|second|third|fourth|quarter|half|year|month|week|day|today|yesterday|ago|earlier|later|from|since|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/iu;

/** Pronouns that point back to the sentence's subject ("its projected growth" is Microsoft's). */
const POSSESSIVE_PRONOUNS = /^(?:its|it|their|they|you|we|i|he|she)$/iu;

/** Adverbs that sit between a subject and a figure ("newsrooms are often half the size"). */
const ADVERBS =
  /^(?:(?!(?:daily|weekly|monthly|quarterly|yearly|early|family|supply|assembly|rally|elderly|friendly)$)\p{Ll}{3,}ly|often|otherwise|still|already|almost|soon|now|then|ever|never)$/u;

/** Words that open a subordinate clause before its subject ("while sedan sales are down 12 percent"). */
const SUBORDINATORS = new Set(
  'while although though as because whereas but and if when since so yet unless until after before'.split(' '),
);

/** Nouns of a figure that compares ("the March high of 21.8 percent"): the measure is what an earlier figure measured. */
const COMPARISON_HEADS = new Set(
  'high low peak record average level rate median estimate estimates forecast forecasts expectations consensus'.split(
    ' ',
  ),
);

/** Head nouns of a subscription: "a $119-a-year shipping program" is the programme's price. */
const SUBSCRIPTION_NOUNS = new Set(
  'program programme plan subscription membership service tier package bundle pass'.split(' '),
);

/** Verbs that make the figure what their subject is: "the stock is $8.5". */
const COPULAS = /^(?:is|was|are|were|be|been|remains|remained|stands|stood|stays|stayed|becomes|became)$/iu;
/** Characters read back from a bare "down 1.8%" for the clause whose subject changed. */
const WINDOW_BEFORE_CHANGE = 120;
/** Verbs that report or forecast results: what they give per share is earnings. */
const EARNINGS_REPORT_VERBS =
  /^(?:reported|reports|posted|posts|predicted|predicts|forecast|forecasts|estimated|estimates|expected|expects|projected|projects)$/iu;
/** Verbs of saying or believing, with the "that" after them: what follows is a clause of its own. */
const SAYING_VERBS = /^(?:said|says|say|told|tells|noted|added|believes|believe|thinks|think|expects|expect|that)$/iu;
/** Subjects whose amount of money is a share price: "the stock is $8.5". */
const STOCK_NOUNS = /^(?:stock|stocks|shares)$/iu;

/** Nouns a verb's form may modify ("retail price", "closing price", "selling point"). */
const MODIFIED_NOUNS = /^(?:price|prices|sales|value|values|store|stores|market|markets|point|points)$/iu;

/** Words that open a clause inside a clause, with no comma before them. */
const CLAUSE_OPENERS = /^(?:while|whereas|although|though|because)$/iu;

/** Nouns that "double the", "half the" compare ("double the number in 2017", "half the size"). */
const SCALE_NOUNS = new Set('size number amount total level rate price cost value figure'.split(' '));

// ---------------------------------------------------------------------------
// Tokens and clauses

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}$€£¥][\p{L}\p{N}'’&-]*(?:\.(?=[\p{L}\p{N}])[\p{L}\p{N}'’&-]*)*/gu;
function wordsOf(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words.filter((word) => word.end <= to);
}

const bare = (word: string) => word.replace(/^[“"‘]|[”"’]$/gu, '').replace(/['’]s$/u, '');
const lower = (word: string) => word.toLowerCase();
const isFunctionWord = (word: string) => FUNCTION_WORDS.has(lower(bare(word)));
const isVerbLike = (word: string) => {
  const w = lower(word);
  // "GateHouse-owned", "long-awaited": a hyphenated form is an adjective.
  return IRREGULAR_VERBS.has(w) || (/(?:ed|ing)$/u.test(w) && w.length > 4 && !w.includes('-')) || AUXILIARIES.has(w);
};
const isNumberWord = (word: string) => /\p{N}/u.test(word) && !/\p{L}{2}/u.test(word);
const isContentWord = (word: string | undefined) =>
  word !== undefined && !isFunctionWord(word) && !isNumberWord(word) && !isVerbLike(word) && !ADVERBS.test(word);

/** Nouns that make a preposition of three words with the one before and "of": "in lieu of", "on behalf of". */
const PREPOSITION_NOUNS = new Set(
  'lieu place excess spite front terms case favor favour view light respect search behalf top account means'.split(' '),
);

/**
 * The noun phrase that ends right before index `end` of `words` (exclusive):
 * up to `max` words that are neither function words nor verbs; leading
 * determiners and forecast words are dropped.
 */
function nounPhraseEndingAt(words: readonly Word[], end: number, max = 4): Word[] {
  let start = end;
  while (start > 0 && end - start < max) {
    const word = words[start - 1]!.text;
    if (isFunctionWord(word) || isNumberWord(word) || ADVERBS.test(word)) break;
    if (isVerbLike(word) && !/^\p{Lu}/u.test(word) && start < end && !ING_MODIFIERS.test(word)) break;
    if (isVerbLike(word) && !/^\p{Lu}/u.test(word) && !/ing$/u.test(word)) break;
    start--;
  }
  return words.slice(start, end).filter((word) => !FORECAST_WORDS.has(lower(word.text)));
}

/**
 * The noun phrase that starts at index `start` of `words`: determiners
 * skipped, then words up to a verb or a second function word; "of", "for",
 * "on" and "by" may join a second phrase ("revenue generated by X's division").
 */
function nounPhraseStartingAt(words: readonly Word[], start: number, max = 8): Word[] {
  let i = start;
  // "all vehicle sales" measures vehicle sales.
  while (i < words.length && (DETERMINERS.has(lower(words[i]!.text)) || lower(words[i]!.text) === 'all')) i++;
  const phrase: Word[] = [];
  for (; i < words.length && phrase.length < max; i++) {
    const word = words[i]!.text;
    const w = lower(bare(word));
    if (ADVERBS.test(word)) continue;
    if (['of', 'on', 'for', 'by', 'in', 'to', 'per'].includes(w) && phrase.length > 0) {
      const next = words[i + 1]?.text;
      if (!next || (isFunctionWord(next) && !DETERMINERS.has(lower(next)))) break;
      // "Whole Foods in August 2017": a period ends the phrase.
      if (TIME_WORDS.test(next)) break;
      phrase.push(words[i]!);
      continue;
    }
    if (DETERMINERS.has(w) && phrase.length > 0 && /^(?:of|on|for|by|in|to)$/u.test(lower(phrase.at(-1)!.text)))
      continue;
    // "Truck and SUV sales": a conjunction joins two words of one phrase when a content word follows.
    if ((w === 'and' || w === 'or') && phrase.length > 0 && isContentWord(words[i + 1]?.text)) {
      phrase.push(words[i]!);
      continue;
    }
    if (isFunctionWord(word) || isNumberWord(word)) break;
    if (
      isVerbLike(word) &&
      phrase.length > 0 &&
      !/^(?:generated|made|owned|built|sold)$/u.test(w) &&
      !(ING_MODIFIERS.test(w) && words[i + 1] && !isFunctionWord(words[i + 1]!.text))
    )
      break;
    phrase.push(words[i]!);
  }
  while (phrase.length && /^(?:of|on|for|by|in|to|generated|made|owned|built|sold)$/u.test(lower(phrase.at(-1)!.text)))
    phrase.pop();
  return phrase;
}

const phraseText = (phrase: readonly Word[]) =>
  phrase
    .map((word) => word.text.replace(/^[“"‘]|[”"’]$/gu, ''))
    .join(' ')
    .trim();

/** The subject of a clause: its noun phrase before its first verb, without trailing prepositional phrases. */
function clauseSubject(words: readonly Word[], before: number): Word[] {
  // "while sedan sales are down": the subject follows the word that subordinates its clause.
  let first = 0;
  while (first < words.length && SUBORDINATORS.has(lower(words[first]!.text))) first++;
  if (first > 0) return clauseSubject(words.slice(first), before - first);
  let verbAt = -1;
  for (let i = 0; i < Math.min(before, words.length); i++) {
    const w = lower(words[i]!.text);
    // "the average retail price": a verb's form before a noun it modifies is no verb.
    const modifiesNoun = MODIFIED_NOUNS.test(words[i + 1]?.text ?? '');
    // "Adjusted earnings were …": a capitalised participle opening the sentence describes its subject.
    if (i === 0 && /^\p{Lu}/u.test(words[i]!.text) && !AUXILIARIES.has(w) && !IRREGULAR_VERBS.has(w)) continue;
    // "Home prices climbed": a form that could be a verb is the subject's noun when a verb follows it.
    const next = lower(words[i + 1]?.text ?? '');
    const nounBeforeVerb =
      i > 0 && /s$/u.test(w) && (/^\p{Ll}+ed$/u.test(next) || RISE_VERBS.test(next) || FALL_VERBS.test(next));
    if (
      !modifiesNoun &&
      !nounBeforeVerb &&
      (isVerbLike(words[i]!.text) || RISE_VERBS.test(w) || FALL_VERBS.test(w) || PRICE_VERBS.test(w))
    ) {
      verbAt = i;
      break;
    }
  }
  if (verbAt <= 0) return [];
  // "Dealers last year sold": a period ends the subject.
  const timeAt = words.findIndex((word, index) => index > 0 && index < verbAt && TIME_WORDS.test(word.text));
  if (timeAt > 0) verbAt = timeAt;
  // "New vehicle sales in the Houston area plunged": the subject ends at its first preposition.
  let end = verbAt;
  for (let i = 0; i < verbAt; i++) {
    if (['in', 'on', 'at', 'across', 'around', 'from'].includes(lower(words[i]!.text)) && i > 0) {
      end = i;
      break;
    }
  }
  return nounPhraseStartingAt(words.slice(0, end), 0, 8);
}

// ---------------------------------------------------------------------------
// Measures

/** A measure and how it was read, so later figures of the sentence can lean on it. */
interface Read {
  measure?: string;
  /** The measure of what changed ("stock price"), for figures that say only "surge" or "to $143.61". */
  base?: string;
  /** What a count counted ("employees"), for a later count that leaves it out ("… and 300 more"). */
  counted?: string;
}

const RATE_ADJECTIVE: Partial<Record<FigurePer, string>> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'annual',
};

function readMeasure(sentence: string, figure: FigureInSentence, previous: readonly Read[]): Read {
  const figureEnd = figure.offset + figure.text.length;
  const clause = clauseAround(sentence, figure.offset, figureEnd);
  // "The average price of a truck was $41,640 while the average price for a sedan was $31,627": a word such as
  // "while" opens a clause of its own, with no punctuation before it.
  const leftOfClause = wordsOf(sentence, clause.start, figure.offset);
  // "… comes even as the rate stayed below 6 percent": "as" after "even" opens one too.
  const left = leftOfClause.slice(
    findLastIndex(
      leftOfClause,
      (word, index) =>
        CLAUSE_OPENERS.test(word.text) ||
        (lower(word.text) === 'as' && lower(leftOfClause[index - 1]?.text ?? '') === 'even') ||
        // "… to $55 per barrel and Brent was at $60": "and" between a lower-case word and a name joins a new clause.
        (lower(word.text) === 'and' &&
          /^[\p{Ll}\d]/u.test(leftOfClause[index - 1]?.text ?? '') &&
          /^\p{Lu}/u.test(leftOfClause[index + 1]?.text ?? '') &&
          (COPULAS.test(leftOfClause[index + 2]?.text ?? '') || isVerbLike(leftOfClause[index + 2]?.text ?? ''))),
    ) + 1,
  );
  let right = wordsOf(sentence, figureEnd, clause.end);
  // "46 people, for some reason or another, visited my profile": an aside between a pair of commas right after
  // the figure does not part it from the rest of its clause.
  const aside =
    right.length === 0 && figure.unit === 'count' ? /^,[^,;:.()]{1,40},\s*/u.exec(sentence.slice(clause.end)) : null;
  if (aside) {
    const resumed = clause.end + aside[0].length;
    right = wordsOf(sentence, resumed, clauseAround(sentence, resumed, resumed).end);
  }
  const isMoney = /^[A-Z]{3}$/u.test(figure.unit);
  const lastBase = previous.findLast((read) => read.base)?.base;

  // Skip hedges right before the figure, and "a total of" (it says nothing of what is measured).
  let leftEnd = left.length;
  const skippable =
    /^(?:a|an|the|some|just|only|additional|roughly|nearly|almost|about|around|over|under|more|less|than|up|to|at|least|most)$/iu;
  while (leftEnd > 0 && skippable.test(left[leftEnd - 1]!.text) && !(leftEnd === left.length - 0 && false)) {
    // "up to" and "to" keep their "to" when it is not a hedge ("this year to $143.61").
    if (/^to$/iu.test(left[leftEnd - 1]!.text) && !/^up$/iu.test(left[leftEnd - 2]?.text ?? '')) break;
    // ", up 0.35%": "up" is a hedge only in "up to".
    if (/^up$/iu.test(left[leftEnd - 1]!.text) && !/^to$/iu.test(left[leftEnd]?.text ?? '')) break;
    leftEnd--;
  }
  if (leftEnd >= 2 && lower(left[leftEnd - 1]!.text) === 'of' && GENERIC_NOUNS.has(lower(left[leftEnd - 2]!.text))) {
    leftEnd -= 2;
    while (leftEnd > 0 && DETERMINERS.has(lower(left[leftEnd - 1]!.text))) leftEnd--;
  }

  // "…, 77 percent were aged 26 or above, 65 percent were white": a share that is the subject of "were" is the
  // share of whom the rest of the clause says so (a survey's breakdown). Not "5% is expected", "10% was up".
  if (
    figure.unit === 'percent' &&
    // Nothing of its own clause before it ("Growth of 5% was strong" measures growth).
    leftEnd === 0 &&
    right.length >= 2 &&
    /^(?:were|was|are|is)$/iu.test(right[0]!.text) &&
    !/^(?:expected|likely|set|due|about|around|up|down|higher|lower|more|less|the|a|an|from|to|in|at|on|by|for|of|still|now|also|not|just|only|projected|forecast|estimated)$/iu.test(
      right[1]!.text,
    )
  ) {
    const predicate = right.slice(1, 7);
    const stop = predicate.findIndex((word) => /^(?:and|but|while|whereas|compared|according)$/iu.test(word.text));
    return {
      measure: `share that ${lower(right[0]!.text)} ${phraseText(stop >= 0 ? predicate.slice(0, stop) : predicate)}`,
    };
  }

  // "the $20 reportedly demanded by Roe": an amount asked or offered for something is a price.
  if (isMoney) {
    const at = /^\p{Ll}+ly$/u.test(right[0]?.text ?? '') ? 1 : 0;
    const verb = lower(right[at]?.text ?? '');
    if (/^(?:demanded|asked|sought|offered|proposed|requested)$/u.test(verb)) {
      const by = lower(right[at + 1]?.text ?? '') === 'by' ? phraseText(nounPhraseStartingAt(right, at + 2, 3)) : '';
      return { measure: by ? `price ${verb} by ${by}` : `price ${verb}` };
    }
  }

  // "rose 7/32 in price to yield 1.786%", "a yield of 2%": a yield is what the figure measures, of the clause's subject.
  if (figure.unit === 'percent' && leftEnd > 0 && /^yields?$/iu.test(left[leftEnd - 1]!.text)) {
    const verbAt = findLastIndex(left.slice(0, leftEnd - 1), (word) => isMeasureVerb(word.text));
    const of = verbAt >= 0 ? subjectOf(sentence, clause, left, verbAt, previous) : '';
    return { measure: of ? `yield of ${of}` : 'yield', base: 'yield' };
  }
  // "Sales totaled $4.5 billion, compared with $4.1 billion a year ago": what it is compared with is the same
  // measure, at another time.
  if (
    leftEnd >= 2 &&
    /^(?:with|to)$/iu.test(left[leftEnd - 1]!.text) &&
    /^(?:compared|compares|comparing|versus)$/iu.test(left[leftEnd - 2]!.text) &&
    lastBase
  )
    return { measure: lastBase, base: lastBase };
  // "revenue between $90 billion and $93 billion": the noun a range stands after is what it measures.
  if (
    /^between\s/iu.test(figure.text) &&
    leftEnd >= 1 &&
    !isVerbLike(left[leftEnd - 1]!.text) &&
    !isMeasureVerb(left[leftEnd - 1]!.text) &&
    !COPULAS.test(left[leftEnd - 1]!.text)
  ) {
    const text = phraseText(nounPhraseEndingAt(left, leftEnd));
    if (text && !TIME_WORDS.test(text)) return { measure: text, base: text };
  }
  // "…to 1.786%, down from 1.808%", "rose to 5% from 4%": the level it moved from is the same measure, earlier.
  if (
    leftEnd > 0 &&
    lower(left[leftEnd - 1]!.text) === 'from' &&
    // "…, up from $38,373 a year ago and from $34,410 in 2015": a second "from" joined to the first.
    (leftEnd === 1 || /^(?:up|down|and|or)$/iu.test(left[leftEnd - 2]!.text)) &&
    lastBase
  )
    return { measure: lastBase, base: lastBase };

  // "…, with the euro up 0.05%": an absolute phrase's noun is what changed.
  if (leftEnd >= 3 && /^(?:up|down)$/iu.test(left[leftEnd - 1]!.text)) {
    const withAt = findLastIndex(left.slice(0, leftEnd - 1), (word) => lower(word.text) === 'with');
    const changed = withAt >= 0 ? left.slice(withAt + 1, leftEnd - 1) : [];
    while (changed.length && DETERMINERS.has(lower(changed[0]!.text))) changed.shift();
    const text = phraseText(changed);
    if (text && changed.length <= 4 && changed.every((word) => !isVerbLike(word.text)))
      return { measure: `${/^up$/iu.test(left[leftEnd - 1]!.text) ? 'rise' : 'fall'} in ${text}`, base: text };
  }

  // "peer Acme stock is off too, down 1.8%": a bare change after a comma is a change in the previous clause's subject.
  if (leftEnd === 1 && left.length === 1 && /^(?:up|down)$/iu.test(left[0]!.text) && !lastBase) {
    const before = wordsOf(sentence, Math.max(0, clause.start - WINDOW_BEFORE_CHANGE), clause.start);
    const verbAt = findLastIndex(before, (word) => COPULAS.test(word.text) || isVerbLike(word.text));
    const changed = verbAt > 0 ? phraseText(nounPhraseEndingAt(before, verbAt)) : '';
    if (changed && !TIME_WORDS.test(changed))
      return { measure: `${/^up$/iu.test(left[0]!.text) ? 'rise' : 'fall'} in ${changed}`, base: changed };
  }

  // "$13 a share or $117.9 million": an amount joined by "or" to the one right before it says the same
  // thing in other terms, so it measures what that one does.
  const restated = previous.at(-1);
  if (
    restated?.measure &&
    leftEnd > 0 &&
    lower(left[leftEnd - 1]!.text) === 'or' &&
    leftEnd >= 2 &&
    (/\d/u.test(left[leftEnd - 2]!.text) ||
      /^(?:share|unit|each|day|week|month|quarter|year)$/iu.test(left[leftEnd - 2]!.text))
  )
    return restated;

  // "20% more powerful than the current model", "30% cheaper": a difference in the quality compared.
  if (figure.unit === 'percent' || figure.unit === 'multiple') {
    const [first, second] = right;
    const comparative =
      first &&
      /^(?:more|less)$/iu.test(first.text) &&
      second &&
      /^\p{Ll}[\p{Ll}-]+$/u.test(second.text) &&
      !isFunctionWord(second.text)
        ? 2
        : first && /^\p{Ll}+er$/u.test(first.text) && lower(second?.text ?? '') === 'than'
          ? 1
          : 0;
    if (comparative > 0) {
      const quality = right
        .slice(0, comparative)
        .map((word) => lower(word.text))
        .join(' ');
      const than =
        lower(right[comparative]?.text ?? '') === 'than'
          ? phraseText(nounPhraseStartingAt(right, comparative + 1, 4))
          : '';
      return { measure: than ? `${quality} than ${than}` : quality };
    }
  }

  // "bringing the total number of lander hopefuls to 14 firms": the number named before "to" is what counts.
  if (figure.unit === 'count' && leftEnd >= 3 && lower(left[leftEnd - 1]!.text) === 'to') {
    const ofAt = findLastIndex(left.slice(0, leftEnd - 1), (word) => lower(word.text) === 'of');
    if (ofAt > 0 && GENERIC_NOUNS.has(lower(left[ofAt - 1]!.text))) {
      const named = phraseText(left.slice(ofAt + 1, leftEnd - 1));
      if (named) return { measure: named, base: named, counted: named };
    }
  }

  // Counts: what is counted, with the verb that says what happened to it.
  // "If you look at the number of X, it's less than 100": the pronoun stands for the number named before.
  if ((figure.unit === 'count' && !figure.subject) || figure.unit === 'percent') {
    const named = POINTS_BACK.test(phraseText(left)) ? numberNamedBefore(sentence, clause.start) : undefined;
    if (named) return { measure: named, base: named };
  }

  const ofWhat = figure.unit === 'count' && !figure.subject ? countedAfterOf(right) : undefined;
  const counted =
    figure.unit === 'count'
      ? (figure.subject ??
        ofWhat ??
        previous.findLast((read) => read.counted)?.counted ??
        pluralNounBefore(left, sentence, clause))
      : undefined;
  if (counted) {
    const subject = counted.replace(/[“”"]/gu, '');
    // "bids for some 60 of the jets": a verb before the number is not what happened to the jets, but the
    // plural noun "for" follows is what the count is of ("bids for 60 jets", "orders for 30 planes").
    const forNoun = lower(left[leftEnd - 1]?.text ?? '') === 'for' ? left[leftEnd - 2] : undefined;
    const ofRequests =
      forNoun && /^\p{Ll}+s$/u.test(forNoun.text) && isContentWord(forNoun.text) && !isVerbLike(forNoun.text)
        ? { measure: `${forNoun.text} for ${subject}` }
        : undefined;
    const read = ofRequests ?? (ofWhat ? { measure: subject } : countMeasure(subject, left, leftEnd, right));
    // What was counted, with its verb, is what a change after it measures ("sold 300 cars, up 4 percent").
    return { ...read, base: read.measure, counted: subject };
  }

  // Rates written into the figure: "$1 billion in annual revenue".
  const inside = /\bin\s+(?<adjective>daily|weekly|monthly|quarterly|annual|yearly)\s+(?<noun>\p{Ll}+)$/u.exec(
    figure.text,
  );
  if (inside) return { measure: `${inside.groups!.adjective} ${inside.groups!.noun}` };

  // "<noun phrase> of FIGURE": "Azure revenue growth of 29 percent", "a loss of $304.7 million".
  if (leftEnd > 0 && lower(left[leftEnd - 1]!.text) === 'of') {
    const phrase = nounPhraseEndingAt(left, leftEnd - 1);
    const text = phraseText(phrase);
    const head = lower(phrase.at(-1)?.text ?? '');
    // "in lieu of $70,000 bond", "in excess of $5": a preposition of three words names no measure.
    const compoundPreposition =
      phrase.length === 1 && PREPOSITION_NOUNS.has(head) && /^(?:in|on|by|with)$/iu.test(left[leftEnd - 3]?.text ?? '');
    if (text && !GENERIC_NOUNS.has(head) && !compoundPreposition) {
      // "its projected growth of 30 to 31 percent" after "Azure revenue growth": the same measure.
      const earlier = previous.findLast((read) => read.measure && lower(read.measure).endsWith(lower(text)));
      // "fleet sales were up from 13.2 percent, still down from the March high of 21.8 percent": a high of
      // what an earlier figure measured.
      if (COMPARISON_HEADS.has(head) && lastBase && !lower(text).includes(lower(lastBase)))
        return { measure: `${lastBase} (${text})`, base: lastBase };
      // "a contribution of $124 million to its pension fund": what it goes to completes the measure.
      const to = lower(right[0]?.text ?? '') === 'to' ? phraseText(nounPhraseStartingAt(right, 1, 3)) : '';
      const goesTo = to && !TIME_WORDS.test(to.split(' ')[0]!) ? ` to ${to}` : '';
      // "sold 17.3 million new vehicles, an increase of 0.3 percent": a bare change of what was just measured.
      const changeOfEarlier =
        phrase.length === 1 && !earlier && CHANGE_NOUNS.has(head) && lastBase ? `${text} in ${lastBase}` : undefined;
      const measure =
        phrase.length === 1 && earlier?.measure ? earlier.measure : (changeOfEarlier ?? `${text}${goesTo}`);
      return { measure, base: measure };
    }
  }

  // "FIGURE of <noun phrase>": a share of something ("40% of revenue", "a quarter of the revenue").
  if (lower(right[0]?.text ?? '') === 'of' && (figure.unit === 'percent' || figure.unit === 'count')) {
    const what = phraseText(nounPhraseStartingAt(right, 1));
    // "some 60 of the jets" counts jets; it is no share.
    if (what && figure.unit === 'count') return { measure: what, counted: what };
    // "fleet sales …, representing 14.6 percent of all vehicle sales": the share the subject makes up.
    const shareVerb = findLastIndex(left.slice(0, leftEnd), (word) => SHARE_VERBS.test(lower(word.text)));
    const whole = shareVerb >= 0 ? subjectOf(sentence, clause, left, shareVerb, previous) : '';
    if (what) return { measure: whole ? `${whole} share of ${what}` : `share of ${what}` };
  }
  // "$10 worth of levels".
  if (lower(right[0]?.text ?? '') === 'worth' && lower(right[1]?.text ?? '') === 'of') {
    const what = phraseText(nounPhraseStartingAt(right, 2));
    if (what) return { measure: `value of ${what}` };
  }
  // "$6 million in sales", "$300 million in “synergies”"; "in its listing" says where, not what.
  if (isMoney && lower(right[0]?.text ?? '') === 'in' && !DETERMINERS.has(lower(right[1]?.text ?? ''))) {
    const what = phraseText(nounPhraseStartingAt(right, 1, 4));
    if (what && !/^\p{Lu}/u.test(what) && !/\p{N}/u.test(what)) return { measure: what, base: what };
  }

  // "a $9B investment", "a 245% surge", "the $279 Xbox One S": the figure modifies a noun.
  const modified = adjectivalNoun(right);
  if (modified) {
    const text = phraseText(modified);
    const head = lower(bare(modified.at(-1)!.text));
    if (CHANGE_NOUNS.has(head) && modified.length === 1 && lastBase) return { measure: `${lastBase} ${text}` };
    // "a $119-a-year shipping program": the price of a subscription, by its rate.
    if (isMoney && figure.per && figure.per !== 'unit' && SUBSCRIPTION_NOUNS.has(head))
      return { measure: `${RATE_ADJECTIVE[figure.per]} price of ${text}` };
    if (figure.unit !== 'count' && (!isMoney || MONEY_MEASURE_NOUNS.has(head) || figure.per === undefined))
      if (!isMoney || MONEY_MEASURE_NOUNS.has(head)) return { measure: text, base: text };
    if (isMoney) return { measure: `price of ${text}` };
  }

  // "The stock is $8.5", "the average price for a new sedan was $31,627": a copula makes the figure its subject's.
  if (leftEnd > 0 && figure.unit !== 'multiple' && COPULAS.test(left[leftEnd - 1]!.text)) {
    // "Management said comparable sales growth in 2019 will be 3.5%": the copula's subject follows the saying.
    const said = findLastIndex(left.slice(0, leftEnd), (word) => SAYING_VERBS.test(word.text)) + 1;
    let own = clauseSubject(left.slice(said), leftEnd - said);
    // "Q3 comps would have been": the noun phrase before the auxiliaries, when the subject read is only a time.
    if (own.every((word) => TIME_WORDS.test(word.text))) {
      let auxiliaries = leftEnd - 1;
      while (auxiliaries > said && AUXILIARIES.has(lower(left[auxiliaries - 1]!.text))) auxiliaries--;
      own = nounPhraseEndingAt(left, auxiliaries).filter((word, index) => index > 0 || !TIME_WORDS.test(word.text));
    }
    if (own.length && !POSSESSIVE_PRONOUNS.test(own[0]!.text)) {
      const text = phraseText(own);
      if (isMoney && STOCK_NOUNS.test(own.at(-1)!.text)) return { measure: shareMeasure(own), base: text };
      return { measure: text, base: text };
    }
  }

  // "Brent was last at $60.73", "the stock is now at $12": a level its subject stands at is its price.
  if (isMoney && left.length >= 2 && lower(left.at(-1)!.text) === 'at') {
    let copulaAt = left.length - 2;
    while (copulaAt > 0 && /^(?:last|now|still|currently|trading)$/iu.test(left[copulaAt]!.text)) copulaAt--;
    if (COPULAS.test(left[copulaAt]!.text)) {
      const words = clauseSubject(left, copulaAt + 1);
      const own = phraseText(words);
      if (own && STOCK_NOUNS.test(words.at(-1)!.text)) return { measure: shareMeasure(words), base: own };
      if (own) return { measure: `price of ${own}`, base: own };
    }
  }

  // "… by acquiring the stake, for $13 a share", "the Mario experience for $10": what is bought for the amount.
  // ("sell for $9" is left to the verb.)
  if (isMoney && lower(left[leftEnd - 1]?.text ?? '') === 'for' && !isMeasureVerb(left[leftEnd - 2]?.text ?? '')) {
    const bought = purchasedBefore(sentence, figure.offset);
    if (bought !== undefined) {
      // Named after the word the text uses: "bought" and "acquired" an acquisition, "purchase" a purchase.
      const price = /^purchas/iu.test(bought.cue)
        ? 'purchase price'
        : /^takeover/iu.test(bought.cue)
          ? 'takeover price'
          : 'acquisition price';
      return { measure: bought.what ? `${price} of ${bought.what}` : price };
    }
    const thing = phraseText(nounPhraseEndingAt(left, leftEnd - 1, 3));
    if (thing) return { measure: `price of ${thing}` };
  }

  // A verb before the figure names the measure.
  const verbIndex = findLastIndex(left.slice(0, leftEnd), (word) => isMeasureVerb(word.text));
  const subject = subjectOf(sentence, clause, left, verbIndex, previous);
  if (verbIndex >= 0) {
    const verb = lower(left[verbIndex]!.text);
    const between = left.slice(verbIndex + 1, leftEnd);
    const object = phraseText(nounPhraseStartingAt(between, 0, 5));
    if (PAY_VERBS.test(verb)) {
      const payee = between.find((word) => /^\p{Lu}/u.test(word.text));
      const rate = figure.per && figure.per !== 'unit' ? `${RATE_ADJECTIVE[figure.per]} ` : '';
      if (payee) return { measure: `${rate}payments to ${bare(payee.text)}` };
      return { measure: `${rate}price${subject ? ` of ${subject}` : ''}`.trim() };
    }
    if (START_VERBS.test(verb) && isMoney && lower(between[0]?.text ?? left[leftEnd]?.text ?? '') === 'at')
      return { measure: subject ? `starting price of ${subject}` : 'starting price' };
    // "Acme will sell Game A for $299": the price of what is sold, when one noun phrase stands before "for".
    if (
      /^(?:sell|sells|selling|sold|offer|offers|offered|offering|price|prices|priced)$/u.test(verb) &&
      lower(left[leftEnd - 1]?.text ?? '') === 'for' &&
      between.length > 1 &&
      object &&
      nounPhraseStartingAt(between, 0, 5).length ===
        between.length - 1 - between.filter((w) => DETERMINERS.has(lower(w.text))).length
    )
      return { measure: `price of ${object}`, base: object };
    if (PRICE_VERBS.test(verb)) {
      const prefix = /^launch/u.test(verb)
        ? 'launch price'
        : /^(?:closed|close|closes|ended)$/u.test(verb)
          ? 'closing price'
          : 'price';
      return { measure: subject ? `${prefix} of ${subject}` : prefix, ...(subject ? { base: subject } : {}) };
    }
    if (SPEND_VERBS.test(verb)) {
      const on = lower(right[0]?.text ?? '') === 'on' ? phraseText(nounPhraseStartingAt(right, 1, 4)) : '';
      return { measure: on ? `spending on ${on}` : 'spending' };
    }
    if (RAISE_VERBS.test(verb) && isMoney) return { measure: 'amount raised' };
    if (BUY_VERBS.test(verb)) return { measure: object ? `acquisition price of ${object}` : 'acquisition price' };
    if (VALUE_VERBS.test(verb)) {
      // "a lifeline from investor Acme worth $8 billion": the value of the noun "worth" follows, past the
      // phrase a preposition adds to it.
      let thing = verb === 'worth' ? nounPhraseEndingAt(left, verbIndex) : [];
      const before = verbIndex - thing.length - 1;
      if (thing.length && /^(?:from|of|by|with|for|to)$/iu.test(left[before]?.text ?? ''))
        thing = nounPhraseEndingAt(left, before);
      const text = phraseText(thing);
      if (text && !/^\p{Lu}/u.test(text)) return { measure: `value of ${text}` };
      // "The deal values Beta at $9 billion", "Beta is valued at $3 billion": the value of what is valued.
      if (verb !== 'worth') {
        const valued = verb === 'values' ? object : subject;
        if (valued && !/^(?:deal|offer|bid|transaction|agreement)$/iu.test(valued))
          return { measure: `value of ${valued}` };
      }
      return { measure: 'value' };
    }
    if (EARN_VERBS.test(verb)) return { measure: 'earnings' };
    if (FINE_VERBS.test(verb) && isMoney) return { measure: 'fine' };
    // "Acme lost 0.6%", "the index added 0.2%": a change in what lost or added it, not a loss or an addition of money.
    // "lost 0.06% to $1,737 a tonne": an amount of money after "to" is the new level of what changed.
    const toLevel = isMoney && lower(left[leftEnd - 1]?.text ?? '') === 'to';
    const changeVerb = (figure.unit === 'percent' || toLevel) && (LOSE_VERBS.test(verb) || ADD_VERBS.test(verb));
    if (LOSE_VERBS.test(verb) && !changeVerb) return { measure: 'loss' };
    if (SAVE_VERBS.test(verb)) return { measure: object ? `savings for ${object}` : 'savings' };
    if (verb === 'bid' || verb === 'bids' || verb === 'offered' || verb === 'offers') return { measure: 'bid' };
    if (RISE_VERBS.test(verb) || FALL_VERBS.test(verb) || changeVerb) {
      const rises = RISE_VERBS.test(verb) || ADD_VERBS.test(verb);
      const direction = rises ? 'rise' : /^cut/u.test(verb) ? 'cut' : 'fall';
      // "expand the fleet by 30%", "cut its rate by a quarter-point": the object changed.
      const what = object && lower(left[leftEnd]?.text ?? right[0]?.text ?? '') !== 'x' ? object : subject;
      const changed =
        lower(left[leftEnd]?.text ?? '') === 'by' || between.some((w) => lower(w.text) === 'by')
          ? object || subject
          : what;
      // "revenue rose 5% to $3 billion": the level a sum of money moves to is that sum, not a price.
      const head = lower(bare(changed.split(/\s+/u).at(-1) ?? ''));
      if (changed && toLevel && MONEY_MEASURE_NOUNS.has(head)) return { measure: changed, base: changed };
      if (changed && toLevel) return { measure: `price of ${changed}`, base: changed };
      if (changed) return { measure: `${direction} in ${changed.replace(/\s+by$/u, '')}`, base: changed };
      if (figure.unit === 'multiple' && lastBase) return { measure: lastBase };
    }
  }

  // "… this year to $143.61" after "stock price more than double": the changed measure's new value.
  if (lower(left[leftEnd - 1]?.text ?? '') === 'to' && lastBase) return { measure: lastBase };

  // "double the number in 2017", "half the size": a multiple of what an earlier figure measured, or of a size.
  if (
    figure.unit === 'multiple' &&
    lower(right[0]?.text ?? '') === 'the' &&
    SCALE_NOUNS.has(lower(right[1]?.text ?? ''))
  ) {
    const noun = lower(right[1]!.text);
    const earlier = previous.findLast((read) => read.measure)?.measure;
    if (earlier && GENERIC_NOUNS.has(noun)) return { measure: earlier };
    if (subject) return { measure: `${noun} of ${subject}` };
  }
  // "25 times their annual expenses": a multiple of what "times" takes, read from its determiner on.
  if (
    figure.unit === 'multiple' &&
    /\btimes$/iu.test(figure.text) &&
    /^(?:the|their|its|his|her|your|our|my)$/u.test(lower(right[0]?.text ?? ''))
  ) {
    const compared = phraseText(nounPhraseStartingAt(right, 1, 4));
    if (compared) return { measure: compared, base: compared };
  }
  // "Analysts predicted $2.52 a share", "it posted $1.10 per share": reported or forecast per share, an amount is
  // earnings per share, not a share price.
  if (
    isMoney &&
    figure.per === 'unit' &&
    /\b(?:(?:a|per)\s+share|per-share\s+earnings)$/iu.test(figure.text) &&
    left.slice(0, leftEnd).some((word) => EARNINGS_REPORT_VERBS.test(word.text))
  )
    return { measure: 'earnings per share' };
  // "at $16 a share": an amount for each unit is a price.
  if (isMoney && figure.per === 'unit') return { measure: subject ? `price of ${subject}` : 'price' };

  // The noun phrase right before the figure ("its stock price more than double").
  const nearby = nounPhraseEndingAt(left, leftEnd);
  if (nearby.length && figure.unit === 'multiple') {
    const text = phraseText(nearby);
    return { measure: text, base: text };
  }
  if (subject) return { measure: subject, base: subject };
  const near = phraseText(nearby);
  return near ? { measure: near, base: near } : {};
}

/** Words in "-ing" that are prepositions or pronouns, not what happens to what is counted. */
const ING_NOT_VERBS =
  /^(?:including|excluding|following|according|during|regarding|concerning|pending|nothing|something|everything|anything)$/iu;

/**
 * What a count measures: what it counts, with the verb that says what
 * happened to it ("employees laid off", "people view") or the noun it is
 * counted in ("newspapers in chain").
 */
function countMeasure(subject: string, left: readonly Word[], leftEnd: number, right: readonly Word[]): Read {
  // The verb right after what is counted, before any "and" that starts another predicate.
  // "four rounds of planned outages": what the counted noun is of completes it; no verb is in its complement.
  if (lower(right[0]?.text ?? '') === 'of') {
    const of = phraseText(nounPhraseStartingAt(right, 1, 3));
    if (of && !/\p{N}/u.test(of)) return { measure: `${subject} of ${of}` };
  }
  const upToAnd = right.slice(0, 4);
  const andAt = upToAnd.findIndex((word) => /^(?:and|or|but)$/iu.test(word.text));
  const nearRight = andAt >= 0 ? upToAnd.slice(0, andAt) : upToAnd;
  // "arrested six people Monday during a raid": "during" is a preposition, not what the people did.
  const verbAfter =
    nearRight
      .filter((word) => !AUXILIARIES.has(lower(word.text)) && !ING_NOT_VERBS.test(word.text))
      .find((word) => isVerbLike(word.text) && /^\p{Ll}/u.test(word.text)) ?? presentVerbAfter(right);
  const ofNoun = lower(left[left.length - 1]?.text ?? '') === 'of' ? nounPhraseEndingAt(left, left.length - 1, 2) : [];
  const ofText = phraseText(ofNoun);
  if (ofText && !GENERIC_NOUNS.has(lower(ofText))) return { measure: `${subject} in ${ofText}` };
  // "has subsidiaries in 15 countries", "stores in 40 states": the places counted are those with the things.
  const inNoun = lower(left[left.length - 1]?.text ?? '') === 'in' ? nounPhraseEndingAt(left, left.length - 1, 2) : [];
  const inText = phraseText(inNoun);
  if (inText && /s$/u.test(inText) && !TIME_WORDS.test(inText) && !isVerbLike(inNoun.at(-1)!.text))
    return { measure: `${subject} with ${inText}` };
  if (verbAfter) return { measure: `${subject} ${verbAfter.text}` };
  // "expects to hire 500 workers": the infinitive right before the count is what is to happen to it.
  const infinitive = left[leftEnd - 1];
  if (
    infinitive &&
    lower(left[leftEnd - 2]?.text ?? '') === 'to' &&
    /^\p{Ll}+$/u.test(infinitive.text) &&
    isContentWord(infinitive.text) &&
    !TIME_WORDS.test(infinitive.text)
  )
    return { measure: `${subject} to ${infinitive.text}` };
  // "killing two people": a participle in "-ing" right before the count is what happens to what is counted.
  const gerund = left[leftEnd - 1];
  if (
    gerund &&
    /^\p{Ll}{2,}ing$/u.test(gerund.text) &&
    !ING_NOT_VERBS.test(gerund.text) &&
    !/^(?:totaling|totalling|numbering|reaching|being|having)$/u.test(gerund.text) &&
    !TIME_WORDS.test(gerund.text)
  )
    return { measure: `${subject} ${pastParticiple(gerund.text)}` };
  // Before the figure only a past form reads as what happened to it ("laid off 60 employees"); a present one
  // says it in the past participle ("employs 2,300 people" counts people employed).
  const verbBefore = left
    .slice(Math.max(0, leftEnd - 3), leftEnd)
    .reverse()
    .find(
      (word) =>
        isVerbLike(word.text) &&
        !/ing$/u.test(word.text) &&
        !AUXILIARIES.has(lower(word.text)) &&
        /^\p{Ll}/u.test(word.text),
    );
  if (verbBefore) {
    const particle = left[left.indexOf(verbBefore) + 1]?.text;
    const form = pastParticiple(verbBefore.text);
    const verb = particle && /^(?:off|out|up|down)$/u.test(particle) ? `${form} ${particle}` : form;
    return { measure: `${subject} ${verb}` };
  }
  return { measure: subject };
}

/** Past participles of present forms that do not take "-ed". */
const IRREGULAR_PARTICIPLES: Record<string, string> = {
  sells: 'sold',
  buys: 'bought',
  pays: 'paid',
  makes: 'made',
  builds: 'built',
  sends: 'sent',
  holds: 'held',
  wins: 'won',
  loses: 'lost',
  cuts: 'cut',
  puts: 'put',
  sets: 'set',
  takes: 'taken',
  gives: 'given',
  gets: 'got',
  brings: 'brought',
  seeks: 'sought',
  draws: 'drawn',
  runs: 'run',
  sees: 'seen',
  tells: 'told',
  says: 'said',
  has: 'had',
  does: 'done',
  eats: 'eaten',
  drinks: 'drunk',
  spends: 'spent',
  keeps: 'kept',
  leaves: 'left',
  writes: 'written',
  grows: 'grown',
  finds: 'found',
  thinks: 'thought',
  teaches: 'taught',
  catches: 'caught',
  feeds: 'fed',
  leads: 'led',
  meets: 'met',
  hears: 'heard',
  rides: 'ridden',
  drives: 'driven',
  flies: 'flown',
  throws: 'thrown',
  shows: 'shown',
  knows: 'known',
  begins: 'begun',
  sings: 'sung',
  swims: 'swum',
  sleeps: 'slept',
  speaks: 'spoken',
  steals: 'stolen',
  chooses: 'chosen',
  breaks: 'broken',
  falls: 'fallen',
  rises: 'risen',
  shoots: 'shot',
  stands: 'stood',
  understands: 'understood',
};

/** "employs" → "employed", "hires" → "hired", "sells" → "sold", "killing" → "killed"; other forms as they are. */
function pastParticiple(verb: string): string {
  const w = lower(verb);
  if (IRREGULAR_PARTICIPLES[w]) return IRREGULAR_PARTICIPLES[w];
  // "-ing" → "-ed": "hiring" and "hire" + "d" spell the same "hired".
  if (/^\p{Ll}{2,}ing$/u.test(w)) {
    const irregular =
      IRREGULAR_PARTICIPLES[`${w.slice(0, -3)}s`] ??
      IRREGULAR_PARTICIPLES[`${w.slice(0, -3)}es`] ??
      IRREGULAR_PARTICIPLES[`${w.slice(0, -4)}s`];
    if (irregular) return irregular;
    return `${w.slice(0, -3)}ed`;
  }
  if (!/^\p{Ll}{3,}s$/u.test(w) || /(?:ss|us|is)$/u.test(w)) return verb;
  const stem = w.endsWith('ies')
    ? `${w.slice(0, -3)}i`
    : w.endsWith('es') && /(?:sh|ch|x|z)es$/u.test(w)
      ? w.slice(0, -2)
      : w.slice(0, -1);
  return stem.endsWith('e') ? `${stem}d` : `${stem}ed`;
}

/**
 * A verb in the present after what is counted, which no suffix gives away:
 * "75 people view his profile", "people monetize otherwise personal content".
 * It is read as a verb only when a determiner, a possessive or an adverb
 * follows it.
 */
function presentVerbAfter(right: readonly Word[]): Word | undefined {
  const [first, second] = right;
  if (!first || !second || !/^\p{Ll}/u.test(first.text) || !isContentWord(first.text)) return undefined;
  return DETERMINERS.has(lower(second.text)) || ADVERBS.test(second.text) ? first : undefined;
}

/** Words a count may leave out before it and still be counting: a plural noun, not a span of time. */
const PLURAL_NOUN = /^\p{L}[\p{L}-]*[^sui's]s$/u;
const DURATIONS = /^(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|times)$/iu;
/** How far back an elliptical count looks for what it counts. */
const MAX_WORDS_TO_ELIDED_NOUN = 20;

/**
 * What a count that names nothing counts ("a stable of private-label brands — it had more than 100"): the
 * last plural noun phrase before it in the sentence.
 */
function pluralNounBefore(
  left: readonly Word[],
  sentence: string,
  clause: { start: number; end: number },
): string | undefined {
  const earlier = [...wordsOf(sentence, Math.max(0, clause.start - WINDOW), clause.start), ...left];
  for (let i = earlier.length - 1; i >= Math.max(0, earlier.length - MAX_WORDS_TO_ELIDED_NOUN); i--) {
    const word = earlier[i]!.text;
    if (!PLURAL_NOUN.test(word) || DURATIONS.test(word) || !isContentWord(word) || /^\p{Lu}/u.test(word)) continue;
    const phrase = phraseText(nounPhraseEndingAt(earlier, i + 1, 3));
    if (phrase) return phrase;
  }
  return undefined;
}

/** A clause that is only a pronoun and a copula before its figure: "it's", "it is in the", "that was". */
const POINTS_BACK = /^(?:it['’]s|that['’]s|it\s+(?:is|was)|that\s+(?:is|was))(?:\s+in\s+the)?$/iu;
/** "the number of Americans killed since 9/11 by terrorism" at the end of a clause. */
const NUMBER_NAMED = /(?<=\bthe\s+)(?:number|amount|total|count)\s+((?:of\s+)?[^,;:()]{3,100})$/iu;
/** How many words of the number named before a measure keeps. */
const MAX_NAMED_WORDS = 8;

/** The "number of …" that the clause before `clauseStart` names, as a measure: "number of Americans killed". */
function numberNamedBefore(sentence: string, clauseStart: number): string | undefined {
  const before = sentence.slice(Math.max(0, clauseStart - 200), Math.max(0, clauseStart - 1)).trimEnd();
  const match = NUMBER_NAMED.exec(before);
  if (!match) return undefined;
  const words = match[0].split(/\s+/u).slice(0, MAX_NAMED_WORDS + 1);
  return words.join(' ').replace(/[“”"]/gu, '');
}

/** What "some 60 of the new jet" counts: the noun phrase after "of". */
function countedAfterOf(right: readonly Word[]): string | undefined {
  if (lower(right[0]?.text ?? '') !== 'of') return undefined;
  let start = 1;
  while (start < right.length && DETERMINERS.has(lower(right[start]!.text))) start++;
  // A model number belongs to what is counted ("60 of the embattled 737 Max jet").
  const phrase: Word[] = [];
  for (const word of right.slice(start, start + 5)) {
    if (isFunctionWord(word.text)) break;
    phrase.push(word);
  }
  return phraseText(phrase) || undefined;
}

/** "stock" → "share price", "Acme shares" → "Acme share price". */
function shareMeasure(subject: readonly Word[]): string {
  return [...subject.slice(0, -1).map((word) => word.text), 'share price'].join(' ');
}

/** How many words back "for $X" looks for the purchase it prices. */
const MAX_WORDS_TO_PURCHASE = 30;

/**
 * What the sentence says was bought, when a purchase word stands before "for
 * $X" ("purchase of The Times … for $500 million", "acquiring the entire stake
 * …, for $13 a share"), with that word; `what` is '' when nothing is named
 * after the word, and undefined is returned when no purchase is said. Numbers are left out of what was bought ("the
 * 25.2% stake" is the stake).
 */
function purchasedBefore(sentence: string, offset: number): { cue: string; what: string } | undefined {
  const words = wordsOf(sentence, Math.max(0, offset - WINDOW), offset);
  const from = Math.max(0, words.length - MAX_WORDS_TO_PURCHASE);
  const cue = findLastIndex(words.slice(from), (word) => PURCHASE_CUE.test(word.text));
  if (cue < 0) return undefined;
  const after = words.slice(from + cue + 1).filter((word) => !isNumberWord(word.text));
  const start = lower(after[0]?.text ?? '') === 'of' ? 1 : 0;
  return { cue: words[from + cue]!.text, what: phraseText(nounPhraseStartingAt(after, start, 4)) };
}

/** Whether a word is a verb that says what a figure after it measures. */
function isMeasureVerb(word: string): boolean {
  const w = lower(word);
  return (
    [
      PAY_VERBS,
      PRICE_VERBS,
      SPEND_VERBS,
      RAISE_VERBS,
      BUY_VERBS,
      VALUE_VERBS,
      EARN_VERBS,
      LOSE_VERBS,
      FINE_VERBS,
      SAVE_VERBS,
      RISE_VERBS,
      ADD_VERBS,
      START_VERBS,
      FALL_VERBS,
    ].some((pattern) => pattern.test(w)) ||
    w === 'bid' ||
    w === 'bids' ||
    w === 'offered'
  );
}

/**
 * The subject a verb's figure belongs to: the clause's subject, the
 * antecedent of "which" ("cables, which cost $300"), or the sentence's
 * subject when the clause has none (", up 0.35%").
 */
function subjectOf(
  sentence: string,
  clause: { start: number; end: number },
  left: readonly Word[],
  verbIndex: number,
  previous: readonly Read[],
): string {
  const beforeVerb = verbIndex >= 0 ? verbIndex : left.length;
  if (beforeVerb > 0 && /^(?:which|that)$/iu.test(left[0]!.text)) {
    const earlier = wordsOf(sentence, 0, clause.start);
    const antecedent = nounPhraseEndingAt(earlier, earlier.length, 5).filter(
      (word, index, all) => !(index === 0 && /['’]s$/u.test(word.text) && all.length > 1 && /^\p{Ll}/u.test(word.text)),
    );
    return phraseText(antecedent);
  }
  const own = clauseSubject(left, beforeVerb + 1);
  if (own.length && !POSSESSIVE_PRONOUNS.test(own[0]!.text)) return phraseText(own);
  if (left.length === 0 || verbIndex === 0) {
    const lastBase = previous.findLast((read) => read.base)?.base;
    if (lastBase) return lastBase;
    const sentenceWords = wordsOf(sentence, 0, clause.start);
    return phraseText(clauseSubject(sentenceWords, sentenceWords.length));
  }
  return '';
}

/** The noun phrase a figure modifies: "$9B investment", "245% surge", "$279 Xbox One S", "$500 price". */
function adjectivalNoun(right: readonly Word[]): Word[] | undefined {
  const first = right[0]?.text;
  // "10 percent last month": a period after the figure says when, not what.
  if (!first || isFunctionWord(first) || isNumberWord(first) || TIME_WORDS.test(first)) return undefined;
  if (
    /^\p{Ll}/u.test(first) &&
    isVerbLike(first) &&
    !/^(?:shipping|spending|funding|advertising|marketing|pricing)$/u.test(first)
  )
    return undefined;
  const phrase: Word[] = [];
  for (const word of right) {
    const w = lower(bare(word.text));
    if (phrase.length >= 6) break;
    if (phrase.length > 0 && (w === 'and' || w === 'or') && right[right.indexOf(word) + 1]) {
      phrase.push(word);
      continue;
    }
    if (
      isFunctionWord(word.text) ||
      (isVerbLike(word.text) &&
        !/^(?:shipping|spending|funding|advertising|marketing|pricing)$/u.test(w) &&
        /^\p{Ll}/u.test(word.text))
    )
      break;
    phrase.push(word);
  }
  while (phrase.length && /^(?:and|or)$/u.test(phrase.at(-1)!.text)) phrase.pop();
  return phrase.length ? phrase : undefined;
}

function findLastIndex<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}

// ---------------------------------------------------------------------------
// Keys

/** Words left out of a key: they do not tell measures apart. */
const KEY_STOP_WORDS = new Set([...FUNCTION_WORDS, 'share', 'price', 'value', 'amount']);

/** A light suffix stripper: enough to make "payments" and "payment", "grew" aside, compare equal. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * A measure's key: its content words stemmed and sorted, so "Azure revenue
 * growth" and "growth of Azure revenue" meet. "price" and "share" are kept
 * only when nothing else is left, since they say what kind of number it is,
 * not what of.
 */
export function measureKey(measure: string): string {
  const words = measure
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const content = words.filter((word) => !KEY_STOP_WORDS.has(word));
  const kept = content.length ? content : words.filter((word) => !FUNCTION_WORDS.has(word));
  return [...new Set(kept.map(stem))].sort().join(' ');
}

// ---------------------------------------------------------------------------
// Entry points

/**
 * What each figure of one sentence measures, and whether it is reported,
 * expected or projected. `figures` are the sentence's figures in order (as
 * `extractFigures` gives them); later figures may take their measure from
 * earlier ones ("growth of 29 percent, missing its projected growth of 30 to
 * 31 percent"). Never throws.
 */
export function describeFigures(text: string, figures: readonly FigureInSentence[]): FigureMeaning[] {
  // "faced a [0.6% to 0.7%] hurricane headwind": an editor's brackets are no break in the phrase (spaces keep
  // the offsets).
  const sentence = text.replace(/[[\]]/gu, ' ');
  const reads: Read[] = [];
  const meanings: FigureMeaning[] = [];
  for (const [index, figure] of figures.entries()) {
    const converted = index > 0 ? conversionOf(sentence, figures[index - 1]!, figure) : false;
    if (converted) {
      // "$12.9bn (£10bn)": the same amount in another currency means what the first one means.
      reads.push(reads.at(-1)!);
      meanings.push(meanings.at(-1)!);
      continue;
    }
    const previous = index > 0 ? figures[index - 1]! : undefined;
    const base = reads.at(-1)?.base;
    if (previous && base && movesTo(sentence, previous, figure)) {
      // "increasing protein intake from 15% to 30%": the level it moved to is the same measure, later.
      const meaning = describeOne(sentence, figure, reads);
      reads[reads.length - 1] = { measure: base, base };
      meanings.push({ ...meaning, measure: base, measureKey: measureKey(base) });
      continue;
    }
    meanings.push(describeOne(sentence, figure, reads));
  }
  return meanings;
}

/** "from 15% to 30%": `figure` is the level `previous` moved to (same unit, "from" before, "to" between). */
function movesTo(sentence: string, previous: FigureInSentence, figure: FigureInSentence): boolean {
  if (previous.unit !== figure.unit) return false;
  const between = sentence.slice(previous.offset + previous.text.length, figure.offset);
  return /^\s+to\s+$/u.test(between) && /\bfrom\s+$/iu.test(sentence.slice(0, previous.offset));
}

/** Whether `figure` is `previous` given again in another currency, in brackets right after it: "$12.9bn (£10bn)". */
function conversionOf(sentence: string, previous: FigureInSentence, figure: FigureInSentence): boolean {
  const isMoney = (unit: string) => /^[A-Z]{3}$/u.test(unit);
  const between = sentence.slice(previous.offset + previous.text.length, figure.offset);
  return isMoney(previous.unit) && isMoney(figure.unit) && /^\s*\(\s*$/u.test(between);
}

/** The meaning of one figure, after the sentence's earlier `reads` (to which its own is added). */
function describeOne(sentence: string, figure: FigureInSentence, reads: Read[]): FigureMeaning {
  // Only the words near a figure speak for it; reading a window keeps a pathological 100 KB "sentence" linear.
  const from = Math.max(0, figure.offset - WINDOW);
  const near = sentence.slice(from, Math.min(sentence.length, figure.offset + figure.text.length + WINDOW));
  const local = { ...figure, offset: figure.offset - from };
  const read = readMeasure(near, local, reads.slice(-MAX_EARLIER_READS));
  reads.push(read);
  const measure = read.measure?.replace(/\s+/gu, ' ').trim();
  const isOnlyTime = measure !== undefined && measure.split(' ').every((word) => TIME_WORDS.test(word));
  return {
    ...(measure && !isOnlyTime ? { measure, measureKey: measureKey(measure) } : {}),
    ...readFigureStatus(near, local),
  };
}

/** Characters read on each side of a figure: a long sentence's far end says nothing about it. */
const WINDOW = 400;
/** Earlier figures a figure may lean on ("its projected growth" after "Azure revenue growth"). */
const MAX_EARLIER_READS = 8;
