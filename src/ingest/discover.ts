/**
 * Automatic discovery of the companies, organisations, people, products and
 * places an article names that the curated catalog does not know yet.
 *
 * It is deliberately conservative: every entity it returns is highlighted on
 * every page the reader visits, so a false one costs more than a missed one.
 * Capitalised word runs are the candidates; each is weighed on evidence that
 * survives sentence-initial capitals, headlines and quotations (is it written
 * mid-sentence, more than once, with an institution's head word, a given
 * name, a title, a verb of saying, in a list beside other names, …).
 * Compromise is used for what it knows about single words; see `./discover/lexicon`.
 */
import type { EntityKind } from '../facts/schema';
import { AMBIGUOUS_CURRENCY_NAMES, CURRENCY_NAMES } from './currency-names';
import {
  countryOfInitials,
  hasCommonNounEnding,
  isCommonWord,
  isGuessedVerb,
  isListedCommonWord,
  isListedNoun,
  lexiconTags,
  isAgentNounPlural,
  isDemonym,
  isFirstName,
  isKnownOrganization,
  isKnownPlace,
  isKnownRegion,
  isLastName,
  isListedCity,
  isOrganizationWord,
  isPlaceWord,
} from './discover/lexicon';
import {
  bare,
  findMentions,
  isAllCommon,
  keyOf,
  LEGAL_SUFFIXES,
  readAcronymDefinitions,
  readOtherNames,
  type AcronymDefinitions,
  type Mention,
} from './discover/mentions';
import { readLines, type Line } from './discover/text';
import {
  CALENDAR_WORDS,
  COMPANY_CONTEXT,
  COMPASS_WORDS,
  GENERIC_ACRONYMS,
  INSTITUTION_HEADS,
  INSTITUTION_LEADS,
  LABEL_WORDS,
  LEADING_TITLES,
  ROLE_OF_HEADS,
  LOWER_CASE_HEADS,
  PLACE_HEADS,
  PRODUCT_CONTEXT,
  PRODUCT_NOUNS,
  PRODUCT_PARTS,
  reorderedAgencyName,
  STOP_WORDS,
} from './discover/words';

/** An entity found in an article's text that the catalog does not know. */
export interface DiscoveredEntity {
  /** Canonical display name, e.g. "Columbia University". */
  name: string;
  kind: EntityKind;
  /** Surface forms seen in the text, name first: case variants, acronyms, a person's family name. */
  aliases: string[];
  /**
   * Aliases that name the entity only beside its full name (`Entity.shortForms`): a given name, a family
   * name that is an English word or a given name. Absent: none.
   */
  shortForms?: string[];
  /** How many times any alias occurs in the text, headings included. */
  mentions: number;
  /** 0..1: how sure discovery is that this is a real entity (see `DEFAULT_MIN_CONFIDENCE`). */
  confidence: number;
  /**
   * The names joined into this one across stories ("U.S." into "United States"; `combineDiscoveries`),
   * each of which would otherwise be an entity of its own. Absent: none.
   */
  joined?: string[];
}

/** Options for `discoverEntities`. */
export interface DiscoverOptions {
  /** Names (any alias) the catalog already knows or suppresses: never return these or their sub-parts as new entities. */
  known?: string[];
  /** Minimum confidence to return. */
  minConfidence?: number;
}

/**
 * The confidence below which candidates are dropped unless the caller asks
 * otherwise. Tuned on the articles in `tests/fixtures/eval/` for precision
 * first (see `scripts/eval-discovery.ts`).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.7;

/**
 * The score at which a candidate counts as a name when it serves as evidence
 * for another (a list neighbour, a brand in front of a product). Fixed, so a
 * caller's `minConfidence` filters the result without changing the scores.
 */
const BELIEVED = DEFAULT_MIN_CONFIDENCE;

/** All mentions of one name (same words, any letter case) and what they show together. */
interface Candidate {
  key: string;
  words: string[];
  mentions: Mention[];
  /** Mentions in running text, not in a heading or a headline-like line. */
  inText: Mention[];
  /** Running-text mentions whose capital letter is not explained by position or quotation. */
  midSentence: Mention[];
  score: number;
  /** Some mention is a possessive in front of another name ("Elon Musk's xAI", "Apple's Vision Pro"). */
  possessesName: boolean;
  /** The candidate's surface forms by frequency. */
  forms: Map<string, number>;
  /** Forms written with a title in front ("Mr Obama", "President-elect Trump"): other names of the same person. */
  titledForms: Set<string>;
}

/** Candidates that name one entity, after merging acronyms, family names and brand prefixes. */
interface Cluster {
  main: Candidate;
  members: Candidate[];
}

/** English's commonest words: in running English they are a fifth or more of the words, elsewhere almost none. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the and of to in is that for it with was on as are be by this at from or an have has not but were which their they his her its he she we you will would been had more said'.split(
    ' ',
  ),
);
/** Words a text needs before its language is judged, and the share of English function words below which it is not English. */
const LANGUAGE_MIN_WORDS = 80;
const ENGLISH_MIN_SHARE = 0.04;

/**
 * Whether the text is English enough for discovery's rules: English articles of the facts corpus hold 19% or
 * more of these words, German, Italian, Portuguese, Russian and Korean pages of the extraction benchmark 3% or
 * less. A short text is given the benefit of the doubt.
 */
function readsAsEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < LANGUAGE_MIN_WORDS) return true;
  return words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length >= ENGLISH_MIN_SHARE * words.length;
}

/**
 * Find the entities an article names that `options.known` does not cover.
 * Pure and deterministic: the same text and options give the same list,
 * sorted by name.
 */
export function discoverEntities(text: string, options: DiscoverOptions = {}): DiscoveredEntity[] {
  // Its rules read English: in German every noun is capitalised, and each would come back as a name.
  if (!readsAsEnglish(text)) return [];
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const known = new KnownNames(options.known ?? []);
  const lines = readLines(text);
  const acronyms = readAcronymDefinitions(lines);
  const otherNames = readOtherNames(lines);
  const lowerCase = countLowerCaseWords(lines);
  const found = findMentions(lines, acronyms);
  const mentions = splitMakerModels(
    splitRunTogetherNames(
      joinPossessiveTitles(resolveSentenceStarts(splitGluedWords(attachLowerCaseHeads(found, lines)), lowerCase)),
    ),
  );
  const grouped = groupMentions(mentions);
  const familyNames = new Set(grouped.filter((c) => c.words.length > 1).map((c) => bare(c.words[c.words.length - 1]!)));
  // "The Carlyle Group … Carlyle, which …": the short name of an institution written in full elsewhere may open
  // sentences only, as a family name may.
  for (const candidate of grouped) {
    const words = candidate.words.map(bare);
    if (words.length === 2 && INSTITUTION_HEADS.has(words[1]!) && !STOP_WORDS.has(words[0]!))
      familyNames.add(words[0]!);
  }
  const candidates = grouped.filter((candidate) => isAdmissible(candidate, acronyms, known, familyNames));

  // Two passes: list neighbours count as evidence only once they are themselves believed.
  for (const candidate of candidates) candidate.score = scoreCandidate(candidate, lowerCase, acronyms, new Set());
  const believed = new Set(candidates.filter((c) => c.score >= BELIEVED).map((c) => c.key));
  for (const name of known.keys) believed.add(name);
  for (const candidate of candidates) candidate.score = scoreCandidate(candidate, lowerCase, acronyms, believed);
  const byKey = new Map(candidates.map((candidate) => [candidate.key, candidate]));
  const halves = candidates.filter((candidate) => isHalfOfLongerName(candidate, byKey, believed));
  for (const half of halves) half.score = 0;

  const { clusters, sharedFamilyNames } = clusterCandidates(candidates, acronyms, otherNames);
  const passed = new Set(candidates.filter((c) => c.score >= BELIEVED).map((c) => c.key));
  const clusterOf = new Map<string, Cluster>();
  for (const cluster of clusters) for (const member of cluster.members) clusterOf.set(member.key, cluster);
  const kinds = settleKinds(clusters, passed, acronyms.listed);
  const entities: DiscoveredEntity[] = [];
  for (const cluster of clusters) {
    // A family name two people of the story share names neither, and no one else either.
    if (cluster.members.length === 1 && sharedFamilyNames.has(cluster.main.key)) continue;
    const entity = toEntity(cluster, { known, passed, clusterOf, kinds });
    if (entity && entity.confidence >= minConfidence) entities.push(entity);
  }
  return entities.sort((a, b) => compareText(a.name, b.name));
}

