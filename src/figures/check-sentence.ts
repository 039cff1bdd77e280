/**
 * Checks the figures of a page's sentence against the fact base: each figure
 * the sentence gives about an entity it names is read (`readSentenceFigures`)
 * and compared with the stories' figures of that entity (`checkFigure`).
 * What the background answers when a content script sends it the sentences
 * that hold a mention and a number.
 *
 * Pure: a sentence, its mentions and an index of the fact base in, checks out.
 */
import type { FactBase } from '../facts/schema';
import { stem } from '../ingest/measure';
import { checkFigure, type FigureCheck, type StoryFigure } from './judge';
import { readSentenceFigures, type SentenceFigure, type SentenceMention } from './read-sentence';

/** The fact base arranged for checking: each entity's figures with their stories' dates, and its name words. */
export interface FigureIndex {
  figuresOf: ReadonlyMap<string, readonly StoryFigure[]>;
  nameWordsOf: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A figure of the page's sentence, checked. */
export interface SentenceCheck extends FigureCheck {
  /** The entity the figure is about, whose stories it was checked against. */
  entityId: string;
  /** The figure as the page gives it; `offset` is within the sentence. */
  page: SentenceFigure;
}

/** Indexes `factBase` once; rebuild it when the fact base changes. */
export function indexFigures(factBase: Pick<FactBase, 'entities' | 'stories' | 'figures'>): FigureIndex {
  const dateOf = new Map(factBase.stories.map((story) => [story.id, story.date]));
  const figuresOf = new Map<string, StoryFigure[]>();
  for (const figure of factBase.figures) {
    for (const entityId of figure.entityIds) {
      let list = figuresOf.get(entityId);
      if (!list) figuresOf.set(entityId, (list = []));
      list.push({ figure, storyDate: dateOf.get(figure.storyId) ?? null });
    }
  }
  const nameWordsOf = new Map(
    factBase.entities.map((entity) => [
      entity.id,
      new Set(
        [entity.name, ...entity.aliases].flatMap((name) =>
          name
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean)
            .map(stem),
        ),
      ),
    ]),
  );
  return { figuresOf, nameWordsOf };
}

/**
 * The checked figures of one sentence: those about an entity the sentence
 * names (as the builder reads owners) that some story figure of that entity
 * can be compared with. `pageDate` (`YYYY-MM-DD`) places "this year" and
 * tells a page newer than a story.
 */
export function checkSentence(
  sentence: string,
  mentions: readonly SentenceMention[],
  index: FigureIndex,
  pageDate?: string | null,
): SentenceCheck[] {
  const named = new Set(mentions.map((mention) => mention.entityId));
  const checks: SentenceCheck[] = [];
  for (const page of readSentenceFigures(sentence, mentions)) {
    let best: SentenceCheck | undefined;
    for (const entityId of page.entityIds) {
      if (!named.has(entityId)) continue;
      const check = checkFigure(
        page,
        index.figuresOf.get(entityId) ?? [],
        index.nameWordsOf.get(entityId) ?? new Set(),
        pageDate,
      );
      if (check && (!best || RANK[check.verdict] < RANK[best.verdict])) best = { ...check, entityId, page };
    }
    if (best) checks.push(best);
  }
  return checks;
}

const RANK = { agrees: 0, close: 1, differs: 2 } as const;
