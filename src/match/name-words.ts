/**
 * The words around a name: whether a capitalised word next to an alias makes
 * it part of a longer proper name ("Robert Gates", "The Boston Globe",
 * "South Korea", "Apple Records"), or merely stands beside it ("President
 * Trump", "Microsoft CEO", "In Boston", "Microsoft's").
 *
 * Pure string work on the few characters either side of a mention; the page
 * layer hands over the text of the mention's inline run (see `decide.ts`).
 * Issue #12 motivates every list below: each word here was seen capitalised
 * next to a name without being part of it.
 */

/** A set of the words of `text`, split at spaces. */
function wordSet(text: string): ReadonlySet<string> {
  return new Set(text.split(' '));
}

/**
 * Capitalised words that stand before a name without being part of it: titles
 * and honorifics, and the words that open sentences or headlines.
 */
const NOT_NAME_BEFORE = wordSet(
  // Titles and honorifics.
  'mr mrs ms mx dr prof professor sir dame lord lady president vice ' +
    'sen senator rep representative gov governor mayor judge justice secretary ' +
    'minister chancellor premier prime ambassador speaker leader chairman chairwoman ' +
    'chair chief ceo cfo cto coo founder cofounder co-founder director executive ' +
    'general gen adm admiral col colonel capt captain lt sgt officer agent ' +
    'pope king queen prince princess emperor rev reverend father sister saint ' +
    'coach analyst former late candidate nominee billionaire rival rivals partner ' +
    'partners investor investors player star host author editor reporter spokesman ' +
    'spokeswoman spokesperson attorney lawyer critic critics fan fans user users ' +
    // Words that open sentences and headlines.
    'a an the and but or nor so yet for of in on at to by with ' +
    'from into onto over under about above below after before since until ' +
    'during against between among amid around across behind beyond inside ' +
    'outside within without through throughout toward towards upon via vs versus ' +
    'like unlike as if when while where why how what who whom whose ' +
    'which that this these those there here then than though although because ' +
    'unless whether once also even only just still now today tonight ' +
    'yesterday tomorrow meanwhile however indeed instead perhaps maybe already ' +
    'both either neither each every all any some many most more much few ' +
    'several no not never always often last next old big top why ' +
    'his her hers its their our your my he she it they we you i ' +
    'is are was were be been being has have had do does did will ' +
    'would can could should may might must shall says said say tells ' +
    'told asks asked see watch read meet ask call tell let make get ' +
    'why exclusive breaking update updated opinion analysis review photos video ' +
    'watch listen related sponsored advertisement more share follow subscribe ' +
    'thanks thank dear hey hi hello yes well oh per including according ' +
    'despite following ahead regarding plus minus about re cc by ' +
    // Numbers that open sentences: "Two U.S. troops".
    'one two three four five six seven eight nine ten dozens hundreds thousands millions ' +
    // Parties and nationalities: "ranking Republican Devin Nunes", "Ukrainian President".
    'republican republicans democrat democrats democratic gop labour tory conservative liberal independent ' +
    'american british chinese russian ukrainian german french japanese indian canadian mexican israeli ' +
    'iranian korean european australian italian spanish irish scottish saudi turkish brazilian african ' +
    'swiss dutch swedish polish greek egyptian syrian iraqi afghan pakistani vietnamese taiwanese ' +
    // More titles and institutions before names: "National Security Adviser John Bolton", "House Democrats".
    'adviser advisor aide envoy deputy assistant counsel commissioner administrator manager ' +
    'house senate congressional federal ' +
    // Legal forms ending one name before the next: "Business Insider Inc Nintendo".
    'inc corp co ltd llc plc ' +
    // Words of page furniture and sentence openers: "View CBS News", "Courtesy Google", "Whatever Apple did".
    'view visit download open try buy shop explore search learn contact sign join courtesy latest ' +
    'whatever whichever whoever wherever',
);

/**
 * Capitalised words that follow a name without extending it: legal forms,
 * job titles, and the verbs and small words of Title Case headlines.
 */
