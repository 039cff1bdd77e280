/**
 * Whether two figures measure the same thing, from the measure the builder
 * reads for each (`src/ingest/measure.ts`). Stories and pages word one measure
 * differently ("Azure revenue growth", "Azure revenue rose"; "monthly payments
 * to Microsoft", "spends … on Microsoft's cloud"), so measures are reduced to
 * concepts first: the names of the entities involved go (whose figure it is
 * is compared apart), rate words go (the rate is compared apart), and a few
 * words of change, stock, sales and payment are read as one concept each.
 *
 * Pure: strings in, a boolean out.
 */
import { measureKey } from '../ingest/measure';

/** Stems (as `stem` in src/ingest/measure.ts writes them) that say the same thing. */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ...['growth', 'grow', 'grew', 'rise', 'rose', 'increas', 'gain', 'jump', 'surg', 'climb', 'soar', 'up', 'boost'].map(
    (word) => [word, 'rise'] as const,
  ),
  ...['fall', 'fell', 'drop', 'declin', 'slump', 'plung', 'sank', 'sink', 'tumbl', 'down', 'decreas', 'cut'].map(
    (word) => [word, 'fall'] as const,
  ),
  ...['stock', 'shar', 'share'].map((word) => [word, 'stock'] as const),
  ...['revenu', 'sal', 'sale', 'turnover'].map((word) => [word, 'revenu'] as const),
  // Money handed to someone: what one side pays is what the other is paid, or what the first spends.
  ...['payment', 'pay', 'paid', 'pai', 'spend', 'spent'].map((word) => [word, 'payment'] as const),
  ...['invest', 'investment'].map((word) => [word, 'investment'] as const),
  ...['profit', 'earning', 'incom'].map((word) => [word, 'profit'] as const),
  ...['worker', 'employe', 'staff', 'job', 'workforc'].map((word) => [word, 'staff'] as const),
  ...['pric', 'cost', 'fee', 'charg'].map((word) => [word, 'price'] as const),
]);

/** Concepts of change: a measure with one is not the level it changes. */
const CHANGES = ['rise', 'fall'];

/** Concepts that only say what kind of number a figure is, not of what: the unit and rate tell such figures apart. */
const GENERIC = new Set(['price', 'valu', 'amount']);

/**
 * Whether a measure is a price (of a plan, a product, a share): a price a
 * month and a price a year are two prices, not one amount at two rates.
 */
export function isPrice(measure: string | undefined): boolean {
  return /\b(?:price|cost|fee|subscription|charge)s?\b/iu.test(measure ?? '');
}

/** Words of rate: the figures' `per` says the rate, and converts it. */
const RATE_WORDS = new Set([
  'annual',
  'annually',
  'yearly',
  'monthly',
  'weekly',
  'daily',
  'quarterly',
  'year',
  'month',
]);

/**
 * The concepts of a measure: `measure`, the phrase, with the words of
 * `nameWords` (names of the entities involved, lower case) taken out, keyed
 * as the builder keys measures, rate words dropped, synonyms joined.
 */
export function measureConcepts(measure: string | undefined, nameWords: ReadonlySet<string>): Set<string> {
  const kept = (measure ?? '')
    .split(/\s+/u)
    .filter(
      (word) =>
        !nameWords.has(
          word
            .toLowerCase()
            .replace(/['’]s$/u, '')
            .replace(/[^\p{L}\p{N}-]/gu, ''),
        ),
    )
    .join(' ');
  const concepts = new Set<string>();
  for (const word of measureKey(kept).split(' ')) {
    if (!word || RATE_WORDS.has(word)) continue;
    concepts.add(SYNONYMS.get(word) ?? word);
  }
  return concepts;
}

/**
 * Whether two measures are the same: at least half the concepts of the
 * shorter are in the other ("spending on the cloud" and "payments"; "Azure's
 * growth" and "Azure revenue growth"), and both or neither are a change. A
 * measure that only says "price" matches another that says only that, or,
 * when both figures are amounts each (`bothEach`), any price of one item
 * ("$900 each" and "$300–$500 each" for the cables). A measure with no concept left says nothing, and
 * matches nothing.
 */
export function measuresMatch(a: ReadonlySet<string>, b: ReadonlySet<string>, bothEach = false): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // A level is not its change: "revenue" and "revenue growth" are two measures.
  for (const change of CHANGES) if (a.has(change) !== b.has(change)) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const isGeneric = (concepts: ReadonlySet<string>) => [...concepts].every((concept) => GENERIC.has(concept));
  // "The price" of one thing is the price of another only when both are prices of one item (or both say only that).
  if (isGeneric(small)) return isGeneric(large) || bothEach;
  let shared = 0;
  for (const concept of small) if (large.has(concept)) shared += 1;
  return shared > 0 && shared * 2 >= small.size;
}
