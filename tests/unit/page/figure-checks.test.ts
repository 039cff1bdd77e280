/**
 * The figure check's page part, in a document of its own (happy-dom): which sentences a page sends,
 * where each verdict lands, and when a block is sent again.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckFiguresRequest, FigureVerdict } from '@/src/messages/figures';
import { FigureChecks, pageDateOf, type FigureCheckOptions } from '@/src/page/figure-checks';
import type { MentionEntry } from '@/src/page/mention-index';

describe('FigureChecks', () => {
  let happy: Window;
  let doc: Document;
  let controller: AbortController;
  let requests: CheckFiguresRequest[];
  let checks: FigureChecks;
  /** The verdict the fake background gives: `differs` for every "300%" it is sent. */
  const answer = (request: CheckFiguresRequest): FigureVerdict[] =>
    request.sentences.flatMap((sentence, index) => {
      const start = sentence.text.indexOf('300%');
      if (start < 0) return [];
      return [
        {
          sentence: index,
          start,
          end: start + 4,
          entityId: sentence.mentions[0]!.entityId,
          verdict: 'differs' as const,
          page: 'This page: 300%',
          stories: 'Your stories: 245%',
          storyId: 's1',
          storyTitle: 'Credo’s cables',
          storySentence: 'Credo rose 245%.',
          pageIsNewer: false,
        },
      ];
    });

  /** Mentions of every "Credo" in the body's text nodes. */
  function mentions(): MentionEntry[] {
    const walker = doc.createTreeWalker(doc.body, 4);
    const found: MentionEntry[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const match of node.data.matchAll(/Credo/g))
        found.push({ node, start: match.index, end: match.index + 5, entityId: 'credo' });
    }
    return found;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    happy = new Window();
    doc = happy.document as unknown as Document;
    controller = new AbortController();
    requests = [];
    checks = new FigureChecks({
      window: happy as unknown as FigureCheckOptions['window'],
      check: async (request) => {
        requests.push(request);
        return answer(request);
      },
      layer: () => null,
      pageDate: () => pageDateOf(doc),
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
      yieldToPage: () => Promise.resolve(),
      signal: controller.signal,
    });
  });

  afterEach(async () => {
    controller.abort();
    vi.useRealTimers();
    await happy.happyDOM.close();
  });

  it('sends the sentences holding a mention and a number, as a reader reads them, and places each verdict on its figure', async () => {
    doc.head.innerHTML = '<meta property="article:published_time" content="2026-01-12T08:00:00Z">';
    doc.body.innerHTML =
      '<p>Credo, whose cables link GPUs,\n   has seen its <b>stock</b> rise 300% in 2024. Credo is based in San Jose.</p>' +
      '<p>Nothing about Credo here has a number.</p><ul><li>Azure grew 31%.</li></ul>';
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests).toEqual([
      {
        type: 'figures/check',
        sentences: [
          {
            text: 'Credo, whose cables link GPUs, has seen its stock rise 300% in 2024.',
            mentions: [{ entityId: 'credo', start: 0, end: 5 }],
          },
        ],
        pageDate: '2026-01-12',
      },
    ]);
    const [entry] = checks.all();
    expect(entry!.node.data.slice(entry!.start, entry!.end)).toBe('300%');
    expect(checks.forEntity('credo').map((figure) => figure.verdict)).toEqual(['differs']);
    // Muted: neither listed nor offered on hover.
    checks.update(mentions(), new Set(['credo']));
    expect(checks.forEntity('credo')).toEqual([]);
  });

  it('sends a block again only when its text changed, and drops the figures of changed text', async () => {
    doc.body.innerHTML = '<p>Credo rose 300% in 2024.</p>';
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    // The same mentions read again (a refresh): nothing new to send.
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests).toHaveLength(1);
    const paragraph = doc.querySelector('p')!;
    checks.removeText(paragraph.firstChild as Text);
    expect(checks.size).toBe(0);
    paragraph.textContent = 'Credo rose 300% in 2025.';
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests.map((request) => request.sentences[0]!.text)).toEqual([
      'Credo rose 300% in 2024.',
      'Credo rose 300% in 2025.',
    ]);
    expect(checks.size).toBe(1);
  });

  it('sends a block again when a number beside its name changes in a text node of its own', async () => {
    doc.body.innerHTML = '<p>Credo rose <span>245%</span> in 2024.</p><p>Elsewhere, <span>12%</span>.</p>';
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests.map((request) => request.sentences[0]!.text)).toEqual(['Credo rose 245% in 2024.']);
    expect(checks.size).toBe(0);
    const [number, unrelated] = [...doc.querySelectorAll('span')].map((span) => span.firstChild as Text);
    // Neither the mention nor its text node changed: only the number, as a live page updates it.
    number!.data = '300%';
    unrelated!.data = '13%';
    checks.pageChanged([number!, unrelated!]);
    checks.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests.map((request) => request.sentences[0]!.text)).toEqual([
      'Credo rose 245% in 2024.',
      'Credo rose 300% in 2024.',
    ]);
    const [entry] = checks.all();
    expect(entry!.node.data.slice(entry!.start, entry!.end)).toBe('300%');
  });

  it('reads no block whose names have no figures in the stories', async () => {
    const narrow = new FigureChecks({
      window: happy as unknown as FigureCheckOptions['window'],
      check: async (request) => {
        requests.push(request);
        return answer(request);
      },
      layer: () => null,
      pageDate: () => null,
      hasFigures: (entityId) => entityId !== 'credo',
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
      yieldToPage: () => Promise.resolve(),
      signal: controller.signal,
    });
    doc.body.innerHTML = '<p>Credo rose 300% in 2024.</p>';
    narrow.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
  });

  it('drops an answer that arrives after the fact base changed', async () => {
    let release!: () => void;
    const slow = new FigureChecks({
      window: happy as unknown as FigureCheckOptions['window'],
      check: (request) => new Promise((resolve) => (release = () => resolve(answer(request)))),
      layer: () => null,
      pageDate: () => null,
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
      yieldToPage: () => Promise.resolve(),
      signal: controller.signal,
    });
    doc.body.innerHTML = '<p>Credo rose 300% in 2024.</p>';
    slow.update(mentions(), new Set());
    await vi.runAllTimersAsync();
    slow.clear();
    release();
    await vi.runAllTimersAsync();
    expect(slow.size).toBe(0);
  });
});

describe('pageDateOf', () => {
  it.each<[string, string | null]>([
    ['<meta property="article:published_time" content="2025-10-03T10:00:00-04:00">', '2025-10-03'],
    ['<time datetime="2024-02-29">Feb. 29</time>', '2024-02-29'],
    ['<meta property="article:published_time" content="0001-01-01T00:00:00Z">', null],
    ['<p>No date</p>', null],
  ])('%s', async (html, expected) => {
    const happy = new Window();
    const doc = happy.document as unknown as Document;
    doc.body.innerHTML = html;
    expect(pageDateOf(doc)).toBe(expected);
    await happy.happyDOM.close();
  });
});