function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The catalog's names, for "is this already known, or a piece of something known?" questions. */
class KnownNames {
  readonly keys = new Set<string>();
  private readonly words = new Set<string>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      const words = name
        .split(/\s+/)
        .map((word) => word.replace(/['’]s$/i, ''))
        .filter(Boolean);
      if (words.length === 0) continue;
      this.keys.add(keyOf(words));
      for (const word of words) this.words.add(bare(word));
    }
  }

  /** True when every capitalised word of the name is a word of some known name ("Energy", "Microsoft Azure"). */
  covers(words: readonly string[]): boolean {
    if (this.keys.has(keyOf(words))) return true;
    // "U.S." inside "U.S. Department of Energy" still names the country on its own.
    if (words.length === 1 && isPlaceName(words[0]!)) return false;
    const meaningful = words.filter((word) => !STOP_WORDS.has(bare(word)) && /^\P{Ll}/u.test(word));
    return meaningful.length > 0 && meaningful.every((word) => this.words.has(bare(word)));
  }
}

function countLowerCaseWords(lines: readonly Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.shape !== 'lower') continue;
      counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
    }
  }
  return counts;
}

function isCommonInArticle(word: string, lowerCase: ReadonlyMap<string, number>): boolean {
  const lower = bare(word);
  return STOP_WORDS.has(lower) || (lowerCase.get(lower) ?? 0) > 0 || isCommonWord(word);
}

/**
 * A capitalised run at a sentence start may owe its first capital to
 * position ("Recent Stories", "Whale whisperer"). When the run is never
 * written mid-sentence and its first word is ordinary English, drop that word.
 */
function resolveSentenceStarts(mentions: Mention[], lowerCase: ReadonlyMap<string, number>): Mention[] {
  const writtenMidSentence = new Set(
    mentions.filter((m) => !m.sentenceStart && m.lineKind === 'text').map((m) => keyOf(m.words)),
  );
  const resolved: Mention[] = [];
  for (const mention of mentions) {
    let current = mention;
    while (
      current.sentenceStart &&
      !current.wholeQuote &&
      !isKnownName(current.words.join(' ')) &&
      !isCityName(current.words.join(' ')) &&
      current.words.length > 1 &&
      // "Pacific Gas & Electric Co. was set to…": a legal form at the end says the whole run is a company's name.
      !LEGAL_SUFFIXES.has(bare(current.words[current.words.length - 1]!)) &&
      !writtenMidSentence.has(keyOf(current.words)) &&
      isCommonInArticle(current.words[0]!, lowerCase)
    ) {
      let drop = 1;
      while (drop < current.words.length && current.shapes[drop] === 'lower') drop += 1;
      current = {
        ...current,
        words: current.words.slice(drop),
        shapes: current.shapes.slice(drop),
        first: current.first + drop,
        personTitle: undefined,
      };
    }
    // "Republican Gov. Eric Holcomb": once the opening word is gone, a title in front is no part of the name.
    if (current !== mention && current.words.length > 1 && LEADING_TITLES.has(bare(current.words[0]!))) {
      current = {
        ...current,
        words: current.words.slice(1),
        shapes: current.shapes.slice(1),
        first: current.first + 1,
        personTitle: 'title',
        titleAs: current.words[0]!,
      };
    }
    if (current.words.length > 0) resolved.push(current);
  }
  return resolved;
}

/**
 * "West Mercia police", "New York magazine": an institution head written in lower case right after a name
 * ends that name. Not after a possessive ("Zorblet's council") or a person's name.
 */
function attachLowerCaseHeads(mentions: Mention[], lines: readonly Line[]): Mention[] {
  return mentions.map((mention) => {
    const next = lines[mention.line]?.tokens[mention.last + 1];
    if (!next || next.shape !== 'lower' || !LOWER_CASE_HEADS.has(next.text)) return mention;
    if (mention.possessive || looksLikePersonName(mention.words)) return mention;
    return {
      ...mention,
      words: [...mention.words, next.text],
      shapes: [...mention.shapes, next.shape],
      last: mention.last + 1,
      productNoun: undefined,
      organizationNoun: undefined,
    };
  });
}

function isKnownName(phrase: string): boolean {
  return isKnownPlace(phrase) || isKnownOrganization(phrase);
}

/**
 * A city's name that is nothing else in English: a listed city ("Burbank", "Palo Alto") whose one word is
 * no ordinary word ("Reading", "Split"), given name or family name ("Lincoln") as well. Only for a
 * candidate's whole name: a person's name may hold a city's ("Irvine Welsh"), so person rules never ask.
 */
function isCityName(phrase: string): boolean {
  if (!isListedCity(phrase)) return false;
  if (/\s/.test(phrase)) return true;
  return !isCommonWord(phrase) && !isFirstName(phrase) && !isLastName(phrase);
}

/** A place compromise knows, a city's name (see `isCityName`) or a country's initials ("U.S."). */
function isPlaceName(phrase: string): boolean {
  return isKnownPlace(phrase) || isCityName(phrase) || countryOfInitials(phrase) !== undefined;
}

/**
 * "Sam's Club", "Fisherman's Terminal", "Assassin's Creed Origins": a
 * possessive that is never written without its 's, followed by a capitalised
 * word never written without it, is one name. A brand written in its own
 * style ("Elon Musk's xAI") stays separate.
 */
function joinPossessiveTitles(mentions: Mention[]): Mention[] {
  // Keys written other than as "X's" (left side), and keys written other than right after "X's" (right side).
  const leftAlone = new Set<string>();
  const rightAlone = new Map<string, Set<string | undefined>>();
  for (const mention of mentions) {
    const key = keyOf(mention.words);
    if (!mention.possessive) leftAlone.add(key);
    if (!rightAlone.has(key)) rightAlone.set(key, new Set());
    rightAlone.get(key)!.add(mention.possessor);
  }
  const joined: Mention[] = [];
  for (let index = 0; index < mentions.length; index += 1) {
    const left = mentions[index]!;
    const right = mentions[index + 1];
    const leftKey = keyOf(left.words);
    const rightPossessors = right ? rightAlone.get(keyOf(right.words)) : undefined;
    const joins =
      right !== undefined &&
      left.possessive &&
      right.possessor === leftKey &&
      right.line === left.line &&
      !leftAlone.has(leftKey) &&
      rightPossessors?.size === 1 &&
      right.shapes[0] === 'title' &&
      !hasInstitutionWord(left.words) &&
      // "Kazakhstan's Air Astana", "Google's Fitbit": a known place's or organisation's own thing, unless
      // ordinary words follow ("California Governor's Office of Emergency Services" has no known possessor).
      (!isKnownName(left.words.join(' ')) || isAllCommon(right.words));
    if (!joins) {
      joined.push(left);
      continue;
    }
    const lastLeft = left.words.length - 1;
    joined.push({
      ...right,
      words: [
        ...left.words.slice(0, lastLeft),
        `${left.words[lastLeft]}${left.possessiveEnding ?? "'s"}`,
        ...right.words,
      ],
      shapes: [...left.shapes, ...right.shapes],
      sentenceStart: left.sentenceStart,
      first: left.first,
      possessor: undefined,
      listNeighbours: [...left.listNeighbours, ...right.listNeighbours],
      inSeries: left.inSeries || right.inSeries,
    });
    index += 1;
  }
  return joined;
}

