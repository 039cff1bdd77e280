/**
 * A page's figure against everything the stories say of the same entity and
 * measure: the stories' figures that can be compared with it (same unit, rate,
 * status, time and measure) are compared one by one (`compareFigures`), and
 * the best verdict wins: the page agrees when any story agrees, differs only
 * when every comparable story figure differs. So a figure the stories give
 * for two quarters is not called wrong for matching one of them.
 *
 * Pure: plain figures in, a verdict out.
 */
import type { Figure } from '../facts/schema';
import { compareFigures, type ComparableFigure, type Verdict } from './compare';
import { isPrice, measuresMatch } from './measure-match';

/** A story figure with the date of its story, as a candidate for comparison. */
export interface StoryFigure {
  figure: Figure;
  /** The story's publication date, `YYYY-MM-DD`, or null when it has none. */
  storyDate: string | null;
  /** What the figure measures, as concepts (`measureConcepts`, its owners' names left out). */
  concepts: ReadonlySet<string>;
}

/** The verdict on one page figure, with the story figure it rests on. */
export interface FigureCheck {
  verdict: Verdict;
  /** The story figure the verdict compares with: the best-agreeing one, the nearest on a tie, then the newest. */
  story: StoryFigure;
  /** How far apart they are, as a share of the larger amount. */
  gap: number;
  /**
   * True when the page is dated after the story: a differing figure may be
   * news, not a mistake, and is worded as "Your story of March 2025 said …".
   */
  pageIsNewer: boolean;
}

const RANK: Record<Verdict, number> = { agrees: 0, close: 1, differs: 2 };

/**
 * Checks `page`, whose measure is `pageConcepts`, against `candidates`, the
 * stories' figures of the entity it is about. Undefined when no candidate can
 * be compared with it.
 */
export function checkFigure(
  page: ComparableFigure & Pick<Figure, 'measure'>,
  pageConcepts: ReadonlySet<string>,
  candidates: readonly StoryFigure[],
  pageDate?: string | null,
): FigureCheck | undefined {
  let best: FigureCheck | undefined;
  for (const candidate of candidates) {
    const bothEach = page.per === 'unit' && candidate.figure.per === 'unit';
    if (!measuresMatch(pageConcepts, candidate.concepts, bothEach)) continue;
    // A plan's price a month is not its price a year over twelve: prices are compared at their own rate only.
    if ((isPrice(page.measure) || isPrice(candidate.figure.measure)) && page.per !== candidate.figure.per) continue;
    const comparison = compareFigures(page, candidate.figure, { page: pageDate, story: candidate.storyDate });
    if (comparison.verdict === 'not-comparable') continue;
    const check: FigureCheck = {
      verdict: comparison.verdict,
      story: candidate,
      gap: comparison.gap,
      pageIsNewer: Boolean(pageDate && candidate.storyDate && pageDate > candidate.storyDate),
    };
    if (!best || isBetter(check, best)) best = check;
  }
  return best;
}

function isBetter(check: FigureCheck, than: FigureCheck): boolean {
  if (RANK[check.verdict] !== RANK[than.verdict]) return RANK[check.verdict] < RANK[than.verdict];
  if (check.gap !== than.gap) return check.gap < than.gap;
  return (check.story.storyDate ?? '') > (than.story.storyDate ?? '');
}
