/**
 * Reading the page into the mention index, in a document of its own (happy-dom): what the scan hands
 * the matcher (the chunk-mentions seam), what it indexes, shadow roots, per-mention decisions, and reading again.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { compileMatcher } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { pageMatching, type ChunkMentionFinder, type Matching } from '@/src/page/chunk-mentions';
import { MentionIndex, type MentionEntry } from '@/src/page/mention-index';
import { PageReader } from '@/src/page/page-reader';
import { NODE_SEPARATOR } from '@/src/page/scanner';

const payload: MatcherPayload = {
  v: 1,
  entities: ['tiktok', 'microsoft', 'credo'],
  aliases: [
    ['TikTok', 0, 0],
    ['Microsoft', 1, 0],
    ['Credo', 2, 0],
  ],
  context: { '2': ['chip', 'cable'] },
};
const matcher = compileMatcher(payload);

describe('PageReader', () => {
  let happy: Window;
  let doc: Document;
  let index: MentionIndex;
  let unindexed: MentionEntry[];
  let refresh: Mock<() => void>;
  let watched: ShadowRoot[];
  let controller: AbortController;
  let reader: PageReader;

  beforeEach(() => {
    happy = new Window();
    doc = happy.document as unknown as Document;
    index = new MentionIndex();
    unindexed = [];
    refresh = vi.fn();
    watched = [];
    controller = new AbortController();
    reader = new PageReader({
      index,
      slices: { now: () => performance.now(), yieldToPage: () => Promise.resolve(), signal: controller.signal },
      unindexed: (entry) => unindexed.push(entry),
      refresh,
      shadowRootFound: (shadowRoot) => watched.push(shadowRoot),
    });
  });

  afterEach(async () => {
    await happy.happyDOM.close();
  });

  function matching(wrap?: (finder: ChunkMentionFinder) => ChunkMentionFinder): Matching {
    const page = pageMatching(matcher, doc);
    return wrap ? { ...page, findMentions: wrap(page.findMentions) } : page;
  }

  const indexedTexts = () =>
    index.inPageOrder().map((entry) => `${entry.entityId}:${entry.node.data.slice(entry.start, entry.end)}`);

  it('hands the matcher the page’s text nodes in chunks and indexes what it finds, leaving out fields', async () => {
    doc.body.innerHTML = '<p>TikTok and <b>Microsoft</b></p><textarea>TikTok</textarea><script>TikTok</script>';
    const chunks: { nodes: readonly Text[]; text: string }[] = [];
    const spy =
      (finder: ChunkMentionFinder): ChunkMentionFinder =>
      (chunk, exclusions) => {
        chunks.push(chunk);
        return finder(chunk, exclusions);
      };
    await reader.read([doc.body], false, matching(spy));
    // One chunk; the script's text is never read; the field's is read but its mention is dropped.
    expect(chunks.map((chunk) => chunk.text)).toEqual([['TikTok and ', 'Microsoft', 'TikTok'].join(NODE_SEPARATOR)]);
    expect(chunks[0]!.nodes.map((node) => node.parentElement!.localName)).toEqual(['p', 'b', 'textarea']);
    expect(indexedTexts()).toEqual(['tiktok:TikTok', 'microsoft:Microsoft']);
    expect(refresh).toHaveBeenCalled();
  });

  it('reads open shadow roots after the light DOM, once, and has them watched', async () => {
    doc.body.innerHTML = '<p>Microsoft</p><div id="host"></div>';
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>TikTok</span>';
    await reader.read([doc.body], false, matching());
    expect(indexedTexts()).toEqual(['microsoft:Microsoft', 'tiktok:TikTok']);
    expect(watched).toEqual([shadow]);
    expect([...reader.shadowRoots]).toEqual([shadow]);
    await reader.read([doc.body], true, matching());
    expect(watched).toEqual([shadow]);
  });

  it('replaces the mentions of text read again, and drops those of text that no longer holds one', async () => {
    doc.body.innerHTML = '<p>TikTok</p><p>Microsoft</p>';
    await reader.read([doc.body], false, matching());
    const [tiktok, microsoft] = index.inPageOrder();
    (tiktok!.node as Text).data = 'Nothing here';
    (microsoft!.node as Text).data = 'Microsoft, Microsoft';
    await reader.read([doc.body], true, matching());
    expect(indexedTexts()).toEqual(['microsoft:Microsoft', 'microsoft:Microsoft']);
    expect(unindexed).toEqual([tiktok, microsoft]);
  });

  it('indexes an ambiguous name only with context words near it, not hundreds of nodes away', async () => {
    doc.body.innerHTML = `<p>A chip and cable maker.</p>${'<p>filler</p>'.repeat(600)}<p>Credo said so.</p>${'<p>filler</p>'.repeat(600)}<p>Credo cable sales rose.</p>`;
    await reader.read([doc.body], false, matching());
    expect(indexedTexts()).toEqual(['credo:Credo']);
    expect(index.inPageOrder()[0]!.node.data).toBe('Credo cable sales rose.');
  });

  it('does not index a name inside a longer proper name', async () => {
    doc.body.innerHTML = '<p>Shares of Microsoft rose.</p><p>He signed with Microsoft Records.</p>';
    await reader.read([doc.body], false, matching());
    expect(indexedTexts()).toEqual(['microsoft:Microsoft']);
  });

  it('brings the marks up to date during a long read in slices of their own, never after a slice of reading', async () => {
    // A page of 40 chunks; each chunk costs 3 ms of the clock, each refresh 20 ms (linear in the mentions).
    doc.body.innerHTML = '<p>TikTok is here.</p>'.repeat(512 * 40);
    let clock = 0;
    const events: string[] = [];
    const timedReader = new PageReader({
      index,
      slices: {
        now: () => clock,
        yieldToPage: async () => {
          events.push('yield');
          clock += 1;
        },
      },
      unindexed: () => {},
      refresh: () => {
        events.push('refresh');
        clock += 20;
      },
      shadowRootFound: () => {},
    });
    const timed =
      (finder: ChunkMentionFinder): ChunkMentionFinder =>
      (chunk, exclusions) => {
        events.push('read');
        clock += 3;
        return finder(chunk, exclusions);
      };
    await timedReader.read([doc.body], false, matching(timed));
    const slices = events.join(' ').split(' yield ');
    const during = slices.slice(0, -1).filter((slice) => slice.includes('refresh'));
    // Every 50 ms or so, and each alone in its slice: the page waits for one or the other, not both.
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during.every((slice) => slice === 'refresh')).toBe(true);
    expect(events.at(-1)).toBe('refresh');
  });

  it('stops when its signal is aborted', async () => {
    doc.body.innerHTML = '<p>TikTok</p>';
    controller.abort();
    await reader.read([doc.body], false, matching());
    expect(index.size).toBe(0);
  });
});
