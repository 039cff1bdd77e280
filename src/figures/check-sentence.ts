/**
 * Checks the figures of a page's sentence against the fact base: each figure
 * the sentence gives about an entity it names is read (`readSentenceFigures`)
 * and compared with the stories' figures of that entity (`checkFigure`).
 * What the background answers when a content script sends it the sentences
 * that hold a mention and a number.
 *
 * Pure: a sentence, its mentions and an index of the fact base in, checks out.
 */
import type { Entity, FactBase } from '../facts/schema';
import { checkFigure, type FigureCheck, type StoryFigure } from './judge';
import { measureConcepts } from './measure-match';
import { readSentenceFigures, type SentenceFigure, type SentenceMention } from './read-sentence';

/** The fact base arranged for checking: each entity's figures with their stories' dates and measures, and its name words. */
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

/** The lower-case words of an entity's names: they say whose a measure is, not what it is. */
function nameWords(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  return [entity.name, ...entity.aliases].flatMap((name) =>
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean),
  );
}

/** Indexes `factBase` once; rebuild it when the fact base changes. */
export function indexFigures(factBase: Pick<FactBase, 'entities' | 'stories' | 'figures'>): FigureIndex {
  const dateOf = new Map(factBase.stories.map((story) => [story.id, story.date]));
  const nameWordsOf = new Map(factBase.entities.map((entity) => [entity.id, new Set(nameWords(entity))]));
  const figuresOf = new Map<string, StoryFigure[]>();
  for (const figure of factBase.figures) {
    const owners = new Set(figure.entityIds.flatMap((id) => [...(nameWordsOf.get(id) ?? [])]));
    const candidate = {
      figure,
      storyDate: dateOf.get(figure.storyId) ?? null,
      concepts: measureConcepts(figure.measure ?? figure.measureKey, owners),
    };
    for (const entityId of figure.entityIds) {
      let list = figuresOf.get(entityId);
      if (!list) figuresOf.set(entityId, (list = []));
      list.push(candidate);
    }
  }
  return { figuresOf, nameWordsOf };
}

/**
 * The checked figures of one sentence: those about an entity the sentence
 * names that some story figure of that entity can be compared with. A figure
 * is about the entities the builder's owner reader gives it; when it gives
 * none (a sentence alone lacks the story around it: "In Houston, sedan sales
 * are down 12.3 percent"), about any entity the sentence names whose stories
 * give a figure of that measure. `pageDate` (`YYYY-MM-DD`) places "this year"
 * and tells a page newer than a story.
 */
export function checkSentence(
  sentence: string,
  mentions: readonly SentenceMention[],
  index: FigureIndex,
  pageDate?: string | null,
): SentenceCheck[] {
  const named = [...new Set(mentions.map((mention) => mention.entityId))];
  const namedWords = new Set(named.flatMap((id) => [...(index.nameWordsOf.get(id) ?? [])]));
  const checks: SentenceCheck[] = [];
  for (const page of readSentenceFigures(sentence, mentions)) {
    const concepts = measureConcepts(page.measure ?? page.measureKey, namedWords);
    const owners = page.entityIds.filter((id) => named.includes(id));
    let best: SentenceCheck | undefined;
    for (const entityId of page.entityIds.length > 0 ? owners : named) {
      const check = checkFigure(page, concepts, index.figuresOf.get(entityId) ?? [], pageDate);
      if (check && (!best || RANK[check.verdict] < RANK[best.verdict])) best = { ...check, entityId, page };
    }
    if (best) checks.push(best);
  }
  return checks;
}

const RANK = { agrees: 0, close: 1, differs: 2 } as const;
