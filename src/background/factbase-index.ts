import type { Entity, FactBase, Figure, Story } from '../facts/schema';
import type { EntityDetails, FactBaseStats } from '../messages/schema';

/** Lookups over a parsed fact base, built once in the background. */
export interface FactBaseIndex {
  readonly factBase: FactBase;
  stats(): FactBaseStats;
  /** What a popover shows for one entity, or null for an unknown id. */
  entityDetails(entityId: string): EntityDetails | null;
  story(storyId: string): Story | null;
}

/** Index a fact base by id. */
export function indexFactBase(factBase: FactBase): FactBaseIndex {
  const entities = new Map<string, Entity>(factBase.entities.map((entity) => [entity.id, entity]));
  const stories = new Map<string, Story>(factBase.stories.map((story) => [story.id, story]));
  const figures = new Map<string, Figure>(factBase.figures.map((figure) => [figure.id, figure]));
  return {
    factBase,
    stats: () => ({
      stories: factBase.stories.length,
      entities: factBase.entities.length,
      figures: factBase.figures.length,
    }),
    story: (storyId) => stories.get(storyId) ?? null,
    entityDetails(entityId) {
      const entity = entities.get(entityId);
      if (!entity) return null;
      const entityStories = entity.storyIds
        .map((id) => stories.get(id))
        .filter((story): story is Story => Boolean(story))
        // Newest first; undated stories last.
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
      return {
        entity,
        figures: entity.figureIds.map((id) => figures.get(id)).filter((figure): figure is Figure => Boolean(figure)),
        stories: entityStories.map((story) => ({
          id: story.id,
          title: story.title,
          date: story.date,
          source: story.source,
          url: story.url,
          excerpt: story.excerpt,
          summary: story.summary,
          sentences: story.mentions.find((mention) => mention.entityId === entityId)?.sentences ?? [],
        })),
      };
    },
  };
}
