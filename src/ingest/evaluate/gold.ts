/**
 * The hand-made labels of one article of the facts corpus (`tests/fixtures/corpora/facts/gold/`): the
 * entities a reader wants marked, the figures with their meaning and owners, and the lead. The format and
 * the labelling rules are in that folder's README. Build-time only: never part of the extension.
 */
import * as z from 'zod/mini';
import { EntityKind, FigurePer } from '../../facts/schema';

const Name = z.string().check(z.minLength(1));

/** One entity of an article, with every other form the text uses for it. */
export const GoldEntity = z.strictObject({
  name: Name,
  kind: EntityKind,
  /** A second kind a careful reader would also accept. */
  alsoKind: z.optional(EntityKind),
  aliases: z.optional(z.array(Name)),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

/** The units a figure is labelled in: the fact base's, and percentage points kept apart from percent. */
export const GoldUnit = z.union([
  z.enum(['percent', 'percentage-point', 'count', 'multiple']),
  z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code or percent/percentage-point/count/multiple')),
]);

/** Whether a figure is a fact, the entity's own plan, or somebody else's forecast. */
export const FigureStatus = z.enum(['reported', 'expected', 'projected']);
export type FigureStatus = z.infer<typeof FigureStatus>;

/** One figure of an article. */
export const GoldFigure = z.strictObject({
  /** The span as written. */
  text: Name,
  /** A verbatim piece of the sentence that holds the figure. */
  sentence: Name,
  value: z.number(),
  unit: GoldUnit,
  upper: z.optional(z.number()),
  per: z.optional(FigurePer),
  qualifier: z.optional(z.string()),
  period: z.optional(z.string()),
  vague: z.optional(z.boolean()),
  /** Names of gold entities the figure is about; empty when it is about none. */
  owners: z.array(Name),
  /** Entities a careful reader would also accept as owners. */
  alsoAbout: z.optional(z.array(Name)),
  measure: Name,
  /** Stems a right measure label must all contain. */
  measureKey: z.array(Name).check(z.minLength(1)),
  status: FigureStatus,
});
export type GoldFigure = z.infer<typeof GoldFigure>;

/** The labels of one article. */
export const GoldArticle = z.strictObject({
  entities: z.array(GoldEntity),
  /** Proper names outside the kinds: finding one is neither right nor wrong. */
  optional: z.array(z.string()),
  figures: z.array(GoldFigure),
  /** Numbers that are not figures of the labelled kinds: reading one is neither right nor wrong. */
  optionalFigures: z.array(z.string()),
  /** The first sentence of the article's lead, verbatim. */
  lead: Name,
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** Which part of the corpus an article belongs to. */
export const CorpusSplit = z.enum(['tune', 'held-out']);
export type CorpusSplit = z.infer<typeof CorpusSplit>;

/** `corpus.json`: each article's origin and split. */
export const CorpusIndex = z.object({
  articles: z.record(z.string(), z.object({ split: CorpusSplit, origin: z.string() })),
});
export type CorpusIndex = z.infer<typeof CorpusIndex>;
