/**
 * The matcher's plan as a format: what `planMatcher` (matcher.ts) writes, `encodeMatcherPlan` and
 * `MatcherPlanSchema` (payload.ts) put on the wire, and `decodeMatcherPlan` (plan-decode.ts) reads back.
 *
 * Kept in a module of its own, below all three, so that none of them imports another for it: the
 * matcher needs the payload's type and the payload's schema needs the plan's, and with the plan in
 * matcher.ts the two modules imported each other (issue 14).
 */
import type { AliasSetPlan } from './alias-set';
import type { ContextPlan } from './context';

/** The version of {@link MatcherPlan} this code writes and reads. */
export const MATCHER_PLAN_VERSION = 3;

/**
 * A matcher worked out ahead of use, as plain JSON: what the background
 * sends each content script (see `MatcherPlanSchema`). Planning is most of
 * the cost of compiling (measured at 20,000 aliases: about 120 ms of 160),
 * so it is done once per fact base rather than once per page and frame.
 */
export interface MatcherPlan {
  v: typeof MATCHER_PLAN_VERSION;
  /** Entity ids. */
  entities: string[];
  /** The entity (index into `entities`) of each alias input of `aliases`. */
  aliasEntities: number[];
  /** Alias inputs that are only part of a person's name (see `AliasSense.partial`). */
  partialAliases: number[];
  /**
   * Alias inputs (among `partialAliases`) that name their entity only where the page names it in full
   * (see `AliasSense.fullNameOnly`). Absent (none, or a plan kept from an older build): none.
   */
  fullNameAliases?: number[];
  /**
   * Alias inputs that share one key but name different entities: each group
   * starts with the input the alias set reports, then the others in order.
   */
  sharedAliases: number[][];
  /** One letter per entity: `h` person, `l` place, `t` anything else (see `NameKind`). */
  kinds: string;
  /**
   * One digit per entity: `1` when the stories give it figures. The page's figure checks read only
   * the blocks that name such an entity (no other can get a verdict). Absent (a plan kept from an
   * older build): every entity may have figures.
   */
  figured?: string;
  /**
   * Ids no entity has now, each with the index of the entity that took it over (see the payload's
   * `successors`): what the user muted under such an id applies to that entity. Absent (none, or a plan
   * kept from an older build): ids are what they are.
   */
  successors?: Record<string, number>;
  /**
   * Alias inputs from this index on are the lower-case forms of one-word
   * names ("jobs" of "Jobs"), found as a `Candidate`'s `commonWord` only (matcher.ts).
   */
  commonFormsFrom: number;
  aliases: AliasSetPlan;
  context: ContextPlan;
}
