/**
 * Finds every run of capitalised words that could name something, and notes
 * the context around it that later says whether it does and what it is.
 * Nothing here decides; `discover.ts` weighs the evidence across the article.
 */
import type { Line, LineKind, Token } from './text';
import {
  countryOfInitials,
  hasCommonNounEnding,
  isCommonWord,
  isFirstName,
  isKnownOrganization,
  isLastName,
  isKnownPlace,
} from './lexicon';
import {
  CALENDAR_WORDS,
  CREDIT_LABELS,
  EVENT_NOUNS,
  GENERIC_ACRONYMS,
  HONORIFICS,
  INSTITUTION_CONNECTORS,
  INSTITUTION_HEADS,
  INSTITUTION_LEADS,
  JOB_TITLES,
  TITLE_RANKS,
  LEADING_TITLES,
  MILITARY_RANKS,
  ROLE_OF_HEADS,
  LIST_LEADS,
  NAME_CONNECTORS,
  ORGANIZATION_NOUNS,
  PERSON_ROLES,
  PLACE_HEADS,
  PRODUCT_NOUNS,
  PROGRAM_NOUNS,
  QUANTITY_NOUNS,
  SPEECH_VERBS,
  STOP_WORDS,
} from './words';

/** One place in the text where a possible name is written. */
export interface Mention {
  /** The words of the name as written, possessive endings removed. */
  words: string[];
  /** The word shapes, in step with `words`. */
  shapes: Token['shape'][];
  /** The first word is capitalised only because a sentence, quotation or item opens there. */
  sentenceStart: boolean;
  lineKind: LineKind;
  /** Inside a double-quoted passage. */
  quoted: boolean;
  /** The mention is the whole of a quoted passage: a title ("“Super Mario Run”"), not speech. */
  wholeQuote: boolean;
  /** Written with 's ("Apple's Vision Pro"). */
  possessive: boolean;
  /** That possessive ending as written ("’s"). */
  possessiveEnding?: string;
  /** Lower-case modifier glued by a hyphen ("owned" in "Amazon-owned"). */
  modifier?: string;
  /** A title was cut off the front ("President", "Mr") or a person's role precedes ("skipper"). */
  personTitle?: 'honorific' | 'title' | 'role';
  /** The capitalised title cut off the front, as written ("Mr", "President-elect"), to keep "Mr Obama" as a form. */
  titleAs?: string;
  /** A verb of saying or announcing is next to it ("Forte said", "said Bob Alverson"). */
  speech: boolean;
  /** Introduced as an example: "like", "including", "such as". */
  listLead: boolean;
  /** Written after "the" ("the UN", "the Xbox One X"). */
  afterThe: boolean;
  /** The lower-case word right after, whatever it is ("said", "pestis"). */
  nextLower?: string;
  /** The lower-case word right after, when it is a product noun ("headset", "game"). */
  productNoun?: string;
  /** The lower-case word right after, when it names a group of people ("group", "tribe"). */
  organizationNoun?: string;
  /** The lower-case word right after, when it is an event noun ("conference"). */
  eventNoun?: string;
  /** The lower-case word right after, when it names a programme ("the Artemis program"). */
  programNoun?: string;
  /** Lower-case words within a few words either side, to tell a product's neighbourhood from a company's. */
  nearby: string[];
  /** Names written beside this one in a list ("Walmart, Kroger and Costco"), as word keys. */
  listNeighbours: string[];
  /** Joined to a neighbour by "and" or "or": one of a series, not a name and its apposition ("Ann Lee, Zorblet's chief"). */
  inSeries: boolean;
  /** Followed by a comma and a region or country ("Cupertino, California"): the usual way to write a town. */
  placeAfterComma: boolean;
  /** Written after a preposition of place ("in Tullamore", "near Oskarby", "the coast of Varnhem"). */
  afterPlacePreposition?: boolean;
  /** Written after a compass word in lower case ("eastern Varnhem", "northern Oskarby"): a region's name. */
  afterCompass?: boolean;
  /**
   * Cut from a longer run of capitalised words: a pronoun or auxiliary with a capital stands right before it ("Will
   * Brandt", "He Wenjun"), or a capitalised word right after it ("Tan He"), so it is a piece of a name.
   */
  besideNameWord?: boolean;
  /** The words joined to this name by a bare "and" right before it ("Health" in "Health and Human Services"). */
  andAfter?: string[];
  /** The words joined to this name by a bare "and" right after it ("Border Patrol" in "Customs and Border Patrol"). */
  andBefore?: string[];
  /** A model number written right after its maker's name ("A350-900" in "Airbus A350-900"); see `discover.ts`. */
  afterMaker?: boolean;
  /** Written right after a price ("the $1,000 Meta Quest Pro"): a thing sold, a product. */
  afterPrice?: boolean;
  /** A maker's name written right before one of its model numbers ("Airbus" in "Airbus A350-900"). */
  beforeModel?: boolean;
  /** The name whose possessive comes right before this one ("Apple" for "Apple's Vision Pro"), as a key. */
  possessor?: string;
  /** Where the mention sits, for ordering and list neighbours. */
  line: number;
  first: number;
  last: number;
}

