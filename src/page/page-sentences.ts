/**
 * The page's sentences that may state a figure about an entity: a block's
 * text cut into sentences, and those that hold a found mention and a number
 * chosen to be checked (`figures/check`). Pure: plain text and offsets in,
 * so the cut is tested in Node; `figure-checks.ts` reads the blocks.
 */

/** A sentence of a block: its text and where it starts in the block's text (UTF-16). */
export interface PageSentence {
  readonly text: string;
  readonly start: number;
}

/** A mention's place in a block's text, `end` exclusive. */
export interface BlockMention {
  readonly entityId: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence to check, with its mentions at offsets within it. */
export interface SentenceToCheck extends PageSentence {
  readonly mentions: BlockMention[];
}

/**
 * Where a sentence may end: `.`, `!`, `?` or `…`, closing quotes or brackets
 * after it, then white space. Whether it does end depends on what follows.
 */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;
/** A word of one capital letter or a short all-capital abbreviation before the point: "J.", "U.S.", "Inc.", "Dr.". */
const ABBREVIATION_BEFORE =
  /(?:^|[\s(])(?:[A-Z]|(?:[A-Z]\.)+[A-Z]?|Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|Jr|Sr|No|vs|etc|Gov|Sen|Rep|Gen|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/**
 * The sentences of `text`, trimmed, with their offsets. A point ends a
 * sentence only before white space and then a capital, a digit, a quote or
 * a bracket; an abbreviation's point ("U.S. officials", "Dr. Ruiz") ends one
 * only when a lower-case word does not follow and the point is not a title's
 * or an initial's; a decimal point ("$1.5") is never followed by white space.
 */
export function sentencesOf(text: string): PageSentence[] {
  const sentences: PageSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + lead });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    const next = /\S/.exec(text.slice(end, end + 40));
    if (!next) continue;
    const following = next[0];
    if (!/[A-Z0-9"“‘'([]/.test(following)) continue;
    if (
      match[0].startsWith('.') &&
      match[0].length === 1 &&
      ABBREVIATION_BEFORE.test(text.slice(Math.max(0, end - 12), end))
    ) {
      continue;
    }
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

/** Digits, or the words in which articles write amounts and changes. */
const NUMBER_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|half|quarter|third|double[ds]?|triple[ds]?|percent)\b/i;

/**
 * The sentences of a block worth checking: those holding at least one of
 * `mentions` (offsets in `text`) and something that reads as a number, with
 * the mentions they hold at offsets within the sentence. `maxLength`: longer
 * "sentences" (a list or a table run together) are left out.
 */
export function sentencesToCheck(
  text: string,
  mentions: readonly BlockMention[],
  maxLength: number,
): SentenceToCheck[] {
  if (mentions.length === 0) return [];
  const checked: SentenceToCheck[] = [];
  for (const sentence of sentencesOf(text)) {
    if (sentence.text.length > maxLength) continue;
    const end = sentence.start + sentence.text.length;
    const inside = mentions
      .filter((mention) => mention.start >= sentence.start && mention.end <= end)
      .map((mention) => ({
        entityId: mention.entityId,
        start: mention.start - sentence.start,
        end: mention.end - sentence.start,
      }));
    if (inside.length === 0 || !NUMBER_HINT.test(sentence.text)) continue;
    checked.push({ ...sentence, mentions: inside });
  }
  return checked;
}

/** A block's text with each run of white space read as one space, and the way back to the text as written. */
export interface CollapsedText {
  readonly text: string;
  /** The offset in the text as written of offset `offset` of `text` (its end maps to the written end). */
  toRaw(offset: number): number;
  /** The offset of `text` at or after the written offset `rawOffset`. */
  fromRaw(rawOffset: number): number;
}

/** Any white space but a lone space: what collapsing changes. */
const COLLAPSIBLE = /[^\S ]| {2}/;

/**
 * `raw` with runs of white space (line breaks and indentation of the page's
 * source) read as one space, as a reader sees it: the figure readers take
 * "about $240\n    million" as they take "about $240 million". The way back
 * is kept as the places where the two texts' offsets part (one per run), so
 * a block without such runs costs one test.
 */
export function collapseWhitespace(raw: string): CollapsedText {
  if (!COLLAPSIBLE.test(raw)) {
    return { text: raw, toRaw: (offset) => offset, fromRaw: (rawOffset) => rawOffset };
  }
  // Segment k starts at collapsedStarts[k] in the text and rawStarts[k] as written; inside one, both run alike.
  const collapsedStarts = [0];
  const rawStarts = [0];
  let removed = 0;
  const text = raw.replace(/\s+/g, (run: string, at: number) => {
    if (run !== ' ') {
      removed += run.length - 1;
      collapsedStarts.push(at + run.length - removed);
      rawStarts.push(at + run.length);
    }
    return ' ';
  });
  const segmentOf = (starts: readonly number[], offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    text,
    toRaw: (offset) => {
      const segment = segmentOf(collapsedStarts, offset);
      return rawStarts[segment]! + offset - collapsedStarts[segment]!;
    },
    fromRaw: (rawOffset) => {
      const segment = segmentOf(rawStarts, rawOffset);
      const offset = collapsedStarts[segment]! + rawOffset - rawStarts[segment]!;
      // Inside a run of white space, past its first character: the next word's start.
      const next = collapsedStarts[segment + 1];
      return next === undefined ? offset : Math.min(offset, next);
    },
  };
}

/** Whether `text` has anything that reads as a number: a block without one holds no figure. */
export function mayStateFigure(text: string): boolean {
  return NUMBER_HINT.test(text);
}
