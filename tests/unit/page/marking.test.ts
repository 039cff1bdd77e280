import { describe, expect, it } from 'vitest';
import { chooseMarked, type MarkingRules } from '@/src/page/marking';

const rules: MarkingRules = {
  muted: new Set(),
  firstMentionOnly: false,
  maxMentions: 100,
};
const page = ['tiktok', 'microsoft', 'tiktok', 'credo', 'microsoft', 'tiktok'].map((entityId, at) => ({
  entityId,
  at,
}));
const markedAt = (changes: Partial<MarkingRules>) =>
  chooseMarked(page, { ...rules, ...changes }).marked.map((m) => m.at);

describe('chooseMarked', () => {
  it.each<[string, Partial<MarkingRules>, number[]]>([
    ['every mention', {}, [0, 1, 2, 3, 4, 5]],
    ['nothing of a muted entity', { muted: new Set(['tiktok']) }, [1, 3, 4]],
    ['only the first mention of each entity', { firstMentionOnly: true }, [0, 1, 3]],
    ['no more than the cap, earliest first', { maxMentions: 3 }, [0, 1, 2]],
    ['first mentions under the cap', { firstMentionOnly: true, maxMentions: 1 }, [0]],
  ])('marks %s', (_label, changes, expected) => {
    expect(markedAt(changes)).toEqual(expected);
  });

  it('counts what the cap left out, and every mention that counts per entity', () => {
    const marking = chooseMarked(page, { ...rules, maxMentions: 2 });
    expect(marking.leftOut).toBe(4);
    expect(Object.fromEntries(marking.counts)).toEqual({ tiktok: 3, microsoft: 2, credo: 1 });
  });

  it('does not count what first-mention-only leaves unmarked as left out', () => {
    expect(chooseMarked(page, { ...rules, firstMentionOnly: true }).leftOut).toBe(0);
  });
});
