/**
 * Which entity a found name means, decided per mention from what stands
 * around it (issue #12). The matcher finds every place an alias occurs; this
 * module decides which of them a reader would call a mention, and of what.
 *
 * Two steps, both pure:
 *
 * 1. {@link decideMention}, once per found name, from the mention's own
 *    surroundings that the page layer reads cheaply (the text of its inline
 *    run, whether it stands in a heading, the text of its block and the page
 *    title): a name inside a longer proper name is no mention ("Robert
 *    Gates" is not *Bill Gates*, "The Boston Globe" is not *Boston*); a name
 *    that needs context words counts only with one near it.
 * 2. {@link PageNames.resolve}, whenever marks are refreshed, from what the
 *    rest of the page has said: a surname counts for the entity the page
 *    names in full, and not when the page names someone else by a full name
 *    built on it; a Title Case headline's name is dropped when the page's
 *    prose shows it is part of a longer name; a name several entities share
 *    offers each of them.
 */
import { extendsNameAfter, extendsNameBefore, isTitleCase, wordAfter, wordBefore } from './name-words';

/**
 * What a longer name built on an entity's name means: after a person's or a
 * place's name a capitalised word makes another thing ("Trump Tower", "Mexico
 * City", "The Seattle Times"); after a company's or a product's it is mostly
 * its own product or division ("Apple Watch", "Microsoft Store", "CBS News").
 */
export type NameKind = 'person' | 'place' | 'thing';

/** One entity an alias may name. */
export interface AliasSense {
  entityId: string;
  kind: NameKind;
  /**
   * The alias is only part of the entity's name (a person's surname or given
   * name): it counts when the page names the entity in full, or names no
   * one else by a full name built on it.
   */
  partial: boolean;
  /**
   * The alias names the entity only where the page names it in full: a short form (`Entity.shortForms`)
   * that alone would mean someone else on most pages ("Cook", "Steve"). Absent: false.
   */
  fullNameOnly?: boolean;
  /** The entity carries context words: a mention counts only with one of them nearby. */
  needsContext: boolean;
}

/** What the page layer tells about where a mention stands, read only when a decision needs it. */
export interface Surroundings {
  /**
   * Text right before the mention in its inline run: the page layer stops at
   * block and link edges, and a few dozen characters are enough.
   */
  readonly before: string;
  /** Text right after the mention in its inline run, likewise. */
  readonly after: string;
  /** The mention stands in a heading (h1–h6) or the page title: Title Case is to be expected. */
  readonly heading: boolean;
  /**
   * The word right before (after) the mention belongs to another found name
   * ("Google Stadia", "Dolby Atmos"): two names side by side, not one longer name.
   */
  readonly nameBefore?: boolean;
  readonly nameAfter?: boolean;
  /**
   * Where context words count: the text of the mention's block (clipped to a
   * window of words around it) and the page title. Called only for names
   * that need context.
   */
  nearby(): string;
}

/** The outcome of {@link decideMention}. */
export type MentionDecision =
  | {
      kind: 'part-of-name';
      /** The key of the name found ({@link phraseKey} of its text): the page uses it inside another name. */
      key: string;
      /** The longer name, as a {@link phraseKey}: the page learns it. */
      name: string;
      /** The key of a partial alias that the longer name is built on ("gates" of "Robert Gates"), else null. */
      claims: string | null;
    }
  | {
      kind: 'mention';
      /** The mention's key ({@link phraseKey} of its text). */
      key: string;
      /** The senses, in fact-base order. */
      senses: readonly AliasSense[];
      /** Senses that need context and have context words nearby. */
      confirmed: ReadonlySet<string>;
      /**
       * Senses that need context and have none nearby, outside prose (a menu
       * entry, a headline): they count only if another mention on the page
       * had it, and the page uses the name in no longer name of something
       * else ("Credo Action"). In prose such senses are left out.
       */
      unconfirmed: ReadonlySet<string>;
      /**
       * Longer names it would be part of (keys), when a Title Case run
       * leaves it open: the mention is dropped if the page shows that name elsewhere.
       */
      unlessNamed: string[];
      /**
       * Set (to the key) when the name is shaped like a capitalised common
       * word and stands where any word is capitalised: dropped if the page
       * uses the word in lower case and names none of its entities in full.
       */
      unlessCommonWord: string | null;
    };

