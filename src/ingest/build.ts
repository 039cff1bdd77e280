/**
 * Articles + catalog → fact base. Pure and deterministic: the same input
 * gives the same fact base, byte for byte once serialised, so the build can
 * check it in and the extension can run the same code on a pasted article.
 */
import { FACTBASE_FORMAT, FactBase, type AliasRule, type Entity, type Figure, type Story } from '../facts/schema';
import { buildMatcherPayload } from '../match/payload';
import type { AliasSense } from '../match/decide';
import { compileMatcher, type Matcher, type Mention } from '../match/matcher';
import { extendsNameBefore, wordBefore } from '../match/name-words';
import { isIsoDate, parseArticle, type Article, type ArticleSource } from './articles';
import type { Catalog, CatalogEntity } from './catalog';
import { discoverEntities } from './discover';
import { combineDiscoveries } from './discover/across-stories';
import { cleanArticleText } from './clean';
import { IngestError, type IngestProblem } from './errors';
import { extractFigures, type ExtractedFigure } from './figures';
import { describeFigures } from './measure';
import {
  figureOwners,
  headlineSubject,
  isAffiliation,
  productMakers,
  sentenceSubject,
  type Discourse,
  type OwnerMention,
} from './owners';
import { quoteSpeakers } from './quote-speakers';
import { splitSentences } from './sentences';
import { checkArticleText } from './text-checks';
import { slugify } from './slug';

/** How far into a sentence a name may start and still open it. */
const OPENING_REACH = 40;
/** How far into the lead a place may start and still be the scene its opening words report on. */
const SCENE_REACH = 60;

/** What the build reads: article files (Markdown with front matter) and the catalog. */
export interface BuildInput {
  articles: ArticleSource[];
  catalog: Catalog;
  /** Skip automatic entity discovery (tests of the catalog alone). */
  discover?: boolean;
}

