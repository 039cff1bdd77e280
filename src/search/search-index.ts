/**
 * Full-text search over a fact base: entities, stories and figures, queried
 * on every keystroke.
 *
 * Two kinds of index share one notion of a term (`./terms.ts`, so "20 million"
 * finds "$20 million"). MiniSearch holds entities, with field boosts, prefix
 * and fuzzy matching on its radix tree. Compact indexes of our own hold every
 * field of every story and figure, because MiniSearch scores long posting
 * lists (a common word in 10,000 bodies or titles, "million" in most figures)
 * too slowly.
 *
 * Each query word is matched on its own, everywhere, into a score and a flag
 * per row; the last few words' matches are cached, so typing the third word
 * does not redo the first two. A row must match every word, in any of its
 * fields (AND); only when no row does we fall back to rows matching any word
 * (OR), so a reader who combines two things no article links still sees both.
 * The last word is completed as a prefix because it is usually still being
 * typed; words of four letters and more also match with a typo or two.
 */
import MiniSearch, { type Query } from 'minisearch';
import type { Entity, FactBase, Figure, Story } from '../facts/schema';
import { formatFigure, type FormattedFigure } from '../format/figures';
import { documentsOf, SEARCH_FIELDS, textFieldsOf, type SearchDocument, type TextField } from './documents';
import { snippetAround } from './highlight';
import { RowAccumulator, RowCombiner, type Combination, type SparseRows } from './ranking';
import type { EntityHit, FigureHit, SearchResults, SearchSuggestions, StoryHit } from '../messages/search-results';
import { isNumericTerm, searchTerms } from './terms';
import { buildTextIndex, type TextIndex, type WeightedTerm } from './text-index';
import { createVocabulary } from './vocabulary';

/** Names and titles count most, then descriptions (the text fields' boosts are in `./documents.ts`). */
const FIELD_BOOSTS: Record<(typeof SEARCH_FIELDS)[number], number> = {
  title: 6,
  aliases: 4,
  summary: 2,
  source: 0.5,
};

/** Fraction of a word's letters that may be wrong (0.2: one in 4–7 letters, two from 8). */
const FUZZINESS = 0.2;
/** Shorter words are matched exactly: a typo in three letters is usually another word. */
const FUZZY_MIN_LENGTH = 4;
/** At most two typos, whatever the length. */
const MAX_EDITS = 2;
/** A prefix is completed to at most this many terms, the most frequent ones. */
const MAX_COMPLETIONS = 40;
/** A two-letter prefix completes to fewer terms (twice this in entity names): it says little yet, and costs the most. */
const MAX_SHORT_COMPLETIONS = 8;
/** How much a completed prefix or a near spelling counts against the word itself (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Words of a query that count; a longer query is cut (row masks hold one bit per word). */
const MAX_QUERY_WORDS = 12;
/** Words whose matches are kept: enough for the words before the one being typed, and a backspace. */
const WORD_CACHE_SIZE = 8;

/** Options for {@link SearchIndex.search}. */
export interface SearchOptions {
  /** Rows per group, at most. Defaults to 6. */
  limit?: number;
}

/** Options for {@link SearchIndex.suggestions}. */
export interface SuggestionOptions {
  /** Entities to suggest. Defaults to 6. */
  entities?: number;
  /** Stories to suggest. Defaults to 4. */
  stories?: number;
}

/** A searchable fact base. */
export interface SearchIndex {
  /** Find entities, stories and figures for what the reader typed. */
  search(query: string, options?: SearchOptions): SearchResults;
  /** What to offer before anything is typed. */
  suggestions(options?: SuggestionOptions): SearchSuggestions;
  /** How many entities, stories and figures are indexed. */
  readonly size: number;
}

/** Everything one query word matched. */
interface WordMatch {
  entities: SparseRows;
  stories: SparseRows;
  figures: SparseRows;
  /** The indexed terms each entity matched, by entity number. */
  entityTerms: Map<number, string[]>;
  /** The long-text terms the word stood for. */
  textTerms: WeightedTerm[];
}

