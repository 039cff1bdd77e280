/**
 * What `figures/check` computes: the page's sentences read with the builder's
 * figure readers and checked against the fact base
 * (`src/figures/check-sentence.ts`), each checked figure worded for the page.
 *
 * The readers (`src/ingest/figures.ts`, `measure.ts`, `owners.ts`) weigh a
 * third of what background.js weighed gzipped, and a background that starts
 * for a page's matcher or a popover needs none of them. So this module is a
 * script of its own, `figure-checker.js` (`entrypoints/figure-checker.ts`),
 * which the background loads on its first figure check (`./figures.ts`,
 * `./figure-checker-script.ts`), never at its start (issue 16). Imported by
 * that entry point and by tests, never by the background;
 * `tests/unit/background/startup-imports.test.ts` holds it.
 */
import type { EntityKind, FactBase } from '../facts/schema';
import { checkSentence, indexFigures } from '../figures/check-sentence';
import { wordCheck } from '../figures/wording';
import type { CheckFiguresRequest, FigureVerdict } from '../messages/figures';

/** The verdicts on a request's sentences, against the fact base the checker was made for. */
export type FigureChecker = (request: Pick<CheckFiguresRequest, 'sentences' | 'pageDate'>) => FigureVerdict[];

/** What `figure-checker.js` hands the background: a checker over a fact base, made once per fact base. */
export type CreateFigureChecker = (factBase: Pick<FactBase, 'entities' | 'stories' | 'figures'>) => FigureChecker;

/** Indexes `factBase` (the stories' figures, entity kinds and story titles) and checks requests against it. */
export const createFigureChecker: CreateFigureChecker = (factBase) => {
  const index = indexFigures(factBase);
  const kinds = new Map<string, EntityKind>(factBase.entities.map((entity) => [entity.id, entity.kind]));
  const titles = new Map(factBase.stories.map((story) => [story.id, story.title]));
  return ({ sentences, pageDate }) => {
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
    return verdicts;
  };
};
