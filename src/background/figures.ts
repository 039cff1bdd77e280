/**
 * The background's answer to `figures/check`: the page's sentences read with
 * the builder's figure readers and checked against the fact base
 * (`src/figures/check-sentence.ts`). The index of the stories' figures is built
 * on the first check, not at startup, and dropped when the fact base changes.
 */
import type { EntityKind } from '../facts/schema';
import { checkSentence, indexFigures, type FigureIndex } from '../figures/check-sentence';
import { wordCheck } from '../figures/wording';
import type { FigureVerdict } from '../messages/figures';
import type { FactBaseStore } from './factbase-store';
import type { BackgroundHandlers } from './router';

/** The handler this module adds to the background's. */
export type FigureHandlers = Pick<BackgroundHandlers, 'figures/check'>;

/** Checks over the store's current fact base. */
export function createFigureHandlers(store: FactBaseStore): FigureHandlers {
  let cached: { index: FigureIndex; kinds: Map<string, EntityKind>; titles: Map<string, string> } | null = null;
  store.subscribe(() => {
    cached = null;
  });
  const lookups = () => {
    if (!cached) {
      const { factBase } = store.current();
      cached = {
        index: indexFigures(factBase),
        kinds: new Map(factBase.entities.map((entity) => [entity.id, entity.kind])),
        titles: new Map(factBase.stories.map((story) => [story.id, story.title])),
      };
    }
    return cached;
  };
  return {
    'figures/check': ({ sentences, pageDate }) => {
      const { index, kinds, titles } = lookups();
      const verdicts: FigureVerdict[] = [];
      for (const [position, sentence] of sentences.entries()) {
        const mentions = sentence.mentions.flatMap((mention) => {
          const kind = kinds.get(mention.entityId);
          return kind ? [{ ...mention, kind }] : [];
        });
        if (mentions.length === 0) continue;
        for (const check of checkSentence(sentence.text, mentions, index, pageDate)) {
          const story = check.story.figure;
          const words = wordCheck(check.page, story, check.story.storyDate, check.verdict, check.pageIsNewer);
          const start = check.page.offset ?? sentence.text.indexOf(check.page.text);
          verdicts.push({
            sentence: position,
            start,
            end: start + check.page.text.length,
            entityId: check.entityId,
            verdict: check.verdict,
            page: words.page,
            stories: words.stories,
            storyId: story.storyId,
            storyTitle: titles.get(story.storyId) ?? '',
            storySentence: story.sentence,
            pageIsNewer: check.pageIsNewer,
          });
        }
      }
      return { ok: true, value: verdicts };
    },
  };
}