/** What the article says about an acronym in brackets after a phrase. */
export interface AcronymDefinitions {
  /** Acronym → the capitalised name it abbreviates ("DOE" → "Department of Energy"), as a key. */
  names: Map<string, string>;
  /** Acronyms spelled out in lower case ("large language model (LLM)"): ordinary terms, never names. */
  generic: Set<string>;
  /** Names given a stock symbol ("Lowe's (LOW)", "Acme (ticker: ACM)"), as keys: traded, so no person. */
  listed: Set<string>;
}

/**
 * Names the text gives as another name of the one before them: "New Zealand – or Aotearoa as it is called by
 * Māori –", "Acme Corp, also known as Acme", "the Hanoi Hilton (formally Hoa Lo)". Second name's key → first's.
 * With a plain "or", only when "as it is called / known" says so: "Apple or Google" names two.
 */
export function readOtherNames(lines: readonly Line[]): Map<string, string> {
  const otherNames = new Map<string, string>();
  const runBefore = (tokens: readonly Token[], end: number): Token[] => {
    const run: Token[] = [];
    for (let back = end; back >= 0 && isCapitalised(tokens[back]); back -= 1) run.unshift(tokens[back]!);
    return run;
  };
  const runFrom = (tokens: readonly Token[], start: number): Token[] => {
    const run: Token[] = [];
    for (let at = start; at < tokens.length && isCapitalised(tokens[at]); at += 1) run.push(tokens[at]!);
    return run;
  };
  for (const line of lines) {
    const tokens = line.tokens;
    for (let index = 1; index + 2 < tokens.length; index += 1) {
      if (!OTHER_NAME_MARKS.has(tokens[index]!.text)) continue;
      const first = runBefore(tokens, index - 1);
      if (first.length === 0) continue;
      const words = tokens.slice(index + 1, index + 4).map((token) => token.text.toLowerCase());
      const connector = OTHER_NAME_CONNECTORS.find((candidate) => candidate.every((word, at) => words[at] === word));
      if (!connector) continue;
      const secondAt = index + 1 + connector.length;
      const second = runFrom(tokens, secondAt);
      if (second.length === 0) continue;
      if (connector.length === 1 && connector[0] === 'or') {
        const after = tokens
          .slice(secondAt + second.length, secondAt + second.length + 5)
          .map((token) => token.text.toLowerCase());
        if (after[0] !== 'as' || !after.some((word) => word === 'called' || word === 'known')) continue;
      }
      otherNames.set(keyOf(second.map((token) => token.text)), keyOf(first.map((token) => token.text)));
    }
  }
  return otherNames;
}

/** Marks that set another name off after a name. */
const OTHER_NAME_MARKS = new Set([',', '–', '—', '(']);
/** Words that introduce another name of the same thing. */
const OTHER_NAME_CONNECTORS: readonly (readonly string[])[] = [
  ['also', 'known', 'as'],
  ['better', 'known', 'as'],
  ['known', 'as'],
  ['aka'],
  ['formally'],
  ['officially'],
  ['or'],
];

/** Lower-case, apostrophe- and dot-normalised form of a word, for list look-ups. */
export function bare(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/\.$/, '');
}

/** The key that groups mentions of one name: its words, lower case, single-spaced. */
export function keyOf(words: readonly string[]): string {
  return words.map((word) => word.toLowerCase().replace(/’/g, "'")).join(' ');
}