/** What the core reads: articles as plain data, whatever they were stored as, and the catalog. */
export interface FactsInput {
  /** Each with a unique id; `path` names it in warnings. */
  articles: readonly Article[];
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
 * Build the fact base from article files: the command-line shell over {@link buildFacts}. Throws an
 * {@link IngestError} listing every problem (file, line, field) when an article file is invalid; never
 * returns an invalid fact base.
 */
export function buildFactBase(input: BuildInput): BuildResult {
  const warnings: IngestProblem[] = [];
  const articles = parseAll(input.articles, warnings);
  const built = buildFacts({
    articles,
    catalog: input.catalog,
    ...(input.discover !== undefined && { discover: input.discover }),
  });
  return { factBase: built.factBase, warnings: [...warnings, ...built.warnings] };
}

/**
 * The core: articles as plain data + catalog → fact base. The command-line build and the user's own
 * articles (in the extension) both call it, so neither writes an article out in a file format only to
 * parse it back. Articles are analysed in the order given (give them sorted for byte-identical output).
 * An article that is not text (empty, binary data) is left out with a warning.
 */
export function buildFacts(input: FactsInput): BuildResult {
  const warnings: IngestProblem[] = [];
  const articles = input.articles.filter((article) => {
    // Plain data may come from anywhere (a stored record, an import): a date the fact base can not hold
    // leaves that article out, not the whole build.
    if (article.date !== null && !isIsoDate(article.date)) {
      const message = `date '${article.date}' is not a real date written YYYY-MM-DD: left out`;
      warnings.push({ file: article.path, line: 1, field: 'date', message, leftOut: true });
      return false;
    }
    const check = checkArticleText(article.body);
    const line = article.bodyLine ?? 1;
    for (const remark of check.remarks) warnings.push({ file: article.path, line, field: 'body', message: remark });
    if (check.notText)
      warnings.push({ file: article.path, line, field: 'body', message: `${check.notText}: left out`, leftOut: true });
    return !check.notText;
  });
  // Everything that reads an article reads its prose alone: captions, credits, bylines and page
  // furniture would otherwise become entities, owners and summaries. The story keeps the body as stored.
  const readable = articles.map((article) => ({ ...article, body: cleanArticleText(article.body).text }));
  const drafts = entityDrafts(input.catalog, readable, input.discover ?? true);
  const matcher = compileMatcher(
    buildMatcherPayload({ format: FACTBASE_FORMAT, entities: drafts, stories: [], figures: [] }),
  );

  const stories: Story[] = [];
  const figures: Figure[] = [];
  for (const [index, article] of articles.entries()) {
    const { story, storyFigures } = analyseArticle(article, readable[index]!.body, matcher, drafts);
    stories.push(story);
    figures.push(...storyFigures);
    if (story.entityIds.length === 0)
      warnings.push({ file: article.path, line: 1, message: 'no entity was found in this article' });
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
  // Each story is read alone; `combineDiscoveries` settles kinds and family names the stories disagree on.
  // A name a rule below names keeps its own entity: joined into another, the rule would no longer find it.
  const pinned = [...mergeInto.keys(), ...renameTo.keys(), ...kindOf.keys()];
  const combined = combineDiscoveries(
    articles.map((article) => discoverEntities(`${article.title}\n\n${article.body}`, { known })),
    known,
    pinned,
  );
  const found = new Map(combined.entities.map((entity) => [entity.name.toLowerCase(), entity]));

  for (const [key, entity] of [...found].sort(([a], [b]) => compare(a, b))) {
    if (suppressed.has(key) || entity.aliases.some((alias) => suppressed.has(alias.toLowerCase()))) continue;
    // The ids the names that end up in this entity would have as entities of their own.
    const formerIds = [entity.name, ...(entity.joined ?? [])].map(entityIdOf);
    const target = mergeInto.get(key);
    if (target) {
      const draft = drafts.get(target)!;
      // An alias the draft had already keeps its rule: the catalog's word is final.
      const had = new Set(draft.aliases);
      draft.aliases = unique([...draft.aliases, ...entity.aliases]);
      addShortForms(
        draft,
        entity.shortForms?.filter((form) => !had.has(form)),
      );
      addFormerIds(draft, formerIds);
      continue;
    }
    const name = renameTo.get(key) ?? entity.name;
    const id = entityIdOf(name);
    if (!id || drafts.has(id)) continue;
    const draft: EntityDraft = {
      id,
      name,
      kind: (kindOf.get(key) as Entity['kind'] | undefined) ?? entity.kind,
      aliases: unique([name, ...entity.aliases.filter((alias) => !suppressed.has(alias.toLowerCase()))]),
      origin: 'discovered',
      storyIds: [],
      figureIds: [],
    };
    addShortForms(draft, entity.shortForms);
    addFormerIds(draft, formerIds);
    drafts.set(id, draft);
  }
  return [...drafts.values()];
}

/** The id of an entity named `name`. "Disney+" is not "Disney": the plus sign, which a slug drops, is read out as a word. */
function entityIdOf(name: string): string {
  return slugify(name.replace(/\+/g, ' plus '));
}

/** Notes `forms` as short forms of the draft (`Entity.shortForms`): those among its aliases, never its name. */
function addShortForms(draft: EntityDraft, forms: readonly string[] = []): void {
  const aliases = new Set(draft.aliases);
  const shortForms = unique([...(draft.shortForms ?? []), ...forms]).filter(
    (form) => form !== draft.name && aliases.has(form),
  );
  if (shortForms.length > 0) draft.shortForms = shortForms;
}

/** Notes `ids` as the draft's former ids (`Entity.formerIds`): sorted, each once, its own id left out. */
function addFormerIds(draft: EntityDraft, ids: readonly string[]): void {
  const formerIds = unique([...(draft.formerIds ?? []), ...ids])
    .filter((id) => id !== '' && id !== draft.id)
    .sort(compare);
  if (formerIds.length > 0) draft.formerIds = formerIds;
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
    ...(entry.shortForms?.length && { shortForms: entry.shortForms }),
    origin: 'catalog',
    storyIds: [],
    figureIds: [],
  };
}

/** Sentences, mentions, figures and summary of one article; `prose` is its body cleaned of page furniture. */
function analyseArticle(
  article: Article,
  prose: string,
  matcher: Matcher,
  entities: readonly EntityDraft[],
): { story: Story; storyFigures: Figure[] } {
  // Ambiguous names count only when the story itself is about the right thing.
  const contextual = matcher.entitiesWithContext(`${article.title}\n${prose}`);
  const counts = (entityId: string) => !matcher.contextEntityIds.has(entityId) || contextual.has(entityId);
  // A name several entities carry ("Mr Kessler" of Wade Kessler and of Justin Kessler, from two stories)
  // means, in this story, the one it also names by a name of its own ("Wade Kessler"); when it names none
  // of them so, the first, as the matcher reports it.
  // Read once, when first needed: both sets below come from it.
  let sensesAlone: AliasSense[] | undefined;
  const sensesNamedAlone = () =>
    (sensesAlone ??= [article.title, prose].flatMap((text) =>
      matcher.findCandidates(text).flatMap(({ senses }) => (senses.length === 1 ? senses : [])),
    ));
  let namedAlone: Set<string> | undefined;
  const namesAlone = () => (namedAlone ??= new Set(sensesNamedAlone().map((sense) => sense.entityId)));
  // A short form ("Cook", "Steve") means its entity only in a story that names it in full.
  let namedInFull: Set<string> | undefined;
  const namesInFull = () =>
    (namedInFull ??= new Set(sensesNamedAlone().flatMap((sense) => (sense.partial ? [] : [sense.entityId]))));
  const mentionsIn = (text: string): Mention[] =>
    matcher.findCandidates(text).flatMap(({ start, end, senses }) => {
      // "Tavierre Thomas" is not Chad Thomas: a family name with another given name before it names someone else.
      // Read only for a partial alias, the one case it decides.
      const otherPerson = senses.some((sense) => sense.partial) && extendsNameBeforeAt(text, start);
      const counted = senses.filter(
        (sense) =>
          counts(sense.entityId) &&
          (!sense.fullNameOnly || namesInFull().has(sense.entityId)) &&
          !(sense.partial && otherPerson),
      );
      const sense = (counted.length > 1 && counted.find((one) => namesAlone().has(one.entityId))) || counted[0];
      return sense ? [{ start, end, entityId: sense.entityId }] : [];
    });
  const entitiesIn = (text: string) => unique(mentionsIn(text).map((mention) => mention.entityId));

  const kindOf = new Map(entities.map((entity) => [entity.id, entity.kind]));
  const ownerMentionsIn = (text: string): OwnerMention[] =>
    mentionsIn(text).map((mention) => ({ ...mention, kind: kindOf.get(mention.entityId) ?? 'topic' }));
  const titleEntities = entitiesIn(article.title);
  const sentences = splitSentences(prose).map((span) => span.text);
  const summary = leadOf(sentences, article.title);
  const storyFigures: Figure[] = [];
  const sentencesByEntity = new Map<string, string[]>();
  const storyEntities = new Set(titleEntities);
  // "The company" and "it" mean the story's subject: what its title is about (not a person, not a place,
  // not a name in an adjunct or counted: "Acme inks order for 30 Beta jets"), else what its lead is
  // about, else the first such name either gives.
  const subjectOf = (text: string) => {
    const subject = headlineSubject(text, ownerMentionsIn(text));
    return subject ? [subject] : [];
  };
  const firstActorOf = (text: string) =>
    ownerMentionsIn(text)
      .filter((mention) => !['place', 'topic', 'person'].includes(mention.kind))
      .slice(0, 1);
  // Only the lead's first sentence: a second one often turns to another actor ("The S&P 500 was little changed").
  const leadSentence = sentences.find((sentence) => summary.startsWith(sentence)) ?? summary;
  const subject =
    [subjectOf, firstActorOf]
      .flatMap((pick) => [pick(article.title), pick(leadSentence)])
      .find((picked) => picked.length > 0) ?? [];
  // A story with no such subject may report on a place ("Car sales in Springfield fell 10%"): the first
  // place its title names, else its lead's, owns the market figures no sentence gives to anyone.
  const placeOf = (text: string) => ownerMentionsIn(text).filter((mention) => mention.kind === 'place');
  // In the lead, only a place its opening words scope ("New vehicle sales in the Houston area plunged"), not one a
  // later clause mentions ("…, after large overnight gains in Asia").
  const leadPlaces = placeOf(leadSentence).filter((mention) => mention.start < SCENE_REACH);
  const scene = subject.length > 0 ? [] : [...placeOf(article.title), ...leadPlaces].slice(0, 1);
  const discourse: Discourse & { named: OwnerMention[] } = {
    subject: subject.map((mention) => mention.entityId),
    scene: scene.map((mention) => mention.entityId),
    named: [],
  };

  // Each sentence's figures, read once. A figure of the title that the body gives again is the same fact, and
  // the body's sentence says more about it, so the title keeps only the figures the body does not give. The
  // title's owners do not stand in for the body's when its sentence names nobody: a headline's few words
  // ("Nintendo's first iPhone game … for $10", "3 pro-Morales demonstrators killed") name whoever fits, not
  // whose the amount is (on the facts corpus's tuning part, 0 of the 3 owners so given were right).
  const figuresBySentence = sentences.map((sentence) => extractFigures(sentence));
  const bodyAmounts = new Set(figuresBySentence.flat().map(amountOf));
  const addFigures = (
    sentence: string,
    mentions: OwnerMention[],
    speaker?: string,
    figures: readonly ExtractedFigure[] = extractFigures(sentence),
    isKept: (figure: ExtractedFigure) => boolean = () => true,
  ) => {
    discourse.speaker = speaker;
    // Described together: a figure's measure may lean on an earlier one of its sentence.
    const meanings = describeFigures(sentence, figures);
    for (const [index, extracted] of figures.entries()) {
      const span = { start: extracted.offset, end: extracted.offset + extracted.text.length };
      if (!isKept(extracted)) continue;
      const owners = figureOwners(sentence, span, mentions, discourse);
      storyFigures.push({
        id: `${article.id}#${storyFigures.length + 1}`,
        storyId: article.id,
        entityIds: owners,
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
        ...meanings[index],
      });
    }
    discourse.named.push(...mentions.filter((mention) => !isAffiliation(sentence, mention)));
  };

  addFigures(
    article.title,
    ownerMentionsIn(article.title),
    undefined,
    extractFigures(article.title),
    (figure) => !bodyAmounts.has(amountOf(figure)),
  );
  discourse.named.length = 0;
  // Read before the owners: a quotation's speaker is often named a sentence after its figure.
  const mentionsBySentence = sentences.map(ownerMentionsIn);
  const speakers = quoteSpeakers(sentences.map((text, index) => ({ text, mentions: mentionsBySentence[index]! })));
  discourse.makers = productMakers([
    { text: article.title, mentions: ownerMentionsIn(article.title) },
    ...sentences.map((text, index) => ({ text, mentions: mentionsBySentence[index]! })),
  ]);
  for (const [index, sentence] of sentences.entries()) {
    for (const id of entitiesIn(sentence)) {
      storyEntities.add(id);
      push(sentencesByEntity, id, sentence);
    }
    addFigures(sentence, mentionsBySentence[index]!, speakers[index], figuresBySentence[index]);
    // A sentence opening with a name moves what a later "it" means; one opening with a pronoun or a
    // description ("It also gets …", "The new version …") keeps it.
    const opening = mentionsBySentence[index]![0];
    if (opening && opening.start < OPENING_REACH)
      discourse.recent = sentenceSubject(sentence, mentionsBySentence[index]!);
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
      summary,
      body: article.body,
      entityIds,
      figureIds: storyFigures.map((figure) => figure.id),
      mentions: entityIds.map((entityId) => ({ entityId, sentences: sentencesByEntity.get(entityId) ?? [] })),
    },
    storyFigures,
  };
}