/**
 * A run like "Apple Nintendo" (a photo credit glued to the next sentence) is
 * written once and is made only of names the article writes on their own:
 * read it as those names. The same for names joined by a hyphen ("the
 * US-China trade war", "an Earth-Mars trip"): a relation between two names the
 * article writes alone, or two countries or regions, not a third name
 * ("Soon-Shiong" and "Take-Two" are never written in halves).
 */
function splitRunTogetherNames(mentions: Mention[]): Mention[] {
  const counts = new Map<string, number>();
  const standalone = new Set<string>();
  for (const mention of mentions) {
    const key = keyOf(mention.words);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (mention.words.length === 1 && mention.lineKind === 'text') standalone.add(key);
  }
  const result: Mention[] = [];
  for (const mention of mentions) {
    const key = keyOf(mention.words);
    const splits =
      mention.words.length > 1 &&
      counts.get(key) === 1 &&
      mention.shapes.every((shape) => shape === 'title' || shape === 'camel' || shape === 'acronym') &&
      mention.words.every((word) => standalone.has(keyOf([word])));
    const halves = mention.words.length === 1 ? mention.words[0]!.split('-') : [];
    if (
      halves.length > 1 &&
      halves.every(
        (half) =>
          /^\p{Lu}/u.test(half) &&
          half.length > 1 &&
          (standalone.has(keyOf([half])) || isKnownRegion(half) || countryOfInitials(half) !== undefined),
      )
    ) {
      // The hyphen's halves sit in one token: each keeps its place.
      for (const half of halves)
        result.push({ ...mention, words: [half], shapes: [/^[\p{Lu}\d.]+$/u.test(half) ? 'acronym' : 'title'] });
      continue;
    }
    if (!splits) {
      result.push(mention);
      continue;
    }
    mention.words.forEach((word, offset) => {
      result.push({
        ...mention,
        words: [word],
        shapes: [mention.shapes[offset]!],
        sentenceStart: offset === 0 && mention.sentenceStart,
        first: mention.first + offset,
        last: mention.first + offset,
      });
    });
  }
  return result;
}

/** A word whose small letters run into a capital and more small letters: where a page glued two words. */
const GLUED = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})$/u;

/**
 * "Ana RuizAna Maria RuizNorth Dakota governor": a page's layout glued captions or a byline into one run of
 * capitals. A word made of a name the story writes alone elsewhere, no English word, and a given name, a
 * compass word or a place's name is two words; the run is cut there into the names it holds.
 */
function splitGluedWords(mentions: Mention[]): Mention[] {
  const alone = new Set(
    mentions.filter((m) => m.words.length === 1 && m.lineKind === 'text').map((m) => bare(m.words[0]!)),
  );
  const result: Mention[] = [];
  for (const mention of mentions) {
    const cuts: number[] = [];
    const words: string[] = [];
    mention.words.forEach((word, index) => {
      const glued = GLUED.exec(word);
      const [, left, right] = glued ?? [];
      const next = mention.words[index + 1];
      const rightNames =
        right !== undefined &&
        (isFirstName(right) ||
          COMPASS_WORDS.has(bare(right)) ||
          isKnownPlace(right) ||
          (next !== undefined && isKnownPlace(`${right} ${next}`)));
      if (left !== undefined && rightNames && alone.has(bare(left)) && !isCommonWord(left)) {
        words.push(left);
        cuts.push(words.length);
        words.push(right!);
      } else words.push(word);
    });
    if (cuts.length === 0) {
      result.push(mention);
      continue;
    }
    let start = 0;
    for (const end of [...cuts, words.length]) {
      const part = words.slice(start, end);
      result.push({
        ...mention,
        words: part,
        shapes: part.map(() => 'title'),
        sentenceStart: start === 0 && mention.sentenceStart,
      });
      start = end;
    }
  }
  return result;
}

// "A350-900", "A380", "787", "E190": a model number, letters and three or more digits ("Windows 10" and
// "PlayStation 4" are names with a version, not a maker and a model).
const MODEL_NUMBER = /^(?:\p{Lu}{1,2}-?\d{2,}|\d{3,})[\p{L}\d-]*$/u;

/**
 * "Airbus A350-900", "Boeing 787": a maker's name and one of its model numbers are two entities, the
 * company and the product. The first word is a maker when compromise knows it as an organisation or the
 * model number starts with its initial; a pure number is left to be dropped as one.
 */
function splitMakerModels(mentions: Mention[]): Mention[] {
  const result: Mention[] = [];
  for (const mention of mentions) {
    const [maker, model] = mention.words;
    const splits =
      mention.words.length === 2 &&
      mention.shapes[0] !== 'lower' &&
      MODEL_NUMBER.test(model!) &&
      (isKnownOrganization(maker!) || model![0] === maker![0]);
    if (!splits) {
      result.push(mention);
      continue;
    }
    result.push({ ...mention, words: [maker!], shapes: [mention.shapes[0]!], last: mention.first, beforeModel: true });
    result.push({
      ...mention,
      words: [model!],
      shapes: [mention.shapes[1]!],
      first: mention.last,
      sentenceStart: false,
      personTitle: undefined,
      listNeighbours: [],
      afterMaker: true,
    });
  }
  return result;
}

function groupMentions(mentions: readonly Mention[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const mention of mentions) {
    const key = keyOf(mention.words);
    let candidate = byKey.get(key);
    if (!candidate) {
      candidate = {
        key,
        words: mention.words,
        mentions: [],
        inText: [],
        midSentence: [],
        score: 0,
        possessesName: false,
        forms: new Map(),
        titledForms: new Set(),
      };
      byKey.set(key, candidate);
    }
    candidate.mentions.push(mention);
    // "Ceres Robotics, Palo Alto, California": a town before its region reads as running text even on a
    // line of capitalised words, which a list of addresses or a dateline is.
    const townInAddress = mention.placeAfterComma && isPlaceName(mention.words.join(' '));
    if (mention.lineKind === 'text' || townInAddress) {
      candidate.inText.push(mention);
      if (!mention.sentenceStart && !mention.wholeQuote) candidate.midSentence.push(mention);
    }
    const form = mention.words.join(' ');
    candidate.forms.set(form, (candidate.forms.get(form) ?? 0) + 1);
    if (mention.titleAs !== undefined && mention.words.length === 1)
      candidate.titledForms.add(`${mention.titleAs} ${form}`);
  }
  for (const mention of mentions) {
    const possessor = mention.possessor === undefined ? undefined : byKey.get(mention.possessor);
    if (possessor) possessor.possessesName = true;
  }
  for (const candidate of byKey.values()) candidate.words = mostFrequentForm(candidate).split(' ');
  return [...byKey.values()];
}

function mostFrequentForm(candidate: Candidate): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of candidate.forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
/** What kind of region a name is, after the name: " autonomous region", " province". */
const REGION_DESIGNATOR = / (?:autonomous region|province|prefecture|oblast|governorate)$/u;
/** "R-Neb.", "D-Calif", "I-Vt.": an American lawmaker's party letter and state. */
const PARTY_AND_STATE = /^[DRI]-\p{Lu}[\p{L}.]{1,6}$/u;

