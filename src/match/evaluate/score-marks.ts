/**
 * The scorer of `npm run eval:marks`: how right the marks on a page are,
 * against hand labels (`tests/fixtures/corpora/marks/`, format in its
 * README). Pure: it takes the page's visible text and the marks in it as
 * plain data, so the CI floor test and the script score alike.
 *
 * Labels and marks are placed in the visible text with every whitespace
 * character removed: the labellers' text and ours may join text nodes with
 * or without a space, and a label names its occurrence by the text before
 * and after it, which stays unique without spaces.
 */
import * as z from 'zod/mini';

/** One labelled occurrence of a name. */
export const LabelledMention = z.object({
  exact: z.string().check(z.minLength(1)),
  prefix: z.string(),
  suffix: z.string(),
  /** The entity meant, or the candidates a reader is to be offered when the page does not say which. */
  entity: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  /** `no-alias`: the fact base has no alias for this form; a reader would still expect it marked. */
  reach: z.optional(z.string()),
  note: z.optional(z.string()),
});
export type LabelledMention = z.infer<typeof LabelledMention>;

/** An occurrence a naive matcher would mark that is not a mention. */
export const LabelledNotMention = z.object({
  exact: z.string().check(z.minLength(1)),
  prefix: z.string(),
  suffix: z.string(),
  note: z.optional(z.string()),
});

/** `labels/<page-id>.json`. */
export const PageLabels = z.object({
  page: z.string(),
  origin: z.optional(z.string()),
  split: z.enum(['tune', 'aside', 'unseen']),
  mentions: z.array(LabelledMention),
  notMentions: z.optional(z.array(LabelledNotMention)),
});
export type PageLabels = z.infer<typeof PageLabels>;

/** A corpus split. */
export type MarksSplit = PageLabels['split'];

/** A mark as the extension shows it: offsets into the visible text, the entities its popover offers. */
export interface ScoredMark {
  start: number;
  end: number;
  entityIds: readonly string[];
}

/** Counts of one page or of several. */
export interface MarkCounts {
  /** Marks shown. */
  marks: number;
  /** Marks on a labelled mention with the labelled entities. */
  right: number;
  /** Labelled mentions. */
  mentions: number;
  /** Labelled mentions the fact base has an alias for (without `reach: no-alias`). */
  reachable: number;
  /** Right marks on those. */
  rightReachable: number;
}

/** The score of one page: its counts and every error, described. */
export interface PageScore extends MarkCounts {
  errors: string[];
}

const WHITESPACE = /\s+/gu;

/** `text` without whitespace: the coordinates labels and marks are compared in. */
export function stripWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/**
 * Whether the entities a mark offers are right for a label: each of them is
 * among the labelled ids. A label lists several ids both for a name two
 * entities carry and for one thing the fact base holds twice ("u-s",
 * "united-states"); a popover offering one of those, or several, never leads
 * the reader to a wrong entity, while offering one the label lacks does.
 */
function rightEntities(labelled: LabelledMention['entity'], offered: readonly string[]): boolean {
  const expected = typeof labelled === 'string' ? [labelled] : labelled;
  return offered.length > 0 && offered.every((id) => expected.includes(id));
}

/**
 * Places labels in the stripped text: `start:end` of each, or null where the
 * text does not hold it. Labels that share an anchor (a block the page
 * repeats) take its occurrences in page order, as the labels list them.
 */
function locateAll(
  stripped: string,
  labels: readonly { prefix: string; exact: string; suffix: string }[],
): (string | null)[] {
  const used = new Map<string, number>();
  return labels.map((label) => {
    const prefix = stripWhitespace(label.prefix);
    const exact = stripWhitespace(label.exact);
    const needle = prefix + exact + stripWhitespace(label.suffix);
    let at = stripped.indexOf(needle, used.get(needle) ?? 0);
    if (at < 0) at = stripped.indexOf(needle);
    if (at < 0) return null;
    used.set(needle, at + 1);
    return `${at + prefix.length}:${at + prefix.length + exact.length}`;
  });
}

function show(text: string, start: number, end: number): string {
  return `…${text.slice(Math.max(0, start - 24), start)}[${text.slice(start, end)}]${text.slice(end, end + 24)}…`;
}

/**
 * Scores the marks of one page.
 *
 * @param strippedText - the page's visible text without whitespace ({@link stripWhitespace}).
 * @param marks - the marks, in stripped coordinates.
 */
export function scorePage(strippedText: string, marks: readonly ScoredMark[], labels: PageLabels): PageScore {
  const errors: string[] = [];
  const mentionAt = new Map<string, LabelledMention>();
  const mentionPlaces = locateAll(strippedText, labels.mentions);
  for (const [index, mention] of labels.mentions.entries()) {
    const place = mentionPlaces[index]!;
    if (place === null)
      errors.push(`label not found in the page: "${mention.prefix}[${mention.exact}]${mention.suffix}"`);
    else mentionAt.set(place, mention);
  }
  const notMentionAt = new Set<string>();
  for (const place of locateAll(strippedText, labels.notMentions ?? [])) {
    if (place !== null) notMentionAt.add(place);
  }
  let right = 0;
  let rightReachable = 0;
  const found = new Set<string>();
  for (const mark of marks) {
    const place = `${mark.start}:${mark.end}`;
    const label = mentionAt.get(place);
    const where = show(strippedText, mark.start, mark.end);
    if (label && rightEntities(label.entity, mark.entityIds)) {
      right++;
      if (label.reach !== 'no-alias') rightReachable++;
      found.add(place);
    } else if (label) {
      errors.push(
        `wrong entity: ${where} marked ${mark.entityIds.join(' | ')}, labelled ${[label.entity].flat().join(' | ')}`,
      );
    } else {
      errors.push(
        `${notMentionAt.has(place) ? 'not a mention' : 'unlabelled mark'}: ${where} marked ${mark.entityIds.join(' | ')}`,
      );
    }
  }
  for (const [place, label] of mentionAt) {
    if (found.has(place)) continue;
    const [start, end] = place.split(':').map(Number) as [number, number];
    if (!marks.some((mark) => `${mark.start}:${mark.end}` === place)) {
      errors.push(
        `missed${label.reach === 'no-alias' ? ' (no alias)' : ''}: ${show(strippedText, start, end)} ${[label.entity].flat().join(' | ')}`,
      );
    }
  }
  const reachable = labels.mentions.filter((mention) => mention.reach !== 'no-alias').length;
  return { marks: marks.length, right, mentions: labels.mentions.length, reachable, rightReachable, errors };
}

/** The sum of several pages' counts. */
export function sumCounts(counts: readonly MarkCounts[]): MarkCounts {
  const sum: MarkCounts = { marks: 0, right: 0, mentions: 0, reachable: 0, rightReachable: 0 };
  for (const count of counts) {
    sum.marks += count.marks;
    sum.right += count.right;
    sum.mentions += count.mentions;
    sum.reachable += count.reachable;
    sum.rightReachable += count.rightReachable;
  }
  return sum;
}

/** Precision, recall, and recall of the mentions the fact base has an alias for; 1 when there is nothing to count. */
export function rates(counts: MarkCounts): { precision: number; recall: number; recallReachable: number } {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    precision: ratio(counts.right, counts.marks),
    recall: ratio(counts.right, counts.mentions),
    recallReachable: ratio(counts.rightReachable, counts.reachable),
  };
}