/** Legal-form words that end a company's name ("Business Insider Inc Nintendo" is two names). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'corp',
  'corporation',
  'co',
  'ltd',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'sa',
]);

/** Generic hardware words that, right after a name, say it is a product ("AMD Polaris GPU"). */
const HARDWARE_ACRONYMS = new Set(['gpu', 'cpu', 'tv', 'pc', 'ssd', 'hdd', 'soc', 'chip']);

const CONTRACTION = /['’](?:ll|ve|re|d|m|t)$/i;

function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && (token.shape === 'title' || token.shape === 'camel' || token.shape === 'acronym');
}

function isStop(token: Token): boolean {
  // "US" and "IT" in capitals are not the pronoun and the conjunction-like "it"; acronyms have their own list.
  if (token.shape === 'acronym') return false;
  const word = bare(token.text);
  return STOP_WORDS.has(word) || CONTRACTION.test(token.text);
}

function isYear(token: Token): boolean {
  return token.shape === 'number' && /^(1[89]|20)\d\d$/.test(token.text);
}

/** Can this token carry on a name that is already under way ("Xbox 360", "Xbox One X", "Core i7")? */
function continuesName(token: Token | undefined): boolean {
  if (!token) return false;
  if (isCapitalised(token) || token.shape === 'letter') return true;
  if (token.shape === 'number') return !isYear(token) && /^\d{1,4}$/.test(token.text);
  return token.shape === 'alnum' && /^[\p{L}\d]{2,6}$/u.test(token.text);
}

/** A given name, then an initial or a family name the lexicon knows: "Ryan S. Hollman", "Mary Smith". */
function isPersonShaped(name: readonly Token[]): boolean {
  if (name.length < 2 || !isFirstName(bare(name[0]!.text))) return false;
  return name.some((token) => /^\p{Lu}\.$/u.test(token.text)) || isLastName(bare(name.at(-1)!.text));
}

function isInstitutionWord(word: string): boolean {
  const lower = bare(word);
  return INSTITUTION_LEADS.has(lower) || INSTITUTION_HEADS.has(lower);
}

/**
 * Length of the connector run starting at `at` ("of", "of the", "&", "and")
 * that joins the name so far to a capitalised word, or 0 when none may.
 */
function connectorLength(tokens: Token[], at: number, nameSoFar: Token[]): number {
  const first = tokens[at];
  if (!first || first.possessive) return 0;
  const word = first.text === '&' ? '&' : first.shape === 'lower' ? first.text : '';
  if (!word || word === 'the') return 0;
  const lastSoFar = bare(nameSoFar[nameSoFar.length - 1]!.text);
  // "Gears of War", "Bank of America", "Isle of Man" — but "Jamie Werner of Ngātiwai" is a person and a tribe.
  const ofJoins =
    nameSoFar.length === 1 ? !isFirstName(lastSoFar) : isInstitutionWord(lastSoFar) || PLACE_HEADS.has(lastSoFar);
  const strong = NAME_CONNECTORS.has(word) && (word !== 'of' || ofJoins);
  // "Council for Trade and Tourism" is one name, "ABC News and Politifact" two: an institution's head word
  // ("News", "Council") ends its name, so "and" right after one starts a list.
  // Nor does "and" before a given name: "Department of Homeland Security and Alex Azar" is a body and a person.
  const institutional =
    INSTITUTION_CONNECTORS.has(word) &&
    nameSoFar.some((token) => isInstitutionWord(token.text)) &&
    !(word === 'and' && INSTITUTION_HEADS.has(lastSoFar)) &&
    !(word === 'and' && tokens[at + 1] !== undefined && isFirstName(tokens[at + 1]!.text));
  if (!strong && !institutional && !(word === 'and' && andEndsInInstitution(tokens, at, nameSoFar))) return 0;
  let length = 1;
  if (tokens[at + 1]?.text === 'the' && word === 'of') length = 2;
  const after = tokens[at + length];
  return after !== undefined && isCapitalised(after) && !isStop(after) ? length : 0;
}

/**
 * "Securities and Exchange Commission", "Health and Safety Executive Board": "and" inside a body's name, when
 * at most three capitalised words after it end in an organisation's head word and the words before it name
 * nothing on their own (no given name, no place after a leading country, no known body: "Apple and Trade Commission" stays two).
 */