/** Hard rules: things that are never entities however often they appear. */
function isAdmissible(
  candidate: Candidate,
  acronyms: AcronymDefinitions,
  known: KnownNames,
  familyNames: ReadonlySet<string>,
): boolean {
  const { words, inText } = candidate;
  if (inText.length === 0) return false;
  if (known.covers(words)) return false;
  const lowerWords = words.map(bare);
  if (words.length === 1) {
    const word = lowerWords[0]!;
    const shape = inText[0]!.shapes[0];
    if (shape !== 'acronym' && (STOP_WORDS.has(word) || LABEL_WORDS.has(word))) return false;
    if (CALENDAR_WORDS.has(word) || LEADING_TITLES.has(word)) return false;
    if (GENERIC_ACRONYMS.has(word) || acronyms.generic.has(word)) return false;
    const model = inText.some((m) => m.afterMaker) && shape !== 'number';
    if (PLURAL_ACRONYM.test(words[0]!) || shape === 'number' || ((shape === 'letter' || shape === 'alnum') && !model)) {
      return false;
    }
    if (word.length < 2 || LEGAL_SUFFIXES.has(word)) return false;
    // "RRP: 49.95 Euro": a currency written with a capital is no name.
    if (CURRENCY_NAMES.has(word) && !AMBIGUOUS_CURRENCY_NAMES.has(word)) return false;
  }
  if (words.every((word) => isDemonym(word) || GENERIC_ACRONYMS.has(bare(word)))) return false;
  if (isGenusOfSpecies(candidate)) return false;
  // "Jane Roe, Head of Research at Acme": a post named by what it heads is a job title, no name.
  if (words.length > 2 && ROLE_OF_HEADS.has(lowerWords[0]!) && lowerWords[1] === 'of') return false;
  // "Sen. Jo Hale, R-Neb.": a lawmaker's party and state, a label and no name.
  if (words.length === 1 && PARTY_AND_STATE.test(words[0]!)) return false;
  // "dUO6AJlMxR": a word that mixes capitals, small letters and digits over and over is a code, not a name.
  if (words.some((word) => /^(?=.*\d)(?:.*\p{Ll}\p{Lu}){2}/u.test(word) && word.length >= 8)) return false;
  // Initials with dots ("U.S.") are a name only when they are a country's; "A350" only after its maker.
  const named = countryOfInitials(words.join(' ')) !== undefined || inText.some((m) => m.afterMaker);
  // "S&P 500", "H&M": capitals joined by an ampersand are letters of one name.
  if (!words.some((word) => /\p{L}{2}|\p{Lu}&\p{Lu}/u.test(word)) && !named) return false;
  // A title in quotation marks names a work or an event; keep it only when the text says it is a product.
  if (inText.every((m) => m.wholeQuote)) {
    if (inText.some((m) => m.eventNoun)) return false;
    if (!inText.some((m) => m.productNoun) && candidate.mentions.length < 2) return false;
  }
  if (candidate.midSentence.length === 0 && words.length === 1 && !inText.some((m) => m.wholeQuote)) {
    // Only a capital that position cannot explain, or a place or organisation compromise knows, makes a lone word a name.
    // "Emery also retweeted…" after "David Emery": a family name opening sentences joins the full name later.
    const shape = inText[0]!.shapes[0];
    const familyName = familyNames.has(lowerWords[0]!) && !STOP_WORDS.has(lowerWords[0]!);
    const named = isKnownName(words[0]!) || isCityName(words[0]!);
    if (shape !== 'camel' && shape !== 'acronym' && !named && !familyName) return false;
  }
  return true;
}

/**
 * "Health and Human Services", "Customs and Border Patrol": a body's name may join words with "and" that name nothing
 * on their own, where a list joins names. A name written after such words (a candidate the story does not make
 * a name) and "and" that ends in an institution's head word is the end of one longer name; a name the story writes
 * two times or more, each time joined by "and" to the same such words, is one half of it. Neither is a name of its own.
 */
function isHalfOfLongerName(
  { words, inText }: Candidate,
  byKey: ReadonlyMap<string, Candidate>,
  believed: ReadonlySet<string>,
): boolean {
  const namesNothing = (partner: string[] | undefined) =>
    partner !== undefined && byKey.has(keyOf(partner)) && !believed.has(keyOf(partner));
  if (INSTITUTION_HEADS.has(bare(words[words.length - 1]!)) && inText.every((m) => namesNothing(m.andAfter))) {
    return true;
  }
  if (inText.length < 2) return false;
  const same = (partner: (m: Mention) => string[] | undefined) => {
    const first = partner(inText[0]!);
    return namesNothing(first) && inText.every((m) => keyOf(partner(m) ?? []) === keyOf(first!));
  };
  return same((m) => m.andAfter) || same((m) => m.andBefore);
}

/** The endings of the Latin second word of a species' name ("pestis", "coli", "sapiens", "rerio", "aureus"). */
const SPECIES_EPITHET = /^\p{Ll}{3,}(?:us|um|is|ae|ii|i|a|ens|ans|io|ix|ex)$/u;

/**
 * "Vibrio cholerae", "Quercus robur": a capitalised word that the story writes two times or more, each time before
 * the same Latin word in lower case that English does not know, is the genus of a species, not an entity.
 */
function isGenusOfSpecies({ words, inText }: Candidate): boolean {
  if (words.length !== 1 || inText.length < 2) return false;
  const next = inText[0]!.nextLower;
  if (next === undefined || !SPECIES_EPITHET.test(next) || lexiconTags(next).length > 0 || isCommonWord(next)) {
    return false;
  }
  return inText.every((m) => m.nextLower === next);
}

/** A word that is no ordinary English word: unknown to compromise's lexicon and tagger, or listed as a name. */
function isProperWord(word: string): boolean {
  if (/^\p{Ll}/u.test(word) || /\d/.test(word)) return false;
  const lower = bare(word);
  if (STOP_WORDS.has(lower) || LABEL_WORDS.has(lower) || isAgentNounPlural(word)) return false;
  return !isCommonWord(word) && !hasCommonNounEnding(word);
}

/** A word that ends institutions' or places' names or points the compass: an English noun, not a name, alone. */
function isBareHeadWord(lower: string): boolean {
  return INSTITUTION_HEADS.has(lower) || PLACE_HEADS.has(lower) || COMPASS_WORDS.has(lower);
}

function hasInstitutionWord(words: readonly string[]): 'company' | 'organization' | 'program' | undefined {
  const lowerWords = words.map(bare);
  // "Office of Emergency Services": the head before "of" is what the body is; the words after say what it does.
  const ofAt = lowerWords.indexOf('of');
  const beforeOf = ofAt > 0 ? INSTITUTION_HEADS.get(lowerWords[ofAt - 1]!) : undefined;
  if (beforeOf) return beforeOf;
  const head = INSTITUTION_HEADS.get(lowerWords[lowerWords.length - 1]!);
  if (head && words.length > 1) return head;
  for (const connector of ['for', 'on', 'and']) {
    const at = lowerWords.indexOf(connector);
    const before = at > 0 ? INSTITUTION_HEADS.get(lowerWords[at - 1]!) : undefined;
    if (before) return before;
  }
  if (words.length > 1 && INSTITUTION_LEADS.has(lowerWords[0]!)) return 'organization';
  return undefined;
}

// "Brendan Eich Steps (Down)": a headline running on after a name. Only compromise's lexicon is asked:
// its tagger guesses at unknown words ("Cullen" reads as an adjective), and family names are unknown words.
// A family name that is also an English noun ("Chris Pine", "Alicia Keys", "Ana Reed") is that person's name when
// the whole name is written mid-sentence, where a headline's next word would be in lower case.
function endsInCommonWord(words: readonly string[], midSentence = false): boolean {
  const last = words[words.length - 1]!;
  if (isLastName(last) || SURNAME_SHAPE.test(last)) return false;
  if (midSentence && isFirstName(words[0]!) && isListedNoun(last)) return false;
  // "Taylor Swift", "Tom Cook": a given name and one capitalised word mid-sentence is a person's name even when
  // that word is also an English adjective or verb.
  if (midSentence && words.length === 2 && isFirstName(words[0]!) && /^\p{Lu}\p{Ll}+$/u.test(last)) return false;
  return isListedCommonWord(last) || hasCommonNounEnding(last);
}

function looksLikePersonName(words: readonly string[], midSentence = false): boolean {
  if (words.length < 2 || words.length > 4) return false;
  if (!isFirstName(words[0]!) || endsInCommonWord(words, midSentence)) return false;
  return words.every((word) => /^\p{Lu}/u.test(word) && !INSTITUTION_HEADS.has(bare(word)));
}

