import { describe, expect, it } from 'vitest';
import { compareInPageOrder, MentionIndex, type MentionEntry } from '@/src/page/mention-index';
import { setBody, textNodesContaining } from './dom';

function entry(node: Text, start: number, end: number, entityId = 'e'): MentionEntry {
  return { node, start, end, entityId, range: { startOffset: start } as AbstractRange };
}

describe('MentionIndex', () => {
  it('finds the mentions a caret offset touches, by binary search', () => {
    setBody('<p>TikTok and Microsoft, TikTokMicrosoft</p>');
    const [node] = textNodesContaining(document.body, 'TikTok');
    const index = new MentionIndex();
    const tiktok = entry(node!, 0, 6, 'tiktok');
    const microsoft = entry(node!, 11, 20, 'microsoft');
    const glued1 = entry(node!, 22, 28, 'tiktok');
    const glued2 = entry(node!, 28, 37, 'microsoft');
    index.replace(node!, [tiktok, microsoft, glued1, glued2]);
    expect(index.at(node!, 0)).toEqual([tiktok]);
    expect(index.at(node!, 6)).toEqual([tiktok]);
    expect(index.at(node!, 8)).toEqual([]);
    expect(index.at(node!, 15)).toEqual([microsoft]);
    // A caret between two mentions that touch could belong to either; hover tells them apart by their boxes.
    expect(index.at(node!, 28)).toEqual([glued1, glued2]);
    expect(index.at(node!, 40)).toEqual([]);
  });

  it('keeps page order when nodes are added out of order', () => {
    setBody('<p>a1</p><p>a2</p><p>a3</p><p>a4</p>');
    const [a1, a2, a3, a4] = textNodesContaining(document.body, 'a');
    const index = new MentionIndex();
    for (const node of [a3!, a1!, a4!, a2!]) index.replace(node, [entry(node, 0, 2, node.data)]);
    expect(index.inPageOrder().map((mention) => mention.entityId)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(index.size).toBe(4);
  });

  it('orders text inside a shadow root where its host stands', () => {
    setBody('<p>before</p><div id="host"></div><p>after</p>');
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const [before] = textNodesContaining(document.body, 'before');
    const [after] = textNodesContaining(document.body, 'after');
    const [inside] = textNodesContaining(shadow, 'inside');
    expect(compareInPageOrder(before!, inside!)).toBeLessThan(0);
    expect(compareInPageOrder(inside!, after!)).toBeLessThan(0);
    expect(compareInPageOrder(after!, inside!)).toBeGreaterThan(0);
    const index = new MentionIndex();
    for (const node of [after!, inside!, before!]) index.replace(node, [entry(node, 0, 1, node.data)]);
    expect(index.inPageOrder().map((mention) => mention.entityId)).toEqual(['before', 'inside', 'after']);
  });

  it('replaces a node’s mentions and returns the old ones', () => {
    setBody('<p>TikTok TikTok</p>');
    const [node] = textNodesContaining(document.body, 'TikTok');
    const index = new MentionIndex();
    const first = [entry(node!, 0, 6), entry(node!, 7, 13)];
    index.replace(node!, first);
    const second = [entry(node!, 7, 13)];
    expect(index.replace(node!, second)).toEqual(first);
    expect(index.entriesOf(node!)).toEqual(second);
    expect(index.size).toBe(1);
    expect(index.replace(node!, [])).toEqual(second);
    expect(index.size).toBe(0);
  });

  it('sweeps out mentions of nodes removed from the page', () => {
    setBody('<p id="keep">keep</p><p id="gone">gone</p>');
    const [keep] = textNodesContaining(document.body, 'keep');
    const [gone] = textNodesContaining(document.body, 'gone');
    const index = new MentionIndex();
    index.replace(keep!, [entry(keep!, 0, 4)]);
    const goneEntry = entry(gone!, 0, 4);
    index.replace(gone!, [goneEntry]);
    document.getElementById('gone')!.remove();
    expect(index.sweep()).toEqual([goneEntry]);
    expect(index.inPageOrder().map((mention) => mention.node)).toEqual([keep]);
  });

  it('knows which elements hold mentions, for the cheap hover check', () => {
    setBody('<p id="a">TikTok <b id="b">here</b></p>');
    const [node] = textNodesContaining(document.body, 'TikTok');
    const index = new MentionIndex();
    index.replace(node!, [entry(node!, 0, 6)]);
    expect(index.parentNodes().has(document.getElementById('a')!)).toBe(true);
    expect(index.parentNodes().has(document.getElementById('b')!)).toBe(false);
  });
});
