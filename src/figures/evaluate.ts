/**
 * The figure checks, scored on the labelled set (`tests/fixtures/corpora/figures/`):
 * each case is a page's sentence and, for each figure it states, the verdict a
 * careful reader gives it against the fact base (agrees, close, differs), or
 * none (a number that is not a figure, or a figure the stories can not be
 * compared with). The fact base is the one a user who added the facts corpus's
 * articles would have; its mentions come from its own matcher.
 *
 * Plain data in, tallies out: reading the files is the caller's job
 * (`scripts/eval-figures.ts`, the floor test).
 */
import * as z from 'zod/mini';
import type { FactBase } from '../facts/schema';
import { compileMatcher } from '../match/matcher';
import { buildMatcherPayload } from '../match/payload';
import type { Verdict } from './compare';
import { checkSentence, indexFigures } from './check-sentence';

/** A label: a verdict, or `none` for no verdict. */
export const Label = z.enum(['agrees', 'close', 'differs', 'none']);
export type Label = z.infer<typeof Label>;

/** One labelled page sentence. */
export const FigureCase = z.strictObject({
  id: z.string(),
  split: z.enum(['tune', 'held-out']),
  /** The page's sentence, as a page would give it. */
  sentence: z.string(),
  /** The page's date, `YYYY-MM-DD`, when the page gives one. */
  date: z.optional(z.string()),
  /** Each figure the sentence states (a piece of its text) and its verdict; numbers not listed must get none. */
  figures: z.record(z.string(), Label),
  /** Where the sentence comes from, and why the label is what it is. */
  note: z.optional(z.string()),
});
export type FigureCase = z.infer<typeof FigureCase>;

/** Verdicts given and expected, for each class. */
export interface Tally {
  /** Per class: verdicts given, and how many of them were right. */
  given: Record<Verdict, { total: number; right: number }>;
  /** Per class: labels, and how many got exactly that verdict. */
  expected: Record<Verdict, { total: number; found: number }>;
  /** Figures labelled comparable, and how many got some verdict. */
  comparable: { total: number; withVerdict: number };
  /** Numbers labelled none (not figures, or not comparable), and how many wrongly got a verdict. */
  none: { total: number; marked: number };
  /** Each mistake: case id, the figure, what was expected and what was given. */
  errors: string[];
}

function emptyTally(): Tally {
  const perClass = <T>(make: () => T) => ({ agrees: make(), close: make(), differs: make() });
  return {
    given: perClass(() => ({ total: 0, right: 0 })),
    expected: perClass(() => ({ total: 0, found: 0 })),
    comparable: { total: 0, withVerdict: 0 },
    none: { total: 0, marked: 0 },
    errors: [],
  };
}

/** Scores `cases` against `factBase`: one tally per split. */
export function evaluateFigureCases(
  factBase: FactBase,
  cases: readonly FigureCase[],
): Record<FigureCase['split'], Tally> {
  const matcher = compileMatcher(buildMatcherPayload(factBase));
  const kindOf = new Map(factBase.entities.map((entity) => [entity.id, entity.kind]));
  const index = indexFigures(factBase);
  const tallies = { tune: emptyTally(), 'held-out': emptyTally() };
  for (const item of cases) {
    const tally = tallies[item.split];
    const mentions = matcher
      .findMentions(item.sentence)
      .map((mention) => ({ ...mention, kind: kindOf.get(mention.entityId) ?? 'topic' }));
    const checks = checkSentence(item.sentence, mentions, index, item.date);
    const labelled = Object.entries(item.figures).map(([text, label]) => {
      const start = item.sentence.indexOf(text);
      if (start < 0) throw new Error(`${item.id}: "${text}" is not in its sentence`);
      return { text, label, start, end: start + text.length };
    });
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    // Each labelled figure: the verdict of the check on its words, if any.
    for (const figure of labelled) {
      const check = checks.find((c) =>
        overlaps(figure, { start: c.page.offset!, end: c.page.offset! + c.page.text.length }),
      );
      const given = check?.verdict;
      if (figure.label === 'none') {
        tally.none.total += 1;
        if (given) tally.none.marked += 1;
      } else {
        tally.comparable.total += 1;
        tally.expected[figure.label].total += 1;
        if (given) tally.comparable.withVerdict += 1;
        if (given === figure.label) tally.expected[figure.label].found += 1;
      }
      if (given) {
        tally.given[given].total += 1;
        if (given === figure.label) tally.given[given].right += 1;
      }
      if ((given ?? 'none') !== figure.label) {
        const against = check ? ` (against "${check.story.figure.text}" of ${check.story.figure.storyId})` : '';
        tally.errors.push(`${item.id}: "${figure.text}" expected ${figure.label}, got ${given ?? 'none'}${against}`);
      }
    }
    // A verdict on words no label names is a number marked that should not be.
    for (const check of checks) {
      const span = { start: check.page.offset!, end: check.page.offset! + check.page.text.length };
      if (labelled.some((figure) => overlaps(figure, span))) continue;
      tally.none.total += 1;
      tally.none.marked += 1;
      tally.given[check.verdict].total += 1;
      tally.errors.push(`${item.id}: "${check.page.text}" is not labelled, got ${check.verdict}`);
    }
  }
  return tallies;
}