const NOT_NAME_AFTER = wordSet(
  // Legal forms: "Apple Inc." is Apple.
  'inc corp corporation co ltd llc plc ag sa se nv gmbh limited holdings ' +
    // Job titles: "Microsoft CEO Satya Nadella".
    'ceo cfo cto coo chief president founder cofounder co-founder chairman ' +
    'chairwoman executive executives spokesman spokeswoman spokesperson officials boss ' +
    'employees staff shares stock investors analysts ' +
    // Headline verbs and small words.
    'says said say to and or of in on at for with from by as is ' +
    'are was were has have had will would can could may might should ' +
    'vs versus after before over under amid into about against but not ' +
    'wants plans gets makes takes sees hits faces adds cuts buys sells ' +
    'launches unveils announces reports reveals warns sues wins loses beats ' +
    'misses raises lays hires fires bets backs joins leaves drops rises falls ' +
    'jumps slips soars plunges tops signs agrees confirms denies expands ' +
    'opens closes invests partners teams debuts releases updates tests pushes ' +
    'seeks calls told tells asks just now also again today this that ' +
    'these those who which where when while if than then the a an be been being do does did',
);

/**
 * Capitalised words after a name that make a longer name of another thing,
 * whatever the name is: "Apple Records", "the MIT License", "Trump Tower".
 */
const BORROWING_AFTER = wordSet(
  'records license licence tower towers foundation times post journal globe herald magazine reporter ' +
    'tribune gazette chronicle daily weekly review rainforest river wall street avenue square park stadium ' +
    'airport university college school institute hospital hotel bridge festival week award awards prize',
);

/**
 * Capitalised words after a place's name that name its own institutions and
 * people, so the place is still meant: "U.S. Senate", "Virginia Democrats".
 */
const PLACE_OWN_AFTER = wordSet(
  'senate house congress department ministry government army navy marines military forces police ' +
    'democrats republicans ambassador attorney embassy court courts supreme authority agency secretary ' +
    'senator governor president representative treasury troops officials edition team citizens voters ' +
    'state national federal public capitol politics news business economy markets weather sports ' +
    'election elections privacy health travel border trade',
);

/** Capitalised words after a person's name that still mean the person: "Trump Administration", "Jr.". */
const PERSON_OWN_AFTER = wordSet('administration campaign jr sr ii iii iv family');

/** What sort of thing a name names, for the words after it (see `extendsNameAfter`). */
export type NamedKind = 'person' | 'place' | 'thing';

