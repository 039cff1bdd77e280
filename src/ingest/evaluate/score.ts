/**
 * Scores what the builder made of one article against its hand-made labels, dimension by dimension:
 * entities (precision, recall), kinds, merges, figures (found, values, owners, measures) and the summary.
 * Every miss is kept as a line of text, so `npm run eval:facts` can list each error. Pure.
 */
import type { Entity, Figure, Story } from '../../facts/schema';
import type { GoldArticle, GoldEntity, GoldFigure } from './gold';

/** A figure as the builder may describe it; `measure` and `status` are read when the builder gives them. */
export type BuiltFigure = Figure & { measure?: string; status?: string };

/** What the builder made of one article. */
export interface BuiltArticle {
  story: Story;
  /** The fact base's entities by id. */
  entities: ReadonlyMap<string, Entity>;
  /** The story's figures. */
  figures: readonly BuiltFigure[];
}

/** Right and wrong counts of one dimension, with a line for every error. */
export interface Tally {
  right: number;
  /** How many were judged: the denominator. */
  total: number;
  errors: string[];
}

/** The scores of one article. */
export interface ArticleScores {
  /** Built entities that are gold entities, of the built ones (optional names left out). */
  entityPrecision: Tally;
  /** Gold entities the builder found. */
  entityRecall: Tally;
  /** Found entities whose kind is the gold kind. */
  kinds: Tally;
  /** Pairs of forms of one gold entity that the builder keeps as one entity. */
  merges: Tally;
  /** Built entities that join two gold entities: wrong merges (`total` is the number of built entities). */
  wrongMerges: Tally;
  /** Built figures that are gold figures (optional numbers left out). */
  figurePrecision: Tally;
  /** Gold figures the builder found. */
  figureRecall: Tally;
  /** Found figures with value, unit, upper bound, rate, qualifier and period right. */
  figureValues: Tally;
  /** Found figures given to the right entities (or to none when the gold has none). */
  figureOwners: Tally;
  /** Of the figures given an owner, those whose owners are all right: what a popover shows as a fact. */
  figureOwnerPrecision: Tally;
  /** Found figures whose measure label holds the gold's key stems. */
  figureMeasures: Tally;
  /** Found figures whose status is the gold's. */
  figureStatus: Tally;
  /** Whether the summary starts with the article's lead. */
  summary: Tally;
}

export type Dimension = keyof ArticleScores;

/** A name as compared: case, curly quotes, a leading "the", a possessive and spacing do not matter. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s$/, '')
    .replace(/s'$/, 's');
}

/** Text as compared: quotes straightened, dashes one kind, spacing collapsed, case kept. */
function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function tally(): Tally {
  return { right: 0, total: 0, errors: [] };
}

function judge(t: Tally, right: boolean, error: () => string): void {
  t.total++;
  if (right) t.right++;
  else t.errors.push(error());
}

function formsOf(entity: Entity): string[] {
  return [...new Set([entity.name, ...entity.aliases].map(normaliseName))];
}

function goldFormsOf(entity: GoldEntity): string[] {
  return [...new Set([entity.name, ...(entity.aliases ?? [])].map(normaliseName))];
}

