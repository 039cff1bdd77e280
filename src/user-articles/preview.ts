/**
 * What saving an article would add, found exactly as the background will find
 * it: the user's stored articles and this one are built together and merged
 * into the bundled fact base, then this article's story is read back. It runs
 * in the builder worker (`src/background/builder/`), so its input is plain data
 * that crosses to it.
 */
import type { FactBase } from '../facts/schema';
import type { DiscoveryRules } from '../ingest/catalog';
import { allocateArticleId, checkDraft, type DraftProblem } from './draft';
import { mergeUserArticles } from './merge';
import type { UserArticle } from './schema';
import type { ArticleDraft, ArticlePreview } from '../messages/article-preview';

/** What the preview needs to know. */
export interface PreviewInput {
  /** The fact base shipped with the extension. */
  bundled: FactBase;
  /** The bundled catalog's discovery rules. */
  discovery?: DiscoveryRules;
  /** The articles the user has saved. */
  stored: readonly UserArticle[];
  /** The fact base served now (its entities' ids are all a preview reads): entities it has are not new. */
  current: { entities: readonly { id: string }[] };
  draft: ArticleDraft;
  /** The id of the stored article this draft edits, if any. */
  replacing?: string;
}

/** The outcome of a preview: what the article adds, or what is wrong with the draft. */
export type PreviewResult = { ok: true; preview: ArticlePreview } | { ok: false; problems: DraftProblem[] };

/** Preview a draft. Pure; throws only on a bug in the pipeline. */
export function previewArticle(input: PreviewInput): PreviewResult {
  const checked = checkDraft(input.draft);
  if (!checked.ok) return checked;
  const others = input.stored.filter((article) => article.id !== input.replacing);
  const storyId =
    input.replacing ??
    allocateArticleId(
      checked.article.title,
      others.map((article) => article.id),
    );
  const candidate: UserArticle = { ...checked.article, id: storyId, addedAt: '' };
  const merged = mergeUserArticles(input.bundled, [...others, candidate], input.discovery);
  const story = merged.factBase.stories.find((entry) => entry.id === storyId);
  if (!story) {
    const reason = merged.problems.find((problem) => problem.startsWith(`${storyId}.md`)) ?? 'the article was refused';
    return { ok: false, problems: [{ field: 'body', message: reason.replace(/^[^:]+:\d+: /, '') }] };
  }
  const known = new Set(input.current.entities.map((entity) => entity.id));
  const entities = new Map(merged.factBase.entities.map((entity) => [entity.id, entity]));
  return {
    ok: true,
    preview: {
      storyId,
      summary: story.summary,
      entities: story.entityIds
        .map((id) => entities.get(id)!)
        .map((entity) => ({
          id: entity.id,
          name: entity.name,
          kind: entity.kind,
          isNew: !known.has(entity.id),
          sentences: story.mentions.find((mention) => mention.entityId === entity.id)?.sentences.length ?? 0,
        }))
        .sort((a, b) => b.sentences - a.sentences || a.name.localeCompare(b.name, 'en')),
      figures: merged.factBase.figures.filter((figure) => figure.storyId === storyId),
    },
  };
}