function scoreCandidate(
  candidate: Candidate,
  lowerCase: ReadonlyMap<string, number>,
  acronyms: AcronymDefinitions,
  believed: ReadonlySet<string>,
): number {
  const { words, inText, midSentence } = candidate;
  const single = words.length === 1;
  const shape = inText[0]!.shapes[0];
  const phrase = words.join(' ');
  let score: number;
  if (single) score = shape === 'camel' ? 0.75 : shape === 'acronym' ? 0.6 : 0.55;
  else score = 0.65;

  // A title in quotation marks ("“Super Mario Run”") keeps its capitals wherever it stands.
  const unexplained = midSentence.length + inText.filter((m) => m.wholeQuote).length;
  if (unexplained >= 2) score += 0.1;
  if (unexplained >= 3) score += 0.05;
  if (unexplained >= 5) score += 0.05;
  if (!single && hasInstitutionWord(words)) score += 0.2;
  else if (!single && PLACE_HEADS.has(bare(words[words.length - 1]!))) score += 0.1;
  if (inText.some((m) => m.placeAfterComma)) score += 0.15;
  if (looksLikePersonName(words, midSentence.length > 0)) score += 0.15;
  if (inText.some((m) => m.personTitle)) score += 0.1;
  if (isPlaceName(phrase) || isKnownOrganization(phrase)) score += 0.2;
  if (inText.some((m) => m.speech)) score += 0.1;
  if (inText.some((m) => m.listLead)) score += 0.1;
  if (inText.some((m) => m.listNeighbours.some((key) => believed.has(key)))) score += 0.1;
  // "the UN", "the BBC": an acronym with an article is an institution's short name.
  if (single && shape === 'acronym' && inText.some((m) => m.afterThe)) score += 0.05;
  if (inText.some((m) => m.modifier === 'owned' || m.modifier === 'based')) score += 0.1;
  if (inText.some((m) => m.productNoun)) score += 0.05;
  // "Airbus A350-900": a model number after its maker names a product, and the name before it a maker.
  if (inText.some((m) => m.afterMaker)) score += 0.15;
  // "the $1,000 Meta Quest Pro": a name a price stands before is a thing sold.
  if (inText.some((m) => m.afterPrice)) score += 0.1;
  if (inText.some((m) => m.beforeModel)) score += 0.1;
  if (acronyms.names.has(candidate.key) || [...acronyms.names.values()].includes(candidate.key)) score += 0.1;

  if (single) {
    const lower = bare(words[0]!);
    const standsAlone = midSentence.some((m) => !m.besideNameWord);
    // "Prime" beside "prime working age"; acronyms and camel case ("US", "iPhone") are not the lower-case word.
    const lowerCount = shape === 'title' ? (lowerCase.get(lower) ?? 0) : 0;
    // "Spotify", "Shopify": a word the lexicon does not list, which the tagger only guesses is a verb from its
    // ending, is no English word when the story writes it with a capital mid-sentence, and never in lower case.
    const unknownWord = isGuessedVerb(words[0]!) && !hasCommonNounEnding(words[0]!) && standsAlone && lowerCount === 0;
    if (shape === 'title' && !unknownWord && (isCommonWord(words[0]!) || hasCommonNounEnding(words[0]!))) score -= 0.3;
    // "analysts at Quorvex expect…": a word English does not know, capitalised where position cannot explain
    // it, is a name even when the story writes it once. The head words of institutions and places, and compass
    // words, are English words compromise files as bare nouns ("Gulf", "Navy", "West").
    // A word cut from a longer run of capitals ("Will Brandt", "Tan He") is a piece of a name, not one.
    if (shape === 'title' && standsAlone && (isProperWord(words[0]!) || unknownWord) && !isBareHeadWord(lower)) {
      score += 0.15;
    }
    if (lowerCount > 0) score -= lowerCount >= midSentence.length ? 0.3 : 0.1;
  } else if (isAllCommon(words) && !hasInstitutionWord(words) && !PRODUCT_PARTS.has(bare(words[words.length - 1]!))) {
    // "Great Big Lie", "White House": ordinary words in title case are more often a phrase than a name.
    score -= 0.3;
  } else if (words.every((word) => isProperWord(word))) {
    // "Manu Taupunga", "Rolfe McCartney": no word of it is ordinary English.
    score += 0.05;
  }
  if (!single && words.some((word) => /\d/.test(word)) && words.some((word) => /\p{L}{3}/u.test(word))) {
    // "iPhone 4", "Halo 3": a brand with a model number.
    score += 0.05;
  }
  const positional = midSentence.length > 0 || inText.some((m) => m.wholeQuote);
  if (!positional && !isKnownName(phrase) && !isCityName(phrase)) score -= 0.1;
  if (inText.every((m) => m.quoted) && !inText.every((m) => m.wholeQuote)) score -= 0.15;
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}

/**
 * Merge candidates that name one entity: an acronym and its spelled-out name,
 * a person's full name and their family name alone, a product with and
 * without its maker's name, an institution with and without its head word.
 */