/** A figure's value as written for an error line. */
function describeFigure(f: {
  value: number;
  unit: string;
  upper?: number;
  per?: string;
  qualifier?: string;
  period?: string;
}): string {
  return [
    f.qualifier,
    `${f.value}${f.upper !== undefined ? `–${f.upper}` : ''} ${f.unit}`,
    f.per && `/ ${f.per}`,
    f.period && `(${f.period})`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Whether two amounts are the same number, allowing for the float error of unit conversions. */
function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Words of a period, so "in 2013" and "2013" compare equal and "last year" needs "last" and "year". */
function periodWords(period: string | undefined): string[] {
  if (!period) return [];
  return normaliseName(period)
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !/^(?:in|on|at|for|the|of|during|by|as)$/.test(word));
}

/** The attributes of a found figure that differ from the gold's, or none. */
export function figureValueErrors(built: BuiltFigure, gold: GoldFigure): string[] {
  const errors: string[] = [];
  if (built.unit !== gold.unit) errors.push(`unit ${built.unit}, not ${gold.unit}`);
  if (!sameNumber(built.value, gold.value)) errors.push(`value ${built.value}, not ${gold.value}`);
  if (!sameNumber(built.upper, gold.upper)) errors.push(`upper ${built.upper ?? 'none'}, not ${gold.upper ?? 'none'}`);
  if ((built.per ?? null) !== (gold.per ?? null)) errors.push(`per ${built.per ?? 'none'}, not ${gold.per ?? 'none'}`);
  const builtQualifier = built.qualifier ? normaliseName(built.qualifier) : null;
  const goldQualifier = gold.qualifier ? normaliseName(gold.qualifier) : null;
  if (builtQualifier !== goldQualifier)
    errors.push(`qualifier ${builtQualifier ?? 'none'}, not ${goldQualifier ?? 'none'}`);
  const builtPeriod = periodWords(built.period);
  const goldPeriod = periodWords(gold.period);
  const periodRight =
    goldPeriod.length === 0 ? builtPeriod.length === 0 : goldPeriod.every((word) => builtPeriod.includes(word));
  if (!periodRight) errors.push(`period ${built.period ?? 'none'}, not ${gold.period ?? 'none'}`);
  return errors;
}

/** Whether a built figure is the gold figure: the gold's sentence piece is in its sentence and the spans overlap. */
function isFigureOf(built: BuiltFigure, gold: GoldFigure): boolean {
  const sentence = normaliseText(built.sentence);
  const piece = normaliseText(gold.sentence);
  if (!sentence.includes(piece) && !piece.includes(sentence)) return false;
  const builtText = normaliseText(built.text);
  const goldText = normaliseText(gold.text);
  return builtText.includes(goldText) || goldText.includes(builtText) || sharesNumber(builtText, goldText);
}

/** Whether two spans hold the same written number ("$12.9bn" and "up to $12.9bn (£10bn)"). */
function sharesNumber(a: string, b: string): boolean {
  const numbers = (text: string) => text.match(/\d[\d,.]*/g)?.map((n) => n.replace(/[,.]$/, '')) ?? [];
  const inB = new Set(numbers(b));
  return numbers(a).some((n) => inB.has(n));
}

/** Stems of a label's words, for comparing measures. */
function stemsOf(text: string): string[] {
  return normaliseName(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a measure label holds every key stem: a label word starting with the stem counts. */
export function measureHasKey(measure: string | undefined, key: readonly string[]): boolean {
  if (!measure) return false;
  const words = stemsOf(measure);
  return key.every((stem) => {
    const wanted = normaliseName(stem);
    return words.some((word) => word.startsWith(wanted) || wanted.startsWith(word.replace(/s$/, '')));
  });
}

/** Score what the builder made of one article. */
export function scoreArticle(built: BuiltArticle, gold: GoldArticle): ArticleScores {
  const scores: ArticleScores = {
    entityPrecision: tally(),
    entityRecall: tally(),
    kinds: tally(),
    merges: tally(),
    wrongMerges: tally(),
    figurePrecision: tally(),
    figureRecall: tally(),
    figureValues: tally(),
    figureOwners: tally(),
    figureOwnerPrecision: tally(),
    figureMeasures: tally(),
    figureStatus: tally(),
    summary: tally(),
  };

  // Entities: each built entity of the story is matched to the gold entities any of its forms names.
  const goldByForm = new Map<string, GoldEntity>();
  for (const entity of gold.entities) for (const form of goldFormsOf(entity)) goldByForm.set(form, entity);
  const optional = new Set(gold.optional.map(normaliseName));
  const builtEntities = built.story.entityIds
    .map((id) => built.entities.get(id))
    .filter((entity): entity is Entity => entity !== undefined);
  /** Gold entity name → the built entities found for it. */
  const foundFor = new Map<string, Entity[]>();
  /** Built entity id → the gold entity it stands for. */
  const goldFor = new Map<string, GoldEntity>();
  for (const entity of builtEntities) {
    const forms = formsOf(entity);
    const matches = [...new Set(forms.map((form) => goldByForm.get(form)).filter((g) => g !== undefined))];
    if (matches.length === 0) {
      if (forms.some((form) => optional.has(form))) continue;
      judge(scores.entityPrecision, false, () => `not an entity: ${entity.name} (${entity.kind})`);
      continue;
    }
    judge(scores.entityPrecision, true, () => '');
    judge(
      scores.wrongMerges,
      matches.length === 1,
      () => `${entity.name} joins ${matches.map((g) => g.name).join(' and ')}`,
    );
    goldFor.set(entity.id, matches[0]!);
    for (const match of matches) foundFor.set(match.name, [...(foundFor.get(match.name) ?? []), entity]);
  }
  for (const entity of gold.entities) {
    const found = foundFor.get(entity.name) ?? [];
    judge(scores.entityRecall, found.length > 0, () => `missed: ${entity.name} (${entity.kind})`);
    if (found.length === 0) continue;
    const kind = found[0]!.kind;
    judge(
      scores.kinds,
      kind === entity.kind || kind === entity.alsoKind,
      () => `${entity.name}: ${kind}, not ${entity.kind}`,
    );
    const forms = goldFormsOf(entity);
    for (const alias of forms.slice(1)) {
      const together = found.some((built) => {
        const builtForms = formsOf(built);
        return builtForms.includes(forms[0]!) && builtForms.includes(alias);
      });
      judge(scores.merges, together, () => `${entity.name} and '${alias}' not kept as one`);
    }
  }

  // Figures: matched in order of appearance, each gold figure at most once.
  const optionalFigures = gold.optionalFigures.map(normaliseText);
  const unmatched = new Set(gold.figures);
  for (const figure of built.figures) {
    const match = gold.figures.find((g) => unmatched.has(g) && isFigureOf(figure, g));
    if (!match) {
      const text = normaliseText(figure.text);
      if (optionalFigures.some((o) => o.includes(text) || text.includes(o) || sharesNumber(o, text))) continue;
      judge(scores.figurePrecision, false, () => `not a figure: '${figure.text}' in "${figure.sentence}"`);
      continue;
    }
    unmatched.delete(match);
    judge(scores.figurePrecision, true, () => '');
    const valueErrors = figureValueErrors(figure, match);
    judge(
      scores.figureValues,
      valueErrors.length === 0,
      () => `'${match.text}': ${valueErrors.join('; ')} (gold ${describeFigure(match)})`,
    );
    const owners = figure.entityIds.map((id) => {
      const entity = built.entities.get(id);
      return goldFor.get(id)?.name ?? `${entity?.name ?? id} (not a gold entity)`;
    });
    // Owners are named as the gold's entities are; any of an entity's forms names it.
    const canonical = (name: string) => goldByForm.get(normaliseName(name))?.name ?? name;
    const goldOwners = match.owners.map(canonical);
    const accepted = new Set([...goldOwners, ...(match.alsoAbout ?? []).map(canonical)]);
    const ownersRight =
      goldOwners.length === 0
        ? owners.length === 0
        : owners.length > 0 &&
          owners.every((owner) => accepted.has(owner)) &&
          owners.some((owner) => goldOwners.includes(owner));
    judge(
      scores.figureOwners,
      ownersRight,
      () =>
        `'${match.text}' given to ${owners.length ? owners.join(', ') : 'no entity'}, ` +
        `not ${match.owners.length ? match.owners.join(', ') : 'no entity'} ("${match.sentence}")`,
    );
    if (owners.length > 0)
      judge(
        scores.figureOwnerPrecision,
        owners.every((owner) => accepted.has(owner)),
        () => `'${match.text}' shown under ${owners.join(', ')}, not theirs ("${match.sentence}")`,
      );
    judge(
      scores.figureMeasures,
      measureHasKey(figure.measure, match.measureKey),
      () => `'${match.text}': measure '${figure.measure ?? 'none'}', not '${match.measure}'`,
    );
    judge(
      scores.figureStatus,
      figure.status === match.status,
      () => `'${match.text}': status ${figure.status ?? 'none'}, not ${match.status}`,
    );
  }
  for (const missed of unmatched)
    judge(scores.figureRecall, false, () => `missed: '${missed.text}' in "${missed.sentence}"`);
  scores.figureRecall.right += gold.figures.length - unmatched.size;
  scores.figureRecall.total += gold.figures.length - unmatched.size;

  const summary = normaliseText(built.story.summary);
  const lead = normaliseText(gold.lead);
  judge(scores.summary, summary.startsWith(lead), () => `summary "${built.story.summary.slice(0, 160)}…"`);
  return scores;
}

/** The scores of several articles added up, dimension by dimension. */
export function addScores(all: readonly ArticleScores[]): ArticleScores {
  const sum = {} as ArticleScores;
  for (const scores of all) {
    for (const [dimension, t] of Object.entries(scores) as [Dimension, Tally][]) {
      const into = (sum[dimension] ??= tally());
      into.right += t.right;
      into.total += t.total;
      into.errors.push(...t.errors);
    }
  }
  return sum;
}
