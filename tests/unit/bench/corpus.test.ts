import { describe, expect, it } from 'vitest';
import { appendingPage, manyMentionsPage, manyTextNodesPage, MENTIONED_NAMES } from '@/bench/corpus';

/** Text nodes of a generated body: the runs of text between tags (the generators put no whitespace between tags). */
function textRuns(html: string): string[] {
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
  return body.split(/<[^>]*>/).filter((run) => run.length > 0);
}

function occurrences(text: string, names: readonly string[]): number {
  return names.reduce((count, name) => count + text.split(name).length - 1, 0);
}

describe('generated stress pages', () => {
  it('has exactly the asked number of text nodes', () => {
    expect(textRuns(manyTextNodesPage(1000))).toHaveLength(1000);
  });

  it('names an entity in every eighth paragraph', () => {
    expect(occurrences(manyTextNodesPage(1000), MENTIONED_NAMES)).toBe(1000 / 5 / 8);
  });

  it('holds the asked number of mentions', () => {
    expect(occurrences(manyMentionsPage(500), MENTIONED_NAMES)).toBe(500);
  });

  it('is the same page on every run', () => {
    expect(manyMentionsPage(100)).toBe(manyMentionsPage(100));
  });

  it('appends at the asked interval and can be stopped', () => {
    const html = appendingPage(10);
    expect(html).toContain('}, 10);');
    expect(html).toContain('window.stopAppending');
  });
});
