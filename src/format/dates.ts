/**
 * Dates as the popover shows them. Stories carry ISO calendar dates
 * (`YYYY-MM-DD`) or none; we print them in en-US, in UTC, so a reader west of
 * Greenwich does not see a story dated the day before it was published.
 */

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * "Oct 17, 2025" for `2025-10-17`; "undated" for null. A string that is not
 * an ISO calendar date is returned as it is rather than guessed at.
 */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const parsed = new Date(time);
  // Date.UTC rolls 2025-02-30 over into March; such a date is not a real one.
  if (parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return date;
  return DATE_FORMAT.format(parsed);
}
