/**
 * Whether a figure is a fact or a forecast, read from the words that govern
 * it in its sentence: "Acme reported $4M" is `reported`; "Acme plans to spend
 * $2B" is `expected` (the entity's own plan); "analysts expect $5B" or "shares
 * could surge to $300" is `projected` (someone's forecast). Kept apart from
 * the measure reader (`measure.ts`) because the two read different words: a
 * measure is the noun phrase around the figure, a status is the verb chain
 * that governs its clause.
 *
 * Pure: plain strings in, plain data out. Every pattern is linear.
 */
import type { FigureStatus } from '../facts/schema';

/** Where a figure stands in its sentence. */
export interface FigureSpan {
  text: string;
  offset: number;
}

/** A figure's status, and who expects or projects it when the sentence says. */
export interface FigureStatusReading {
  status: FigureStatus;
  /** "Microsoft", "analysts". */
  statusBy?: string;
}

// ---------------------------------------------------------------------------
// Clauses

/** Punctuation that ends a clause; a quote mark or hyphen inside a phrase does not. */
const CLAUSE_BREAK = /[,;:!?()[\]—–]|\s-\s|\.(?:\s|$)/gu;

/** Start and end (exclusive) of the clause of `sentence` that holds [start, end). */
export function clauseAround(sentence: string, start: number, end: number): { start: number; end: number } {
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at + match[0].length <= start) clauseStart = at + match[0].length;
    else if (at >= end) {
      clauseEnd = at;
      break;
    }
  }
  return { start: clauseStart, end: clauseEnd };
}

// ---------------------------------------------------------------------------
// Cues

/** Third parties whose numbers are forecasts, when they speak: "analysts expect", "according to economists". */
const FORECASTERS =
  /\b(?:(?<by>analysts?|economists?|experts?|forecasters?|observers|researchers|strategists|brokers|Wall\s+Street)(?:\s+\w+){0,2}\s+(?:expects?|estimates?|forecasts?|predicts?|projects?|says?|said|believes?|thinks?|sees?|reckons?)|according\s+to\s+(?<source>analysts?|economists?|estimates|forecasts|experts?))\b/iu;
/** Verbs of forecasting about something else: "X predicts", "he thinks the number will be". */
const FORECAST_VERBS =
  /\b(?:predicts?|predicted|forecasts?|forecasted|projects?|estimates?|estimated|thinks?|thought|believes?|believed|reckons?|sees|bets?\s+(?:that|on))\b/u;
/** A passive forecast: "is projected to", "are forecast to", "is estimated at". */
const PASSIVE_FORECAST = /\b(?:is|are|was|were|be|been)\s+(?:projected|forecast|predicted|estimated|tipped)\b/u;
/**
 * A modal of possibility before a verb: "could surge to", "might reach". A
 * study's hedged finding ("may lower the risk by 20 percent", "might have
 * helped 30 people") is what was found, not a forecast.
 */
const POSSIBILITY =
  /\b(?:could|might|may)\s+(?:\w+ly\s+)?(?!(?:have|seem|appear|help|mean|reflect|indicate|suggest|explain|affect|contribute|lower|reduce)\b)\w+/u;
/**
 * The entity's own plan: "expects to", "plans to", "is set to", "anticipates", "will", "its projected growth",
 * "titles in the works".
 */