/** The key of a phrase: lower case, whitespace runs as one space, ’ as '. */
export function phraseKey(text: string): string {
  // Most names have single spaces and no ’: one test instead of two replaces (a list page keys thousands).
  if (!NEEDS_NORMALISING.test(text)) return text.trim().toLowerCase();
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\u2019/gu, "'")
    .trim()
    .toLowerCase();
}

/** White space other than one plain space, or ’: what {@link phraseKey} replaces. */
const NEEDS_NORMALISING = /[^\S ]| {2}|\u2019/u;

/**
 * Decides one found name from its surroundings.
 *
 * @param text - the name as it stands on the page.
 * @param senses - the entities its alias may name (more than one for a shared alias).
 * @param around - the mention's surroundings.
 * @param contextOf - the entities whose context words occur in a text (the matcher's `entitiesWithContext`).
 */
export function decideMention(
  text: string,
  senses: readonly AliasSense[],
  around: Surroundings,
  contextOf: (text: string) => ReadonlySet<string>,
): MentionDecision {
  const before = wordBefore(around.before);
  const after = wordAfter(around.after);
  const extendedBefore =
    before !== null &&
    !around.nameBefore &&
    extendsNameBefore(before, around.before.slice(0, around.before.trimEnd().length - before.length));
  // The strictest reading among the senses: a person's or place's name is borrowed by more longer names,
  // and so is a name that is also a word or another's name (it needs context): "Credo Action".
  const kind = senses.some((sense) => sense.kind === 'place')
    ? 'place'
    : senses.some((sense) => sense.kind === 'person' || sense.needsContext)
      ? 'person'
      : 'thing';
  let runIsTitleCase: boolean | undefined;
  let runText: string | undefined;
  const run = () => (runText ??= `${around.before}${text}${around.after}`);
  const titleCaseRun = () => (runIsTitleCase ??= around.heading || isTitleCase(run()));
  // In Title Case only words that make names of other things extend a name after it ("Hong Kong
  // Protests" is Hong Kong; "Seattle Restaurant Week" is not Seattle).
  const extendedAfter =
    after !== null &&
    !around.nameAfter &&
    extendsNameAfter(after, kind) &&
    (kind === 'thing' || !titleCaseRun() || extendsNameAfter(after, 'thing'));
  const longer = [
    ...(extendedBefore ? [phraseKey(`${before} ${text}`)] : []),
    ...(extendedAfter ? [phraseKey(`${text} ${after}`)] : []),
  ];
  const key = phraseKey(text);
  // In a headline every word is capitalised, so a capital beside the name says nothing. A run of a few
  // capitalised words alone (a link, a menu entry: "Mozilla Europe", "Seattle Sketcher") is one name, or
  // names side by side, which `nameBefore` and `nameAfter` tell.
  const titleCase = longer.length > 0 && titleCaseRun() && !isShortRun(around, run());
  if (longer.length > 0 && !titleCase) {
    const name = phraseKey(`${extendedBefore ? `${before} ` : ''}${text}${extendedAfter ? ` ${after}` : ''}`);
    // A given name before a surname makes another person of it; only a person's partial alias is claimed.
    const claims = extendedBefore && senses.some((sense) => sense.partial) ? key : null;
    return { kind: 'part-of-name', key, name, claims };
  }
  let confirmed: ReadonlySet<string> = NONE;
  let unconfirmed: ReadonlySet<string> = NONE;
  let kept = senses;
  if (senses.some((sense) => sense.needsContext)) {
    const found = contextOf(around.nearby());
    const confirming = new Set<string>();
    const leaving = new Set<string>();
    kept = [...senses];
    // In prose the words around decide; a menu entry or a headline has none to judge by, so there the
    // rest of the page may vouch (see `unconfirmed`).
    const prose = LOWER_WORDS.test(run());
    for (const sense of senses) {
      if (!sense.needsContext) continue;
      if (found.has(sense.entityId)) confirming.add(sense.entityId);
      else if (prose) kept = kept.filter((other) => other !== sense);
      else leaving.add(sense.entityId);
    }
    confirmed = confirming;
    unconfirmed = leaving;
  }
  // A capitalised word where any word is capitalised (a sentence start, a headline, a menu) may be the
  // common word the name also is ("Jobs" in a site's menu).
  const capitalOnlyByPlace = COMMON_SHAPE.test(text) && (SENTENCE_START.test(around.before) || titleCaseRun());
  return {
    kind: 'mention',
    key,
    senses: kept,
    confirmed,
    unconfirmed,
    unlessNamed: titleCase ? longer : [],
    unlessCommonWord: capitalOnlyByPlace ? key : null,
  };
}

