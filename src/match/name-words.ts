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
    'several no not never always often last next new old big top why ' +
    'his her hers its their our your my he she it they we you i ' +
    'is are was were be been being has have had do does did will ' +
    'would can could should may might must shall says said say tells ' +
    'told asks asked see watch read meet ask call tell let make get ' +
    'why exclusive breaking update updated opinion analysis review photos video ' +
    'watch listen related sponsored advertisement more share follow subscribe ' +
    'thanks thank dear hey hi hello yes well oh per including according ' +
    'despite following ahead regarding plus minus about re cc by',
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
    'these those who which where when while if than then the a an',
);

/** A character of a word as the rules read it: letters, digits, marks, and the dots, apostrophes and hyphens inside names. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}.'’-]/u;
const WORD_START = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
const UPPER_FIRST = /^\p{Lu}/u;
/** Capitalised as a name is, camel case included ("iOS", "eBay"). */
const HAS_CAPITAL = /^\p{Ll}?\p{Lu}/u;
/** A compound adjective ending in a lower-case word: "Amazon-owned", "Seattle-based". */
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;
const ALL_CAPS = /^[\p{Lu}\p{N}.&-]+$/u;
const INITIAL = /^\p{Lu}\.$/u;
const POSSESSIVE = /['’]s?$/u;
const LETTER = /\p{L}/u;

/** The word right before a mention, when only whitespace parts them; `null` at punctuation or the run's start. */
export function wordBefore(before: string): string | null {
  // Scanned by hand from the end: a pattern anchored at the end would try every start.
  let end = before.length;
  while (end > 0 && SPACE.test(before.charAt(end - 1))) end--;
  if (end === before.length || end === 0) return null;
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
 * "CEO"). A single initial ("George W. Bush") does.
 */
export function extendsNameBefore(word: string): boolean {
  if (INITIAL.test(word)) return true;
  // A full stop after a longer word ends a sentence or an abbreviation ("Sen.", "Inc.").
  if (!UPPER_FIRST.test(word) || POSSESSIVE.test(word) || word.endsWith('.')) return false;
  if (COMPOUND_ADJECTIVE.test(word)) return false;
  if (ALL_CAPS.test(word)) return false;
  return !NOT_NAME_BEFORE.has(bare(word));
}

/**
 * Whether `word`, standing right after a name, makes a longer proper name
 * with it ("Globe" after "Boston", "Records" after "Apple"): a capitalised
 * word that is not a legal form, a job title, a headline verb nor an acronym.
 */
export function extendsNameAfter(word: string): boolean {
  if (!UPPER_FIRST.test(word) || ALL_CAPS.test(word) || COMPOUND_ADJECTIVE.test(word)) return false;
  return !NOT_NAME_AFTER.has(bare(word));
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
