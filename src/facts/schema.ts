/**
 * The fact base: the one definition of its shape, shared by the build
 * (`npm run facts`), the extension and anything that imports or exports it.
 *
 * The format string `factlens.factbase/1` is a public contract: fields listed
 * in the README keep their meaning; new optional fields may be added.
 *
 * We use `zod/mini` rather than full zod: it is about half the size in a
 * content script and does not trip the Firefox add-on linter's eval check.
 */
import * as z from 'zod/mini';

/** The format tag every fact base carries. */
export const FACTBASE_FORMAT = 'factlens.factbase/1';

/** Stable, URL-safe identifier: lower-case words joined by hyphens. */
export const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (a-z, 0-9, hyphens)'));

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD'));

/** What sort of thing an entity is. */
export const EntityKind = z.enum(['company', 'product', 'organization', 'person', 'place', 'program', 'topic']);
export type EntityKind = z.infer<typeof EntityKind>;

/**
 * How an alias is matched against page text.
 * - `exact`: the alias's letters in exactly its case (the default; "DOE" never matches "doe").
 * - `insensitive`: any letter case ("openai" matches "OpenAI").
 */
export const CaseRule = z.enum(['exact', 'insensitive']);
export type CaseRule = z.infer<typeof CaseRule>;

/** An alias with its case rule, as the matcher consumes it. */
export const AliasRule = z.object({
  text: z.string().check(z.minLength(1)),
  case: CaseRule,
});
export type AliasRule = z.infer<typeof AliasRule>;

/** Something the articles talk about: a company, product, organisation, person, place, … */
export const Entity = z.object({
  id: Slug,
  name: z.string().check(z.minLength(1)),
  kind: EntityKind,
  /** Every surface form that names this entity on a page, `name` included. */
  aliases: z.array(z.string().check(z.minLength(1))),
  /** Aliases with their case rules; absent means every alias is `exact`. */
  aliasRules: z.optional(z.array(AliasRule)),
  /**
   * Aliases (each also in `aliases`) that name this entity only where the same text names it in full too:
   * a family name that is an ordinary word or a given name ("Cook" of Tim Cook, "Werner" of Jamie
   * Werner), a given name ("Eloise" of Eloise Parry). Alone, each would name someone else on most pages.
   * Absent: none.
   */
  shortForms: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** A one-line description in our own words. */
  description: z.optional(z.string()),
  /**
   * Words that must appear near a mention for it to count, for names that are
   * also ordinary words ("Azure", "Credo"). Absent: every mention counts.
   */
  contextWords: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Where the entity came from: the curated catalog or automatic discovery. */
  origin: z.optional(z.enum(['catalog', 'discovered'])),
  /**
   * The ids this entity had, or would have, under other names that are now its own: names the builder
   * joined into it ("U.S." into United States), a name a discovery rule or the user renamed to its name or
   * merged into it. What the user keeps under such an id (a mute) applies to this entity, unless an entity
   * of the fact base has that id itself (see `successorsOf` in `former-ids.ts`). Absent: none.
   */
  formerIds: z.optional(z.array(Slug)),
  storyIds: z.array(Slug),
  figureIds: z.array(z.string()),
});
export type Entity = z.infer<typeof Entity>;

/** The sentences of one story that name one entity. */
export const StoryMention = z.object({
  entityId: Slug,
  sentences: z.array(z.string()),
});
export type StoryMention = z.infer<typeof StoryMention>;

/** One article. */
export const Story = z.object({
  id: Slug,
  title: z.string().check(z.minLength(1)),
  /** Publication date, or null when the article gives none. */
  date: z.nullable(IsoDate),
  source: z.optional(z.string()),
  url: z.optional(z.string()),
  /** True when the text is a truncated excerpt of the article. */
  excerpt: z.optional(z.boolean()),
  /** A short extractive summary: the article's lead. */
  summary: z.string(),
  /** The article's full text as received. */
  body: z.string(),
  entityIds: z.array(Slug),
  figureIds: z.array(z.string()),
  /** For each entity the story names, the sentences that name it. */
  mentions: z.array(StoryMention),
});
export type Story = z.infer<typeof Story>;

/**
 * The unit of a figure: an ISO 4217 currency code, or one of the plain units.
 * `percentage-point` is a change between two percentages ("rose 2 percentage
 * points"), which is not a change of 2 percent; it was added after the first
 * fact bases, which simply never use it.
 */
export const FigureUnit = z.union([
  z.enum(['percent', 'percentage-point', 'count', 'multiple']),
  z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code or percent/percentage-point/count/multiple')),
]);
export type FigureUnit = z.infer<typeof FigureUnit>;

/** The rate a figure is given per. */
export const FigurePer = z.enum(['day', 'week', 'month', 'quarter', 'year', 'unit']);
export type FigurePer = z.infer<typeof FigurePer>;

/**
 * Whether a figure is a fact or a forecast: `reported` (what happened or is),
 * `expected` (the entity's own plan, guidance or target), `projected` (a
 * forecast by analysts or anyone else).
 */
export const FigureStatus = z.enum(['reported', 'expected', 'projected']);
export type FigureStatus = z.infer<typeof FigureStatus>;

/** A number an article gives, with its meaning and its source sentence. */
export const Figure = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+#\d+$/, 'must be <story-id>#<n>')),
  storyId: Slug,
  entityIds: z.array(Slug),
  /** The span as written in the article ("nearly $20 million per month"). */
  text: z.string().check(z.minLength(1)),
  /** The sentence the span comes from. */
  sentence: z.string(),
  unit: FigureUnit,
  /** The amount in base units ($20 million is 20000000); the lower bound of a range. */
  value: z.number(),
  /** The upper bound of a range ("30 to 31 percent" → 31). */
  upper: z.optional(z.number()),
  per: z.optional(FigurePer),
  /** A hedge such as "nearly", "about", "more than", "up to". */
  qualifier: z.optional(z.string()),
  /** When the figure applies ("in 2024", "Q1 2025", "as of March", "mid-2030s"). */
  period: z.optional(z.string()),
  /** True when the text gives no exact amount ("several hundreds of millions"); `value` is then a floor. */
  vague: z.optional(z.boolean()),
  /** Character offset of `text` within `sentence`. */
  offset: z.optional(z.number()),
  /** What the figure measures, read from its sentence: "Azure revenue growth", "price of purple cables". */
  measure: z.optional(z.string().check(z.minLength(1))),
  /**
   * `measure` reduced to its stemmed content words in a canonical order
   * ("azure growth revenu"), so figures of one measure can be grouped across stories.
   */
  measureKey: z.optional(z.string()),
  /** Fact or forecast; absent in fact bases built before it was read, which meant `reported`. */
  status: z.optional(FigureStatus),
  /** Who expects or projects the figure, when the text says ("Microsoft", "analysts"). */
  statusBy: z.optional(z.string().check(z.minLength(1))),
});
export type Figure = z.infer<typeof Figure>;

/** The whole fact base. */
export const FactBase = z.object({
  format: z.literal(FACTBASE_FORMAT),
  entities: z.array(Entity),
  stories: z.array(Story),
  figures: z.array(Figure),
});
export type FactBase = z.infer<typeof FactBase>;