/** The empty set of senses a decision shares with every other that needs no context. */
const NONE: ReadonlySet<string> = new Set();
/** A name shaped like a capitalised common word: "Jobs", "Apple", "Polaris". */
const COMMON_SHAPE = /^\p{Lu}\p{Ll}+$/u;
/** The run before a mention ends where a sentence or a list item starts. */
const SENTENCE_START = /(?:^|[.!?:;"“”‘’([|•·–—])\s*$/u;
/** Two lower-case words in a run: a sentence, where the words around a name can judge it. */
const LOWER_WORDS = /(?:^|\s)\p{Ll}+\b.*\s\p{Ll}+\b/u;
/** How much run text {@link Surroundings} gives either side at most, as the page layer reads it. */
const RUN_CLIP = 48;

/** Whether the run is a few words standing alone, whole within the surroundings. */
function isShortRun(around: Surroundings, run: string): boolean {
  if (around.before.length >= RUN_CLIP || around.after.length >= RUN_CLIP) return false;
  return run.trim().split(/\s+/u).length <= 4;
}

/**
 * What the page has said so far that bears on its other mentions: which
 * entities it names in full, which surnames it gives to someone else, which
 * longer names it uses. Grows as the page is read; {@link resolve} reads it.
 */
export class PageNames {
  private readonly namedInFull = new Set<string>();
  private readonly claimed = new Set<string>();
  private readonly longerNames = new Set<string>();
  private readonly commonWords = new Set<string>();
  private readonly confirmedOnPage = new Set<string>();
  private readonly borrowed = new Set<string>();
  private changes = 0;
  /**
   * Each decision's last resolution and the {@link version} it was made at: marks are refreshed many
   * times while a page is read, and most refreshes find the page's names as they were.
   */
  private readonly resolved = new WeakMap<MentionDecision, { version: number; entityIds: readonly string[] }>();

  /** Grows by one whenever something noted could change a resolution. */
  get version(): number {
    return this.changes;
  }

  /** Whether the page has been seen using `word` in lower case (see {@link noteCommonWord}). */
  knowsCommonWord(word: string): boolean {
    return this.commonWords.has(word.toLowerCase());
  }

  /** Notes a lower-case word that a one-word name also is, as the page uses it ("jobs"). */
  noteCommonWord(word: string): void {
    this.add(this.commonWords, word.toLowerCase());
  }

  /** Notes what a decided mention tells about the page. */
  note(decision: MentionDecision): void {
    if (decision.kind === 'part-of-name') {
      this.add(this.longerNames, decision.name);
      this.add(this.borrowed, decision.key);
      if (decision.claims !== null) this.add(this.claimed, decision.claims);
      return;
    }
    for (const entityId of decision.confirmed) this.add(this.confirmedOnPage, entityId);
    const [sense, ...others] = decision.senses;
    if (sense && others.length === 0 && !sense.partial) this.add(this.namedInFull, sense.entityId);
  }

  private add(set: Set<string>, value: string): void {
    if (set.has(value)) return;
    set.add(value);
    this.changes++;
  }

  /**
   * The entities a decided mention offers, given the page: none (not a
   * mention), one, or several for the reader to choose from.
   */
  resolve(decision: MentionDecision): readonly string[] {
    const kept = this.resolved.get(decision);
    if (kept?.version === this.changes) return kept.entityIds;
    const entityIds = this.resolveNow(decision);
    this.resolved.set(decision, { version: this.changes, entityIds });
    return entityIds;
  }

  private resolveNow(decision: MentionDecision): readonly string[] {
    if (decision.kind === 'part-of-name') return [];
    if (decision.unlessNamed.some((name) => this.longerNames.has(name))) return [];
    if (
      decision.unlessCommonWord !== null &&
      this.commonWords.has(decision.unlessCommonWord) &&
      !decision.senses.some((sense) => this.namedInFull.has(sense.entityId))
    ) {
      return [];
    }
    const hasContext = (entityId: string) =>
      !decision.unconfirmed.has(entityId) || (this.confirmedOnPage.has(entityId) && !this.borrowed.has(decision.key));
    let senses = decision.senses.filter(
      (sense) =>
        hasContext(sense.entityId) &&
        (!sense.partial ||
          this.namedInFull.has(sense.entityId) ||
          (!sense.fullNameOnly && !this.claimed.has(decision.key))),
    );
    if (senses.length > 1) {
      // Among several, the ones the page names in full or gives context for are meant.
      const evident = senses.filter(
        (sense) => this.namedInFull.has(sense.entityId) || decision.confirmed.has(sense.entityId),
      );
      if (evident.length > 0) senses = evident;
    }
    return senses.map((sense) => sense.entityId);
  }
}

/**
 * Whether the found names at `left` and `right` (indexes into `found`,
 * sorted) stand side by side with only spaces between them in `text`, so
 * that they are two names and not one longer one ("Google Stadia"). `U+0000`
 * (the page layer's node separator) counts as a space.
 */
export function adjoin(
  text: string,
  found: readonly { start: number; end: number }[],
  left: number,
  right: number,
): boolean {
  if (left < 0 || right >= found.length) return false;
  const from = found[left]!.end;
  const to = found[right]!.start;
  if (to <= from) return false;
  // Read in place, without slicing: a page asks this twice for every name it holds.
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 0 || (code >= 9 && code <= 13)) continue;
    if (code < 128 || !SPACE.test(text.charAt(index))) return false;
  }
  return true;
}

/** One white-space character, as `String.prototype.trim` takes them. */
const SPACE = /^\s$/u;

/** Characters that part runs and blocks in plain text: line breaks, and the page layer's node separator. */
// eslint-disable-next-line no-control-regex -- the page layer parts text nodes with U+0000.
const RUN_EDGE = /[\n\r\u0000]/u;

/**
 * The surroundings of `text.slice(start, end)` when all there is is plain
 * text (a fact-base article, a test): a line is a block and a run, and a
 * window of about `window` characters either side within it is where
 * context words count, with `title`.
 */
export function surroundingsInText(text: string, start: number, end: number, title = '', window = 300): Surroundings {
  let lineStart = start;
  while (lineStart > 0 && !RUN_EDGE.test(text.charAt(lineStart - 1)) && start - lineStart < window) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && !RUN_EDGE.test(text.charAt(lineEnd)) && lineEnd - end < window) lineEnd++;
  return {
    before: text.slice(Math.max(lineStart, start - 48), start),
    after: text.slice(end, Math.min(lineEnd, end + 48)),
    heading: false,
    nearby: () => `${title}\n${text.slice(lineStart, lineEnd)}`,
  };
}