/**
 * The lead: the first sentences of running prose, stopping before the summary gets long. Whatever the
 * cleaner could not tell from prose by its paragraph's shape is skipped here by the sentence's: a caption
 * or a heading does not end like a sentence, and a headline or a standfirst repeated at the top says
 * nothing the title does not.
 */
export function leadOf(sentences: readonly string[], title = ''): string {
  const titleWords = new Set(wordsOf(title));
  const lead: string[] = [];
  let length = 0;
  for (const [index, sentence] of sentences.entries()) {
    if (lead.length >= SUMMARY_SENTENCES) break;
    const prose = isRunningProse(sentence) && !repeatsTitle(sentence, titleWords);
    if (lead.length === 0) {
      // A standfirst the body says again further down is a teaser above the story, not its lead.
      if (!prose || sentences.indexOf(sentence, index + 1) > index) continue;
      // A publisher's disclaimer and the author's lines about themselves stand above a contributor's story.
      if (DISCLAIMER.test(sentence) || AUTHOR_BIO.test(sentence)) continue;
      // A story that opens on a quotation hooks the reader with it; what it is about follows in the reporter's words.
      if (opensOnQuote(sentence) && reportedSentenceFollows(sentences, index, titleWords)) continue;
    } else if (!prose || length + sentence.length > SUMMARY_MAX_CHARS) break;
    lead.push(sentence);
    length += sentence.length + 1;
  }
  // An article with no sentence of prose at all still gets its first sentences.
  return lead.length > 0 ? lead.join(' ') : sentences.slice(0, SUMMARY_SENTENCES).join(' ');
}

