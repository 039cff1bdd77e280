import { describe, expect, it, vi } from 'vitest';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createFigureHandlers, type FigureCheckerLoader } from '@/src/background/figures';
import { createHandlers } from '@/src/background/handlers';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { CheckFiguresRequest, CheckFiguresResponse } from '@/src/messages/figures';
import { inProcessFigureChecker } from './in-process-figure-checker';

const handlers = createHandlers(
  createFactBaseStore(loadBundledFactBase()),
  { show: () => {} },
  { loadFigureChecker: inProcessFigureChecker },
);

/** A request as a content script sends it: each sentence with its mentions' offsets. */
function request(sentences: [string, [string, string][]][], pageDate?: string) {
  return CheckFiguresRequest.parse({
    type: 'figures/check',
    pageDate,
    sentences: sentences.map(([text, names]) => ({
      text,
      mentions: names.map(([name, entityId]) => {
        const start = text.indexOf(name);
        return { entityId, start, end: start + name.length };
      }),
    })),
  });
}

describe('figures/check', () => {
  it('answers a verdict for each figure it can compare, with both sides in words', async () => {
    const answer = CheckFiguresResponse.parse(
      await handlers['figures/check'](
        request(
          [
            [
              'TikTok pays Microsoft $30 million a month.',
              [
                ['TikTok', 'tiktok'],
                ['Microsoft', 'microsoft'],
              ],
            ],
            ['Credo was founded in 2008 and has 500 staff.', [['Credo', 'credo']]],
            ['Azure grew 29% in the quarter.', [['Azure', 'azure']]],
          ],
          '2026-01-05',
        ) as never,
        {},
      ),
    );
    expect(answer).toMatchObject({
      ok: true,
      value: [
        {
          sentence: 0,
          start: 22,
          end: 41,
          verdict: 'differs',
          page: 'This page: $30M / month',
          stories: 'Your stories: ≈$20M / month',
          storyId: 'tiktok-microsoft-ai-cloud',
        },
        { sentence: 2, start: 11, end: 14, entityId: 'azure', verdict: 'agrees' },
      ],
    });
  });

  it('ignores mentions of entities it does not know', async () => {
    const answer = await handlers['figures/check'](
      request([['Acme pays $30 million a month.', [['Acme', 'acme']]]]) as never,
      {},
    );
    expect(answer).toEqual({ ok: true, value: [] });
  });

  it('refuses more sentences than a request may carry', () => {
    const many = Array.from({ length: 201 }, () => ({ text: 'x', mentions: [] }));
    expect(CheckFiguresRequest.safeParse({ type: 'figures/check', sentences: many }).success).toBe(false);
  });
});

describe('the figure checker, loaded on the first check', () => {
  const credo = request([['Credo has seen its stock rise 300% in 2024.', [['Credo', 'credo']]]]);

  it('is loaded once, on the first request, and made again for a new fact base', async () => {
    const bundled = loadBundledFactBase();
    const store = createFactBaseStore(bundled);
    const made: number[] = [];
    const load = vi.fn(async () => {
      const create = await inProcessFigureChecker();
      return (factBase: Parameters<typeof create>[0]) => {
        made.push(factBase.figures.length);
        return create(factBase);
      };
    });
    const handler = createFigureHandlers(store, load)['figures/check'];
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([handler(credo, {}), handler(credo, {})]);
    expect(first).toEqual(second);
    expect(CheckFiguresResponse.parse(first)).toMatchObject({ ok: true, value: [{ verdict: 'differs' }] });
    expect(load).toHaveBeenCalledTimes(1);
    expect(made).toEqual([bundled.figures.length]);

    // The stories no longer give Credo's figure: the checker is made again over the new fact base.
    store.replace({ ...bundled, figures: bundled.figures.filter((figure) => !figure.entityIds.includes('credo')) });
    expect(await handler(credo, {})).toEqual({ ok: true, value: [] });
    expect(load).toHaveBeenCalledTimes(1);
    expect(made).toHaveLength(2);
  });

  it('answers an error when its script does not load, and tries again on the next request', async () => {
    const load = vi
      .fn<FigureCheckerLoader>()
      .mockRejectedValueOnce(
        new Error('importScripts() of new scripts after service worker installation is not allowed'),
      )
      .mockImplementation(inProcessFigureChecker);
    const handler = createFigureHandlers(createFactBaseStore(loadBundledFactBase()), load)['figures/check'];
    expect(await handler(credo, {})).toEqual({
      ok: false,
      error:
        'Factlens could not load its figure checker (importScripts() of new scripts after service worker installation is not allowed)',
    });
    expect(CheckFiguresResponse.parse(await handler(credo, {}))).toMatchObject({
      ok: true,
      value: [{ verdict: 'differs' }],
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('answers an error in a background given no way to load it', async () => {
    const handlers = createHandlers(createFactBaseStore(loadBundledFactBase()), { show: () => {} });
    expect(await handlers['figures/check'](credo, {})).toMatchObject({ ok: false });
  });
});
