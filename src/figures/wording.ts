/**
 * What the popover says of a checked figure: "This page: $30M / month · Your
 * stories: ≈$20M / month", and, when the page is newer than the story, which
 * is which ("Your story of March 2025 said ≈$20M / month") rather than calling
 * the page wrong.
 *
 * Pure: plain data in, strings out.
 */
import { formatFigure } from '../format/figures';
import type { Figure } from '../facts/schema';
import type { Verdict } from './compare';

const MONTH_YEAR = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "March 2025" for `2025-03-14`; undefined for no date or a malformed one. */
export function monthOf(date: string | null | undefined): string | undefined {
  const match = date ? /^(\d{4})-(\d{2})-\d{2}$/u.exec(date) : null;
  if (!match) return undefined;
  return MONTH_YEAR.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The two sides of a checked figure, in words. */
export interface CheckWording {
  /** "This page: $30M / month". */
  page: string;
  /** "Your stories: ≈$20M / month" or "Your story of March 2025 said ≈$20M / month". */
  stories: string;
}

/**
 * The popover's line for a page figure checked against a story figure. A page
 * newer than a story it differs from is news until shown otherwise: the line
 * dates the story instead of calling either side wrong.
 */
export function wordCheck(
  page: Figure | Omit<Figure, 'id' | 'storyId'>,
  story: Figure,
  storyDate: string | null,
  verdict: Verdict,
  pageIsNewer: boolean,
): CheckWording {
  // The page's figure has no story of its own; formatting reads only its amount.
  const pageValue = formatFigure({ ...page, id: 'page#0', storyId: 'page' }).value;
  const storyValue = formatFigure(story).value;
  const month = monthOf(storyDate);
  const datesTheStory = pageIsNewer && verdict !== 'agrees' && month !== undefined;
  return {
    page: `This page: ${pageValue}`,
    stories: datesTheStory ? `Your story of ${month} said ${storyValue}` : `Your stories: ${storyValue}`,
  };
}
