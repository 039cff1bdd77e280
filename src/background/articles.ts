/**
 * The background's answers for the options page: article previews and the
 * entity list. Kept apart from the merge (`user-articles.ts`)
 * so importing the handlers does not pull in the ingest pipeline.
 */
import type { EntitySummary } from '../messages/schema';
import type { ArticleDraft } from '../messages/article-preview';
import type { PreviewResult } from '../user-articles/preview';
import type { FactBaseStore } from './factbase-store';
import type { BackgroundHandlers } from './router';

/** Whatever can preview a draft: the background's user-article sync. */
export interface ArticlePreviewer {
  preview(draft: ArticleDraft, replacing?: string): Promise<PreviewResult>;
}

/** The handlers this module adds to the background's. */
export type UserArticleHandlers = Pick<BackgroundHandlers, 'article/preview' | 'entities/list'>;

/** Answers for the options page; without a sync (tests of other handlers) previews answer with an error. */
export function createUserArticleHandlers(store: FactBaseStore, sync?: ArticlePreviewer): UserArticleHandlers {
  return {
    'article/preview': async ({ draft, replacing }) => {
      if (!sync) return { ok: false, error: 'previews are not available' };
      try {
        return { ok: true, value: await sync.preview(draft, replacing) };
      } catch (error) {
        return { ok: false, error: `the article could not be analysed: ${String(error)}` };
      }
    },
    'entities/list': () => {
      const entities: EntitySummary[] = store
        .current()
        .factBase.entities.map((entity) => ({
          id: entity.id,
          name: entity.name,
          kind: entity.kind,
          stories: entity.storyIds.length,
          ...(entity.formerIds?.length && { formerIds: entity.formerIds }),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
      return { ok: true, value: entities };
    },
  };
}
