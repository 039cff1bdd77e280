/**
 * Problems found while turning articles and the catalog into a fact base.
 * Each names the file, the 1-based line and the field, so the user can go
 * straight to it: `assets/articles/credo.md:3: date 'Oct 17' is not YYYY-MM-DD`.
 */
export interface IngestProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
  /** Set on a warning about an article the build left out (no text, binary data). */
  leftOut?: true;
}

/** Render a problem the way compilers do, `file:line: message`. */
export function formatProblem(problem: IngestProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown when the input can not become a valid fact base; carries every problem found, not just the first. */
export class IngestError extends Error {
  readonly problems: readonly IngestProblem[];
  constructor(problems: IngestProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'IngestError';
    this.problems = problems;
  }
}