/** How a fact base's own sentences fare against it: read again, and with their numbers changed. */
export interface SelfCheck {
  /** Figures with an owner and a measure, read again from their own sentence: how many agree with themselves. */
  same: { total: number; agrees: number };
  /** The same figures with their number made half as large again: how many then differ. */
  changed: { total: number; differs: number };
  errors: string[];
}

/**
 * The issue's test on real pages: each figure of `storyIds`' stories whose
 * sentence names one of its owners, read again from that sentence as a page
 * would give it, must agree with the
 * fact base; with its number changed by half (bounds like "more than" left
 * out, since a changed bound may still hold), it must differ.
 */
export function selfCheck(factBase: FactBase, storyIds: ReadonlySet<string>): SelfCheck {
  const matcher = compileMatcher(buildMatcherPayload(factBase));
  const kindOf = new Map(factBase.entities.map((entity) => [entity.id, entity.kind]));
  const dateOf = new Map(factBase.stories.map((story) => [story.id, story.date]));
  const index = indexFigures(factBase);
  const result: SelfCheck = { same: { total: 0, agrees: 0 }, changed: { total: 0, differs: 0 }, errors: [] };
  const verdictAt = (sentence: string, offset: number, date: string | null | undefined) => {
    const mentions = matcher
      .findMentions(sentence)
      .map((mention) => ({ ...mention, kind: kindOf.get(mention.entityId) ?? 'topic' }));
    return checkSentence(sentence, mentions, index, date).find(
      (check) => check.page.offset! <= offset && offset < check.page.offset! + check.page.text.length,
    );
  };
  for (const figure of factBase.figures) {
    if (!storyIds.has(figure.storyId) || figure.entityIds.length === 0 || !figure.measure || figure.vague) continue;
    // A page's sentence is sent only when it names an entity: one naming none of the owners is never checked.
    const named = new Set(matcher.findMentions(figure.sentence).map((mention) => mention.entityId));
    if (!figure.entityIds.some((id) => named.has(id))) continue;
    const date = dateOf.get(figure.storyId);
    const numeral = /\d[\d,]*(?:\.\d+)?/u.exec(figure.text);
    const at = figure.offset! + (numeral?.index ?? 0);
    result.same.total += 1;
    const same = verdictAt(figure.sentence, at, date);
    if (same?.verdict === 'agrees') result.same.agrees += 1;
    else result.errors.push(`same: "${figure.text}" (${figure.id}) got ${same?.verdict ?? 'none'}`);
    if (!numeral || /more|less|over|under|above|below|least|most|up to|as much|as many/iu.test(figure.qualifier ?? ''))
      continue;
    const written = Number(numeral[0].replaceAll(',', ''));
    const decimals = numeral[0].split('.')[1]?.length ?? 0;
    const changedNumber = (written * 1.5).toFixed(decimals);
    const sentence = figure.sentence.slice(0, at) + changedNumber + figure.sentence.slice(at + numeral[0].length);
    result.changed.total += 1;
    const changed = verdictAt(sentence, at, date);
    if (changed?.verdict === 'differs') result.changed.differs += 1;
    else
      result.errors.push(
        `changed: "${figure.text}" → ${changedNumber} (${figure.id}) got ${changed?.verdict ?? 'none'}`,
      );
  }
  return result;
}