const OWN_PLAN =
  /\b(?:expects?|expected|expecting|anticipates?|anticipated|plans?|planned|planning|aims?|aiming|intends?|targets?|targeting|hopes?|guides?|guidance|outlook|(?:is|are|was|were|['’]s)\s+set\s+to|poised\s+to|slated\s+to|likely\s+to|on\s+track\s+to|going\s+to|will|would|'ll|projected|in\s+the\s+works|in\s+the\s+pipeline|upcoming|forthcoming)\b/u;
/** "expects 16.6 million vehicles will be sold": the expectation is about others, a forecast. */
const EXPECTS_A_CLAUSE = /\b(?:expects?|expected|anticipates?)\s+(?!to\b)[^,;]*?\b(?:will|would|to\s+be)\b/u;
/**
 * Words that open another clause inside the same stretch of punctuation: a cue before them governs that
 * other clause ("… targets 2030s deployment as AI drives $9B", "I will ask why I lost 14 followers", "$10
 * might seem much compared to the $0 people pay").
 */
const SUBORDINATORS = /\b(?:as|while|because|whereas|although|why|how|compared\s+(?:to|with)|versus)\s/gu;
/**
 * Where the words after a figure stop speaking for it: "and" or "but" opening another predicate ("has 11
 * stores and is rumored to be planning …", "is $8.5 and they're going to …").
 */
const NEXT_PREDICATE = /\s(?:and|but)\s/u;
/** A participle that only describes a noun after the figure ("four rounds of planned outages"), not a plan. */
const ATTRIBUTIVE_PARTICIPLE = /\b(?:planned|expected|projected|anticipated|targeted)\s+\p{Ll}/gu;
/**
 * A clause opened by a participle ("…, pricing its shares at a 2.8% discount") leans on the clause before it;
 * participles that work as prepositions ("including", "following") open a phrase of their own.
 */
const OPENS_WITH_PARTICIPLE =
  /^\s*(?!(?:including|excluding|according|following|regarding|concerning|during|notwithstanding)\b)\p{Ll}+ing\b/u;
/** A phrase with no verb ("…, for a flat fee of $9.99") belongs to the clause before it. */
const IS_VERBLESS_PHRASE =
  /^\s*(?:for|at|with|of|to|from|on)\s(?![^]*\b(?:is|are|was|were|be|been|has|have|had|will|would|\p{Ll}{2,}ed|\p{Ll}{2,}s)\b)/u;
/** How many clauses back a chain of participial clauses may lean ("…, creating …, encompassing 263 …"). */
const MAX_LEANING_CLAUSES = 3;

// ---------------------------------------------------------------------------
// Reading

/**
 * Fact or forecast, and by whom, read from the sentence up to the end of the
 * figure's clause: a forecaster ("analysts expect"), a verb of forecasting
 * ("he thinks … will be"), a passive forecast ("is projected to") or a modal
 * of possibility ("could surge to") make it `projected`; the subject's own
 * plan ("expects to", "plans to", "will", "its projected growth") makes it
 * `expected`; anything else is `reported`.
 */
export function readFigureStatus(sentence: string, figure: FigureSpan): FigureStatusReading {
  const figureEnd = figure.offset + figure.text.length;
  const clause = clauseAround(sentence, figure.offset, figureEnd);
  // The cue may stand earlier in the sentence ("Edmunds expects 16.6 million …") or after the figure in its clause
  // ("300 promotions Whole Foods plans").
  const sentenceStart = Math.max(0, sentence.lastIndexOf('. ', figure.offset) + 1);
  const leading = sentence.slice(sentenceStart, figure.offset);
  let cueClause = clauseOfCue(sentence, clause, figure.offset);
  const subordinate = [...sentence.slice(cueClause, figure.offset).matchAll(SUBORDINATORS)].at(-1);
  if (subordinate) cueClause += subordinate.index;
  // A parenthesis before the figure is an aside: "(the company would not say)" plans nothing.
  const beforeFigure = sentence.slice(cueClause, figure.offset).replace(/\([^()]*\)/gu, ' ');
  const afterFigure = wordsAfter(sentence, figureEnd, clause.end);
  const scope = `${beforeFigure} ${afterFigure}`;

  const forecaster = FORECASTERS.exec(scope);
  if (forecaster) {
    const by = forecaster.groups!.by ?? forecaster.groups!.source!;
    return { status: 'projected', statusBy: by.replace(/\s+/gu, ' ') };
  }
  const throughClause = beforeFigure + figure.text + afterFigure;
  // A passive forecast names no forecaster: its subject is what is forecast ("Spending is projected to …").
  if (PASSIVE_FORECAST.test(scope)) return { status: 'projected' };
  if (FORECAST_VERBS.test(beforeFigure) || EXPECTS_A_CLAUSE.test(throughClause)) {
    return { status: 'projected', ...byOf(sentence, beforeFigure) };
  }
  if (POSSIBILITY.test(beforeFigure)) return { status: 'projected' };
  if (OWN_PLAN.test(scope)) return { status: 'expected', ...byOf(sentence, beforeFigure || leading) };
  return { status: 'reported' };
}

/**
 * The words after a figure that still speak for it: up to the end of its
 * clause, reading on past a parenthesis right after it ("176 Hong Kong dollars
 * (£17.43) is likely to be …" reads "is likely to be") and stopping where
 * "and" or "but" opens another predicate. Participles that only describe a
 * noun ("planned outages") are left out.
 */
function wordsAfter(sentence: string, figureEnd: number, clauseEnd: number): string {
  let end = clauseEnd;
  const aside = /^\s*\([^()]{0,80}\)/u.exec(sentence.slice(figureEnd, figureEnd + 90));
  const from = aside ? figureEnd + aside[0].length : figureEnd;
  if (aside) end = clauseAround(sentence, from, from).end;
  const words = sentence.slice(from, end);
  const next = NEXT_PREDICATE.exec(words);
  return (next ? words.slice(0, next.index) : words).replace(ATTRIBUTIVE_PARTICIPLE, ' ');
}

/**
 * Where the words that govern a figure start: its own clause, or an earlier
 * clause of the sentence when the figure's clause is only a fronted phrase
 * ("For Q1 2025, Microsoft anticipates … 28–29 percent" keeps its clause) or
 * opens with a participle that leans on the clause before ("Acme is set to
 * raise $2bn, pricing its shares at a 3 percent discount").
 */
function clauseOfCue(sentence: string, clause: { start: number; end: number }, offset: number): number {
  const own = sentence.slice(clause.start, offset);
  if (!/\p{L}{3}/u.test(own)) {
    return clauseAround(sentence, Math.max(0, clause.start - 2), Math.max(0, clause.start - 1)).start;
  }
  let start = clause.start;
  for (let leaned = 0; leaned < MAX_LEANING_CLAUSES && start > 1; leaned++) {
    // Text after a closing parenthesis goes on with the clause the parenthesis interrupted.
    const asideOpen = sentence[start - 1] === ')' ? sentence.lastIndexOf('(', start - 1) : -1;
    if (asideOpen > 0) {
      start = clauseAround(sentence, asideOpen - 1, asideOpen).start;
      continue;
    }
    const opening = sentence.slice(start, offset);
    if (!OPENS_WITH_PARTICIPLE.test(opening) && !IS_VERBLESS_PHRASE.test(opening)) break;
    start = clauseAround(sentence, start - 2, start - 1).start;
  }
  return start;
}

/** Words of job titles, written with a capital at the start of a sentence or before a name. */
const JOB_TITLE =
  /^(?:Chief|Executive|President|Vice|Senior|Chairman|Chairwoman|Chair|Director|Minister|Secretary|Governor|Spokesman|Spokeswoman|Spokesperson|Analyst|Founder|Co-founder|CEO|CFO|COO|CTO)$/u;

/** Who expects or projects: the name before the cue, or the sentence's first name for "its"/"it". */
function byOf(sentence: string, before: string): { statusBy?: string } {
  const cue =
    /\b(?:expects?|expected|anticipates?|plans?|aims?|intends?|targets?|hopes?|predicts?|forecasts?|projects?|estimates?|thinks?|believes?|says|said|will|would|projected|is|are)\b/u.exec(
      before,
    );
  const head = cue ? before.slice(0, cue.index) : before;
  const names = [...head.matchAll(/(?:\p{Lu}[\p{L}&.’'-]*)(?:\s+\p{Lu}[\p{L}&.’'-]*)*/gu)].map((match) => match[0]);
  // The first name is the subject of the cue ("Microsoft’s cloud AI business is on track to" is Microsoft's).
  const name = names
    .map((found) => found.replace(/['’]s(?:\s.*)?$/u, ''))
    // A job title opening the sentence ("Chief executive Maya Tran said") is not who said it.
    .find(
      (found) => !/^(?:The|A|An|In|For|As|On|At|By|He|She|It|They|We|I|Q\d.*)$/u.test(found) && !JOB_TITLE.test(found),
    );
  if (name) return { statusBy: name };
  if (/\b(?:its|it)\b/u.test(head) || /\bits\s+projected\b/u.test(before)) {
    const first = [...sentence.matchAll(/(?<![\p{L}])(?<name>\p{Lu}[\p{L}&’'-]+)(?=[\s’']|$)/gu)]
      .map((match) => match.groups!.name!)
      .find((word) => !/^(?:The|A|An|In|For|As|On|At|By|Its|It|This|That|Q\d)$/u.test(word));
    if (first) return { statusBy: first.replace(/['’]s$/u, '') };
  }
  return {};
}
