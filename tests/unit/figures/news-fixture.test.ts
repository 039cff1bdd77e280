/**
 * The styled news fixture (tests/fixtures/figures-news.html) as the page side will send it: each paragraph's
 * sentences that hold a mention and a number, with the mentions' offsets, through the background's
 * `figures/check`. It restates the seed stories' figures correctly, roughly and wrongly, beside numbers that
 * are not figures; each must get the verdict a reader gives it, and the page, newer than the stories, dates
 * the story it differs from.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { splitSentences } from '@/src/ingest/sentences';
import { compileMatcher } from '@/src/match/matcher';
import { buildMatcherPayload } from '@/src/match/payload';
import { CheckFiguresRequest, CheckFiguresResponse } from '@/src/messages/figures';
import { inProcessFigureChecker } from '../background/in-process-figure-checker';

const root = resolve(import.meta.dirname, '../../..');
const html = readFileSync(join(root, 'tests/fixtures/figures-news.html'), 'utf8');
const page = new DOMParser().parseFromString(html, 'text/html');
const factBase = loadBundledFactBase();
const matcher = compileMatcher(buildMatcherPayload(factBase));
const handlers = createHandlers(
  createFactBaseStore(factBase),
  { show: () => {} },
  { loadFigureChecker: inProcessFigureChecker },
);

/** The checked sentences of one paragraph of the fixture, as the content script sends them. */
function sentencesOf(id: string) {
  const text = page.getElementById(id)!.textContent!.replace(/\s+/gu, ' ').trim();
  return splitSentences(text)
    .map((span) => span.text)
    .filter((sentence) => /\d/u.test(sentence))
    .map((sentence) => ({ text: sentence, mentions: matcher.findMentions(sentence) }))
    .filter((sentence) => sentence.mentions.length > 0);
}

async function verdictsOf(id: string) {
  const pageDate = page.querySelector('meta[property="article:published_time"]')!.getAttribute('content')!.slice(0, 10);
  const request = CheckFiguresRequest.parse({ type: 'figures/check', sentences: sentencesOf(id), pageDate });
  const answer = CheckFiguresResponse.parse(await handlers['figures/check'](request as never, {}));
  if (!answer.ok) throw new Error(answer.error);
  return answer.value.map((verdict) => ({
    text: sentencesOf(id)[verdict.sentence]!.text.slice(verdict.start, verdict.end),
    verdict: verdict.verdict,
    stories: verdict.stories,
  }));
}

describe('the styled news fixture, checked', () => {
  it.each<[string, { text: string; verdict: string; stories: string }[]]>([
    ['tiktok', [{ text: 'about $240 million a year', verdict: 'agrees', stories: 'Your stories: ≈$20M / month' }]],
    ['azure', [{ text: '31%', verdict: 'close', stories: 'Your stories: 29%' }]],
    ['credo', [{ text: '300%', verdict: 'differs', stories: 'Your story of October 2025 said 245%' }]],
    ['doe', [{ text: '$9 billion', verdict: 'agrees', stories: 'Your stories: $9B' }]],
    ['vatican', [{ text: '80 global experts', verdict: 'differs', stories: 'Your stories: 50' }]],
    ['not-figures', []],
  ])('#%s', async (id, expected) => {
    expect(await verdictsOf(id)).toEqual(expected);
  });
});