function clusterCandidates(
  candidates: Candidate[],
  acronyms: AcronymDefinitions,
  otherNames: ReadonlyMap<string, string> = new Map(),
): { clusters: Cluster[]; sharedFamilyNames: Set<string> } {
  const byKey = new Map(candidates.map((candidate) => [candidate.key, candidate]));
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let current = key;
    while (parent.has(current)) current = parent.get(current)!;
    return current;
  };
  const merge = (child: string, main: string): void => {
    const childRoot = root(child);
    const mainRoot = root(main);
    if (childRoot !== mainRoot) parent.set(childRoot, mainRoot);
  };

  for (const [acronym, expansion] of acronyms.names) {
    if (byKey.has(acronym) && byKey.has(expansion)) merge(acronym, expansion);
  }
  // "New Zealand – or Aotearoa as it is called by Māori –": another name the text gives the same thing.
  for (const [other, name] of otherNames) if (byKey.has(other) && byKey.has(name)) merge(other, name);

  // A family name alone joins the best-attested full name that ends with it; a given name alone, the one it starts.
  const people = candidates.filter((c) => c.words.length >= 2 && personEvidence(c, byKey) >= 2);
  // "Parata" beside "Hori Parata" and "Te Kaurinui Parata": two people share it, so it is neither's.
  const sharedFamilyNames = new Set(
    candidates
      .filter((candidate) => candidate.words.length === 1)
      .filter((candidate) => {
        const fullNames = candidates.filter(
          (other) =>
            bare(other.words[other.words.length - 1]!) === candidate.key &&
            (people.includes(other) || looksLikeFullName(other.words)),
        );
        return distinctPeople(fullNames) > 1;
      })
      .map((candidate) => candidate.key),
  );
  for (const candidate of candidates) {
    if (candidate.words.length !== 1) continue;
    const owners = people
      .filter((person) => bare(person.words[person.words.length - 1]!) === candidate.key)
      .sort((a, b) => b.mentions.length - a.mentions.length || compareText(a.key, b.key));
    const firstNameOwners = people.filter((person) => bare(person.words[0]!) === candidate.key);
    // "Tim Cook" … "Cook", "Emmerson Mnangagwa" … "Mnangagwa": the only name-like full name ending in the word.
    const nameLike = candidates.filter(
      (other) => other.words.length >= 2 && bare(other.words[other.words.length - 1]!) === candidate.key,
    );
    // "Mr. Xi" beside "Xi Jinping": a family name written first, as Chinese, Korean and Hungarian names are.
    const titledFamilyFirst = candidate.inText.some((m) => m.personTitle === 'honorific')
      ? candidates.filter(
          (other) =>
            (other.words.length === 2 || other.words.length === 3) &&
            bare(other.words[0]!) === candidate.key &&
            other.words.slice(1).every((word) => /^\p{Lu}\p{Ll}+$/u.test(word) && !isListedCommonWord(word)) &&
            !hasInstitutionWord(other.words),
        )
      : [];
    if (sharedFamilyNames.has(candidate.key)) continue;
    if (owners[0]) merge(candidate.key, owners[0].key);
    else if (firstNameOwners.length === 1 && isFirstName(candidate.key)) merge(candidate.key, firstNameOwners[0]!.key);
    else if (titledFamilyFirst.length === 1 && !isFirstName(candidate.key)) {
      merge(candidate.key, titledFamilyFirst[0]!.key);
    } else if (nameLike.length === 1 && looksLikeFullName(nameLike[0]!.words)) merge(candidate.key, nameLike[0]!.key);
    else {
      const companies = candidates.filter((other) => isFounderCompanyOf(other, candidate.key));
      if (companies.length === 1) merge(candidate.key, companies[0]!.key);
    }
  }

  // "Ana Ruiz" / "Ana Maria Ruiz": a person's name with a middle name is that person, shown by the shorter name.
  for (const person of people) {
    const longer = people.filter((other) => isSameAsLonger(person.key.split(' '), other.key.split(' ')));
    for (const other of longer) merge(other.key, person.key);
  }

  // "Stephanie M." / "Stephanie M. Lee": the start of a person's full name is that person.
  for (const person of people) {
    const full = person.words.map(bare);
    for (const candidate of candidates) {
      const words = candidate.words.map(bare);
      if (words.length >= 2 && words.length < full.length && words.every((word, index) => word === full[index])) {
        merge(candidate.key, person.key);
      }
    }
  }

  // "Whole Foods Market" / "Whole Foods": one institution with and without its head word, unless the
  // shorter name heads several ("Mozilla Foundation", "Mozilla Corporation" are two bodies).
  // "Fortress Investment Group" / "Fortress": ordinary words may stand between the short name and the head.
  const headVariants = new Map<string, string[]>();
  for (const candidate of candidates) {
    const words = candidate.key.split(' ');
    if (words.length < 2 || !INSTITUTION_HEADS.has(bare(words[words.length - 1]!))) continue;
    let cut = words.length - 1;
    while (cut > 1 && !byKey.has(words.slice(0, cut).join(' ')) && isAllCommon(candidate.words.slice(cut - 1, -1))) {
      cut -= 1;
    }
    const prefix = words.slice(0, cut).join(' ');
    if (!byKey.has(prefix)) continue;
    // "US Congress": a country in front of an institution is where it is, not its name; so is a county or a
    // city named as such ("Bartholomew County Jail" is the jail of Bartholomew County).
    const prefixCandidate = byKey.get(prefix)!;
    if (
      isKnownPlace(prefix) ||
      PLACE_HEADS.has(bare(prefixCandidate.words.at(-1)!)) ||
      /^\p{Lu}{2}$/u.test(prefixCandidate.words.join(' '))
    )
      continue;
    headVariants.set(prefix, [...(headVariants.get(prefix) ?? []), candidate.key]);
  }
  for (const [prefix, variants] of headVariants) {
    // "Emirates Airline" and "Emirates Airlines" are one head written two ways, not two bodies.
    const heads = new Set(variants.map((variant) => variant.replace(/s$/, '')));
    if (heads.size !== 1) continue;
    const variant = [...variants].sort(compareText)[0]!;
    const head = bare(variant.split(' ').pop()!);
    if (LEGAL_SUFFIXES.has(head)) merge(variant, prefix);
    else merge(prefix, variant);
  }

  mergeShortForms(candidates, byKey, acronyms, merge);

  // "Inner Mongolia Autonomous Region" / "Inner Mongolia", "Hubei Province" / "Hubei": a region named with and
  // without what kind of region it is. Not "County" or "City": "Franklin County" is not the town of Franklin.
  for (const candidate of candidates) {
    const designator = REGION_DESIGNATOR.exec(candidate.key);
    if (designator && designator.index > 0 && byKey.has(candidate.key.slice(0, designator.index)))
      merge(candidate.key.slice(0, designator.index), candidate.key);
  }

  // "Homeland Security Department" / "Department of Homeland Security": one body, its name said both ways.
  for (const candidate of candidates) {
    const reordered = reorderedAgencyName(candidate.key);
    if (reordered !== undefined && byKey.has(reordered)) merge(reordered, candidate.key);
  }

  // "Xbox One X" / "One X", "Dolby Atmos" / "Atmos": a believed maker or brand name in front. A person's
  // given names in front of their family name are no brand ("Te Kaurinui Parata").
  const personKeys = new Set(people.map((person) => person.key));
  for (const candidate of candidates) {
    if (personKeys.has(candidate.key)) continue;
    const words = candidate.key.split(' ');
    for (let cut = 1; cut < words.length; cut += 1) {
      const maker = byKey.get(words.slice(0, cut).join(' '));
      const rest = byKey.get(words.slice(cut).join(' '));
      if (!maker || !rest || maker.score < BELIEVED || isAllCommon(maker.words)) continue;
      if (sharedFamilyNames.has(rest.key)) continue;
      if (rest.score >= BELIEVED || rest.words.length > 1) merge(rest.key, candidate.key);
    }
  }

  const clusters = new Map<string, Cluster>();
  for (const candidate of candidates) {
    const mainKey = root(candidate.key);
    let cluster = clusters.get(mainKey);
    if (!cluster) {
      cluster = { main: byKey.get(mainKey)!, members: [] };
      clusters.set(mainKey, cluster);
    }
    cluster.members.push(candidate);
  }
  return { clusters: [...clusters.values()], sharedFamilyNames };
}

/**
 * "Walt Disney Co.", "Charles Schwab Corp.": a company named after its founder, written with its legal form,
 * which the story also calls by the family name alone.
 */
function isFounderCompanyOf(name: Candidate, familyName: string): boolean {
  const { words } = name;
  if (words.length !== 3 || !LEGAL_SUFFIXES.has(bare(words[2]!))) return false;
  return isFirstName(words[0]!) && bare(words[1]!) === familyName;
}

/**
 * How many people these full names name: a name whose words all stand, in order, in a longer one with the
 * same first and last word is that person again ("Te Kaurinui Parata", "Te Kaurinui Robert Parata").
 */
function distinctPeople(names: readonly Candidate[]): number {
  const keys = names.map((name) => name.key.split(' '));
  return keys.filter((words) => !keys.some((other) => isSameAsLonger(words, other))).length;
}

/** "Te Kaurinui Parata" in "Te Kaurinui Robert Parata": the same first and last word, the rest in order. */
function isSameAsLonger(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length || short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const word of long) if (word === short[at]) at += 1;
  return at === short.length;
}

const CONNECTOR_WORDS = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'du', 'des', 'la', 'le']);

