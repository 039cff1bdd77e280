/**
 * An article the user is about to add, as the options page sends it to the background, and what
 * saving it would add: the `article/preview` request's draft and its answer.
 *
 * Message schemas, so they live in src/messages, which imports nothing above it (issue 14); what is
 * stored of an article once saved stays in src/user-articles/schema.ts.
 */
import * as z from 'zod/mini';
import { EntityKind, Figure } from '../facts/schema';

/**
 * An article as the form holds it, before it is checked: every field text,
 * empty meaning absent.
 */
export const ArticleDraft = z.object({
  title: z.string(),
  date: z.string(),
  source: z.string(),
  url: z.string(),
  body: z.string(),
});
export type ArticleDraft = z.infer<typeof ArticleDraft>;

/** One entity a preview found, and whether the fact base knew it before. */
export const PreviewEntity = z.object({
  id: z.string(),
  name: z.string(),
  kind: EntityKind,
  /** True when saving the article adds this entity to the fact base. */
  isNew: z.boolean(),
  /** Sentences of the article that name it. */
  sentences: z.number(),
});
export type PreviewEntity = z.infer<typeof PreviewEntity>;

/** What saving an article would add: found by the same pipeline the background merges with. */
export const ArticlePreview = z.object({
  storyId: z.string(),
  summary: z.string(),
  entities: z.array(PreviewEntity),
  figures: z.array(Figure),
});
export type ArticlePreview = z.infer<typeof ArticlePreview>;

/** One problem with one field of the article form. */
export const DraftProblem = z.object({
  field: z.enum(['title', 'date', 'source', 'url', 'body']),
  message: z.string(),
});
export type DraftProblem = z.infer<typeof DraftProblem>;

/** A preview, or what is wrong with the draft. */
export const PreviewOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), preview: ArticlePreview }),
  z.object({ ok: z.literal(false), problems: z.array(DraftProblem) }),
]);
export type PreviewOutcome = z.infer<typeof PreviewOutcome>;
