/**
 * `npm run eval:figures`: how right the page's figure checks are. Scores the
 * labelled set (`tests/fixtures/corpora/figures/cases.json`) against the fact
 * base of the facts corpus's tuning articles, and prints the precision of each
 * verdict, the share of comparable figures that get one, and the numbers
 * marked that should not be, for the tuning part and the held-out part; the
 * tuning part's mistakes are listed.
 *
 *   npm run eval:figures                    # scores and the tuning part's mistakes
 *   npm run eval:figures -- --show-held-out # the held-out part's mistakes too (not while tuning)
 *   npm run eval:figures -- --entities      # each entity of the fact base and its figures, for labelling
 *
 * It also reads the facts corpus's tuning articles again as pages: every figure must agree with the fact base
 * built from them, and must differ once its number is changed by half.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { FactBase } from '../src/facts/schema';
import { formatFigure } from '../src/format/figures';
import { parseCatalog } from '../src/ingest/catalog';
import { CorpusIndex } from '../src/ingest/evaluate/gold';
import { corpusFactBase } from '../src/figures/corpus-factbase';
import { evaluateFigureCases, FigureCase, selfCheck, type Tally } from '../src/figures/evaluate';

const repoRoot = resolve(import.meta.dirname, '..');
const factsDir = join(repoRoot, 'tests/fixtures/corpora/facts');
const casesPath = join(repoRoot, 'tests/fixtures/corpora/figures/cases.json');

const { values } = parseArgs({ options: { 'show-held-out': { type: 'boolean' }, entities: { type: 'boolean' } } });

const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
const discovery = parseCatalog(
  'assets/entities.yaml',
  readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'),
).discovery;
const index = CorpusIndex.parse(JSON.parse(readFileSync(join(factsDir, 'corpus.json'), 'utf8')));
const articles = Object.entries(index.articles).map(([name, { split }]) => ({
  name,
  split,
  text: split === 'tune' ? readFileSync(join(factsDir, 'articles', `${name}.md`), 'utf8') : '',
}));
const factBase = corpusFactBase(bundled, discovery, articles);

if (values.entities) {
  const figures = new Map(factBase.figures.map((figure) => [figure.id, figure]));
  for (const entity of factBase.entities) {
    if (entity.figureIds.length === 0) continue;
    console.log(`${entity.name} (${entity.id}, ${entity.kind}): ${entity.aliases.join(' / ')}`);
    for (const id of entity.figureIds) {
      const figure = figures.get(id)!;
      const { value, detail } = formatFigure(figure);
      console.log(`  ${value} · ${figure.measure ?? '?'} · ${detail || 'reported'} ← "${figure.text}" (${id})`);
    }
  }
  process.exit(0);
}

const cases = z.array(FigureCase).parse(JSON.parse(readFileSync(casesPath, 'utf8')));
const tallies = evaluateFigureCases(factBase, cases);

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const rows = (tally: Tally) => [
  `agrees right: ${share(tally.given.agrees.right, tally.given.agrees.total)} (${tally.given.agrees.right}/${tally.given.agrees.total}); found ${tally.expected.agrees.found}/${tally.expected.agrees.total}`,
  `close right: ${share(tally.given.close.right, tally.given.close.total)} (${tally.given.close.right}/${tally.given.close.total}); found ${tally.expected.close.found}/${tally.expected.close.total}`,
  `differs right: ${share(tally.given.differs.right, tally.given.differs.total)} (${tally.given.differs.right}/${tally.given.differs.total}); found ${tally.expected.differs.found}/${tally.expected.differs.total}`,
  `comparable figures with a verdict: ${share(tally.comparable.withVerdict, tally.comparable.total)} (${tally.comparable.withVerdict}/${tally.comparable.total})`,
  `numbers that must get none, marked: ${tally.none.marked}/${tally.none.total}`,
];
const count = (split: FigureCase['split']) => cases.filter((item) => item.split === split).length;
console.log(`Figures set: ${cases.length} sentences (${count('tune')} tune, ${count('held-out')} held out)\n`);
for (const [split, tally] of Object.entries(tallies)) {
  console.log(`${split}\n  ${rows(tally).join('\n  ')}\n`);
}
const shown = values['show-held-out'] ? ['tune', 'held-out'] : ['tune'];
for (const split of shown) {
  const errors = tallies[split as FigureCase['split']].errors;
  if (errors.length) console.log(`${split} mistakes:\n  ${errors.join('\n  ')}\n`);
}
if (!values['show-held-out']) console.log('(Held-out mistakes are not listed; --show-held-out lists them.)');

// The facts corpus's tuning articles as pages, against the fact base built from them.
const tuneStories = new Set(articles.filter((a) => a.split === 'tune').map((a) => `user-${a.name}`));
const self = selfCheck(factBase, tuneStories);
console.log(
  `\nThe facts corpus's tuning articles read again as pages: ${share(self.same.agrees, self.same.total)} of figures agree with themselves (${self.same.agrees}/${self.same.total}); ` +
    `with their numbers changed by half, ${share(self.changed.differs, self.changed.total)} differ (${self.changed.differs}/${self.changed.total})`,
);
// Not listed: these stories also hold the labelled set's held-out entities.
