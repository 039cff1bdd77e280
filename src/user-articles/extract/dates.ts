/**
 * Which publication dates can be true. Page templates fill an empty date field with a placeholder (.NET's
 * `DateTime.MinValue`, `0001-01-01T00:00:00`; Unix time 0, `1970-01-01`; a far-future "never expires" value), and
 * the extractor must not hand such a value to the user as the article's date. Pure.
 */

/** No page on the web was published before this year; earlier dates are placeholders. */
export const EARLIEST_PUBLICATION_YEAR = 1900;

/** Days a publication date may lie after today: time zones and pages scheduled a little ahead, nothing more. */
const DAYS_AHEAD_ALLOWED = 2;

/** The epoch day as UTC and as American time zones write it: Unix time 0 left in a date field. */
const EPOCH_DAYS = new Set(['1970-01-01', '1969-12-31']);

/** Whether `date` (`YYYY-MM-DD`) is the Unix epoch, which a page states only when its date field was left empty. */
export function isEpochDate(date: string): boolean {
  return EPOCH_DAYS.has(date);
}

/** `YYYY-MM-DD` of a moment, in UTC. */
export function utcDayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/**
 * Why `date` (`YYYY-MM-DD`) cannot be when an article was published, or null when it can: a year before
 * {@link EARLIEST_PUBLICATION_YEAR}, or (given `today`) more than a couple of days ahead of it.
 *
 * @param today - today's `YYYY-MM-DD`; without it, dates in the future are not checked
 */
export function implausibleDateReason(date: string, today?: string): string | null {
  const year = Number(date.slice(0, 4));
  if (!(year >= EARLIEST_PUBLICATION_YEAR)) return `is before ${EARLIEST_PUBLICATION_YEAR}`;
  if (today) {
    const latest = new Date(`${today}T00:00:00Z`);
    latest.setUTCDate(latest.getUTCDate() + DAYS_AHEAD_ALLOWED);
    if (!Number.isNaN(latest.getTime()) && date > utcDayOf(latest)) return 'is in the future';
  }
  return null;
}
