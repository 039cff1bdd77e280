/**
 * `npm run bench:scale`: a reader with 10,000 articles of their own (issue 16). The labelled corpus's real
 * articles (tests/fixtures/corpora/facts) are analysed once by the real builder, then repeated under new
 * ids to the count asked for, as a user who saved many articles about the same companies would have
 * them. Measured in Node, on what the background does with them:
 *
 * - storage: the stored articles record and the kept analysis, in bytes, against the browsers' quotas
 *   (Chrome: 10 MB for `storage.local` without `unlimitedStorage`, 10 MB for `storage.session`);
 * - a restart: the background's first answer to a content script is the matcher plan kept from before
 *   (`src/background/kept-plan.ts`: one small record read); the full merge behind it (reading the stored
 *   record as the storage area hands it over, checking it, the kept analysis and its key, the merge, the
 *   plan) is what every other request waits for;
 * - popup search over the merged fact base: index build and the p50/p95 of a keystroke.
 *
 *   npm run bench:scale [-- --articles 10000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FactBase } from '../src/facts/schema';
import { FactBase as FactBaseSchema } from '../src/facts/schema';
import { parseCatalog } from '../src/ingest/catalog';
import { userArticleOf } from '../src/ingest/evaluate/corpus';
import { planMatcher } from '../src/match/matcher';
import { buildMatcherPayload, encodeMatcherPlan } from '../src/match/payload';
import { buildSearchIndex } from '../src/search/search-index';
import { openKeptBuilds } from '../src/user-articles/build-cache';
import { buildUserFactBase } from '../src/user-articles/merge';
import { mergeUserBuild, userBuildInput, type UserBuild } from '../src/user-articles/merge-built';
import type { UserArticle } from '../src/user-articles/schema';
import { userArticlesRecord, readStoredUserArticles } from '../src/user-articles/store';
import { typingSessions } from './search-queries';
import { percentile } from './stats';

const repoRoot = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const count = Number(values.articles);
const MB = 1024 * 1024;

const catalog = parseCatalog('assets/entities.yaml', readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'));
const bundled = FactBaseSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
const articlesDir = join(repoRoot, 'tests/fixtures/corpora/facts/articles');
const corpus = readdirSync(articlesDir)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => userArticleOf(file.slice(0, -3), readFileSync(join(articlesDir, file), 'utf8')));

const input = userBuildInput(bundled, catalog.discovery, []);
const analysed = buildUserFactBase(corpus, input.catalog);

/** The corpus and its analysis repeated to `total` articles: copy k's ids end in `-k`. */
function repeated(total: number): { articles: UserArticle[]; built: UserBuild } {
  const articles: UserArticle[] = [];
  const stories: FactBase['stories'] = [];
  const figures: FactBase['figures'] = [];
  const entityStories = new Map<string, string[]>();
  const entityFigures = new Map<string, string[]>();
  for (let i = 0; i < total; i++) {
    const copy = Math.floor(i / corpus.length);
    const source = corpus[i % corpus.length]!;
    const suffix = copy === 0 ? '' : `-${copy}`;
    articles.push({ ...source, id: `${source.id}${suffix}` });
    const story = analysed.factBase.stories.find((entry) => entry.id === source.id);
    if (!story) continue;
    const storyId = `${story.id}${suffix}`;
    const figureId = (id: string) => id.replace(story.id, storyId);
    stories.push({ ...story, id: storyId, figureIds: story.figureIds.map(figureId) });
    for (const figure of analysed.factBase.figures.filter((entry) => entry.storyId === story.id)) {
      figures.push({ ...figure, id: figureId(figure.id), storyId });
      for (const entityId of figure.entityIds)
        entityFigures.set(entityId, [...(entityFigures.get(entityId) ?? []), figureId(figure.id)]);
    }
    for (const entityId of story.entityIds)
      entityStories.set(entityId, [...(entityStories.get(entityId) ?? []), storyId]);
  }
  const entities = analysed.factBase.entities.map((entity) => ({
    ...entity,
    storyIds: entityStories.get(entity.id) ?? [],
    figureIds: entityFigures.get(entity.id) ?? [],
  }));
  return {
    articles,
    built: { factBase: { ...analysed.factBase, entities, stories, figures }, problems: analysed.problems },
  };
}

