/**
 * What a popover shows for one entity: the schema of the background's answer
 * to `entity/get`, and the content script's cached request for it.
 *
 * Kept apart from the other message schemas (`schema.ts` re-exports the
 * schemas) so that the content script's data module, which parses these for
 * the popover and the popup's page list, bundles the fact base schemas they
 * are built from and none of the user article, search or popup schemas.
 */
import * as z from 'zod/mini';
import { Entity, Figure, Story } from '../facts/schema';
import { parseOrThrow, resultOf, unwrap } from './result';
import type { MessageSender } from './sender';

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

/** Ask for everything a popover shows about `entityId`. */
export async function requestEntityDetails(runtime: MessageSender, entityId: string): Promise<EntityDetails> {
  const request: z.infer<typeof GetEntityRequest> = { type: 'entity/get', entityId };
  const answer = parseOrThrow(GetEntityResponse, await runtime.sendMessage(request), 'entity/get');
  return unwrap(answer, 'entity/get');
}

/** Entity details fetched once per entity per frame. */
export interface DetailsCache {
  load(entityId: string): Promise<EntityDetails>;
}

/** A {@link DetailsCache} over `runtime`; failed requests are not cached, so a later hover retries. */
export function createDetailsCache(runtime: MessageSender): DetailsCache {
  const byEntity = new Map<string, Promise<EntityDetails>>();
  return {
    load(entityId) {
      let pending = byEntity.get(entityId);
      if (!pending) {
        pending = requestEntityDetails(runtime, entityId).catch((error: unknown) => {
          byEntity.delete(entityId);
          throw error;
        });
        byEntity.set(entityId, pending);
      }
      return pending;
    },
  };
}
