/** Reconciling the marks with the index: only changes reach the highlight layer. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { HighlightLayer } from '@/src/page/highlights';
import { MARKS_ADDED_AT_ONCE, MarkSet } from '@/src/page/mark-set';
import type { MarkingRules } from '@/src/page/marking';
import type { MentionEntry } from '@/src/page/mention-index';
import { setBody, textNodesContaining } from './dom';

/** A layer that records what it is told. */
class RecordingLayer {
  added: AbstractRange[] = [];
  deleted: AbstractRange[] = [];
  active: AbstractRange | null = null;
  current: AbstractRange | null = null;
  disposed = false;
  add(range: AbstractRange) {
    this.added.push(range);
  }
  delete(range: AbstractRange) {
    this.deleted.push(range);
  }
  setActive(range: AbstractRange | null) {
    this.active = range;
  }
  setCurrent(range: AbstractRange | null) {
    this.current = range;
  }
  dispose() {
    this.disposed = true;
  }
}

const rules = (overrides: Partial<MarkingRules> = {}): MarkingRules => ({
  muted: new Set(),
  firstMentionOnly: false,
  maxMentions: 100,
  ...overrides,
});

describe('MarkSet', () => {
  let layer: RecordingLayer;
  let marks: MarkSet;
  let tiktok: MentionEntry;
  let microsoft: MentionEntry;

  beforeEach(() => {
    setBody('<p>TikTok</p><p>Microsoft</p>');
    layer = new RecordingLayer();
    marks = new MarkSet(layer as unknown as HighlightLayer, window);
    tiktok = { node: textNodesContaining(document.body, 'TikTok')[0]!, start: 0, end: 6, entityId: 'tiktok' };
    microsoft = { node: textNodesContaining(document.body, 'Microsoft')[0]!, start: 0, end: 9, entityId: 'microsoft' };
  });

  it('adds a mark once, over the mention’s letters, and says so', () => {
    expect(marks.reconcile([tiktok], rules())).toBe(true);
    expect(marks.reconcile([tiktok], rules())).toBe(false);
    expect(layer.added).toHaveLength(1);
    const [range] = layer.added;
    expect(range!.startContainer).toBe(tiktok.node);
    expect([range!.startOffset, range!.endOffset]).toEqual([0, 6]);
    expect(marks.has(tiktok)).toBe(true);
    expect(marks.size).toBe(1);
  });

  it('deletes only the marks the rules no longer choose, and counts per entity', () => {
    marks.reconcile([tiktok, microsoft], rules());
    expect(marks.counts).toEqual(
      new Map([
        ['tiktok', 1],
        ['microsoft', 1],
      ]),
    );
    expect(marks.reconcile([tiktok, microsoft], rules({ muted: new Set(['tiktok']) }))).toBe(false);
    expect(layer.deleted).toEqual([tiktok.range]);
    expect(marks.has(tiktok)).toBe(false);
    expect(marks.counts).toEqual(new Map([['microsoft', 1]]));
  });

  it('counts the mentions the cap leaves out', () => {
    marks.reconcile([tiktok, microsoft], rules({ maxMentions: 1 }));
    expect(marks.size).toBe(1);
    expect(marks.leftOut).toBe(1);
  });

  it('forgets the keyboard’s current mention once it is no longer marked', () => {
    marks.reconcile([tiktok, microsoft], rules());
    marks.setCurrent(microsoft);
    expect(marks.current).toBe(microsoft);
    expect(layer.current).toBe(microsoft.range);
    marks.reconcile([tiktok], rules());
    expect(marks.current).toBeNull();
    expect(layer.current).toBeNull();
    marks.setCurrent(tiktok);
    marks.unmark(tiktok);
    expect(marks.current).toBeNull();
    expect(layer.deleted).toContain(tiktok.range);
  });

  it('adds a page’s many new marks a batch at a time, in page order, and never one that left meanwhile', () => {
    const count = MARKS_ADDED_AT_ONCE * 2 + 10;
    setBody(`<p>${'TikTok '.repeat(count)}</p>`);
    const node = textNodesContaining(document.body, 'TikTok')[0]!;
    const entries: MentionEntry[] = Array.from({ length: count }, (_, index) => ({
      node,
      start: index * 7,
      end: index * 7 + 6,
      entityId: 'tiktok',
    }));
    expect(marks.reconcile(entries, rules({ maxMentions: count }))).toBe(true);
    expect(marks.size).toBe(MARKS_ADDED_AT_ONCE);
    expect(marks.pending).toBe(count - MARKS_ADDED_AT_ONCE);
    expect(marks.has(entries[MARKS_ADDED_AT_ONCE - 1]!)).toBe(true);
    expect(marks.has(entries[MARKS_ADDED_AT_ONCE]!)).toBe(false);
    // The counts are the page's at once: the popup and the badge do not wait for the marks.
    expect(marks.counts.get('tiktok')).toBe(count);

    const gone = entries[count - 1]!;
    marks.unmark(gone);
    expect(marks.addPending()).toBe(true);
    expect(marks.size).toBe(MARKS_ADDED_AT_ONCE * 2);
    expect(marks.addPending()).toBe(true);
    expect(marks.pending).toBe(0);
    expect(marks.addPending()).toBe(false);
    expect(marks.size).toBe(count - 1);
    expect(marks.has(gone)).toBe(false);
    expect(layer.added.map((range) => range.startOffset)).toEqual(
      entries.filter((entry) => entry !== gone).map((entry) => entry.start),
    );
  });

  it('drops waiting marks the rules no longer choose', () => {
    const count = MARKS_ADDED_AT_ONCE + 5;
    setBody(`<p>${'TikTok '.repeat(count)}</p>`);
    const node = textNodesContaining(document.body, 'TikTok')[0]!;
    const entries: MentionEntry[] = Array.from({ length: count }, (_, index) => ({
      node,
      start: index * 7,
      end: index * 7 + 6,
      entityId: 'tiktok',
    }));
    marks.reconcile(entries, rules({ maxMentions: count }));
    expect(marks.pending).toBe(5);
    marks.reconcile(entries, rules({ maxMentions: count, muted: new Set(['tiktok']) }));
    expect(marks.pending).toBe(0);
    expect(marks.size).toBe(0);
    expect(marks.addPending()).toBe(false);
  });

  it('shows the active mention and takes everything away when disposed', () => {
    marks.setActive(tiktok);
    expect(layer.active).toBe(tiktok.range);
    marks.setActive(null);
    expect(layer.active).toBeNull();
    marks.reconcile([tiktok], rules());
    marks.dispose();
    expect(layer.disposed).toBe(true);
    expect(marks.size).toBe(0);
    expect(marks.counts.size).toBe(0);
  });
});
