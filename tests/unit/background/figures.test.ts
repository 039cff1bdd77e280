import { describe, expect, it } from 'vitest';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { CheckFiguresRequest, CheckFiguresResponse } from '@/src/messages/figures';

const handlers = createHandlers(createFactBaseStore(loadBundledFactBase()), { show: () => {} });

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
