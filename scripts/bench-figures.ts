/**
 * `npm run bench:figures`: what checking a page's figures costs the background. Each saved real page of
 * `tests/fixtures/pages/` is read as the page side will send it (the sentences of its text blocks that
 * hold a mention of the fact base and a digit), against the fact base of the facts corpus's tuning
 * articles (the figure checks' evaluation fact base, 90-odd entities with figures), and `figures/check` is
 * timed: the first request (which builds the figures' index) and the median of five more. It runs in the
 * background, never on the page's main thread; the page side's own cost (collecting sentences, drawing
 * marks) is not measured here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { createFactBaseStore } from '../src/background/factbase-store';
import { createFigureChecker } from '../src/background/figure-checker';
import { createFigureHandlers } from '../src/background/figures';
import { FactBase } from '../src/facts/schema';
import { corpusFactBase } from '../src/figures/corpus-factbase';
import { parseCatalog } from '../src/ingest/catalog';
import { CorpusIndex } from '../src/ingest/evaluate/gold';
import { splitSentences } from '../src/ingest/sentences';
import { compileMatcher } from '../src/match/matcher';
import { buildMatcherPayload } from '../src/match/payload';
import { MAX_CHECKED_SENTENCE_LENGTH, MAX_CHECKED_SENTENCES } from '../src/messages/figure-limits';
import type { CheckFiguresRequest } from '../src/messages/figures';

const repoRoot = resolve(import.meta.dirname, '..');
const factsDir = join(repoRoot, 'tests/fixtures/corpora/facts');
const pagesDir = join(repoRoot, 'tests/fixtures/pages');

const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
const discovery = parseCatalog(
  'assets/entities.yaml',
  readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'),
).discovery;
const index = CorpusIndex.parse(JSON.parse(readFileSync(join(factsDir, 'corpus.json'), 'utf8')));
const factBase = corpusFactBase(
  bundled,
  discovery,
  Object.entries(index.articles).map(([name, { split }]) => ({
    name,
    split,
    text: split === 'tune' ? readFileSync(join(factsDir, 'articles', `${name}.md`), 'utf8') : '',
  })),
);
const matcher = compileMatcher(buildMatcherPayload(factBase));

/** The requests a page side would send for `html`: its blocks' sentences with a mention and a digit, in batches. */
function requestsOf(html: string): CheckFiguresRequest[] {
  const { document } = parseHTML(html);
  const blocks = [...document.querySelectorAll('p, li, td, h1, h2, h3, blockquote, figcaption')];
  const sentences = blocks
    .flatMap((block) => splitSentences((block.textContent ?? '').replace(/\s+/gu, ' ').trim()).map((span) => span.text))
    .filter((text) => text.length <= MAX_CHECKED_SENTENCE_LENGTH && /\d/u.test(text))
    .map((text) => ({ text, mentions: matcher.findMentions(text) }))
    .filter((sentence) => sentence.mentions.length > 0);
  const requests: CheckFiguresRequest[] = [];
  for (let at = 0; at < sentences.length; at += MAX_CHECKED_SENTENCES)
    requests.push({ type: 'figures/check', sentences: sentences.slice(at, at + MAX_CHECKED_SENTENCES) });
  return requests;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`Fact base: ${factBase.entities.length} entities, ${factBase.figures.length} figures\n`);
console.log(
  `${'page'.padEnd(48)}${'sentences'.padStart(10)}${'verdicts'.padStart(10)}${'first ms'.padStart(10)}${'median ms'.padStart(11)}${'worst batch ms'.padStart(16)}`,
);
for (const name of readdirSync(pagesDir)
  .filter((file) => file.endsWith('.html'))
  .sort()) {
  const requests = requestsOf(readFileSync(join(pagesDir, name), 'utf8'));
  const sentences = requests.reduce((sum, request) => sum + request.sentences.length, 0);
  // A fresh store per page: its first request builds the figures' index, as after a background start.
  // The checker in this process: the extension loads it as a script of its own on the first check.
  const handler = createFigureHandlers(createFactBaseStore(factBase), async () => createFigureChecker)['figures/check'];
  let verdicts = 0;
  const runs: number[] = [];
  let worstBatch = 0;
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    for (const request of requests) {
      const batchStarted = performance.now();
      const answer = (await handler(request, {})) as { ok: true; value: unknown[] };
      if (run === 0) verdicts += answer.value.length;
      if (run > 0) worstBatch = Math.max(worstBatch, performance.now() - batchStarted);
    }
    runs.push(performance.now() - started);
  }
  console.log(
    `${name.padEnd(48)}${String(sentences).padStart(10)}${String(verdicts).padStart(10)}${runs[0]!.toFixed(1).padStart(10)}${median(runs.slice(1)).toFixed(1).padStart(11)}${worstBatch.toFixed(1).padStart(16)}`,
  );
}
