/**
 * A draft label file for one page of the marks corpus (`tests/fixtures/corpora/marks/`, issue 12): the page's
 * visible text as the corpus defines it, and every mention the current matcher (`src/match`, compiled from the
 * grown fact base, with the page-wide context rule the page layer applies today) finds in it, each with the
 * prefix and suffix that make it unique on the page. The labeller corrects it by hand: a wrong mark moves to
 * `notMentions` with a note, a mention the matcher missed is added. The draft is where labelling starts, never
 * the labels themselves.
 *
 *   npm run marks:candidates -- [--origin TEXT] [--split tune|aside|unseen] [--review] [--text] PAGE.html
 *
 * Prints the draft JSON. `--review` prints instead one line per candidate with a wider context and the
 * entity's name, numbered, and after them the occurrences of entity names the matcher did not mark (a word of
 * a person's name alone, a name in another case), which are where missed mentions hide. `--text` prints the
 * visible text.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { FactBase, type Entity } from '../src/facts/schema';
import { compileMatcher } from '../src/match/matcher';
import { buildMatcherPayload } from '../src/match/payload';

const repoRoot = resolve(import.meta.dirname, '..');
const grownFile = join(repoRoot, 'tests/fixtures/corpora/marks/factbase/grown.json');

/** Elements whose text is not part of the visible text (MARKS-FORMAT: script, style, noscript, template). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Elements that start a block: their text is parted from the text around it by one space. */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN MENU NAV OL OPTION P PRE SECTION SUMMARY TABLE TBODY TD ' +
    'TFOOT TH THEAD TR UL BODY HTML IMG INPUT SELECT BUTTON TEXTAREA IFRAME VIDEO AUDIO'
  ).split(' '),
);

/** The page's visible text: one string, with each text node's whitespace runs collapsed to one space. */
function visibleText(html: string): string {
  const { document } = parseHTML(html);
  const parts: string[] = [];
  // A block boundary asks for one space before the next text, never two, never at the start.
  let spaceWanted = false;
  const addText = (data: string) => {
    const text = data.replace(/\s+/g, ' ');
    if (text === '') return;
    if (spaceWanted && parts.length > 0 && !/\s$/.test(parts.at(-1)!) && !text.startsWith(' ')) parts.push(' ');
    spaceWanted = false;
    parts.push(text);
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) addText((child as Text).data);
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIPPED.has(element.tagName.toUpperCase())) continue;
        if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
        const block = BLOCKS.has(element.tagName.toUpperCase());
        if (block) spaceWanted = true;
        walk(element);
        if (block) spaceWanted = true;
      }
    }
  };
  walk(document.body ?? document.documentElement);
  // Runs of space where text nodes meet ("Amazon " + " Microsoft") collapse too, as a reader sees them.
  return parts.join('').replace(/ {2,}/g, ' ').trim();
}

/** One occurrence as the corpus names it. */
interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** The shortest prefix and suffix (8 to 32 characters) that make `text[start, end)` unique on the page. */
function anchorOf(text: string, start: number, end: number): Anchor {
  const exact = text.slice(start, end);
  let length = 8;
  for (; length < 32; length += 4) {
    const prefix = text.slice(Math.max(0, start - length), start);
    const suffix = text.slice(end, end + length);
    if (countOf(text, prefix + exact + suffix) === 1) break;
  }
  return { exact, prefix: text.slice(Math.max(0, start - length), start), suffix: text.slice(end, end + length) };
}

interface Candidate extends Anchor {
  start: number;
  end: number;
  entity: string;
}

/** The matcher's mentions in `text`, as the page layer keeps them today (context-requiring ones only with context). */
function candidatesIn(text: string, factBase: FactBase): { marked: Candidate[]; withoutContext: Candidate[] } {
  const matcher = compileMatcher(buildMatcherPayload(factBase));
  const withContext = matcher.entitiesWithContext(text);
  const marked: Candidate[] = [];
  const withoutContext: Candidate[] = [];
  for (const { start, end, entityId } of matcher.findMentions(text)) {
    const candidate = { ...anchorOf(text, start, end), start, end, entity: entityId };
    if (matcher.contextEntityIds.has(entityId) && !withContext.has(entityId)) withoutContext.push(candidate);
    else marked.push(candidate);
  }
  return { marked, withoutContext };
}

/**
 * Where a missed mention may hide: a word of a marked entity's name standing alone (a surname, a short form),
 * or a name in another case, where no mark covers it.
 */
function possibleMisses(text: string, marked: readonly Candidate[], entities: ReadonlyMap<string, Entity>) {
  const covered = (start: number, end: number) => marked.some((mark) => mark.start < end && start < mark.end);
  const misses: { start: number; end: number; entity: string }[] = [];
  for (const id of new Set(marked.map((mark) => mark.entity))) {
    const entity = entities.get(id)!;
    const words = new Set<string>(entity.aliases.map((alias) => alias.toLowerCase()));
    if (entity.kind === 'person') {
      for (const word of entity.name.split(/\s+/)) if (word.length >= 3 && /^\p{Lu}\p{Ll}/u.test(word)) words.add(word);
    }
    for (const word of words) {
      const flags = entity.kind === 'person' && !/^\p{Ll}/u.test(word) ? 'gu' : 'giu';
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        flags,
      );
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (!covered(start, end)) misses.push({ start, end, entity: id });
      }
    }
  }
  const seen = new Set<string>();
  return misses
    .sort((a, b) => a.start - b.start)
    .filter((miss) => !seen.has(`${miss.start}`) && seen.add(`${miss.start}`));
}

const { values, positionals } = parseArgs({
  options: {
    origin: { type: 'string' },
    split: { type: 'string' },
    review: { type: 'boolean' },
    text: { type: 'boolean' },
  },
  allowPositionals: true,
});
const [pagePath] = positionals;
if (!pagePath) {
  console.error('usage: marks-candidates.ts [--origin TEXT] [--split tune|aside|unseen] [--review] [--text] PAGE.html');
  process.exit(2);
}

const text = visibleText(readFileSync(pagePath, 'utf8'));
if (values.text) {
  console.log(text);
  process.exit(0);
}
const factBase = FactBase.parse(JSON.parse(readFileSync(grownFile, 'utf8')));
const entities = new Map(factBase.entities.map((entity) => [entity.id, entity]));
const { marked, withoutContext } = candidatesIn(text, factBase);

if (values.review) {
  const line = (start: number, end: number) =>
    `${text.slice(Math.max(0, start - 60), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 60)}`;
  marked.forEach((mark, index) =>
    console.log(`${index}\t${mark.entity} (${entities.get(mark.entity)!.name})\t${line(mark.start, mark.end)}`),
  );
  for (const mark of withoutContext) console.log(`no-context\t${mark.entity}\t${line(mark.start, mark.end)}`);
  for (const miss of possibleMisses(text, marked, entities))
    console.log(`miss?\t${miss.entity}\t${line(miss.start, miss.end)}`);
} else {
  const page = basename(pagePath).replace(/\.html?$/, '');
  const draft = {
    page,
    origin: values.origin ?? '',
    split: values.split ?? 'tune',
    mentions: marked.map(({ exact, prefix, suffix, entity }) => ({ exact, prefix, suffix, entity })),
    notMentions: [],
  };
  console.log(JSON.stringify(draft, null, 2));
}
