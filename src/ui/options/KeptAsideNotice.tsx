import type { KeptAside } from '../../settings/quarantine';

const WHAT: Record<string, string> = { settings: 'your settings', userArticles: 'your articles' };

/**
 * Says that stored data could not be read and was kept aside, and offers to
 * download it (to recover by hand or to send with a bug report) or delete it.
 */
export function KeptAsideNotice(props: {
  kept: KeptAside[];
  /** Problems found in the record read just now, if it could not be read in full. */
  problems: string[];
  onDownload: (entry: KeptAside) => void;
  onDelete: (entry: KeptAside) => void;
}) {
  if (props.kept.length === 0 && props.problems.length === 0) return null;
  return (
    <section class="fo-notice" role="alert" aria-labelledby="kept-aside-title">
      <h2 id="kept-aside-title">Some saved data could not be read</h2>
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p>
        Factlens uses the default for anything it could not read. Nothing was thrown away: the unreadable data is kept
        so you can download it.
      </p>
      <ul class="fo-kept-list">
        {props.kept.map((entry) => {
          const what = WHAT[entry.from] ?? entry.from;
          return (
            <li key={entry.key}>
              <span>
                {what[0]!.toUpperCase() + what.slice(1)}, as found on {entry.at.replace('T', ' at ').slice(0, 22)} UTC
              </span>{' '}
              <button
                type="button"
                aria-label={`Download the unreadable copy of ${what}`}
                onClick={() => props.onDownload(entry)}
              >
                Download
              </button>{' '}
              <button
                type="button"
                aria-label={`Delete the unreadable copy of ${what}`}
                onClick={() => props.onDelete(entry)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