/** The capitals a name's words begin with ("Pacific Gas & Electric Co." → "PGE"), legal forms left out. */
function initialsOf(words: readonly string[]): string {
  return words
    .filter((word) => !CONNECTOR_WORDS.has(bare(word)) && !LEGAL_SUFFIXES.has(bare(word)))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** "PS4" for "PlayStation" + "4": a camel-case word's capitals with the model number after it. */
function abbreviates(short: string, long: readonly string[], at: number): boolean {
  const parts = /^(\p{Lu}{2,})(\d+)$/u.exec(short);
  const word = long[at];
  const number = long[at + 1];
  if (!parts || !word || !number) return false;
  return word.replace(/\P{Lu}/gu, '') === parts[1] && number === parts[2];
}

/**
 * Merge the short forms a story uses for a name it also writes in full, when exactly one full name fits:
 * an acronym never defined in brackets ("CPUC" for "California Public Utilities Commission", "PUC" for its
 * part after the state, "U.S." for "United States"), a web address and its name ("Edmunds.com", "Edmunds"),
 * a plural ("iPhones", "Emirates Airlines"), and a model's short form ("PS4 Pro" for "PlayStation 4 Pro").
 */
function mergeShortForms(
  candidates: readonly Candidate[],
  byKey: ReadonlyMap<string, Candidate>,
  acronyms: AcronymDefinitions,
  merge: (child: string, main: string) => void,
): void {
  const multiWord = candidates.filter((candidate) => candidate.words.length > 1);
  for (const candidate of candidates) {
    const { words, key } = candidate;
    if (words.length === 1 && /^\p{Lu}[\p{Lu}.&]+$/u.test(words[0]!) && !acronyms.names.has(key)) {
      const letters = words[0]!.replace(/[.&]/g, '');
      const expansions = multiWord.filter((other) => {
        if (initialsOf(other.words) === letters) return true;
        // "PUC" after "California Public Utilities Commission": the initials after a place in front.
        return isKnownPlace(other.words[0]!) && initialsOf(other.words.slice(1)) === letters && letters.length > 2;
      });
      if (letters.length >= 2 && expansions.length === 1) merge(key, expansions[0]!.key);
    }
    const site = /^(.+)\.(?:com|net|org|co\.uk)$/.exec(key);
    if (site && words.length === 1 && byKey.has(site[1]!)) merge(site[1]!, key);
    const singular = key.replace(/s$/, '');
    if (singular !== key && singular.length > 3 && byKey.has(singular)) {
      const last = words[words.length - 1]!;
      if (words.length > 1 || /\p{Ll}\p{Lu}/u.test(last)) merge(key, singular);
    }
    const shortened = multiWord.filter((other) =>
      other.words.some(
        (_, at) =>
          abbreviates(words[0]!, other.words, at) &&
          other.words.length === words.length + 1 &&
          words.slice(1).every((word, index) => bare(word) === bare(other.words[at + 2 + index] ?? '')) &&
          at === 0,
      ),
    );
    if (shortened.length === 1) merge(key, shortened[0]!.key);
  }
}

// Family names by their shape: McCartney, MacDonald, Johnson, Hansen, Martinez, Kowalski, Ivanov, Ivanova, Bellini.
const SURNAME_SHAPE = /^(?:Mc|Mac)\p{Lu}|(?:son|sen|ez|ski|sky|ov|ova|ovich|ini|elli)$/u;

/**
 * Could these words be a person's full name: two or three capitalised words, no institution, place or
 * product word, and a given name in front or no ordinary English word at all ("Ken Doctor", "Hori Parata")?
 */
function looksLikeFullName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3 || hasInstitutionWord(words)) return false;
  if (!words.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !/\d/.test(word))) return false;
  const last = bare(words[words.length - 1]!);
  if (isKnownPlace(words.join(' ')) || PLACE_HEADS.has(last)) return false;
  // "Chicago Tribune", "Sony Pictures": a known place or organisation in front names a body, not a person.
  if (words.some((word) => isKnownName(word) || isKnownRegion(word) || isOrganizationWord(word))) return false;
  if (words.some((word) => PRODUCT_PARTS.has(bare(word)) || PRODUCT_NOUNS.has(bare(word)))) return false;
  return isFirstName(words[0]!) || words.every(isProperWord);
}

/** One to three initials, each with its dot: "S.", "J.J.". */
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/** How strongly the text says a multi-word candidate is a person (0 when it does not). */
function personEvidence(candidate: Candidate, byKey: ReadonlyMap<string, Candidate>): number {
  const { words, inText } = candidate;
  if (words.length < 2 || words.length > 4 || hasInstitutionWord(words)) return 0;
  if (!words.every((word) => /^\p{Lu}/u.test(word) || word === 'de' || word === 'van' || word === 'von')) return 0;
  // "S." in "Silvia S. Martins" is an initial, not the "S" of "Xbox One S".
  if (words.some((word) => /\d/.test(word) || (PRODUCT_PARTS.has(bare(word)) && !INITIALS.test(word)))) return 0;
  const familyName = words[words.length - 1]!;
  // "Sierra Nevada": a given name in front of a known place is a place's name.
  if (isKnownPlace(words.join(' ')) || PLACE_HEADS.has(bare(familyName)) || isKnownRegion(familyName)) return 0;
  // "Bartholomew County Sheriff": a place's head word inside a name makes it a place's office, not a person.
  if (words.slice(1, -1).some((word) => PLACE_HEADS.has(bare(word)))) return 0;
  if (endsInCommonWord(words, candidate.midSentence.length > 0)) return 0;
  let evidence = 0;
  if (isFirstName(words[0]!)) evidence += 2;
  // "Silvia S. Martins", "J.J. Abrams": an initial in a name is a person's, unless the initials are a country's.
  const middleInitial = words.slice(1, -1).some((word) => INITIALS.test(word));
  const leadingInitials = INITIALS.test(words[0]!) && !countryOfInitials(words[0]!) && words.length === 2;
  if (middleInitial || leadingInitials) evidence += 2;
  if (inText.some((m) => m.personTitle)) evidence += 2;
  if (inText.some((m) => m.speech)) evidence += 1;
  if (isLastName(familyName) || SURNAME_SHAPE.test(familyName)) evidence += 1;
  if (byKey.get(bare(familyName))?.inText.some((m) => m.personTitle)) evidence += 1;
  // "Elon Musk's xAI": a two- or three-word name owning another name is usually a person (companies own
  // products too, but "Apple's Vision Pro" has a one-word owner).
  if (candidate.possessesName && words.length <= 3 && words.every(isProperWord)) evidence += 1;
  return evidence;
}

/**
 * The kind of a cluster, from the strongest sign to the weakest. `believed`
 * holds the keys of every candidate that passed, so a brand in front of a
 * name ("Dolby Vision", "Apple Pay") can mark it as a product.
 */
function classify(cluster: Cluster, believed: ReadonlySet<string>): EntityKind | undefined {
  const { main, members } = cluster;
  const words = main.words;
  const lowerWords = words.map(bare);
  const phrase = words.join(' ');
  const all = members.flatMap((member) => member.inText);
  const byKey = new Map(members.map((member) => [member.key, member]));
  // "Sierra Nevada" shown for "Sierra Nevada Corp.": any member's institution word outweighs a given name.
  const institution = members.map((member) => hasInstitutionWord(member.words)).find(Boolean);
  // "Mr. Xi" for "Xi Jinping": a form of the name that takes an honorific is a person's.
  const honoured = members.some(
    (member) => member !== main && member.inText.some((m) => m.personTitle === 'honorific'),
  );
  if (!institution && (personEvidence(main, byKey) >= 2 || isReferredToByFamilyName(cluster) || honoured)) {
    return 'person';
  }
  if (institution) return institution;
  if (all.some((m) => m.programNoun)) return 'program';
  // "Congress", "Parliament", "the Times": an institution's head word written alone is that institution.
  if (words.length === 1 && INSTITUTION_HEADS.get(lowerWords[0]!) === 'organization') return 'organization';
  const last = lowerWords[lowerWords.length - 1]!;
  // "Toyota", "Paramount": a firm the lexicon knows outweighs a town of the same name in the list of cities.
  if (isPlaceName(phrase) && !(isKnownOrganization(phrase) && !isKnownPlace(phrase))) return 'place';
  if (words.length > 1 && (PLACE_HEADS.has(last) || isPlaceWord(last))) return 'place';
  if (words.length > 1 && COMPASS_WORDS.has(lowerWords[0]!) && isKnownPlace(words.slice(1).join(' '))) return 'place';
  if (all.some((m) => m.modifier === 'based' || m.placeAfterComma)) return 'place';
  if (all.some((m) => m.organizationNoun)) return 'organization';
  const brand = lowerWords[0]!;
  if (words.length > 1 && (believed.has(brand) || isKnownOrganization(brand)) && !isKnownPlace(brand)) {
    // "Mozilla Europe" is the maker's branch in a place, not a product.
    return isKnownPlace(last) ? 'organization' : 'product';
  }
  // "NASA", "NATO", "NFL": the bodies compromise knows by their initials are agencies, alliances and leagues
  // more often than firms.
  if (isKnownOrganization(phrase) && /^\p{Lu}{2,}$/u.test(phrase)) return 'organization';
  if (isKnownOrganization(phrase) || (words.length > 1 && isOrganizationWord(last))) return 'company';
  const productLike =
    words.some((word) => /\d/.test(word)) ||
    /^\p{Ll}+\p{Lu}\p{Ll}/u.test(words[0]!) ||
    /GPT/.test(phrase) ||
    // "Disney+", "Apple TV+": a plus sign after a brand names its subscription service.
    /\+$/.test(phrase) ||
    all.some((m) => m.productNoun) ||
    all.some((m) => m.afterPrice) ||
    all.some((m) => m.possessor !== undefined && !/\s/.test(m.possessor)) ||
    (words.length > 1 && (PRODUCT_PARTS.has(last) || PRODUCT_NOUNS.has(last)));
  if (productLike) return 'product';
  if (all.some((m) => m.modifier === 'owned')) return 'company';
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!)) return 'organization';
  // "a harbour near Oskarby", "the coast of Varnhem": a single name the story only writes where a place goes.
  // A name the story writes where a place goes two times or more, most of the times it writes it, is one too; so is
  // a name after a compass word ("eastern Varnhem").
  if (words.length === 1 && all.length > 0) {
    const placed = all.filter((m) => m.afterPlacePreposition).length;
    if (placed === all.length || (placed >= 2 && placed * 2 > all.length) || all.some((m) => m.afterCompass)) {
      return 'place';
    }
  }
  // A family name on its own ("analyst Breen", "Mr Iyer", a listed surname): a person.
  if (words.length === 1 && (all.some((m) => m.personTitle) || isLastName(words[0]!))) return 'person';
  if (personEvidence(main, byKey) >= 1 && words.length > 1 && words.length <= 3) return 'person';
  return kindByNeighbourhood(all);
}