function andEndsInInstitution(tokens: Token[], at: number, nameSoFar: Token[]): boolean {
  // A country in front is where the body is ("U.S. Securities and Exchange Commission"), not a name of its own.
  const leadingCountry = isKnownPlace(nameSoFar[0]!.text) || countryOfInitials(nameSoFar[0]!.text) !== undefined;
  const own = nameSoFar.length > 1 && leadingCountry ? nameSoFar.slice(1) : nameSoFar;
  const namesSomething = (token: Token) =>
    isFirstName(token.text) || isKnownPlace(token.text) || isKnownOrganization(token.text) || token.shape !== 'title';
  if (own.some(namesSomething)) return false;
  for (let index = at + 1; index <= at + 3; index += 1) {
    const token = tokens[index];
    if (!token || token.shape !== 'title') return false;
    if (INSTITUTION_HEADS.get(bare(token.text)) === 'organization') return true;
  }
  return false;
}

/** Read the acronyms an article defines in brackets: "Department of Energy (DOE)", "large language model (LLM)". */
export function readAcronymDefinitions(lines: readonly Line[]): AcronymDefinitions {
  const names = new Map<string, string>();
  const generic = new Set<string>();
  const listed = new Set<string>();
  const addTicker = (symbol: string, name: string | undefined) => {
    if (!name) return;
    names.set(symbol.toLowerCase(), name);
    listed.add(name);
  };
  for (const line of lines) {
    const tokens = line.tokens;
    for (let index = 1; index + 1 < tokens.length; index += 1) {
      const inner = tokens[index]!;
      if (tokens[index + 1]!.text !== ')') continue;
      if (tokens[index - 1]!.text === ':') {
        // "(ticker: HD)": a labelled stock symbol, never initials.
        if (inner.shape === 'acronym') addTicker(inner.text, tickerOf(tokens, index));
        continue;
      }
      if (tokens[index - 1]!.text !== '(') continue;
      const letters = inner.text.replace(/s$/, '').replace(/[^\p{L}]/gu, '');
      if (letters.length < 2 || letters !== letters.toUpperCase() || !/^\p{Lu}/u.test(inner.text)) continue;
      // Walk back over the words before the bracket, matching initials from the last letter; a closing
      // quotation mark may stand between them ('"personally identifiable information" (PII)').
      const phrase: Token[] = [];
      let letter = letters.length - 1;
      const closesQuote = /^["”’']$/.test(tokens[index - 2]?.text ?? '');
      for (let back = index - (closesQuote ? 3 : 2); back >= 0 && letter >= 0; back -= 1) {
        const token = tokens[back]!;
        if (token.shape === 'punct' && token.text !== '&') break;
        phrase.unshift(token);
        if (token.shape === 'lower' && (NAME_CONNECTORS.has(token.text) || INSTITUTION_CONNECTORS.has(token.text))) {
          continue;
        }
        if (token.text[0]?.toUpperCase() !== letters[letter]) break;
        letter -= 1;
      }
      if (letter >= 0) {
        addTicker(inner.text, tickerOf(tokens, index));
        continue;
      }
      const words = phrase.filter((token) => token.shape !== 'lower' || !NAME_CONNECTORS.has(token.text));
      const acronym = inner.text.replace(/s$/, '');
      if (words.every((token) => token.shape === 'lower')) generic.add(acronym.toLowerCase());
      else if (words.every((token) => isCapitalised(token) || token.shape === 'lower')) {
        names.set(acronym.toLowerCase(), keyOf(phrase.map((token) => token.text)));
      }
    }
  }
  return { names, generic, listed };
}

/** "(ticker: HD)", "(NYSE: ACM)": a name's stock symbol, said to be one. */
const TICKER_LABEL = /^(?:ticker|symbol|nyse|nasdaq|lse|tsx|asx|otc)$/i;

/**
 * The name a bracketed stock symbol after it stands for, as a key: "Lowe's (LOW)", "Kospi Index (KOSPI)"
 * (the symbol is the start of the name's first word, in capitals), or "Home Depot (ticker: HD)" (a label says
 * it is one). The name is the run of capitalised words right before the bracket.
 */
function tickerOf(tokens: readonly Token[], inner: number): string | undefined {
  let close = inner - 1;
  const labelled = tokens[inner - 1]?.text === ':' && TICKER_LABEL.test(tokens[inner - 2]?.text ?? '');
  if (labelled) close = inner - 3;
  if (tokens[close]?.text !== '(') return undefined;
  const name: Token[] = [];
  for (let back = close - 1; back >= 0 && name.length < 4; back -= 1) {
    const token = tokens[back]!;
    if (token.shape !== 'title' && token.shape !== 'camel' && token.shape !== 'acronym') break;
    name.unshift(token);
    if (token.sentenceStart) break;
  }
  while (name.length > 0 && isStop(name[0]!)) name.shift();
  if (name.length === 0) return undefined;
  const symbol = tokens[inner]!.text;
  const startsFirstWord =
    symbol.length >= 2 &&
    name[0]!.text
      .toUpperCase()
      .replace(/[^\p{Lu}]/gu, '')
      .startsWith(symbol);
  return labelled || startsFirstWord ? keyOf(name.map((token) => token.text)) : undefined;
}

interface RawSpan {
  first: number;
  last: number;
  /** A job title stands right before the span ("NASA Administrator Jim Bridenstine"). */
  titled?: boolean;
}

/**
 * Does a person's name start right after `at`, the end of a job title? The
 * next word is a given name, or the rest of the run is a short run of
 * capitalised words with no institution or place word in it.
 */
function personFollows(tokens: Token[], at: number, last: number): boolean {
  const next = tokens[at + 1];
  if (at >= last || next === undefined || next.shape !== 'title') return false;
  // "Chief Executive Officer Bob Iger": the title goes on; the person starts after its last word.
  if (JOB_TITLES.has(bare(next.text))) return false;
  if (isFirstName(next.text)) return true;
  // "State Attorney General": a rank after the title is part of it, and no person follows.
  if (TITLE_RANKS.has(bare(next.text))) return false;
  const rest = tokens.slice(at + 1, last + 1);
  return (
    rest.length <= 3 &&
    rest.every(
      (token) => token.shape === 'title' && !isInstitutionWord(token.text) && !PLACE_HEADS.has(bare(token.text)),
    )
  );
}

/** Cut a run of capitalised tokens at words that cannot sit inside a name. */
function splitRun(tokens: Token[], run: RawSpan): RawSpan[] {
  const parts: RawSpan[] = [];
  let start = run.first;
  let titled = false;
  for (let index = run.first; index <= run.last; index += 1) {
    const token = tokens[index]!;
    const word = bare(token.text);
    // "NASA Administrator Jim Bridenstine", "Finance Minister Ana Ruiz": an organisation or a portfolio, a job
    // title, then the person. The title and any ordinary words before it ("Finance", "Vice") are no name.
    if (JOB_TITLES.has(word) && token.shape !== 'lower' && personFollows(tokens, index, run.last)) {
      // "Disney Chief Executive Bob Iger": words that only rank the title ("Chief", "Deputy") belong to it.
      let end = index;
      while (end > start && TITLE_RANKS.has(bare(tokens[end - 1]!.text))) end -= 1;
      const before = tokens.slice(start, end);
      if (before.length > 0 && !isAllCommon(before.map((part) => part.text))) {
        parts.push({ first: start, last: end - 1, titled });
      }
      start = index + 1;
      titled = true;
      continue;
    }
    const cut =
      (index > run.first && token.shape !== 'lower' && isStop(token)) ||
      (index > run.first && token.shape === 'acronym' && LEADING_TITLES.has(word)) ||
      (index > run.first && HONORIFICS.has(word)) ||
      (CALENDAR_WORDS.has(word) && word !== 'may' && token.shape === 'title');
    if (cut) {
      if (index > start) parts.push({ first: start, last: index - 1, titled });
      start = CALENDAR_WORDS.has(word) ? index + 1 : index;
      titled = false;
    }
  }
  if (start <= run.last) parts.push({ first: start, last: run.last, titled });
  return parts;
}

/** A market quote's instrument code: three or more capitals and one digit ("CMAL3", "CMCU3"). */
const INSTRUMENT_CODE = /^\p{Lu}{3,}\d$/u;

function isTrimmable(token: Token, generic: ReadonlySet<string>, atEnd: boolean): boolean {
  const word = bare(token.text);
  if (token.shape === 'lower') return true;
  if (isStop(token) || CALENDAR_WORDS.has(word)) return true;
  if (GENERIC_ACRONYMS.has(word) || generic.has(word)) return true;
  if (atEnd && (token.shape === 'letter' ? false : isYear(token))) return true;
  return false;
}

/**
 * Every possible name in the article, with its context. Headline-like lines
 * and headings are read too: their mentions count, but later need support
 * from running text.
 */
export function findMentions(lines: readonly Line[], acronyms: AcronymDefinitions): Mention[] {
  const mentions: Mention[] = [];
  lines.forEach((line, lineIndex) => {
    const tokens = line.tokens;
    const lineMentions: Mention[] = [];
    for (let index = 0; index < tokens.length; index += 1) {
      if (!isCapitalised(tokens[index])) continue;
      let last = index;
      const nameSoFar = [tokens[index]!];
      // "1. Finland 2. Norway": the numbers number a list, they are not part of the names.
      const enumerated = tokens[index - 1]?.text === '.' && tokens[index - 2]?.shape === 'number';
      for (;;) {
        const current = tokens[last]!;
        if (current.possessive || current.modifier || LEGAL_SUFFIXES.has(bare(current.text))) break;
        const next = tokens[last + 1];
        const isCount = next?.shape === 'number' && (enumerated || QUANTITY_NOUNS.has(tokens[last + 2]?.text ?? ''));
        // "Ryan S. Hollman 31, of Hope": a number after a person's name is an age, not a model number.
        const isAge = next?.shape === 'number' && isPersonShaped(nameSoFar);
        if (next !== undefined && continuesName(next) && !isCount && !isAge) {
          last += 1;
          nameSoFar.push(next);
          continue;
        }
        const joined = connectorLength(tokens, last + 1, nameSoFar);
        if (joined === 0) break;
        last += joined + 1;
        nameSoFar.push(tokens[last]!);
      }
      for (const part of splitRun(tokens, { first: index, last })) {
        const mention = trimAndDescribe(line, lineIndex, part, acronyms.generic);
        if (mention) lineMentions.push(mention);
      }
      index = last;
    }
    linkNeighbours(tokens, lineMentions);
    mentions.push(...lineMentions);
  });
  return mentions;
}

/** The articles a role in apposition may open with: ", a doctor at …". */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

function trimAndDescribe(
  line: Line,
  lineIndex: number,
  span: RawSpan,
  generic: ReadonlySet<string>,
): Mention | undefined {
  const tokens = line.tokens;
  let { first, last } = span;
  let personTitle: Mention['personTitle'] = span.titled ? 'title' : undefined;
  let titleAs = span.titled ? tokens[first - 1]?.text : undefined;
  if (titleAs !== undefined && HONORIFICS.has(bare(titleAs))) personTitle = 'honorific';
  while (first <= last) {
    const token = tokens[first]!;
    const word = bare(token.text);
    if (LEADING_TITLES.has(word) && first < last && !isCapitalisedInstitution(tokens, first + 1, last)) {
      personTitle = HONORIFICS.has(word) ? 'honorific' : 'title';
      titleAs = token.text;
      first += 1;
    } else if (MILITARY_RANKS.has(word) && last - first >= 2 && isFirstName(bare(tokens[first + 1]!.text))) {
      personTitle = 'title';
      titleAs = token.text;
      first += 1;
    } else if (isTrimmable(token, generic, false) || (CREDIT_LABELS.has(word) && first < last)) first += 1;
    else break;
  }
  let trimmedNoun: string | undefined;
  // "London Metal Exchange CMAL3", "Copper CMCU3": a quote's instrument code after a name is no part of it.
  if (last > first && INSTRUMENT_CODE.test(tokens[last]!.text) && tokens[last - 1]!.shape === 'title') last -= 1;
  while (last >= first && isTrimmable(tokens[last]!, generic, true)) {
    const word = bare(tokens[last]!.text);
    if (HARDWARE_ACRONYMS.has(word)) trimmedNoun = word;
    last -= 1;
  }
  if (first > last) return undefined;
  const words = tokens.slice(first, last + 1);
  if (!words.some((token) => isCapitalised(token))) return undefined;

  const before = tokens[first - 1];
  const beforeThat = tokens[first - 2];
  const after = tokens[last + 1];
  const afterWord = trimmedNoun ?? (after?.shape === 'lower' ? after.text : undefined);
  if (!personTitle && before?.shape === 'lower' && PERSON_ROLES.has(before.text)) personTitle = 'role';
  // "Li Jifeng, a doctor at …", "Strauss Zelnick, CEO of …": a role in apposition after the name.
  if (!personTitle && after?.text === ',') {
    const next = tokens[last + 2];
    const role = next && ARTICLES.has(next.text.toLowerCase()) ? tokens[last + 3] : next;
    if (role && (role.shape === 'lower' || /^\p{Lu}{2,4}$/u.test(role.text)) && PERSON_ROLES.has(bare(role.text))) {
      personTitle = 'role';
    }
    // "Jane Roe, Head of Research at Acme": a post named by what it heads.
    const roleAt = role === next ? last + 2 : last + 3;
    if (role?.shape === 'title' && ROLE_OF_HEADS.has(bare(role.text)) && tokens[roleAt + 1]?.text === 'of') {
      personTitle = 'role';
    }
  }
  const quoteIndex = words[0]!.quote;
  const quote = quoteIndex >= 0 ? line.quotes[quoteIndex] : undefined;
  const previousLower = before?.shape === 'lower' ? before.text : undefined;
  const speech =
    (afterWord !== undefined && SPEECH_VERBS.has(afterWord)) ||
    (previousLower !== undefined && SPEECH_VERBS.has(previousLower)) ||
    (before?.text === ',' && beforeThat?.shape === 'lower' && SPEECH_VERBS.has(beforeThat.text));
  const listLead =
    (previousLower !== undefined && LIST_LEADS.has(previousLower)) ||
    (previousLower === 'as' && beforeThat?.text === 'such');
  return {
    // "the Xbox One S." ends a sentence: the dot is not part of the name.
    words: words.map((token, index) =>
      index === words.length - 1 && token.shape === 'letter' ? token.text.replace(/\.$/, '') : token.text,
    ),
    shapes: words.map((token) => token.shape),
    sentenceStart: words[0]!.sentenceStart,
    lineKind: line.kind,
    quoted: quoteIndex >= 0,
    wholeQuote: quote !== undefined && quote.first === first && quote.last === last,
    possessive: words[words.length - 1]!.possessive,
    possessiveEnding: words[words.length - 1]!.possessiveEnding,
    modifier: words[words.length - 1]!.modifier,
    personTitle,
    ...(titleAs !== undefined && personTitle !== undefined && { titleAs }),
    speech,
    listLead,
    afterThe: previousLower === 'the',
    ...(isAfterPlacePreposition(previousLower, beforeThat) && { afterPlacePreposition: true }),
    ...(after?.shape === 'lower' && { nextLower: after.text }),
    ...(previousLower !== undefined && COMPASS_ADJECTIVES.has(previousLower) && { afterCompass: true }),
    ...(isBesideNameWord(titleAs === undefined ? before : undefined, after) && { besideNameWord: true }),
    ...(isAfterPrice(tokens, first) && { afterPrice: true }),
    productNoun:
      afterWord !== undefined && (PRODUCT_NOUNS.has(afterWord) || HARDWARE_ACRONYMS.has(afterWord))
        ? afterWord
        : undefined,
    eventNoun: afterWord !== undefined && EVENT_NOUNS.has(afterWord) ? afterWord : undefined,
    programNoun: afterWord !== undefined && PROGRAM_NOUNS.has(afterWord) ? afterWord : undefined,
    nearby: lowerWordsAround(tokens, first, last),
    // "Facebook's network" is a thing Facebook has, not a group Facebook is.
    organizationNoun:
      afterWord !== undefined && ORGANIZATION_NOUNS.has(afterWord) && !words[words.length - 1]!.possessive
        ? afterWord
        : undefined,
    listNeighbours: [],
    inSeries: false,
    placeAfterComma: false,
    line: lineIndex,
    first,
    last,
  };
}

/**
 * Words that open sentences as pronouns or auxiliaries but never stand before a name in that role: "He" and
 * "Will" right before a capitalised word are a given name or a family name ("He Wenjun", "Will Brandt").
 */
const PRONOUNS_AND_AUXILIARIES = new Set(
  'i he she it we they you will would shall should can could may might must is are was were has have had do does did'.split(
    ' ',
  ),
);

/** Is a capitalised word that is no part of the mention right beside it, a piece of the same name? */
function isBesideNameWord(before: Token | undefined, after: Token | undefined): boolean {
  if (isCapitalised(after)) return true;
  // "Japan's Nikkei" is two names; a title cut off the front ("Mr. Xi") is no part of the name either.
  if (!isCapitalised(before) || before!.shape === 'acronym' || before!.possessive) return false;
  return !before!.sentenceStart || PRONOUNS_AND_AUXILIARIES.has(bare(before!.text));
}

/** Whether a price stands right before token `first`: "$1,000 Meta Quest Pro", "€49 Zorbpad". */
function isAfterPrice(tokens: readonly Token[], first: number): boolean {
  let at = first - 1;
  let digits = 0;
  while (at >= 0 && (tokens[at]!.shape === 'number' || (digits > 0 && /^[.,]$/u.test(tokens[at]!.text)))) {
    if (tokens[at]!.shape === 'number') digits += 1;
    at -= 1;
  }
  return digits > 0 && at >= 0 && /^(?:US\$|\$|€|£|¥)$/u.test(tokens[at]!.text);
}

/** Compass words that, in lower case before a name, say it is a region ("eastern Varnhem"). */
const COMPASS_ADJECTIVES = new Set([
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
]);

/** Prepositions that put what follows on a map ("in Tullamore", "near Oskarby"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'around', 'across', 'throughout', 'inside']);

/** Words before "in" that make what follows a company, not a place ("a stake in Zorblet", "invested in Quorvex"). */
const HOLDING_WORDS = new Set([
  'stake',
  'stakes',
  'shares',
  'invest',
  'invested',
  'investing',
  'investment',
  'investments',
  'interest',
  'holding',
  'holdings',
]);

/** "in Tullamore", "near Oskarby", "the coast of Varnhem": the words before a name that say it is a place. */
function isAfterPlacePreposition(previous: string | undefined, beforeThat: Token | undefined): boolean {
  if (previous === undefined) return false;
  const earlier = beforeThat?.shape === 'lower' ? beforeThat.text : undefined;
  if (previous === 'of') return earlier !== undefined && PLACE_HEADS.has(earlier);
  return PLACE_PREPOSITIONS.has(previous) && !(earlier !== undefined && HOLDING_WORDS.has(earlier));
}

/** How far either side of a mention its neighbourhood reaches, in tokens. */
const NEARBY_TOKENS = 4;

function lowerWordsAround(tokens: Token[], first: number, last: number): string[] {
  const around = [
    ...tokens.slice(Math.max(0, first - NEARBY_TOKENS), first),
    ...tokens.slice(last + 1, last + 1 + NEARBY_TOKENS),
  ];
  return around.filter((token) => token.shape === 'lower').map((token) => token.text);
}

// "President Obama" loses its title; "Chancellor University"-like institution names do not.
function isCapitalisedInstitution(tokens: Token[], first: number, last: number): boolean {
  for (let index = first; index <= last; index += 1) if (isInstitutionWord(tokens[index]!.text)) return true;
  return false;
}

const LIST_SEPARATORS = new Set(
  [',', 'and', 'or', ', and', ', or'].flatMap((separator) => [separator, `${separator} the`]),
);

/** Record which mentions stand side by side in a list, and which possessive names the next mention. */
function linkNeighbours(tokens: Token[], mentions: Mention[]): void {
  for (let index = 1; index < mentions.length; index += 1) {
    const left = mentions[index - 1]!;
    const right = mentions[index]!;
    const between = tokens.slice(left.last + 1, right.first).map((token) => token.text);
    const joined = between.join(' ');
    if (LIST_SEPARATORS.has(joined)) {
      left.listNeighbours.push(keyOf(right.words));
      right.listNeighbours.push(keyOf(left.words));
      if (/\b(?:and|or)\b/.test(joined)) left.inSeries = right.inSeries = true;
      if (joined === 'and') {
        left.andBefore = right.words;
        right.andAfter = left.words;
      }
    }
    if (left.possessive && between.length === 0) right.possessor = keyOf(left.words);
    // "SunExpress, Kazakhstan's Air Astana" lists two names: a place in the possessive owns the next one.
    const placeAfter = right.words.length <= 2 && !right.possessive && isKnownPlace(right.words.join(' '));
    if (joined === ',' && placeAfter) left.placeAfterComma = true;
  }
}

/** True when every word of the mention is ordinary English by compromise's lights ("Command", "Performance"). */
export function isAllCommon(words: readonly string[]): boolean {
  if (words.some((word) => /\d/.test(word))) return false;
  return words.every(
    (word) =>
      STOP_WORDS.has(bare(word)) || NAME_CONNECTORS.has(word) || isCommonWord(word) || hasCommonNounEnding(word),
  );
}