const time = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
};

const { articles, built } = repeated(count);
const recordJson = JSON.stringify(userArticlesRecord(articles));

// The kept analysis, written by the last start (into a map standing in for the storage area).
const kept = new Map<string, unknown>();
const area = {
  get: async (key: string | string[] | null) =>
    typeof key === 'string' && kept.has(key) ? { [key]: kept.get(key) } : {},
  set: async (items: Record<string, unknown>) =>
    void Object.entries(items).forEach(([key, value]) => kept.set(key, value)),
  remove: async () => {},
};
(await openKeptBuilds(area, 'bench', () => {})).keep(articles, input.catalog, built);
const keptJson = JSON.stringify(kept.get('userBuild'));

// A restart: everything between the background starting and its answer to `matcher/get`.
const [stored, readMs] = time(() => JSON.parse(recordJson) as unknown);
const [reading, checkMs] = time(() => readStoredUserArticles(stored));
const [keptBuild, keptReadMs] = time(() => JSON.parse(keptJson) as { factBase: FactBase; problems: string[] });
kept.set('userBuild', keptBuild);
const builds = await openKeptBuilds(area, 'bench', () => {});
const [found, keyMs] = time(() => builds.find(reading.articles, input.catalog));
if (!found) throw new Error('the kept analysis did not match');
const [merged, mergeMs] = time(() => mergeUserBuild(bundled, found, [], input.bundledIds));
const [plan, planMs] = time(() => encodeMatcherPlan(planMatcher(buildMatcherPayload(merged.factBase))));
const mergedMs = readMs + checkMs + keptReadMs + keyMs + mergeMs + planMs;
const planJson = JSON.stringify({ version: 1, builderId: 'bench', plan });
const [, firstAnswerMs] = time(() => JSON.parse(planJson) as unknown);

const [index, indexMs] = time(() => buildSearchIndex(merged.factBase));
const keystrokes: number[] = [];
for (const session of typingSessions(merged.factBase)) {
  for (const query of session) keystrokes.push(time(() => index.search(query))[1]);
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const aliases = buildMatcherPayload(merged.factBase).aliases.length;
console.log(
  `${count.toLocaleString('en')} user articles (${corpus.length} real articles repeated), ${merged.factBase.stories.length.toLocaleString('en')} stories, ${merged.factBase.figures.length.toLocaleString('en')} figures, ${merged.factBase.entities.length} entities, ${aliases} aliases; plan ${(JSON.stringify(plan).length / 1024).toFixed(0)} KB`,
);
console.log(
  `storage: articles record ${mb(recordJson.length)} (Chrome's storage.local holds 10 MB without unlimitedStorage), kept analysis ${mb(keptJson.length)} (in IndexedDB; storage.session would hold 10 MB)`,
);
console.log(
  `restart → first answer to a content script (the kept plan, ${(planJson.length / 1024).toFixed(0)} KB): ${ms(firstAnswerMs)} (goal ≤ 200 ms); ` +
    `the merge every other request waits for: ${ms(mergedMs)} = read the record ${ms(readMs)} + check it ${ms(checkMs)} + read the kept analysis ${ms(keptReadMs)} + its key ${ms(keyMs)} + merge ${ms(mergeMs)} + matcher plan ${ms(planMs)}`,
);
console.log(
  `popup search: index ${ms(indexMs)}; ${keystrokes.length} keystrokes p50 ${ms(percentile(keystrokes, 50))}, p95 ${ms(percentile(keystrokes, 95))} (goal p95 < 5 ms)`,
);
