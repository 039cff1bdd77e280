/** The options page's questions to the background, parsed on receipt. */
import { ListEntitiesResponse, PreviewArticleResponse, type EntitySummary } from '../../messages/schema';
import type { ArticleDraft, PreviewOutcome } from '../../messages/article-preview';
import type { OptionsEnvironment } from './environment';

/** What saving `draft` would add; throws with the background's reason when it can not tell. */
export async function requestPreview(
  send: OptionsEnvironment['sendMessage'],
  draft: ArticleDraft,
  replacing?: string,
): Promise<PreviewOutcome> {
  const answer = PreviewArticleResponse.parse(
    await send({ type: 'article/preview', draft, ...(replacing !== undefined && { replacing }) }),
  );
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** Every entity of the fact base served now. */
export async function requestEntities(send: OptionsEnvironment['sendMessage']): Promise<EntitySummary[]> {
  const answer = ListEntitiesResponse.parse(await send({ type: 'entities/list' }));
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
