/**
 * Telling a collapsed extraction, and choosing between two readings of a page.
 *
 * The article finder is right on most pages and badly wrong on a few (issue 13): a site's disclaimer block taken
 * instead of the post, a gallery's slides, a related-stories list, half an article, the site's name as the title.
 * Those failures leave marks a reader of the result alone can see: far less text than the page's prose, text
 * that is mostly links or list items, a title that is only the site's name. This module reads those marks (pure,
 * over plain data) and decides whether a second reading of the page, taken only when the first shows them,
 * should replace it.
 */
import type { ArticleParagraph } from './body';

/** What marks a reading as collapsed. */
export type CollapseSign =
  /** No text, or far less than the page's prose paragraphs hold: a block beside the article, or part of it. */
  | 'short'
  /** Most of the text is inside links: a list of other stories, a menu. */
  | 'links'
  /** Most of the text is list items: teasers, a gallery's slides. */
  | 'list'
  /** The title is only the site's name. */
  | 'site-title';

/** One reading of a page: the article's paragraphs and its title. */
export interface Reading {
  paragraphs: ArticleParagraph[];
  title: string;
}

/** What is known about the page whatever reading is taken. */
export interface PageFacts {
  /** Characters of the page's prose paragraphs, wherever they are (`FoundArticle.pageProseChars`). */
  pageProseChars: number;
  /** The site's name, where the page gives one. */
  siteName: string | null;
}

/** A reading whose text is under this share of the page's prose is short. */
const SHORT_SHARE = 1 / 3;

/** Pages with less prose than this say nothing about shortness (a note, a gallery, a video page). */
const MIN_PROSE_CHARS = 1000;

/** A reading with more than this share of its characters in links is mostly links. */
const LINK_SHARE = 0.5;

/** A reading with more than this share of its characters in list items is mostly a list. */
const LIST_SHARE = 0.6;

const charsOf = (paragraphs: ArticleParagraph[]) =>
  paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length, 0);

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The marks of a collapse a reading shows, none for a sound one. */
export function collapseSigns(reading: Reading, page: PageFacts): CollapseSign[] {
  const signs: CollapseSign[] = [];
  const chars = charsOf(reading.paragraphs);
  if (chars === 0 || (page.pageProseChars >= MIN_PROSE_CHARS && chars < page.pageProseChars * SHORT_SHARE)) {
    signs.push('short');
  }
  const linkChars = reading.paragraphs.reduce((sum, paragraph) => sum + paragraph.linkChars, 0);
  if (chars > 0 && linkChars > chars * LINK_SHARE) signs.push('links');
  const listChars = charsOf(reading.paragraphs.filter((paragraph) => paragraph.listItem));
  if (chars > 0 && listChars > chars * LIST_SHARE) signs.push('list');
  if (page.siteName && sameName(reading.title, page.siteName)) signs.push('site-title');
  return signs;
}

/** The signs that concern the text, not the title. */
const textSigns = (signs: CollapseSign[]) => signs.filter((sign) => sign !== 'site-title');

/**
 * The reading to keep: the first, unless it shows marks of a collapse that the second (a different extractor's
 * view of the same page) does not. Text and title are judged apart, so a second opinion that fixes one keeps the
 * first reading's other. Without a second reading, the first stands.
 */
export function chooseReading(first: Reading, second: Reading | null, page: PageFacts): Reading {
  if (!second || second.paragraphs.length === 0) return first;
  const firstSigns = collapseSigns(first, page);
  const secondSigns = collapseSigns(second, page);
  const text = textSigns(secondSigns).length < textSigns(firstSigns).length ? second : first;
  const titleFixed = firstSigns.includes('site-title') && !secondSigns.includes('site-title') && second.title;
  return { paragraphs: text.paragraphs, title: titleFixed ? second.title : first.title };
}
