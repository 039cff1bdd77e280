/**
 * Whether two figures measure the same thing, from their `measureKey`s (the
 * stemmed content words the builder reads, `src/ingest/measure.ts`). Stories
 * and pages word one measure differently ("Azure revenue growth", "Azure
 * revenue rose"; "monthly payments to Microsoft", "an annual payment"), so
 * keys are reduced to concepts first: the owners' own names go (the owner is
 * compared apart), rate words go (the rate is compared apart), and a few
 * words of change and of stock are read as one concept each.
 *
 * Pure: strings in, a boolean out.
 */

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
  ...['payment', 'pay', 'paid', 'pai'].map((word) => [word, 'payment'] as const),
  ...['invest', 'investment'].map((word) => [word, 'investment'] as const),
  ...['spend', 'spent', 'spending'].map((word) => [word, 'spend'] as const),
  ...['profit', 'earning', 'incom'].map((word) => [word, 'profit'] as const),
  ...['worker', 'employe', 'staff', 'job', 'workforc'].map((word) => [word, 'staff'] as const),
]);

/** Concepts of change: a measure with one is not the level it changes. */
const CHANGES = ['rise', 'fall'];

/** Words of rate: the figures' `per` says the rate, and converts it. */
const RATE_WORDS = new Set(['annual', 'annually', 'yearly', 'monthly', 'weekly', 'daily', 'quarterly', 'year', 'month']);

/**
 * The concepts of a measure key: its words less the owners' names (`nameWords`,
 * lower-cased and stemmed) and rate words, synonyms joined.
 */
export function measureConcepts(measureKey: string | undefined, nameWords: ReadonlySet<string>): Set<string> {
  const concepts = new Set<string>();
  for (const word of (measureKey ?? '').split(' ')) {
    if (!word || nameWords.has(word) || RATE_WORDS.has(word)) continue;
    concepts.add(SYNONYMS.get(word) ?? word);
  }
  return concepts;
}

/**
 * Whether two measures are the same: their concepts are equal, or one's are
 * all among the other's ("Azure's growth" is the "Azure revenue growth" a
 * story gave), and both or neither are a change. A measure with no concept left says nothing, and matches
 * nothing.
 */
export function measuresMatch(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // A level is not its change: "revenue" and "revenue growth" are two measures.
  for (const change of CHANGES) if (a.has(change) !== b.has(change)) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const concept of small) if (!large.has(concept)) return false;
  return true;
}
