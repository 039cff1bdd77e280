import { formatDate } from '../../format/dates';

/** A story's date ("Oct 17, 2025" or "undated"), source and excerpt flag, on one line. */
export function StoryMeta({ date, source, excerpt }: { date: string | null; source?: string; excerpt?: boolean }) {
  return (
    <span class="fl-meta">
      {date ? <time dateTime={date}>{formatDate(date)}</time> : <span class="fl-undated">undated</span>}
      {source && (
        <>
          <span aria-hidden="true"> · </span>
          <span class="fl-source">{source}</span>
        </>
      )}
      {excerpt && (
        <>
          {' '}
          <span class="fl-flag" title="The fact base holds a truncated excerpt of this article">
            Excerpt
          </span>
        </>
      )}
    </span>
  );
}