/** A character of a word as the rules read it: letters, digits, marks, and the dots, apostrophes and hyphens inside names. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}.'’-]/u;
const WORD_START = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
const UPPER_FIRST = /^\p{Lu}/u;
/** Capitalised as a name is, camel case included ("iOS", "eBay"). */
const HAS_CAPITAL = /^\p{Ll}?\p{Lu}/u;
/** Endings of verbs and adverbs, which names before a name seldom have. */
const VERB_OR_ADVERB = /\p{Ll}{2}(?:ing|ly)$/u;
/** A compound adjective ending in a lower-case word: "Amazon-owned", "Seattle-based". */
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;
const ALL_CAPS = /^[\p{Lu}\p{N}.&-]+$/u;
const INITIAL = /^\p{Lu}\.$/u;
const POSSESSIVE = /['’]s?$/u;
const LETTER = /\p{L}/u;

/** The word right before a mention, when only whitespace parts them; `null` at punctuation or the run's start. */
export function wordBefore(before: string): string | null {
  return wordBeforeAt(before, before.length);
}

/** The word that ends, followed by whitespace only, at `at` of `before`. */
function wordBeforeAt(before: string, at: number): string | null {
  // Scanned by hand from the end: a pattern anchored at the end would try every start.
  let end = at;
  while (end > 0 && SPACE.test(before.charAt(end - 1))) end--;
  if (end === at || end === 0) return null;
  let start = end;
  while (start > 0 && WORD_CHAR.test(before.charAt(start - 1))) start--;
  while (start < end && !WORD_START.test(before.charAt(start))) start++;
  return start < end ? before.slice(start, end) : null;
}

/** The word right after a mention, when only whitespace parts them; `null` at punctuation or the run's end. */
export function wordAfter(after: string): string | null {
  let start = 0;
  while (start < after.length && SPACE.test(after.charAt(start))) start++;
  if (start === 0 || start === after.length || !WORD_START.test(after.charAt(start))) return null;
  let end = start;
  while (end < after.length && WORD_CHAR.test(after.charAt(end)) && after.charAt(end) !== '.') end++;
  return after.slice(start, end).replace(/['’-]+$/u, '');
}

function bare(word: string): string {
  return word.replace(/[.'’]+$/u, '').toLowerCase();
}

/**
 * Whether `word`, standing right before a name, makes a longer proper name
 * with it: a capitalised word that is not a title, not a sentence opener, not
 * a possessive ("Microsoft's Azure") and not an acronym ("US Senator",
 * "CEO"). A single initial ("George W. Bush") does. `earlier`: the text
 * before `word`, for a listed word standing inside a name.
 */
export function extendsNameBefore(word: string, earlier = ''): boolean {
  if (INITIAL.test(word)) return true;
  // A verb or an adverb opening a sentence: "Questioning Vindman's judgment", "Reportedly Trump".
  if (VERB_OR_ADVERB.test(word)) return false;
  // A full stop after a longer word ends a sentence or an abbreviation ("Sen.", "Inc.").
  if (!UPPER_FIRST.test(word) || POSSESSIVE.test(word) || word.endsWith('.')) return false;
  if (COMPOUND_ADJECTIVE.test(word)) return false;
  if (ALL_CAPS.test(word)) return false;
  if (!NOT_NAME_BEFORE.has(bare(word))) return true;
  // A listed word inside a name still is part of it: "Melinda French Gates", after a given name.
  const previous = wordBeforeAt(earlier, earlier.length);
  return previous !== null && extendsNameBefore(previous) && !INITIAL.test(previous);
}

/**
 * Whether `word`, standing right after a name of an entity of kind `kind`,
 * makes a longer proper name of another thing with it: a capitalised word
 * that is not a legal form, a job title, a headline verb nor an acronym, and
 * after a company's or product's name only a word that makes names of other
 * things ("Apple Records"; "Apple Watch" is Apple's own), after a place's not
 * one of its institutions ("U.S. Senate"), after a person's not their
 * administration.
 */
export function extendsNameAfter(word: string, kind: NamedKind): boolean {
  if (!UPPER_FIRST.test(word) || ALL_CAPS.test(word) || COMPOUND_ADJECTIVE.test(word)) return false;
  const key = bare(word);
  if (NOT_NAME_AFTER.has(key)) return false;
  if (BORROWING_AFTER.has(key)) return true;
  if (kind === 'place') return !PLACE_OWN_AFTER.has(key);
  if (kind === 'person') return !PERSON_OWN_AFTER.has(key);
  return false;
}

/** Small words Title Case leaves in lower case. */
const SMALL_WORDS = wordSet(
  'a an the and but or nor for of in on at to by with from as ' + 'vs via into over up off per than is',
);

/**
 * Whether `run` (the text of a headline, a menu entry, a caption line) is set
 * in Title Case: at least two words that count, and every one of them
 * capitalised. There, a capital tells nothing about where names end.
 */
export function isTitleCase(run: string): boolean {
  let counted = 0;
  for (const raw of run.split(/[\s/|·•–—:]+/u)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!LETTER.test(word)) continue;
    if (SMALL_WORDS.has(word.toLowerCase())) continue;
    if (!HAS_CAPITAL.test(word)) return false;
    counted++;
  }
  return counted >= 2;
}

const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * Whether a lower-case word stands in prose: lower-case words on both sides
 * ("more jobs in"), not a list of icon labels ("twitter instagram email"),
 * which `adjoinsName` tells, nor a sentence's edge.
 */
export function standsInProse(before: string, after: string): boolean {
  const left = wordBefore(before);
  const right = wordAfter(after);
  return left !== null && right !== null && LOWER_WORD.test(left) && LOWER_WORD.test(right);
}
