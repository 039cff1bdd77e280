/**
 * Which of the mentions found on a page get marked: the user's settings and
 * the page's context decide, in page order. Pure, so the rules are tested in
 * Node; the annotator applies the result to the highlights.
 */

/** What decides whether a found mention is marked. */
export interface MarkingRules {
  /** Entities the user muted here (everywhere, or "not this entity" on this site). */
  muted: ReadonlySet<string>;
  /** Mark only the first mention of each entity. */
  firstMentionOnly: boolean;
  /** At most this many marks on the page. */
  maxMentions: number;
}

/** The outcome of {@link chooseMarked}. */
export interface Marking<T> {
  /** The mentions to mark, in page order. */
  marked: T[];
  /** Mentions that would be marked but for the per-page cap. */
  leftOut: number;
  /**
   * Mentions per entity that count on this page (not muted, context found),
   * whether or not the cap or first-mention-only leaves them unmarked: what
   * the page says about each entity.
   */
  counts: Map<string, number>;
}

/** Whether a mention of `entityId` counts on the page under `rules`. */
export function counts(entityId: string, rules: Pick<MarkingRules, 'muted'>): boolean {
  return !rules.muted.has(entityId);
}

/**
 * Choose the mentions to mark from `mentions` (in page order): those that
 * count, only each entity's first when `firstMentionOnly`, and no more than
 * `maxMentions`, earliest first.
 */
export function chooseMarked<T extends { readonly entityId: string }>(
  mentions: readonly T[],
  rules: MarkingRules,
): Marking<T> {
  const marked: T[] = [];
  const perEntity = new Map<string, number>();
  let leftOut = 0;
  for (const mention of mentions) {
    const { entityId } = mention;
    if (!counts(entityId, rules)) continue;
    const seen = perEntity.get(entityId) ?? 0;
    perEntity.set(entityId, seen + 1);
    if (rules.firstMentionOnly && seen > 0) continue;
    if (marked.length < rules.maxMentions) marked.push(mention);
    else leftOut++;
  }
  return { marked, leftOut, counts: perEntity };
}