/** Stories by date, newest first; undated ones last, then by title so the order is stable. */
function newestFirst(a: Story, b: Story): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return b.date.localeCompare(a.date);
  }
  return a.title.localeCompare(b.title);
}

/** Entities covered by the most stories first, then by the most figures, then by name. */
function mostCoveredFirst(a: Entity, b: Entity): number {
  return (
    b.storyIds.length - a.storyIds.length || b.figureIds.length - a.figureIds.length || a.name.localeCompare(b.name)
  );
}

function prefixWeight(prefix: string, completion: string): number {
  return (PREFIX_WEIGHT * completion.length) / (completion.length + 0.3 * (completion.length - prefix.length));
}

function maxEditsFor(term: string): number {
  if (term.length < FUZZY_MIN_LENGTH || isNumericTerm(term)) return 0;
  return Math.min(MAX_EDITS, Math.round(term.length * FUZZINESS));
}

function entityHit(entity: Entity, terms: string[]): EntityHit {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    storyCount: entity.storyIds.length,
    terms,
  };
}

function storyHit(story: Story, terms: string[], matchedBody: boolean): StoryHit {
  return {
    id: story.id,
    title: story.title,
    date: story.date,
    source: story.source,
    excerpt: story.excerpt,
    snippet: matchedBody ? snippetAround(story.body, terms) : snippetAround(story.summary, terms),
    terms,
  };
}

/**
 * What to offer before anything is typed: the entities most stories cover and the newest stories. Needs
 * no index, so the popup shows them at once however large the fact base (at 10,000 articles the index
 * takes seconds to build).
 */
export function suggestionsOf(factBase: FactBase, options: SuggestionOptions = {}): SearchSuggestions {
  const topEntities = [...factBase.entities].sort(mostCoveredFirst).slice(0, options.entities ?? 6);
  const newest = [...factBase.stories].sort(newestFirst).slice(0, options.stories ?? 4);
  return {
    entities: topEntities.map((entity) => entityHit(entity, [])),
    stories: newest.map((story) => storyHit(story, [], false)),
  };
}

function emptyResults(query: string): SearchResults {
  return { query, entities: [], stories: [], figures: [], total: { entities: 0, stories: 0, figures: 0 } };
}

