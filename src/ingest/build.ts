/**
 * Articles + catalog → fact base. Pure and deterministic: the same input
 * gives the same fact base, byte for byte once serialised, so the build can
 * check it in and the extension can run the same code on a pasted article.
 */
import { FACTBASE_FORMAT, FactBase, type AliasRule, type Entity, type Figure, type Story } from '../facts/schema';
import { buildMatcherPayload } from '../match/payload';
import { compileMatcher, type Matcher, type Mention } from '../match/matcher';
import { parseArticle, type Article, type ArticleSource } from './articles';
import type { Catalog, CatalogEntity } from './catalog';
import { discoverEntities, type DiscoveredEntity } from './discover';
import { IngestError, type IngestProblem } from './errors';
import { extractFigures } from './figures';
import { splitSentences } from './sentences';
import { slugify } from './slug';

/** What the build reads. */
export interface BuildInput {
  articles: ArticleSource[];
  catalog: Catalog;
  /** Skip automatic entity discovery (tests of the catalog alone). */
  discover?: boolean;
}

/** What the build makes: a valid fact base and anything worth a warning. */
export interface BuildResult {
  factBase: FactBase;
  warnings: IngestProblem[];
}

/** The lead used as a story's summary: up to this many sentences… */
const SUMMARY_SENTENCES = 2;
/** …and no more than this many characters once the first sentence is in. */
const SUMMARY_MAX_CHARS = 360;

/**
 * Build the fact base. Throws an {@link IngestError} listing every problem
 * (file, line, field) when an article is invalid; never returns an invalid fact base.
 */
export function buildFactBase(input: BuildInput): BuildResult {
  const warnings: IngestProblem[] = [];
  const articles = parseAll(input.articles, warnings);
  const drafts = entityDrafts(input.catalog, articles, input.discover ?? true);
  const matcher = compileMatcher(
    buildMatcherPayload({ format: FACTBASE_FORMAT, entities: drafts, stories: [], figures: [] }),
  );

  const stories: Story[] = [];
  const figures: Figure[] = [];
  for (const article of articles) {
    const { story, storyFigures } = analyseArticle(article, matcher, drafts);
    stories.push(story);
    figures.push(...storyFigures);
  }

  const storyIdsByEntity = new Map<string, string[]>();
  for (const story of stories) for (const id of story.entityIds) push(storyIdsByEntity, id, story.id);
  const figureIdsByEntity = new Map<string, string[]>();
  for (const figure of figures) for (const id of figure.entityIds) push(figureIdsByEntity, id, figure.id);

  const entities = drafts
    .map((draft) => ({
      ...draft,
      storyIds: storyIdsByEntity.get(draft.id) ?? [],
      figureIds: figureIdsByEntity.get(draft.id) ?? [],
    }))
    // A discovered name that the matcher never finds in any story is noise.
    .filter((entity) => entity.origin === 'catalog' || entity.storyIds.length > 0);
  for (const entity of entities) {
    if (entity.storyIds.length === 0) {
      warnings.push({
        file: 'catalog',
        line: 0,
        field: entity.id,
        message: `catalog entity '${entity.id}' is named in no article`,
      });
    }
  }

  const factBase = FactBase.parse({
    format: FACTBASE_FORMAT,
    entities: entities.sort(byId),
    stories: stories.sort(byId),
    figures,
  });
  return { factBase, warnings };
}

function parseAll(sources: ArticleSource[], warnings: IngestProblem[]): Article[] {
  const problems: IngestProblem[] = [];
  const articles: Article[] = [];
  const pathById = new Map<string, string>();
  for (const source of [...sources].sort((a, b) => compare(a.path, b.path))) {
    const parsed = parseArticle(source);
    problems.push(...parsed.problems);
    warnings.push(...parsed.warnings);
    if (!parsed.article) continue;
    const clash = pathById.get(parsed.article.id);
    if (clash) {
      problems.push({
        file: source.path,
        line: 1,
        message: `story id '${parsed.article.id}' is already used by ${clash}: rename one of the files`,
      });
      continue;
    }
    pathById.set(parsed.article.id, source.path);
    articles.push(parsed.article);
  }
  if (problems.length) throw new IngestError(problems);
  return articles;
}

