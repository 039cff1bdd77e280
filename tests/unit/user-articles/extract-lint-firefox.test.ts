import { describe, expect, it } from 'vitest';
import { checkReviewed, type LintMessage, REVIEWED_FINDINGS } from '@/scripts/lint-firefox';

/**
 * `npm run lint:firefox` accepts exactly Readability's two reviewed `innerHTML` assignments in the script "Add this
 * page" injects (it runs on an inert copy of the page); any other finding, there or elsewhere, still fails it.
 */
const CACHE_RESTORE = 'e.innerHTML=r,this._attempts.push({articleContent:P,textLength:q})';
const NOSCRIPT_UNWRAP = 'n.innerHTML=t.innerHTML;var r=t.previousElementSibling;if(r)';

const message = (code: string, file = 'extract.js', kind = 'UNSAFE_VAR_ASSIGNMENT'): LintMessage & { at: string } => ({
  code: kind,
  message: 'Unsafe assignment to innerHTML',
  file,
  line: 6,
  column: 1,
  at: code,
});
const codeOf = (found: LintMessage) => (found as LintMessage & { at: string }).at;

describe('lint:firefox’s reviewed findings', () => {
  it('accepts Readability’s two assignments in extract.js, each once', () => {
    const found = [message(CACHE_RESTORE), message(NOSCRIPT_UNWRAP)];
    expect(checkReviewed(found, REVIEWED_FINDINGS, codeOf)).toEqual({ unreviewed: [], notFoundOnce: [] });
  });

  it.each([
    ['another innerHTML assignment in extract.js', message('a.innerHTML=b.title')],
    ['the same code in another script', message(CACHE_RESTORE, 'content-scripts/content.js')],
    ['another finding at the same code', message(CACHE_RESTORE, 'extract.js', 'DANGEROUS_EVAL')],
  ])('still fails on %s', (_, extra) => {
    const found = [message(CACHE_RESTORE), message(NOSCRIPT_UNWRAP), extra];
    expect(checkReviewed(found, REVIEWED_FINDINGS, codeOf).unreviewed).toEqual([extra]);
  });

  it('fails when a reviewed finding is gone or found twice (the bundle changed and needs a new review)', () => {
    expect(checkReviewed([message(CACHE_RESTORE)], REVIEWED_FINDINGS, codeOf).notFoundOnce).toEqual([
      REVIEWED_FINDINGS[1],
    ]);
    const twice = [message(CACHE_RESTORE), message(NOSCRIPT_UNWRAP), message(NOSCRIPT_UNWRAP)];
    expect(checkReviewed(twice, REVIEWED_FINDINGS, codeOf).notFoundOnce).toEqual([REVIEWED_FINDINGS[1]]);
  });
});