/**
 * The kinds of the clusters that no sign of their own settles, from the names listed beside them: "Gears of
 * War 4, Killer Instinct and Super Lucky's Tale" are three games, "Astrobotic, Intuitive Machines and …"
 * three companies. A list holds things of one kind; with no such list, a single word is taken for a company
 * and a longer name for an organisation.
 */
function settleKinds(
  clusters: readonly Cluster[],
  believed: ReadonlySet<string>,
  listed: ReadonlySet<string>,
): Map<Cluster, EntityKind> {
  const settled = new Map<Cluster, EntityKind>();
  for (const cluster of clusters) {
    const kind = classify(cluster, believed);
    // "Lowe's (LOW)": a name with a stock symbol is traded, so it is a company, not the person it sounds like.
    const traded = listed.has(cluster.main.key);
    if (kind) settled.set(cluster, traded && kind === 'person' ? 'company' : kind);
  }
  const clusterOf = new Map<string, Cluster>();
  for (const cluster of clusters) for (const member of cluster.members) clusterOf.set(member.key, cluster);
  // Twice, so a kind read from a list reaches the name after it ("…, Killer Instinct and Super Lucky's Tale").
  for (let round = 0; round < 2; round += 1) {
    const fromLists = new Map<Cluster, EntityKind>();
    for (const cluster of clusters) {
      if (settled.has(cluster)) continue;
      const kind = kindOfSeries(cluster, clusterOf, settled);
      if (kind) fromLists.set(cluster, kind);
    }
    for (const [cluster, kind] of fromLists) settled.set(cluster, kind);
  }
  for (const cluster of clusters) {
    if (!settled.has(cluster)) settled.set(cluster, cluster.main.words.length === 1 ? 'company' : 'organization');
  }
  return settled;
}

/** The one kind the names in a series with this cluster's mentions have, if they agree more than not. */
function kindOfSeries(
  cluster: Cluster,
  clusterOf: ReadonlyMap<string, Cluster>,
  settled: ReadonlyMap<Cluster, EntityKind>,
): EntityKind | undefined {
  const votes = new Map<EntityKind, number>();
  for (const member of cluster.members) {
    for (const mention of member.inText) {
      if (!mention.inSeries) continue;
      for (const key of mention.listNeighbours) {
        const neighbour = clusterOf.get(key);
        const kind = neighbour && neighbour !== cluster ? settled.get(neighbour) : undefined;
        if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
      }
    }
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (!ranked[0] || (ranked[1] && ranked[1][1] === ranked[0][1])) return undefined;
  return ranked[0][0];
}

/** A short name whose last word is also written alone in the story ("Tim Cook" … "Cook said"): a person. */
function isReferredToByFamilyName(cluster: Cluster): boolean {
  const words = cluster.main.words;
  if (!looksLikeFullName(words)) return false;
  const familyName = bare(words[words.length - 1]!);
  return cluster.members.some(
    (member) => member !== cluster.main && member.key === familyName && member.inText.some((m) => !m.possessor),
  );
}

/**
 * "Killer Instinct" beside "play" and "game", "Orbex" beside "shares" and "founded": with no stronger
 * sign, the words around a name's mentions say whether it is a product or a company.
 */
function kindByNeighbourhood(mentions: readonly Mention[]): EntityKind | undefined {
  let product = 0;
  let company = 0;
  for (const mention of mentions) {
    for (const word of mention.nearby) {
      if (PRODUCT_CONTEXT.has(word)) product += 1;
      else if (COMPANY_CONTEXT.has(word)) company += 1;
    }
  }
  // A name written once has one neighbourhood: one word of a kind, and none of the other, is all it can show.
  const needed = mentions.length === 1 ? 1 : 2;
  if (product >= needed && product > company * 2) return 'product';
  if (company >= needed && company > product * 2) return 'company';
  return undefined;
}

/** A single word merged into a person's name as their family name that is also an ordinary English word. */
function isFamilyWord(member: Candidate, main: Candidate): boolean {
  const word = member.words[0]!;
  return bare(main.words[main.words.length - 1]!) === member.key && isListedCommonWord(word) && !isLastName(word);
}

/** What `toEntity` needs to know about the rest of the article's candidates. */
interface EntityContext {
  known: KnownNames;
  /** Keys of the candidates that reached `BELIEVED`. */
  passed: ReadonlySet<string>;
  clusterOf: ReadonlyMap<string, Cluster>;
  /** Each cluster's kind (see `settleKinds`). */
  kinds: ReadonlyMap<Cluster, EntityKind>;
}

function toEntity(cluster: Cluster, { known, clusterOf, kinds }: EntityContext): DiscoveredEntity | undefined {
  const { main, members } = cluster;
  // A given name alone ("Marco", "Samantha") would light up every page that mentions anyone so named.
  if (main.words.length === 1 && isFirstName(main.words[0]!) && !isKnownName(main.words[0]!)) return undefined;
  let name = main.words.join(' ');
  const lastWord = bare(main.words[main.words.length - 1]!);
  if (LEGAL_SUFFIXES.has(lastWord) && main.words.length > 1) {
    // "Roxr Software Ltd." is shown as "Roxr Software", unless the short name is another entity's
    // ("Mozilla Corporation" beside the "Mozilla" of the foundation).
    const shortName = main.words.slice(0, -1);
    const owner = clusterOf.get(keyOf(shortName));
    if (!owner || owner === cluster) name = shortName.join(' ');
  }
  const aliases = new Set<string>();
  const shortForms = new Set<string>();
  const ordered = [...members].sort((a, b) => b.mentions.length - a.mentions.length || compareText(a.key, b.key));
  for (const member of ordered) {
    // A given name merged into a full name, for the same reason, names the entity only beside its full
    // name; so does a family name that is an English word ("Cook", "Doctor"), which every other story and
    // page would match.
    const short =
      member !== main &&
      member.words.length === 1 &&
      (isFirstName(member.words[0]!) || (main.words.length > 1 && isFamilyWord(member, main)));
    for (const form of [...member.forms.keys()].sort(compareText)) {
      if (form === name || known.covers(form.split(' '))) continue;
      aliases.add(form);
      if (short) shortForms.add(form);
    }
    // "Mr. Cook", "Ms. Parry": a title makes the family name a name wherever it stands.
    for (const form of [...member.titledForms].sort(compareText)) aliases.add(form);
  }
  const confidence = Math.max(...members.map((member) => member.score));
  return {
    name,
    kind: kinds.get(cluster)!,
    aliases: [name, ...[...aliases].filter((alias) => alias !== name)],
    ...(shortForms.size > 0 && { shortForms: [...shortForms] }),
    mentions: members.reduce((sum, member) => sum + member.mentions.length, 0),
    confidence,
  };
}