/** "Opinions expressed by … Contributors are their own.", "The views expressed here are those of the author." */
const DISCLAIMER =
  /^(?:the\s+)?(?:opinions|views)\s+expressed\b[^.!?]*\b(?:are\s+(?:their|his|her|my)\s+own|(?:are\s+)?(?:solely\s+)?(?:those\s+of|of)\s+the\s+(?:author|writer|contributor)s?)\b/iu;
/** "I am a writer, journalist, professor and …": a first-person list of the author's roles. */
const AUTHOR_BIO = /^I(?:['’]m|\s+am)\s+an?\s+[^.!?,]+,[^.!?,]+,/u;

/** How many sentences after an opening quotation the reporter's own first sentence may come. */
const QUOTE_LEAD_REACH = 2;

/** Starts with a quotation mark: the sentence is, or opens with, someone's words. */
function opensOnQuote(sentence: string): boolean {
  return /^["“‘']/u.test(sentence);
}

/** Whether one of the next few sentences is running prose in the reporter's own words. */
function reportedSentenceFollows(
  sentences: readonly string[],
  index: number,
  titleWords: ReadonlySet<string>,
): boolean {
  return sentences
    .slice(index + 1, index + 1 + QUOTE_LEAD_REACH)
    .some((next) => isRunningProse(next) && !opensOnQuote(next) && !repeatsTitle(next, titleWords));
}

/** Fewest words a lead sentence has ("I don't use Facebook." has four). */
const LEAD_MIN_WORDS = 3;
/** Share of a sentence's words found in the title above which it only repeats the title. */
const TITLE_REPEAT_SHARE = 0.8;

/** Opens like a sentence, ends like one, and has a few words with some in lower case. */
function isRunningProse(sentence: string): boolean {
  return (
    /^["“‘'(\p{Lu}\p{N}]/u.test(sentence) &&
    /[.!?…]["'”’»)\]]*$/u.test(sentence) &&
    /\p{Ll}/u.test(sentence) &&
    wordsOf(sentence).length >= LEAD_MIN_WORDS
  );
}

function repeatsTitle(sentence: string, titleWords: ReadonlySet<string>): boolean {
  if (titleWords.size === 0) return false;
  // Content words only: "Picture a deck of tarot cards." under "The Deck of Cards That Made Tarot …" shares its
  // little words with any title, and adds "picture".
  const words = wordsOf(sentence).filter((word) => !LITTLE_WORDS.has(word));
  return words.length > 0 && words.filter((word) => titleWords.has(word)).length >= TITLE_REPEAT_SHARE * words.length;
}

/** Words too common to say whether a sentence repeats the title. */
const LITTLE_WORDS = new Set(
  'a an the of in on at to for from by with and or but is are was were be been it its this that'.split(' '),
);

/** Whether the word right before offset `at` of `text` makes a longer proper name with what starts there. */
function extendsNameBeforeAt(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const word = wordBefore(before);
  return word !== null && extendsNameBefore(word, before.slice(0, before.lastIndexOf(word)));
}

/** Lower-case words, quotes and possessives aside, for comparing a sentence with the title. */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []
  );
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

/** A figure's amount, unit and range as one key: "up to $12.9bn" in a title and in the body are one amount. */
function amountOf(figure: ExtractedFigure): string {
  return `${figure.value} ${figure.upper ?? ''} ${figure.unit}`;
}
