/**
 * Is one entity kept as one across stories? (issue 11.) Builds two fact bases as the extension builds a
 * user's articles (the bundled fact base as catalog, `mergeUserArticles`): the 33 articles of the marks
 * corpus (tuning) and the facts corpus (kept aside; its pairs labelled on its first 47), and scores the hand-labelled pairs of
 * `tests/fixtures/corpora/facts/identity/pairs.json`: a pair is decided "same" when both names end up on one
 * entity (as its name or an alias).
 *
 *   npm run eval:identity                     precision and recall of "same", tuning and kept aside
 *   npm run eval:identity -- --check          also fail on any wrong merge or a recall under the floor
 *   npm run eval:identity -- --candidates SET the pairs to label for SET (tuning|aside), with sentences
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactBase, type Entity } from '../src/facts/schema';
import { parseArticle } from '../src/ingest/articles';
import { parseCatalog } from '../src/ingest/catalog';
import { candidatePairs } from '../src/ingest/discover/identity-candidates';
import { mergeUserArticles } from '../src/user-articles/merge';
import { UserArticle } from '../src/user-articles/schema';

const repoRoot = resolve(import.meta.dirname, '..');
const SETS = {
  tuning: 'tests/fixtures/corpora/marks/factbase/articles',
  aside: 'tests/fixtures/corpora/facts/articles',
} as const;
type SetName = keyof typeof SETS;
const PAIRS_FILE = 'tests/fixtures/corpora/facts/identity/pairs.json';
/**
 * Share of same-entity pairs that must be kept as one, on each set (`--check`): the scores reached, so a
 * change that loses a join fails. Raise them as joins improve; the goal is 95% on both.
 */
const RECALL_FLOORS: Record<SetName, number> = { tuning: 0.82, aside: 0.6 };

interface LabelledPair {
  set: SetName;
  a: string;
  b: string;
  same: boolean;
  /** Why, in a few words: what the stories say. */
  note?: string;
}

function buildSet(set: SetName): FactBase {
  const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
  const catalog = parseCatalog('assets/entities.yaml', readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'));
  const dir = join(repoRoot, SETS[set]);
  const articles = readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const parsed = parseArticle({ path: file, text: readFileSync(join(dir, file), 'utf8') });
      if (!parsed.article) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
      const { title, date, source, url, body } = parsed.article;
      return UserArticle.parse({
        id: `user-${file.replace(/\.md$/, '')}`,
        title,
        date: date ?? null,
        ...(source && { source }),
        ...(url && { url }),
        body,
        addedAt: '2026-12-07T00:00:00.000Z',
      });
    });
  return mergeUserArticles(bundled, articles, catalog.discovery).factBase;
}

/** The entity a labelled name stands for: the one so named, else the one holding it as an alias. */
function entityOf(factBase: FactBase, name: string): Entity | undefined {
  return (
    factBase.entities.find((entity) => entity.name === name) ??
    factBase.entities.find((entity) => entity.aliases.includes(name))
  );
}

function printCandidates(set: SetName): void {
  const factBase = buildSet(set);
  const byName = new Map(factBase.entities.map((entity) => [entity.name, entity]));
  const sentencesOf = (entity: Entity) =>
    factBase.stories.flatMap((story) =>
      (story.mentions ?? [])
        .filter((mention) => mention.entityId === entity.id)
        .map((mention) => `    [${story.id}] ${mention.sentences[0]?.slice(0, 220) ?? ''}`),
    );
  for (const pair of candidatePairs(factBase.entities.map((entity) => entity.name))) {
    console.log(`\n${JSON.stringify(pair.a)} ~ ${JSON.stringify(pair.b)}  (${pair.reasons.join(', ')})`);
    for (const name of [pair.a, pair.b]) {
      const entity = byName.get(name)!;
      console.log(`  ${name}: ${entity.kind}, ${entity.origin}, aliases ${JSON.stringify(entity.aliases)}`);
      for (const line of sentencesOf(entity).slice(0, 3)) console.log(line);
    }
  }
}

interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  errors: string[];
}

function score(set: SetName, pairs: readonly LabelledPair[]): Score {
  const factBase = buildSet(set);
  const result: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, errors: [] };
  for (const pair of pairs.filter((labelled) => labelled.set === set)) {
    const [first, second] = [entityOf(factBase, pair.a), entityOf(factBase, pair.b)];
    const joined = first !== undefined && first.id === second?.id;
    if (joined && pair.same) result.truePositives++;
    else if (joined) {
      result.falsePositives++;
      result.errors.push(`wrong merge: "${pair.a}" and "${pair.b}" are one entity (${first.id})`);
    } else if (pair.same) {
      result.falseNegatives++;
      result.errors.push(
        `kept apart: "${pair.a}" (${first?.id ?? 'missing'}) and "${pair.b}" (${second?.id ?? 'missing'})`,
      );
    }
  }
  return result;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

const { values } = parseArgs({ options: { check: { type: 'boolean' }, candidates: { type: 'string' } } });
if (values.candidates !== undefined) {
  if (!(values.candidates in SETS)) throw new Error(`--candidates takes ${Object.keys(SETS).join(' or ')}`);
  printCandidates(values.candidates as SetName);
} else {
  const pairs = JSON.parse(readFileSync(join(repoRoot, PAIRS_FILE), 'utf8')) as LabelledPair[];
  let failed = false;
  for (const set of Object.keys(SETS) as SetName[]) {
    const scored = score(set, pairs);
    const labelled = pairs.filter((pair) => pair.set === set);
    const same = labelled.filter((pair) => pair.same).length;
    const precision = ratio(scored.truePositives, scored.truePositives + scored.falsePositives);
    const recall = ratio(scored.truePositives, scored.truePositives + scored.falseNegatives);
    console.log(
      `${set === 'tuning' ? 'tuning (marks corpus, 33 articles)' : 'kept aside (facts corpus; pairs labelled on its first 47 articles)'}: ` +
        `${labelled.length} pairs, ${same} same; "same" precision ${pct(precision)}, recall ${pct(recall)}, ` +
        `wrong merges ${scored.falsePositives}`,
    );
    for (const error of scored.errors) console.log(`  ${error}`);
    if (scored.falsePositives > 0 || recall < RECALL_FLOORS[set]) failed = true;
  }
  if (values.check && failed) {
    const floors = Object.entries(RECALL_FLOORS).map(([set, floor]) => `${pct(floor)} (${set})`);
    console.error(`eval:identity: a wrong merge, or fewer same pairs kept as one than ${floors.join(', ')}`);
    process.exit(1);
  }
}