/** Build the index. Linear in the size of the fact base; call it once per fact base. */
export function buildSearchIndex(factBase: FactBase): SearchIndex {
  const entities = new Map(factBase.entities.map((entity) => [entity.id, entity]));
  const stories = new Map(factBase.stories.map((story) => [story.id, story]));
  const headVocabulary = createVocabulary();
  const textVocabulary = createVocabulary();

  const miniSearch = new MiniSearch<SearchDocument>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // Terms come out of the tokenizer whole; MiniSearch's own lower-casing would be a second pass.
    tokenize: (text) => {
      const terms = searchTerms(text);
      headVocabulary.add(terms);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { boost: FIELD_BOOSTS, maxFuzzy: MAX_EDITS },
  });
  for (const document of documentsOf(factBase)) miniSearch.add(document);

  const textFields = textFieldsOf(factBase, entities);
  const indexField = ({ texts, boost }: TextField) => ({ index: buildTextIndex(texts, textVocabulary), boost });
  const storyBodies = indexField(textFields.story.body);
  const storyFields = [
    textFields.story.title,
    textFields.story.summary,
    textFields.story.names,
    textFields.story.source,
  ].map(indexField);
  const figureFields = Object.values(textFields.figure).map(indexField);
  const storyTexts: TextIndex[] = [...storyFields, storyBodies].map((field) => field.index);
  const figureTexts: TextIndex[] = figureFields.map((field) => field.index);
  headVocabulary.sort();
  textVocabulary.sort();

  /** The MiniSearch query for one word: MiniSearch completes a prefix itself unless it has many completions. */
  const headQuery = (word: string, prefix: boolean): Query => {
    const fuzzy = maxEditsFor(word) ? FUZZINESS : false;
    const max = word.length <= 2 ? MAX_SHORT_COMPLETIONS * 2 : MAX_COMPLETIONS;
    if (!prefix || headVocabulary.countWithPrefix(word) <= max) return { queries: [word], prefix, fuzzy };
    return {
      combineWith: 'OR',
      queries: [
        { queries: [word], prefix: false, fuzzy },
        {
          combineWith: 'OR',
          queries: headVocabulary.completions(word, max),
          prefix: false,
          fuzzy: false,
          boostTerm: (completion) => prefixWeight(word, completion),
        },
      ],
    };
  };

  /** The long-text terms one word stands for: itself, its completions when a prefix, its near spellings. */
  const textTermsOf = (word: string, prefix: boolean): WeightedTerm[] => {
    const terms: WeightedTerm[] = [{ term: word, weight: 1 }];
    if (prefix) {
      const max = word.length <= 2 ? MAX_SHORT_COMPLETIONS : MAX_COMPLETIONS;
      for (const completion of textVocabulary.completions(word, max)) {
        terms.push({ term: completion, weight: prefixWeight(word, completion) });
      }
    }
    const edits = maxEditsFor(word);
    if (edits) {
      for (const near of textVocabulary.similar(word, edits)) {
        if (prefix && near.term.startsWith(word)) continue;
        terms.push({ term: near.term, weight: (FUZZY_WEIGHT * near.term.length) / (near.term.length + near.distance) });
      }
    }
    return terms;
  };

  // Scratch space for one word's scores, and for adding up a query's words; reused, never shared.
  const entityScores = new RowAccumulator(factBase.entities.length);
  const storyScores = new RowAccumulator(factBase.stories.length);
  const figureScores = new RowAccumulator(factBase.figures.length);
  const combiners = {
    entities: new RowCombiner(factBase.entities.length),
    stories: new RowCombiner(factBase.stories.length),
    figures: new RowCombiner(factBase.figures.length),
  };

  const matchWord = (word: string, prefix: boolean): WordMatch => {
    const textTerms = textTermsOf(word, prefix);
    const entityTerms = new Map<number, string[]>();
    const results = miniSearch.search(headQuery(word, prefix), {
      // Every leaf of the query is one finished term.
      tokenize: (leaf) => [leaf],
      processTerm: (leaf) => leaf,
    });
    for (const result of results) {
      const number = result.id as number;
      // MiniSearch multiplies by the number of leaves matched; completions of one word are one word here.
      entityScores.add(number, result.score / Math.max(1, result.queryTerms.length));
      entityTerms.set(number, result.terms);
    }
    for (const field of storyFields) field.index.accumulate(textTerms, field.boost, storyScores);
    storyBodies.index.accumulate(textTerms, storyBodies.boost, storyScores);
    for (const field of figureFields) field.index.accumulate(textTerms, field.boost, figureScores);
    return {
      entities: entityScores.take(),
      stories: storyScores.take(),
      figures: figureScores.take(),
      entityTerms,
      textTerms,
    };
  };

  // Most recently used last; a word is looked up as typed so far, with whether it is a prefix.
  const wordCache = new Map<string, WordMatch>();
  const cachedMatchWord = (word: string, prefix: boolean): WordMatch => {
    const key = `${prefix ? '*' : '='}${word}`;
    let match = wordCache.get(key);
    if (match) wordCache.delete(key);
    else match = matchWord(word, prefix);
    wordCache.set(key, match);
    if (wordCache.size > WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value!);
    return match;
  };

  // Formatting builds Intl formatters, so each figure is formatted once, when first shown.
  const formatted = new Map<string, FormattedFigure>();
  const figureHit = (figure: Figure, terms: string[]): FigureHit => {
    let display = formatted.get(figure.id);
    if (!display) formatted.set(figure.id, (display = formatFigure(figure)));
    return {
      id: figure.id,
      storyId: figure.storyId,
      storyTitle: stories.get(figure.storyId)?.title ?? '',
      value: display.value,
      detail: display.detail,
      text: figure.text,
      sentence: figure.sentence,
      entityNames: figure.entityIds.map((id) => entities.get(id)?.name).filter((name): name is string => !!name),
      terms,
    };
  };

  /** Group and rank the rows of `words` that count under `combination`, with the terms each matched. */
  const collect = (query: string, limit: number, words: WordMatch[], combination: Combination): SearchResults => {
    const rankedEntities = combiners.entities.rank(
      words.map((word) => word.entities),
      limit,
      combination,
    );
    const rankedStories = combiners.stories.rank(
      words.map((word) => word.stories),
      limit,
      combination,
    );
    const rankedFigures = combiners.figures.rank(
      words.map((word) => word.figures),
      limit,
      combination,
    );

    /** The indexed terms a row matched: those MiniSearch reported, and those of its long texts. */
    const termsOf = (
      mask: number,
      number: number,
      head: (word: WordMatch) => string[] | undefined,
      texts: readonly TextIndex[],
    ): string[] => {
      const terms = new Set<string>();
      words.forEach((word, index) => {
        if (!(mask & (1 << index))) return;
        for (const term of head(word) ?? []) terms.add(term);
        for (const { term } of word.textTerms) {
          if (texts.some((text) => text.contains(term, number))) terms.add(term);
        }
      });
      return [...terms];
    };

    return {
      query,
      entities: rankedEntities.top.map(({ number, mask }) =>
        entityHit(
          factBase.entities[number]!,
          termsOf(mask, number, (word) => word.entityTerms.get(number), []),
        ),
      ),
      stories: rankedStories.top.map(({ number, mask }) =>
        storyHit(
          factBase.stories[number]!,
          termsOf(mask, number, () => undefined, storyTexts),
          // The body matched: show a snippet of it rather than the summary.
          words.some(
            (word, index) =>
              Boolean(mask & (1 << index)) &&
              word.textTerms.some(({ term }) => storyBodies.index.contains(term, number)),
          ),
        ),
      ),
      figures: rankedFigures.top.map(({ number, mask }) =>
        figureHit(
          factBase.figures[number]!,
          termsOf(mask, number, () => undefined, figureTexts),
        ),
      ),
      total: { entities: rankedEntities.total, stories: rankedStories.total, figures: rankedFigures.total },
    };
  };

  // One letter would complete to a large part of the vocabulary, and says
  // little: it finds the entities with a word of their name starting with it.
  const byFirstLetter = new Map<string, Entity[]>();
  for (const entity of [...factBase.entities].sort(mostCoveredFirst)) {
    const names = [entity.name, ...entity.aliases];
    for (const letter of new Set(names.flatMap((name) => searchTerms(name).map((term) => term[0]!)))) {
      const list = byFirstLetter.get(letter) ?? [];
      list.push(entity);
      byFirstLetter.set(letter, list);
    }
  }

  return {
    size: factBase.entities.length + factBase.stories.length + factBase.figures.length,

    search(query, options = {}) {
      const limit = options.limit ?? 6;
      let words = searchTerms(query).slice(0, MAX_QUERY_WORDS);
      const letter = /^\s*(\p{L})\s*$/u.exec(query)?.[1];
      if (letter || (words.length === 1 && words[0]!.length === 1 && !isNumericTerm(words[0]!))) {
        const initial = letter ? (searchTerms(letter)[0] ?? letter.toLowerCase()) : words[0]!;
        const matches = byFirstLetter.get(initial) ?? [];
        return {
          ...emptyResults(query),
          entities: matches.slice(0, limit).map((entity) => entityHit(entity, [])),
          total: { entities: matches.length, stories: 0, figures: 0 },
        };
      }
      // A single trailing letter is the start of a word not yet typed.
      const last = words[words.length - 1];
      if (words.length > 1 && last?.length === 1 && !isNumericTerm(last)) words = words.slice(0, -1);
      if (words.length === 0) return emptyResults(query);

      const matches = words.map((word, index) =>
        // The last word is still being typed; earlier ones are prefixes only when long enough to mean something.
        cachedMatchWord(word, index === words.length - 1 || (word.length >= 3 && !isNumericTerm(word))),
      );
      const everyWord = collect(query, limit, matches, { kind: 'all', everyWord: (1 << words.length) - 1 });
      const found = everyWord.total.entities + everyWord.total.stories + everyWord.total.figures;
      if (found > 0 || words.length < 2) return everyWord;
      return collect(query, limit, matches, { kind: 'any' });
    },

    suggestions: (options) => suggestionsOf(factBase, options),
  };
}