type EntityDraft = Omit<Entity, 'storyIds' | 'figureIds'> & { storyIds: string[]; figureIds: string[] };

/** Catalog entities, then discovered ones shaped by the catalog's discovery rules. */
function entityDrafts(catalog: Catalog, articles: Article[], discover: boolean): EntityDraft[] {
  const drafts = new Map<string, EntityDraft>();
  for (const entry of catalog.entities) drafts.set(entry.id, fromCatalog(entry));
  if (!discover) return [...drafts.values()];

  const rules = catalog.discovery ?? {};
  const lower = (record: Record<string, string> | undefined) =>
    new Map(Object.entries(record ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  const suppressed = new Set((rules.suppress ?? []).map((name) => name.toLowerCase()));
  const mergeInto = lower(rules.merge);
  const renameTo = lower(rules.rename);
  const kindOf = lower(rules.kind);

  const known = [...drafts.values()].flatMap((draft) => [draft.name, ...draft.aliases]);
  known.push(...(rules.suppress ?? []));
  const found = new Map<string, DiscoveredEntity>();
  for (const article of articles) {
    for (const entity of discoverEntities(`${article.title}\n\n${article.body}`, { known })) {
      const key = entity.name.toLowerCase();
      const seen = found.get(key);
      if (seen) seen.aliases = unique([...seen.aliases, ...entity.aliases]);
      else found.set(key, { ...entity, aliases: [...entity.aliases] });
    }
  }

  for (const [key, entity] of [...found].sort(([a], [b]) => compare(a, b))) {
    if (suppressed.has(key) || entity.aliases.some((alias) => suppressed.has(alias.toLowerCase()))) continue;
    const target = mergeInto.get(key);
    if (target) {
      const draft = drafts.get(target)!;
      draft.aliases = unique([...draft.aliases, ...entity.aliases]);
      continue;
    }
    const name = renameTo.get(key) ?? entity.name;
    const id = slugify(name);
    if (!id || drafts.has(id)) continue;
    drafts.set(id, {
      id,
      name,
      kind: (kindOf.get(key) as Entity['kind'] | undefined) ?? entity.kind,
      aliases: unique([name, ...entity.aliases.filter((alias) => !suppressed.has(alias.toLowerCase()))]),
      origin: 'discovered',
      storyIds: [],
      figureIds: [],
    });
  }
  return [...drafts.values()];
}

function fromCatalog(entry: CatalogEntity): EntityDraft {
  const rules: AliasRule[] = entry.aliases.map((alias) =>
    typeof alias === 'string' ? { text: alias, case: 'exact' } : alias,
  );
  const aliases = unique(rules.map((rule) => rule.text));
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    aliases,
    ...(rules.some((rule) => rule.case !== 'exact') && { aliasRules: rules }),
    ...(entry.description !== undefined && { description: entry.description }),
    ...(entry.contextWords?.length && { contextWords: entry.contextWords }),
    origin: 'catalog',
    storyIds: [],
    figureIds: [],
  };
}

/** Sentences, mentions, figures and summary of one article. */
function analyseArticle(
  article: Article,
  matcher: Matcher,
  entities: readonly EntityDraft[],
): { story: Story; storyFigures: Figure[] } {
  // Ambiguous names count only when the story itself is about the right thing.
  const contextual = matcher.entitiesWithContext(`${article.title}\n${article.body}`);
  const mentionsIn = (text: string) =>
    matcher
      .findMentions(text)
      .filter((mention) => !matcher.contextEntityIds.has(mention.entityId) || contextual.has(mention.entityId));
  const entitiesIn = (text: string) => unique(mentionsIn(text).map((mention) => mention.entityId));

  const kindOf = new Map(entities.map((entity) => [entity.id, entity.kind]));
  const titleEntities = entitiesIn(article.title);
  const sentences = splitSentences(article.body).map((span) => span.text);
  const storyFigures: Figure[] = [];
  const sentencesByEntity = new Map<string, string[]>();
  const storyEntities = new Set(titleEntities);

  const addFigures = (sentence: string) => {
    const mentions = mentionsIn(sentence);
    for (const extracted of extractFigures(sentence)) {
      const owners = figureOwners(mentions, extracted.offset, sentence, titleEntities, kindOf);
      storyFigures.push({
        id: `${article.id}#${storyFigures.length + 1}`,
        storyId: article.id,
        entityIds: [...owners].sort(),
        text: extracted.text,
        sentence,
        unit: extracted.unit,
        value: extracted.value,
        ...(extracted.upper !== undefined && { upper: extracted.upper }),
        ...(extracted.per !== undefined && { per: extracted.per }),
        ...(extracted.qualifier !== undefined && { qualifier: extracted.qualifier }),
        ...(extracted.period !== undefined && { period: extracted.period }),
        ...(extracted.vague && { vague: true }),
        offset: extracted.offset,
      });
    }
  };

  addFigures(article.title);
  for (const sentence of sentences) {
    for (const id of entitiesIn(sentence)) {
      storyEntities.add(id);
      push(sentencesByEntity, id, sentence);
    }
    addFigures(sentence);
  }

  const entityIds = [...storyEntities].sort();
  return {
    story: {
      id: article.id,
      title: article.title,
      date: article.date,
      ...(article.source !== undefined && { source: article.source }),
      ...(article.url !== undefined && { url: article.url }),
      ...(article.excerpt !== undefined && { excerpt: article.excerpt }),
      summary: leadOf(sentences),
      body: article.body,
      entityIds,
      figureIds: storyFigures.map((figure) => figure.id),
      mentions: entityIds.map((entityId) => ({ entityId, sentences: sentencesByEntity.get(entityId) ?? [] })),
    },
    storyFigures,
  };
}

/** Sentences that open by referring back to the story's subject ("The company's cables cost…"). */
const ANAPHORIC_OPENING = /^(?:the (?:company|firm|group|startup|agency|department|organi[sz]ation)|it|its)\b/i;

/**
 * Which entities a figure is about. Its sentence's subject comes first, so
 * the entities named before the figure win ("TikTok was paying Microsoft
 * nearly $20 million … to access OpenAI's models" is about TikTok and
 * Microsoft, not OpenAI). A sentence that names nobody before the figure and
 * opens with "The company…" speaks of the story's title entities. Places are
 * where things happen, not who the figures belong to, so they own a figure
 * only when nothing else is named.
 */
function figureOwners(
  mentions: readonly Mention[],
  figureOffset: number,
  sentence: string,
  titleEntities: readonly string[],
  kindOf: ReadonlyMap<string, Entity['kind']>,
): string[] {
  const before = unique(mentions.filter((mention) => mention.end <= figureOffset).map((mention) => mention.entityId));
  const candidates =
    before.length > 0
      ? before
      : ANAPHORIC_OPENING.test(sentence.trim()) && titleEntities.length > 0
        ? titleEntities
        : mentions.length > 0
          ? unique(mentions.map((mention) => mention.entityId))
          : titleEntities;
  const actors = candidates.filter((id) => kindOf.get(id) !== 'place');
  return actors.length > 0 ? actors : [...candidates];
}

/** The lead: the first sentences, stopping before the summary gets long. */
export function leadOf(sentences: string[]): string {
  const lead: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    if (lead.length >= SUMMARY_SENTENCES) break;
    if (lead.length > 0 && length + sentence.length > SUMMARY_MAX_CHARS) break;
    lead.push(sentence);
    length += sentence.length + 1;
  }
  return lead.join(' ');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
  return compare(a.id, b.id);
}
