/**
 * What a popover shows for one entity: the `entity/get` request and its answer, which the content
 * script and the popup both ask for.
 *
 * Kept apart from the other message schemas so that the content script's data module, which parses
 * these for the popover and the popup's page list, bundles the fact base schemas they are built from
 * and none of the user article, search or popup schemas.
 */
import * as z from 'zod/mini';
import { Entity, Figure, Story } from '../facts/schema';
import { resultOf } from './result';

/** Content script or popup → background: everything a popover shows for one entity. */
export const GetEntityRequest = z.object({ type: z.literal('entity/get'), entityId: z.string() });

/** A story as a popover lists it: its summary and what it says about one entity. */
export const StoryForEntity = z.object({
  id: Story.shape.id,
  title: Story.shape.title,
  date: Story.shape.date,
  source: Story.shape.source,
  url: Story.shape.url,
  excerpt: Story.shape.excerpt,
  summary: Story.shape.summary,
  /** The story's sentences that name the entity. */
  sentences: z.array(z.string()),
});
export type StoryForEntity = z.infer<typeof StoryForEntity>;

/** Everything a popover shows for one entity. */
export const EntityDetails = z.object({
  entity: Entity,
  figures: z.array(Figure),
  stories: z.array(StoryForEntity),
});
export type EntityDetails = z.infer<typeof EntityDetails>;
export const GetEntityResponse = resultOf(EntityDetails);
export type GetEntityResponse = z.infer<typeof GetEntityResponse>;
