/** The options page's questions to the background, through the extension pages' client. */
import type { EntitySummary } from '../../messages/schema';
import type { ArticleDraft, PreviewOutcome } from '../../messages/article-preview';
import type { BackgroundClient } from '../background-client';

/** What saving `draft` would add; throws with the background's reason when it can not tell. */
export function requestPreview(
  background: BackgroundClient,
  draft: ArticleDraft,
  replacing?: string,
): Promise<PreviewOutcome> {
  return background.request('article/preview', { draft, ...(replacing !== undefined && { replacing }) });
}

/** Every entity of the fact base served now. */
export function requestEntities(background: BackgroundClient): Promise<EntitySummary[]> {
  return background.request('entities/list', {});
}
