/**
 * What a search answers, as the popup and the story page receive it from the
 * background: plain, serialisable rows grouped by what they are, each with the
 * terms it matched so the UI can mark them.
 *
 * A message schema (src/search builds these rows, the background sends them), so it lives in
 * src/messages, which imports nothing above it (issue 14).
 */
import * as z from 'zod/mini';
import { EntityKind, Figure, Story } from '../facts/schema';

/** An entity a search found. */
export const EntityHit = z.object({
  id: z.string(),
  name: z.string(),
  kind: EntityKind,
  description: z.optional(z.string()),
  /** How many stories name it. */
  storyCount: z.number(),
  /** The indexed terms this row matched, for highlighting (empty for suggestions). */
  terms: z.array(z.string()),
});
export type EntityHit = z.infer<typeof EntityHit>;

/** A story a search found. */
export const StoryHit = z.object({
  id: z.string(),
  title: z.string(),
  date: Story.shape.date,
  source: z.optional(z.string()),
  excerpt: z.optional(z.boolean()),
  /** A few lines of the story around its first match (its summary when the title matched). */
  snippet: z.string(),
  terms: z.array(z.string()),
});
export type StoryHit = z.infer<typeof StoryHit>;

/** A figure a search found, with enough context to read it without opening the story. */
export const FigureHit = z.object({
  id: z.string(),
  storyId: z.string(),
  storyTitle: z.string(),
  /** The compact value: "≈$20M / month". */
  value: z.string(),
  /** The hedge and period in words: "nearly · as of March". */
  detail: z.string(),
  /** The span as the article wrote it. */
  text: Figure.shape.text,
  sentence: Figure.shape.sentence,
  entityNames: z.array(z.string()),
  terms: z.array(z.string()),
});
export type FigureHit = z.infer<typeof FigureHit>;

/** The answer to one query: the best rows of each group, and how many matched in all. */
export const SearchResults = z.object({
  query: z.string(),
  entities: z.array(EntityHit),
  stories: z.array(StoryHit),
  figures: z.array(FigureHit),
  /** How many of each matched, before the per-group limit. */
  total: z.object({ entities: z.number(), stories: z.number(), figures: z.number() }),
});
export type SearchResults = z.infer<typeof SearchResults>;

/** Things to try before typing: the most-covered entities and the newest stories. */
export const SearchSuggestions = z.object({
  entities: z.array(EntityHit),
  stories: z.array(StoryHit),
});
export type SearchSuggestions = z.infer<typeof SearchSuggestions>;
