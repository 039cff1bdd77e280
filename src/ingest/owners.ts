/**
 * Who a figure is about, read within the clause that holds it: the name the amount modifies ("the $1,000
 * Quest Pro", "27% Rust"), the name that owns it ("Acme's $5 price"), the subject of its verb ("Acme sold
 * 30 jets"), the entity "the company", "it", "he" or a quoted "I" stands for. Only when no such actor
 * owns it, a place whose market or ground the clause is about ("sales in the Springfield area fell 10%"),
 * and then the story's subject, for one of the subject's own measures in a sentence that names nobody
 * ("Dealers sold 30,154 cars"). A figure whose owner stays unclear goes to the story alone (no owner): a
 * wrong owner is worse than none, because the popover shows it as a fact about that entity.
 *
 * Plain text and offsets in, entity ids out: no parser, so a 1,000-article build stays fast. The
 * heuristics follow the labelling rules of the facts corpus (tests/fixtures/corpora/facts/README.md).
 */
import type { EntityKind } from '../facts/schema';
import { CURRENCY_NAMES } from './currency-names';

/** An entity named in the sentence, with its UTF-16 offsets in the sentence. */
export interface OwnerMention {
  entityId: string;
  kind: EntityKind;
  start: number;
  end: number;
}

/** The figure's span in the sentence. */
export interface FigureSpan {
  start: number;
  end: number;
}

/** What the story has said so far, for resolving "the company", "it" and "he". */
export interface Discourse {
  /** The story's subject: what "the company" or "it" means when nothing nearer does. */
  subject: readonly string[];
  /**
   * The place the story reports on when it names no actor as its subject ("Car sales in Springfield fell
   * 10%"): the owner of its market figures whose sentence names nobody.
   */
  scene?: readonly string[];
  /** The person quoted in this sentence, if it is part of an attributed quotation: who "I" and "my" are. */
  speaker?: string;
  /** The entities the story named before this sentence, in order (the most recent last). */
  named: readonly { entityId: string; kind: EntityKind }[];
  /**
   * The thing the latest sentence that opened with a name was about ("Beta's Game A will cost …"): what a
   * sentence-opening "it" means ("It will start at $40") before the story's subject does.
   */
  recent?: string;
  /**
   * Each product's maker, where the story writes the maker's name right before the product's ("Acme X
   * Pro"): whose "the car" or "Acme's console" is.
   */
  makers?: ReadonlyMap<string, string>;
}

/** Verbs of forecasting: who forecasts an amount is its source, not its owner ("Analysts predicted $2 a share"). */
const FORECAST_VERB = String.raw`(?:expects?|expected|forecasts?|forecasted|predicts?|predicted|estimates?|estimated|projects?|projected)`;

/**
 * Where the clause holding a figure starts: after a semicolon or colon, a conjunction that starts a new
 * clause, a relative pronoun, a comma before a pronoun subject (", it announced …"), or a verb of saying or
 * forecasting ("Acme said [that] …", "Acme expects 5 million …": the speaker is a source, not an owner).
 */
const CLAUSE_START = new RegExp(
  [
    // Not a colon inside brackets: "Acme (ticker: ACM) reported $2".
    String.raw`[;:]\s+(?![^()\[\]]*[)\]])`,
    // "… one culprit — the company owns …": a lone spaced dash sets off a clause of its own (a pair sets
    // off an aside, as brackets do).
    String.raw`\s[—–]\s+(?![^—–]*\s[—–]\s)(?<!\s[—–]\s[^—–]*\s[—–]\s+)`,
    String.raw`,?\s+(?:while|whereas|but|although|though|because|unless|when|if|even as)\s+`,
    String.raw`,\s+(?:which|who|whose|where)\s+`,
    String.raw`,\s+(?=(?:it|he|she|they|there|the company|the firm)\s)`,
    // "…, and there are dozens of smaller players": an existential "there" starts a clause of its own.
    String.raw`,?\s+and\s+(?=(?:it|he|she|they|we|I|you|there)\b)`,
    // "Roe worships Beta, and so the three writers knew …": after a comma, "and" (with "so" or "then") before
    // a noun phrase of its own opens a clause with its own subject.
    String.raw`,\s+and\s+(?:so|then|yet|thus)\s+(?=(?:the|a|an|these|those)\s)`,
    // "… surprises me that they're selling it for $16": "that" before a pronoun opens the clause it subjects.
    String.raw`\bthat\s+(?=(?:it|he|she|they|we|I|you|there)\b)`,
    // Not "added" before an amount: "the index added 20 points" is a gain, not a saying.
    String.raw`\b(?:said|says|told|tells|stated|note|noted|added(?!\s+(?:about|around|nearly|some|more than|over|almost|roughly)?\s*[$€£¥]?\d)|wrote|argued|claimed|believe|believes|thinks)(?:\s+that)?\s+`,
    String.raw`\b${FORECAST_VERB}\s+(?=(?:that\s+)?(?:about|around|nearly|some|more than|over|up to|at least)?\s*[$€£¥]?\d)`,
    // "The agency reported that 28 people …", "Aides suggested that Beijing buy $20 billion …": with "that", a verb
    // of reporting, finding or urging opens what it reports (without it, "Acme reported $5 billion" is Acme's).
    // "reported last year that …": a time between the verb and "that" does not change what it opens.
    String.raw`\b(?:reports?|reported|announces?|announced|finds?|found|shows?|showed|confirms?|confirmed|suggests?|suggested|proposes?|proposed|urges?|urged|recommends?|recommended|insists?|insisted|demands?|demanded)(?:\s+(?:(?:last|this|next|earlier this|late last)\s+(?:year|month|week|spring|summer|fall|autumn|winter)|on\s+[A-Z][a-z]+day|in\s+\d{4}|earlier|today|yesterday|recently))?\s+that\s+`,
  ].join('|'),
  'gi',
);

/**
 * "Acme's shares rose 4% after Beta cut its stake by 10%": a subordinating "after", "before", "since",
 * "until" or "once" before a name and a lower-case word that is no function word opens a clause whose
 * subject is that name.
 */
const SUBORDINATE_NAMED_CLAUSE =
  /\s(?:after|before|since|until|once)\s+(?=\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*)*\s+(?!(?:and|or|but|nor|the|a|an|of|in|on|at|for|with|to|from|by|as)\s)\p{Ll}+\s)/gu;

/**
 * "Acme sold 30 jets and Beta bought 20": "and" after a lower-case word or an amount (or after a comma: "… for
 * the Islanders, and Semyon Varlamov stopped 27 shots"), before a name and its verb, joins a clause with a
 * subject of its own. (Case matters here, so it is not part of CLAUSE_START.)
 */
const NAMED_SUBJECT_CLAUSE =
  /(?:(?<=(?:^|\s)[\p{Ll}\d$€£¥][\p{Ll}\d%.,-]*)\s+and\s+|,\s+(?:and\s+)?)(?=\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*)*\s+(?:is|was|are|were|has|had|have|will|would|made|won|took|\p{Ll}+ed)\b)/gu;

/** " and " before another amount: "59% Go and 27% Rust", "its $2 purchase of A and a $5 stake in B". */
const COORDINATION = /,?\s+(?:and|or)\s+(?=(?:an?\s+|the\s+)?[$€£¥]?\d)/gi;

/** An amount, then ", or" before the figure: the figure restates it ("102 points, or 0.4%"). */
const RESTATED = /[\d%]\s*(?:[\p{Ll}]+\s*)?,\s+or\s+$/u;

/**
 * A place named by its kind, possessive, before the figure's noun phrase: "the state’s $2 billion in reserves";
 * or as whom the amount is cost, saved or owed, right before it: "cost the state $449,000".
 */
const PLACE_ANAPHOR_BEFORE =
  /\bthe\s+(?:state|city|country|nation|county|province|region)['’]s\s+(?:[\p{L}\d'’-]+\s+){0,3}$|\b(?:cost|costs|costing|saved|saves|saving|owes|owed|owing)\s+the\s+(?:state|city|country|nation|county|province|region)\s+$/iu;
/** The same after a part, read from the figure on: "more than half of the state’s school districts". */
const PLACE_ANAPHOR_AFTER =
  /^\S+(?:\s+(?:than|of|half|a|quarter|third|[\d.,%]+))*\s+(?:[\p{Ll}-]+\s+){0,2}of\s+the\s+(?:state|city|country|nation|county|province|region)['’]s\s/iu;

/** The place the story has named most often so far (the first of equals): what "the state" stands for. */
function mostNamedPlace(named: Discourse['named']): string | undefined {
  return mostNamed(named.filter((mention) => mention.kind === 'place'));
}

/** The relative pronouns whose clause speaks of the noun before them. */
const RELATIVE = /^,\s+(?:which|who|whose)\s+$/i;

/**
 * A preposition, and the few lower-case words after it, before a name: the name is in an adjunct ("in the
 * Houston area", "according to rescue group Acme", "on iPhone"), not the subject or object.
 */
const PREPOSITION =
  /(?:\b(?:in|at|on|from|for|with|by|of|about|against|than|into|onto|over|under|across|like|as|including|via|per|among|between|through|toward|towards|near|within|without|versus|since|during|after|before|according to)\s+(?:[\p{Ll}\d][\p{L}\d'’-]*\s+){0,3}|\bto\s+(?:(?:the|a|an|its|their|his|her)\s+)?)$/iu;

/**
 * Between an amount and a name, "of" after the counted noun: "[two] crashes of its popular [Acme X]", "[30%]
 * of the [Beta] shares". The words around "of" are lower-case nouns and adjectives, none another "of".
 */
const COMPLEMENT =
  /^\s+(?:(?!of\s)[\p{Ll}-]+\s+){0,2}of\s+(?:(?:the|its|their|his|her|an?)\s+)?(?:(?!of\s)[\p{Ll}-]+\s+){0,2}$/u;

/** Between a price and what it is for: " monthly rate for its ", " for the ", " a month for a ". */
const PRICE_FOR = /^\s+(?:(?!for\s)[\p{Ll}-]+\s+){0,3}for\s+(?:(?:the|its|their|his|her|an?)\s+)?$/u;

/** After a name, an appositive that holds the figure: ", the ", ", a ", ", Acme's ". */
const APPOSITIVE =
  /^,\s+(?:(?:the|a|an)\s+|\p{Lu}[\p{L}\d&.+-]*(?:\s+\p{Lu}[\p{L}\d&.+-]*)*['’]s\s+)(?:\p{Ll}+\s+){0,2}$/u;

/**
 * A name set beside a role in an adjunct: "held by Tribune's former chairman, Jane Roe". The name is the
 * role's holder, so it is in the adjunct too.
 */
const ROLE_IN_ADJUNCT =
  /\b(?:by|from|to|with|for|of|according to)\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:\p{Ll}+\s+){0,2}(?:chairman|chairwoman|chair|founder|co-founder|president|chief executive|executive|ceo|director|head|analyst|spokesman|spokeswoman|spokesperson|owner|shareholder|investor),\s+$/u;

/**
 * A measure noun and "of" or "at" before a name: "Shares of Acme fell 3%", "Sales at Acme fell 3%" and "Shares
 * in Acme fell 3%" say what "Acme's shares fell 3%" says, so the name is no adjunct.
 */
const OF_GENITIVE =
  /(?:^|[^\p{L}])(?:(?:shares|stock|sales|revenues?|profits?|earnings|income|prices?|value|valuation|market\s+value|stock\s+price|share\s+price)\s+(?:of|at)|(?:shares|stock)\s+in)\s+(?:the\s+)?$/iu;

/** Between two names of one list: ", ", " and ", ", or ". */
const LIST_JOIN = /^\s*(?:,\s*)?(?:(?:and|or|&)\s+)?$/;

/** The same, across names the matcher does not know: "Beta, Delta, Gamma, and 90 other papers". */
const LIST_JOIN_ACROSS_NAMES = /^(?:\s*,\s*(?:\p{Lu}[\p{L}\d&.'’-]*\s*)+)*\s*(?:,\s*)?(?:(?:and|or|&)\s+)?$/u;

/** Words that may open a clause before its subject: "But", "In December,", "This past May,". */
const CLAUSE_INTRO =
  /^(?:(?:but|and|so|yet|also|now|then|still|however|meanwhile|moreover|instead|today|yesterday|after all|(?:this|last|next)(?: past)? \p{L}+|(?:in|on|at|by|since) \p{L}+(?: \d{1,4})?)[\s,]+)*/iu;

/** Anaphors in a clause's subject and the kinds of entity they can stand for; 'subject' is the story's. */
/**
 * Each anaphor lists the kinds it can stand for, in tiers: the most recent entity of the first tier wins,
 * else of the next. "The agency" takes an organisation or a company alike, because discovery often finds an
 * agency as a company; "the company" takes an organisation only when the story named no company.
 */
const ANAPHORS: readonly {
  pattern: RegExp;
  kinds: readonly (readonly EntityKind[])[] | 'it' | 'they' | 'story';
  /**
   * Whether the anaphor's noun is usually part of the name it stands for ("the committee" for the Joint
   * Committee on Example, "the agency" for Example Agency), so a name ending in it is preferred. Not "the
   * company", which means the story's subject whatever its name.
   */
  byHead?: true;
}[] = [
  {
    pattern:
      /^the\s+(?:[\p{L}.&-]+['’]s\s+)?(?:[\p{L}-]+\s+){0,3}?(?:company|firm|group|startup|carrier|airline|retailer|chain|maker|manufacturer|giant|bank|lender|insurer|publisher|automaker|conglomerate|utility)\b/iu,
    kinds: [['company'], ['organization']],
  },
  {
    pattern: /^the (?:agency|department|ministry|regulator|organi[sz]ation|council|committee|commission)\b/i,
    kinds: [['organization', 'company']],
    byHead: true,
  },
  { pattern: /^the (?:game|app|device|console|phone|headset|product)\b/i, kinds: [['product']] },
  // "The platform has helped thousands of people": a service, which discovery finds as either kind.
  { pattern: /^the (?:platform|social network)\b/i, kinds: [['product', 'company']] },
  { pattern: /^(?:he|she|his|her)\b/i, kinds: [['person']] },
  // "They brought it public at $16": a company spoken of in the plural, when the last actor named is one.
  { pattern: /^they(?:['’]re|['’]ve|['’]ll)?\b/i, kinds: 'they' },
  { pattern: /^(?:it|its)\b/i, kinds: 'it' },
  // "The deal could raise $5", "The order is valued at $8": the story's own transaction.
  { pattern: /^the (?:deal|order|offer|listing|acquisition|merger|purchase|ipo|offering|stake)\b/i, kinds: 'story' },
  // "Quarterly revenue rose 5%", "Shares fell 3%": a company's own measures, in a story about a company.
  {
    pattern:
      /^(?:the\s+)?(?:(?:q[1-4]|quarterly|annual|net|total|gross|operating|comparable|same-store|online|first-quarter|second-quarter|third-quarter|fourth-quarter)\s+)*(?:revenues?|sales|profits?|earnings|income|shares|stock|margins?|guidance|dividends?|losses?|comps)\b/i,
    kinds: 'story',
  },
];

/** "I" as the subject of the figure's verb, or "my" before its noun phrase: "I lost 14 followers", "of my 1,000 fans". */
const FIRST_PERSON_BEFORE = /(?:\bI\s+(?:[\p{Ll}'’-]+\s+){1,3}|\bmy\s+(?:[\p{L}\d'’-]+\s+){0,3})$/u;

/** A possessive pronoun just before the figure's noun phrase: "its $500 price", "pricing its shares at a 5% discount". */
const POSSESSIVE_BEFORE = /\b(?:its|his|her)\s+(?:[\p{L}\d'’-]+\s+){0,4}$/iu;

/**
 * Nouns for people: a count of them is about people, not about the place they are in ("450,000 people in
 * Springfield", "investors in Springfield"), so it goes to the story alone.
 */
const PEOPLE =
  /\b(?:people|persons?|individuals|residents|citizens|inhabitants|americans|voters|workers|employees|staff|customers|consumers|users|subscribers|followers|fans|members|visitors|viewers|readers|students|children|kids|adults|men|women|patients|participants|respondents|victims|investors|shoppers|households|families|\p{L}+goers)\b/iu;

/** A verb of reporting right before a figure: "Police reported [at least 5,000 people …]". */
const REPORTING_BEFORE =
  /\b(?:reported|reports|announced|announces|estimated|estimates|found|finds|showed|shows|counted|counts)\s+$/u;
/** A finite verb right after a figure's noun phrase: the figure is that verb's subject ("5,000 people entered"). */
const FINITE_VERB_AFTER = /^\s+(?:(?:were|was|are|is|have|has|had|will|would|could|may|might)\b|\p{Ll}+ed\b)/u;

/** A participle phrase opening a sentence, up to a point before its first comma: "After raising …", "Having sold …". */
const OPENING_PARTICIPLE =
  /^\W*(?:(?:after|before|since|despite|upon|on|by|while|when|in)\s+)?(?!(?:during|according|including|morning|evening|spring|nothing|something|anything|everything)\s)\p{L}+ing\s[^,;:]*$/iu;

/** Between a source's name and the clause it opens: its verb of saying or forecasting ("Beta predicted "). */
const SOURCE_VERB_AFTER = new RegExp(
  String.raw`^\s+(?:\p{Ll}+ly\s+)?(?:${FORECAST_VERB}|said|says|told|stated|noted|wrote)\s+(?:that\s+)?$`,
  'u',
);

/** Words for a story subject's own measures: what it sells and for how much, its shares, revenue, orders. */
const SUBJECT_MEASURES =
  /\b(?:sales|sold|purchased|prices?|priced|revenues?|shares|stock|orders?|ordered|profits?|earnings|(?:a|per)\s+share)\b/i;

/** Words that take a figure beyond the story's subject: "Nationally, …", "industry-wide". */
const WIDER_SCOPE = /\b(?:nationally|nationwide|national|worldwide|globally|global|industry|industry-wide)\b/i;

/** Kinds that can own a figure as its subject; places are where things happen, not who they happen to. */
const ACTOR_KINDS: ReadonlySet<EntityKind> = new Set(['company', 'organization', 'person', 'product', 'program']);

/**
 * The entity a title or a lead is about: its first company, organisation, product or programme that is
 * not in an adjunct or counted ("Acme inks order for 30 Beta jets" is about Acme, not Beta). People and
 * places are left out: "he" and "the company" resolve to a person and a company by other means.
 */
export function headlineSubject(text: string, mentions: readonly OwnerMention[]): OwnerMention | undefined {
  return mentions.find((m) => {
    if (!isActor(m) || m.kind === 'person') return false;
    const lead = text.slice(Math.max(0, m.start - 60), m.start);
    return !PREPOSITION.test(lead) && !/\d\s+$/.test(lead);
  });
}

/** A role after an organisation's name: the name only says whom the person works for. */
const AFFILIATION_ROLE =
  /^['’]?s?\s+(?:(?:chief|senior|lead|principal|managing|equity|market|research)\s+)*(?:analysts?|economists?|strategists?|spokes(?:man|woman|person)|researchers?|executives?|ceo|cfo|director|president|chairman|founder|partner|trader)\b/iu;

/**
 * Whether a name is only someone's employer ("Wells Fargo analyst Jane Roe", "Acme's chief economist"): it
 * is not what a later "the company" means.
 */
export function isAffiliation(sentence: string, mention: OwnerMention): boolean {
  return AFFILIATION_ROLE.test(sentence.slice(mention.end));
}

/** What may stand before a sentence's subject name: "The", "The new", "Even so, the pan-European". */
const BEFORE_SUBJECT = /^\W*(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\p{Ll}\d-]+\s+){0,2}$/u;

/**
 * The company, organisation, product or programme a sentence opens with as its subject, for a later "it":
 * "Beta's Game A will cost …" is about Game A (the name after a possessive), "Acme is rolling out …" about
 * Acme. Undefined when the sentence opens with a person, a place or no name, or names it in an adjunct.
 */
export function sentenceSubject(sentence: string, mentions: readonly OwnerMention[]): string | undefined {
  const first = mentions[0];
  if (!first) return undefined;
  const lead = sentence.slice(0, first.start);
  if (!BEFORE_SUBJECT.test(lead.slice(CLAUSE_INTRO.exec(lead)?.[0].length ?? 0))) return undefined;
  const possessed = mentions[1];
  if (
    possessed &&
    isActor(possessed) &&
    possessed.kind !== 'person' &&
    /^['’]s?\s+(?:[\p{Ll}\d-]+\s+){0,2}$/u.test(sentence.slice(first.end, possessed.start))
  )
    return possessed.entityId;
  return isActor(first) && first.kind !== 'person' ? first.entityId : undefined;
}

/** Who `figure` in `sentence` is about, as sorted entity ids; none when the clause does not say. */
export function figureOwners(
  sentence: string,
  figure: FigureSpan,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string[] {
  const aside = closedRelativeBefore(sentence, figure.start);
  if (aside) {
    // Read as if the aside were not there: same offsets, its words and names gone.
    const masked = sentence.slice(0, aside.start) + ' '.repeat(aside.end - aside.start) + sentence.slice(aside.end);
    const outside = mentions.filter((m) => m.end <= aside.start || m.start >= aside.end);
    return [...new Set(ownersInOrder(masked, figure, outside, discourse))].sort();
  }
  return [...new Set(ownersInOrder(sentence, figure, mentions, discourse))].sort();
}

/** A relative clause set off by commas and closed before its main clause's verb: ", which Jane Roe founded, employs". */
const CLOSED_RELATIVE =
  /,\s+(?:which|who|whom|whose)\s+[^,;:()]*?,\s+(?=(?!(?:and|or|but|nor|the|a|an|its|his|her|their|our|to|of|in|on|at|for|with|as|by|from|into|including|such|which|who|whose|where|when|while|said|says|according)\s)\p{Ll}+\s)/gu;

/**
 * The span of a relative clause that comes between a subject and its verb before the figure ("Acme, which
 * Jane Roe founded, employs 5,000 people"): the figure's clause is the main one, whose subject comes before it.
 */
function closedRelativeBefore(sentence: string, figureStart: number): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  for (const match of sentence.matchAll(CLOSED_RELATIVE)) {
    const end = match.index + match[0].length;
    if (end > figureStart) break;
    found = { start: match.index, end };
  }
  return found;
}

/** Actors first; a place only when no actor owns the figure; the story's subject last. */
function ownersInOrder(
  sentence: string,
  figure: FigureSpan,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string[] {
  const actors = actorOwners(sentence, figure, mentions, discourse);
  if (actors.length > 0) return actors;
  // "13,000 US troops", "five Springfield hospitals": a place inside the figure's own noun phrase says whose
  // they are, people included, before any place the clause sets them in ("… remain in Afghanistan").
  // Not a currency named by its country ("176 Hong Kong dollars").
  const inside = mentions.find(
    (m) =>
      m.kind === 'place' &&
      m.start > figure.start &&
      /^\s+\p{L}/u.test(sentence.slice(m.end, figure.end)) &&
      !CURRENCY_NAMES.has(/^\s+(\p{L}+)/u.exec(sentence.slice(m.end, figure.end))?.[1]?.toLowerCase() ?? ''),
  );
  if (inside) return [inside.entityId];
  if (PEOPLE.test(figureWords(sentence, figure))) return actors;
  const clause = clauseStart(sentence, figure.start);
  const place = placeOwner(sentence, figure, clause.start, mentions);
  if (place.length > 0) return place;
  if (clause.coordinated) {
    // "with 5,000 incidents since 1840, and an average of 300 animals a year": the second amount is set in
    // the same place as the first.
    const shared = placeOwner(
      sentence,
      { start: clause.boundary, end: clause.boundary },
      clauseStart(sentence, clause.boundary).start,
      mentions,
    );
    if (shared.length > 0) return shared;
  }
  return subjectsMeasure(sentence, figure, clause.start, mentions) ? storySubject(discourse) : [];
}

/**
 * Whether a figure nobody in its sentence owns is one of the story subject's own measures: its clause
 * speaks of sales, prices, shares, revenue or orders ("Dealers sold 30,154 new cars", "underwriters may
 * buy 15 per cent more shares"), the sentence names nobody before it (a named company would be the one
 * meant) and no place, and nothing widens the scope beyond the subject ("Nationally, dealers sold …").
 */
function subjectsMeasure(
  sentence: string,
  figure: FigureSpan,
  clauseStartAt: number,
  mentions: readonly OwnerMention[],
): boolean {
  // A place named anywhere ("prices rose 10% in Springfield") sets the figure somewhere the subject may
  // not be; a source after it ("…, according to Acme") does not.
  // A forecaster or speaker whose verb opens the clause ("Analysts at Beta predicted $2.52 a share") is its
  // source, not a name that takes the figure elsewhere.
  // Only when the figure is the verb's object, not the subject of a clause it reports ("Beta expects 16
  // million cars will be sold" speaks of a market).
  const reportsClause = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:will|would|could|may|might|is|are|was|were|to)\b/u.test(
    sentence.slice(figure.end),
  );
  const sources = new Set(
    mentions.filter(
      (m) => !reportsClause && m.end <= clauseStartAt && SOURCE_VERB_AFTER.test(sentence.slice(m.end, clauseStartAt)),
    ),
  );
  if (mentions.some((m) => !sources.has(m) && (m.start < figure.start || m.kind === 'place'))) return false;
  const upToFigure = sentence.slice(0, figure.start);
  if (WIDER_SCOPE.test(upToFigure)) return false;
  // "…, but still down 10 percent": a clause without its own subject speaks of the one before it.
  const clause = sentence.slice(clauseStartAt, figure.start);
  const scope = /^(?:still\s+)?(?:up|down|an?\s+(?:increase|decrease|drop|rise|fall))\b/i.test(clause)
    ? upToFigure
    : clause;
  return SUBJECT_MEASURES.test(scope + figureWords(sentence, figure));
}

/** The story's subject: its main actor, else the place whose market or events it reports. */
function storySubject(discourse: Discourse): string[] {
  return [...(discourse.subject.length > 0 ? discourse.subject : (discourse.scene ?? []))];
}

/** The company, organisation, person, product or programme the clause gives the figure to, if any. */
function actorOwners(
  sentence: string,
  figure: FigureSpan,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string[] {
  const clause = clauseStart(sentence, figure.start);

  // "Acme fell 102 points, or 0.4%": the same change said again in other units is the first amount's.
  if (clause.coordinated && clause.start === figure.start && RESTATED.test(sentence.slice(0, clause.start)))
    return actorOwners(sentence, { start: clause.boundary, end: clause.boundary }, mentions, discourse);

  // "Police reported at least 5,000 people entered the hall": a count of people that is the subject of its
  // own verb, after a verb of reporting, is what the source reports, not the source's.
  if (
    REPORTING_BEFORE.test(sentence.slice(clause.start, figure.start)) &&
    PEOPLE.test(sentence.slice(figure.start, figure.end)) &&
    FINITE_VERB_AFTER.test(sentence.slice(figure.end))
  )
    return [];

  // The name the amount modifies: "$1,000 Quest Pro", "27% Rust", "“Game A” ($30)".
  const modified = mentions.find(
    (m) => m.start >= figure.end && /^\s*[-–]?\s*$/.test(sentence.slice(figure.end, m.start)) && isActor(m),
  );
  if (modified) return [modified.entityId];
  const priced = mentions.find(
    (m) => m.end <= figure.start && /^["'”’]?\s*\(\s*$/.test(sentence.slice(m.end, figure.start)) && isActor(m),
  );
  if (priced) return [priced.entityId];

  // The name an appositive renames: "Prime, Acme's $119-a-year program", "Beta, a $5 billion company".
  const renamed = mentions.find(
    (m) => m.end <= figure.start && isActor(m) && APPOSITIVE.test(sentence.slice(m.end, figure.start)),
  );
  if (renamed) return [renamed.entityId];

  // "Acme’s $6.99-a-month service", "Acme's console launched at $400", "Acme fits the car with five cameras":
  // a figure about a made thing is that product's, when the story names one of its maker.
  const product = describedProduct(sentence, figure, clause.start, mentions, discourse);
  if (product) return [product];

  // The name that owns it: "Acme's $5 price", "Acme’s 30% stake".
  const possessor = mentions.find(
    (m) => m.end <= figure.start && /^['’]s?\s+(?:\p{Ll}+\s+){0,2}$/u.test(sentence.slice(m.end, figure.start)),
  );
  if (possessor) return [possessor.entityId];

  // The name the counted noun is of: "two crashes of its popular Acme X jet", "30% of the Beta shares". Not
  // when a possessive before the amount says whose it is ("its $2 billion purchase of Beta" is its own).
  const complement = mentions.find(
    (m) =>
      m.start >= figure.end &&
      isActor(m) &&
      COMPLEMENT.test(sentence.slice(figure.end, m.start)) &&
      !POSSESSIVE_BEFORE.test(sentence.slice(clause.start, figure.start)),
  );
  if (complement) return [complement.entityId];

  // What a price is for: "a $9.99 monthly rate for its Acme Pro subscription", "$399 for the Beta X". Products
  // only: "$2 billion for Beta" may be what its buyer paid as much as what Beta is worth.
  const pricedProduct = mentions.find(
    (m) =>
      m.start >= figure.end &&
      m.kind === 'product' &&
      PRICE_FOR.test(sentence.slice(figure.end, m.start)) &&
      sentence.slice(figure.start, figure.end).search(/[$€£¥]|\b(?:USD|EUR|GBP|dollars?|euros?|pounds?)\b/u) >= 0,
  );
  if (pricedProduct) return [pricedProduct.entityId];

  // "the state’s $2 billion", "more than half of the state’s school districts": the place the story is about.
  if (
    PLACE_ANAPHOR_BEFORE.test(sentence.slice(clause.start, figure.start)) ||
    PLACE_ANAPHOR_AFTER.test(sentence.slice(figure.start))
  ) {
    const place = mostNamedPlace(discourse.named);
    if (place) return [place];
  }

  // The name whose thing the amount changes: "plans to expand the Acme fleet by 30%", "cut Beta's costs by
  // $2": the name that modifies (or owns) the noun "by" measures, not the subject who plans the change.
  const changed = mentions.find(
    (m) =>
      m.start >= clause.start &&
      m.end <= figure.start &&
      isActor(m) &&
      /^(?:['’]s?)?\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2}by\s+$/u.test(sentence.slice(m.end, figure.start)),
  );
  if (changed) return [changed.entityId];

  // What an amount is paid to get: "shell out $15 to get Acme support", "pay $5 to unlock Game A".
  const purpose = mentions.find(
    (m) =>
      m.start >= figure.end &&
      isActor(m) &&
      /^[A-Z]{3}$|^\$|^[€£¥]/u.test(sentence.slice(figure.start, figure.end).trim()) &&
      /^\s+to\s+(?:get|buy|unlock|add|access|use|rent|own|watch|play|try|subscribe\s+to)\s+(?:(?:the|a|an)\s+)?$/u.test(
        sentence.slice(figure.end, m.start),
      ),
  );
  if (purpose) return [purpose.entityId];

  // The agent of a passive after it: "the $20 demanded by Ferro".
  const agent = mentions.find(
    (m) =>
      m.start >= figure.end &&
      isActor(m) &&
      /^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ed\s+by\s+(?:the\s+)?$/u.test(sentence.slice(figure.end, m.start)),
  );
  if (agent) return [agent.entityId];

  // "Jane Roe was among the more than 12,000 in attendance", "Acme and Beta join the nine companies": the amount
  // counts the group the names are one of or join, not them.
  if (
    /\b(?:among|join|joins|joined|joining)\s+(?:the\s+(?:original\s+|other\s+)?)?$/iu.test(
      sentence.slice(clause.start, figure.start),
    )
  )
    return [];

  // Subjects and objects of the clause's verb before the figure: "Acme paid Beta $5", not "in Houston".
  const before = clauseActors(sentence, figure, clause.start, mentions);
  if (before.length > 0) return before.map((m) => m.entityId);

  // “… of my 1,000 followers, five swiped away,” said Jane Roe: the quoted speaker's own figure.
  if (discourse.speaker !== undefined && FIRST_PERSON_BEFORE.test(sentence.slice(clause.start, figure.start)))
    return [discourse.speaker];

  // "Jane Roe: theft, held in lieu of $70,000 bond": a name that opens the sentence with a colon labels what
  // follows, as a list of charges, results or prices does.
  const label = mentions[0];
  if (
    label &&
    label.end <= figure.start &&
    isActor(label) &&
    /^\W*$/u.test(sentence.slice(0, label.start)) &&
    /^\s*:\s/u.test(sentence.slice(label.end)) &&
    !mentions.some((m) => m !== label && m.start < figure.start && isActor(m))
  )
    return [label.entityId];

  // "…the giant, whose sales were hit by 2 crashes": "whose" is the antecedent's, before any other
  // reading of the clause ("sales" alone would be the story subject's).
  const whose = /^,\s+whose\b/i.test(sentence.slice(clause.boundary));
  const antecedent = clause.relative ? relativeAntecedent(sentence, clause.boundary, mentions, discourse) : [];
  if (whose && antecedent.length > 0) return antecedent;
  const resolved = resolveAnaphor(sentence, clause.start, figure, mentions, discourse);
  if (resolved.length > 0) return resolved;
  if (antecedent.length > 0) return antecedent;

  // "About half of Acme's sites": the name the amount is a part of.
  // "140 million businesses across Acme's platforms": the same, for the name whose things are counted.
  const partOf = mentions.find(
    (m) =>
      m.start >= figure.end &&
      /^\s+(?:[\p{Ll}“”"-]+\s+){0,3}(?:of|across)\s+(?:the\s+)?$/u.test(sentence.slice(figure.end, m.start)) &&
      /^['’]s?\b/u.test(sentence.slice(m.end)),
  );
  if (partOf) return [partOf.entityId];
  // "eight of its Hong Kong shares", "123 of the planes in its fleet": "its" as the owner of what the
  // figure is a part of. Read from the number on, since a count's span may hold the words ("eight of its
  // Hong Kong shares").
  const afterNumber = figure.start + (/^\S+/.exec(sentence.slice(figure.start))?.[0].length ?? 0);
  const partOfIts = /^\s+(?:of\s+the\s+\p{Ll}+\s+)?(?:\p{Ll}+\s+){0,2}(?:of|in)\s+its\s/u.exec(
    sentence.slice(afterNumber),
  );
  if (partOfIts) {
    const at = afterNumber + partOfIts[0].length - 4;
    const resolved = resolveAnaphor(sentence, at, { start: at + 4, end: at + 4 }, mentions, discourse);
    if (resolved.length > 0) return resolved;
  }

  // "The 14 companies currently in the program": the programme the story named last.
  if (
    /^\s+(?:\p{Ll}+\s+){0,2}(?:in|of|under)\s+the\s+(?:program|programme|initiative|scheme)\b/u.test(
      sentence.slice(afterNumber),
    )
  ) {
    const programme = [...mentions.filter((m) => m.end <= figure.start), ...[...discourse.named].reverse()].find(
      (m) => m.kind === 'program',
    );
    if (programme) return [programme.entityId];
  }

  // "After receiving a lifeline worth up to $8 billion, Acme cut …": a participle phrase opening the sentence
  // has the main clause's subject as its own, so the amount in it is that subject's.
  if (OPENING_PARTICIPLE.test(sentence.slice(0, figure.start))) {
    const comma = sentence.indexOf(', ', figure.end);
    const main =
      comma >= 0
        ? mentions.find(
            (m) => m.start >= comma && isActor(m) && /^,\s+(?:the\s+)?$/iu.test(sentence.slice(comma, m.start)),
          )
        : undefined;
    if (main) return [main.entityId];
  }

  // "over 130 Acme X-enhanced titles": a name inside the figure is what it counts, when nothing else is.
  const inside = mentions.find((m) => m.start > figure.start && m.end <= figure.end && isActor(m));
  if (inside) return [inside.entityId];

  return [];
}

/** Nouns for a made thing a maker sells: "the car", "Acme's console", "its $6.99-a-month service". */
const PRODUCT_NOUN = String.raw`(?:car|vehicle|suv|sedan|wagon|truck|console|phone|smartphone|handset|laptop|tablet|device|headset|watch|camera|app|game|service|subscription|platform|jet|plane|aircraft|airliner|drone)s?`;
/** Nouns a product noun may modify that name a business rather than the thing: "its phone business". */
const NOT_THE_THING = String.raw`(?!\s+(?:business|businesses|unit|division|arm|sales|revenues?|markets?|shipments|segment|makers?|manufacturers?|industry|sector|compan(?:y|ies)|deals?|orders?|prices?|fleet)\b)`;
/** After a figure, the noun phrase it modifies ends on a product noun: "-a-month service", " shipping program". */
const PRODUCT_AFTER_FIGURE = new RegExp(
  String.raw`^(?:-[\p{Ll}-]+)?(?:\s+(?!(?:of|for|in|on|at|to|by|with|from|than|as|is|was|are|were|will|would)\s)[\p{Ll}-]+){0,3}?\s+${PRODUCT_NOUN}\b${NOT_THE_THING}`,
  'u',
);
/**
 * Before a figure, in its clause, a product spoken of by its noun and only lower-case words after it:
 * "the car in thirteen different ", "Acme's console launched at ", "the car with five radar sensors, ".
 */
const PRODUCT_BEFORE_FIGURE = new RegExp(
  String.raw`(?:\b[Tt]he|['’]s)\s+(?:[\p{Ll}-]+\s+){0,2}?${PRODUCT_NOUN}\b${NOT_THE_THING}(?:,?\s+[\p{Ll}\d-]+){0,8},?\s+$`,
  'u',
);

/**
 * The product a figure is about when its clause speaks of it by a noun ("the car", "Acme's console") rather
 * than by name: the product of the named maker the story has named ("Acme’s $6.99-a-month service" → Acme+,
 * "Acme fits the car with five cameras" → Acme X; of several, the one the story names most), or for "the car"
 * with no maker, the product the story names most. Undefined when the clause names no product by a noun or the
 * story names no such product, so the other readings decide (a company's unnamed product stays the company's).
 */
function describedProduct(
  sentence: string,
  figure: FigureSpan,
  clauseStartAt: number,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string | undefined {
  let maker: OwnerMention | undefined;
  let anchor: number;
  const possessor = mentions.find(
    (m) => m.end <= figure.start && /^['’]s?\s+$/u.test(sentence.slice(m.end, figure.start)),
  );
  if (possessor && PRODUCT_AFTER_FIGURE.test(sentence.slice(figure.end))) {
    maker = possessor;
    anchor = possessor.start;
  } else {
    const phrase = PRODUCT_BEFORE_FIGURE.exec(sentence.slice(clauseStartAt, figure.start));
    if (!phrase) return undefined;
    anchor = clauseStartAt + phrase.index;
    // Nobody named between the product's noun and the figure: "the car Beta sold for $5" is Beta's sale.
    if (mentions.some((m) => m.start >= anchor && m.start < figure.start)) return undefined;
    if (/^[Tt]he/.test(phrase[0])) {
      // "Acme fits the car with …": the maker is the clause's subject, named right before its verb.
      maker = mentions.find(
        (m) =>
          m.start >= clauseStartAt &&
          m.end <= anchor &&
          isActor(m) &&
          m.kind !== 'product' &&
          /^\s+(?:\p{Ll}+\s+){1,3}$/u.test(sentence.slice(m.end, anchor)),
      );
    } else {
      maker = mentions.find((m) => m.end === anchor && isActor(m));
      if (!maker) return undefined;
    }
  }
  const products = [...mentions.filter((m) => m.end <= anchor).reverse(), ...[...discourse.named].reverse()].filter(
    (m) => m.kind === 'product',
  );
  // With no maker, only "the car" the figure's own clause speaks of, with no clause set off between them
  // ("…parts of the game, you can pay $10" is about the reader's payment).
  if (!maker) return /,/.test(sentence.slice(anchor, figure.start)) ? undefined : mostNamed(products);
  // A maker's product: one whose name starts with the maker's ("Acme+"), or that the story writes after the
  // maker's name ("Acme X Pro", found as Acme and X Pro). Of several, the one the story names most: a story
  // about a car names its variants too ("X Pro 50"), and "the car" is the one it is about.
  const makerWords = new Set(maker.entityId.split('-').filter((word) => !GENERIC_NAME_WORDS.has(word)));
  const made = products.filter(
    (m) => makerWords.has(m.entityId.split('-')[0]!) || discourse.makers?.get(m.entityId) === maker.entityId,
  );
  return mostNamed(made);
}

/**
 * Each product named right after a company or organisation ("Acme X Pro" read as Acme and X Pro), with that
 * maker: the first maker the story writes before it.
 */
export function productMakers(
  sentences: readonly { text: string; mentions: readonly OwnerMention[] }[],
): Map<string, string> {
  const makers = new Map<string, string>();
  for (const { text, mentions } of sentences)
    for (const [index, mention] of mentions.entries()) {
      const next = mentions[index + 1];
      if (
        next?.kind === 'product' &&
        (mention.kind === 'company' || mention.kind === 'organization') &&
        // A lower-case word may come between: "Acme e-tron X".
        /^\s(?:\p{Ll}[\p{L}\d-]*\s)?$/u.test(text.slice(mention.end, next.start)) &&
        !makers.has(next.entityId)
      )
        makers.set(next.entityId, mention.entityId);
    }
  return makers;
}

/** The entity named most often in `mentions`; of equals, the one that comes first. */
function mostNamed(mentions: readonly { entityId: string }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
  let best: string | undefined;
  for (const [entityId, count] of counts) if (best === undefined || count > counts.get(best)!) best = entityId;
  return best;
}

/** Words of a company's name that say what it is, not which one: "Walt Disney Co." is known as Disney. */
const GENERIC_NAME_WORDS = new Set(['the', 'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'company', 'group', 'holdings']);

/**
 * The place a figure is about when no actor owns it: the clause is about the place's market or events
 * ("Vehicle sales in the Springfield area fell 10%", "Experts regard Springfield as …, with 5,000 incidents",
 * "140 whales stranded on Long Beach"). Never for a count of people (those go to the story, as the
 * labelling rules say), and never for a trailing "in <place>" after a change or a price ("prices rose 10% in
 * Springfield"), which says where, not whose.
 */
function placeOwner(
  sentence: string,
  figure: FigureSpan,
  clauseStartAt: number,
  mentions: readonly OwnerMention[],
): string[] {
  const places = mentions.filter((m) => m.kind === 'place');
  // "…in Springfield, where sales fell 10%": the place the relative "where" stands for.
  const where = places.find(
    (m) => m.end <= clauseStartAt && /^,?\s+where\s+$/.test(sentence.slice(m.end, clauseStartAt)),
  );
  if (where) return [where.entityId];
  // "a slice of Springfield retail sales, which totaled $7 billion": the place whose market the relative
  // pronoun's antecedent is (a place before nothing but the antecedent's lower-case words).
  const relative = /,\s+(?:which|that)\s+$/u.exec(sentence.slice(0, clauseStartAt));
  const market = relative
    ? places.find((m) => /^\s+(?:[\p{Ll}-]+\s+){0,5}[\p{Ll}-]+$/u.test(sentence.slice(m.end, relative.index)))
    : undefined;
  if (market && !PEOPLE.test(sentence.slice(market.end, relative!.index))) return [market.entityId];
  const before = places.filter((m) => m.start >= clauseStartAt && m.end <= figure.start);
  for (const m of before) {
    const lead = sentence.slice(Math.max(clauseStartAt, m.start - 60), m.start);
    // "sales in the Springfield area": the place scopes the noun before it, unless that noun is people.
    const scope = /(\p{L}+)\s+(?:in|across|throughout)\s+(?:the\s+)?$/iu.exec(lead);
    if (scope) {
      if (!PEOPLE.test(scope[1]!)) return [m.entityId];
      continue;
    }
    if (
      !PREPOSITION.test(lead) &&
      !/\d\s+$/.test(lead) &&
      !/^[-–]based\b/.test(sentence.slice(m.end)) &&
      !possessesName(sentence, m, mentions)
    )
      return [m.entityId];
  }
  // "140 whales beaching and dying on Long Beach": where the counted things are. Only for a count of named
  // things: a price or a change followed by "in <place>" is not the place's.
  const counted = /^[\p{L}\d\s,.'’-]*\p{L}[\p{L}\d\s,.'’-]*$/u.test(sentence.slice(figure.start, figure.end));
  // "Three cases of plague have been diagnosed in Springfield": a passive verb that places them counts too.
  const located = places.find(
    (m) =>
      m.start >= figure.end &&
      (/^\s+(?:(?!(?:is|are|was|were|has|have|had|be|been)\s)[\p{Ll}-]+\s+){0,4}(?:on|in|at|off)\s+(?:the\s+)?$/u.test(
        sentence.slice(figure.end, m.start),
      ) ||
        // Only a count that is the passive verb's subject: one its clause opens with.
        (/^[\s"“‘']*(?:the|some|another|at\s+least|about|nearly|almost|over|more\s+than)?\s*$/iu.test(
          sentence.slice(clauseStartAt, figure.start),
        ) &&
          PLACED_BY_PASSIVE.test(sentence.slice(figure.end, m.start)))),
  );
  return counted && located ? [located.entityId] : [];
}

/** After a count, a passive verb that says where the counted things are: " of plague have been diagnosed in ". */
const PLACED_BY_PASSIVE =
  /^\s+(?:(?!(?:is|are|was|were|has|have|had|be|been)\s)[\p{Ll}-]+\s+){0,3}(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|nd|ld)\s+(?:on|in|at|off)\s+(?:the\s+)?$/u;

/** The figure and the words after it up to the next comma or full stop: what it counts ("300 people a year"). */
function figureWords(sentence: string, figure: FigureSpan): string {
  return sentence.slice(figure.start, figure.end) + (/^[^,;.()]*/.exec(sentence.slice(figure.end))?.[0] ?? '');
}

/**
 * Actors named in the figure's clause before it, leaving out names in an adjunct ("in Houston"), names an
 * amount modifies ("30 Acme jets") and names listed beside the figure ("A, B and 90 other papers").
 */
function clauseActors(
  sentence: string,
  figure: FigureSpan,
  clauseStartAt: number,
  mentions: readonly OwnerMention[],
): OwnerMention[] {
  const inClause = mentions.filter((m) => m.start >= clauseStartAt && m.end <= figure.start);
  const excluded = new Set<OwnerMention>();
  let previous: OwnerMention | undefined;
  for (const m of inClause) {
    const lead = sentence.slice(Math.max(clauseStartAt, m.start - 60), m.start);
    // A bare comma joins a list only when the list goes on after the name ("in A, B and C"); "In Springfield,
    // Acme opened …" closes an opening adjunct before the clause's subject.
    const join = previous !== undefined ? sentence.slice(previous.end, m.start) : '';
    const listedAfterExcluded =
      previous !== undefined &&
      excluded.has(previous) &&
      LIST_JOIN.test(join) &&
      (/\b(?:and|or)\b|&/u.test(join) || /^\s*(?:,|and\b|or\b|&)/u.test(sentence.slice(m.end)));
    // "Beta, Acme's biggest rival, lost 2%": a possessor in an appositive only describes the name before it.
    const inAppositive =
      previous !== undefined &&
      /^,\s+$/u.test(join) &&
      /^['’]s?\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+,\s/u.test(sentence.slice(m.end));
    if (
      listedAfterExcluded ||
      inAppositive ||
      (PREPOSITION.test(lead) && !OF_GENITIVE.test(lead)) ||
      ROLE_IN_ADJUNCT.test(lead) ||
      /\d\s+$/.test(lead) ||
      possessesName(sentence, m, mentions)
    )
      excluded.add(m);
    previous = m;
  }
  // Names listed right before the figure are its siblings, not its owners.
  let next = figure.start;
  for (let i = inClause.length - 1; i >= 0; i--) {
    const m = inClause[i]!;
    if (!LIST_JOIN_ACROSS_NAMES.test(sentence.slice(m.end, next)) || sentence.slice(m.end, next).trim() === '') break;
    excluded.add(m);
    next = m.start;
  }
  return inClause.filter((m) => !excluded.has(m) && isActor(m));
}

/**
 * Whether a name owns the name right after it ("Beta’s Acme bought Gamma", "Japan’s Nikkei fell"): the
 * possessor only says whose the next name is, so the next name is the clause's subject.
 */
function possessesName(sentence: string, mention: OwnerMention, mentions: readonly OwnerMention[]): boolean {
  const possessive = /^['’]s?\s+/u.exec(sentence.slice(mention.end));
  if (!possessive) return false;
  const next = mention.end + possessive[0].length;
  return mentions.some((m) => m.start === next) || /^\p{Lu}/u.test(sentence.slice(next));
}

/**
 * What a relative pronoun at `boundary` stands for: the name just before it ("Acme, which owns …"), else
 * the noun phrase before it read as an anaphor ("the American manufacturing giant, whose …"), else the
 * subject of the clause it hangs from.
 */
function relativeAntecedent(
  sentence: string,
  boundary: number,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string[] {
  const head = sentence.slice(0, boundary);
  const end = { start: head.length, end: head.length };
  const named = mentions.find((m) => m.end <= boundary && /^\S*\s*$/u.test(head.slice(m.end)));
  if (named) return isActor(named) ? [named.entityId] : [];
  const phrase = /\bthe\s+(?:(?!\bthe\s)[^,;:()])*$/iu.exec(head);
  const resolvedPhrase = phrase ? resolveAnaphor(head, phrase.index, end, mentions, discourse) : [];
  if (resolvedPhrase.length > 0) return resolvedPhrase;
  return resolveAnaphor(head, clauseStart(head, head.length).start, end, mentions, discourse);
}

/** Where the figure's clause starts, where its boundary word starts, and whether it is a relative clause. */
function clauseStart(
  sentence: string,
  figureStart: number,
): { start: number; boundary: number; relative: boolean; coordinated: boolean } {
  // Matched on the whole sentence, so a lookahead can see the figure itself ("and 27% Rust").
  let start = 0;
  let boundary = 0;
  let relative = false;
  let coordinated = false;
  for (const pattern of [CLAUSE_START, NAMED_SUBJECT_CLAUSE, SUBORDINATE_NAMED_CLAUSE, COORDINATION]) {
    for (const match of sentence.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (end > figureStart) break;
      if (end <= start) continue;
      start = end;
      boundary = match.index;
      relative = RELATIVE.test(match[0]);
      coordinated = pattern === COORDINATION;
    }
  }
  return { start, boundary, relative, coordinated };
}

/**
 * The entity an anaphor in the clause's subject ("the company", "he", "it") or a possessive just before the
 * figure ("its $5 price") stands for: a name earlier in the sentence of the right kind, else the entity of
 * that kind the story named last, else (for companies and "it") the story's subject.
 */
function resolveAnaphor(
  sentence: string,
  clauseStartAt: number,
  figure: FigureSpan,
  mentions: readonly OwnerMention[],
  discourse: Discourse,
): string[] {
  const clause = sentence.slice(clauseStartAt, figure.start);
  const introLength = CLAUSE_INTRO.exec(clause)?.[0].length ?? 0;
  // "we note that [the company] faced …": an editor's brackets around the subject do not change it, nor
  // does the quotation mark that opens a quoted sentence (“He has won …”).
  const subject = clause.slice(introLength).replace(/^[[“"‘]/u, '');
  const anaphor = ANAPHORS.find((candidate) => candidate.pattern.test(subject));
  let kinds = anaphor?.kinds;
  // Where the anaphor stands: only a name before it can be what it stands for ("the company owns Beta").
  let anaphorAt = clauseStartAt + introLength;
  if (!kinds) {
    const possessive = POSSESSIVE_BEFORE.exec(clause);
    if (possessive) {
      kinds = /^its/i.test(possessive[0]) ? 'it' : [['person']];
      anaphorAt = clauseStartAt + possessive.index;
    }
  }
  if (!kinds) return [];
  if (kinds === 'story') return storySubject(discourse);
  if (kinds === 'they') {
    // The actor named last, in the sentence before the pronoun or else in the story so far; people and
    // anything else named in the plural ("they" for teachers) are not a company's.
    const last = [...mentions.filter((m) => m.end <= anaphorAt).reverse(), ...[...discourse.named].reverse()].find(
      (m) => isActor(m) && m.kind !== 'person',
    );
    return last && (last.kind === 'company' || last.kind === 'organization') ? [last.entityId] : [];
  }
  if (kinds === 'it') {
    // "Acme said its revenue rose 5%": "its" is the sentence's subject when a name opens the sentence.
    const opening = mentions.find((m) => m.end <= figure.start && isActor(m) && m.kind !== 'person');
    const opensSentence = opening !== undefined && /^\W*(?:\S+\s+){0,2}$/u.test(sentence.slice(0, opening.start));
    if (opensSentence) return [opening.entityId];
    // "The agency said it received 400 complaints": "it" after a verb of saying is the body the sentence
    // opens with, read as that description would be.
    const sayer =
      /^\W*(the\s+(?:[\p{L}-]+\s+){0,3}?)(?:said|says|told|added|announced|noted|reported|stated)\s+(?:that\s+)?$/iu.exec(
        sentence.slice(0, anaphorAt),
      );
    const description = sayer ? ANAPHORS.find((candidate) => candidate.pattern.test(sayer[1]!)) : undefined;
    // Only a description read by its head ("the agency", "the committee"): "the company" said "it" keeps
    // meaning the story's subject, as a bare "it" does.
    if (sayer && description?.byHead) {
      const at = sayer.index + sayer[0].indexOf(sayer[1]!);
      const resolved = resolveAnaphor(sentence, at, { start: anaphorAt, end: anaphorAt }, mentions, discourse);
      if (resolved.length > 0) return resolved;
    }
    // "After raising $8 billion, Acme cut jobs at Beta, which it bought for $2": the subject of the main clause.
    const mainSubject = mentions.find(
      (m) =>
        m.end <= anaphorAt &&
        isActor(m) &&
        m.kind !== 'person' &&
        /,\s+(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\p{Ll}\d-]+\s+){0,2}$/u.test(sentence.slice(0, m.start)) &&
        /^\s+(?:(?:is|was|has|had|will|would|now|also|then)\s+)*\p{Ll}/u.test(sentence.slice(m.end)),
    );
    if (mainSubject) return [mainSubject.entityId];
    // "Beta's Game A goes on sale in June. It will start at $40.": the thing the last sentences were about.
    return discourse.recent !== undefined ? [discourse.recent] : [...discourse.subject];
  }
  // "The committee has received dozens": a name whose own head is the anaphor's ("the Joint Committee on
  // Example") is what it stands for, before the latest entity of the right kind.
  const head = anaphor?.byHead ? headNoun(subject) : undefined;
  if (head !== undefined) {
    const named = [...mentions.filter((m) => m.end <= anaphorAt), ...[...discourse.named].reverse()].find(
      (m) => isActor(m) && m.entityId.split('-').includes(head),
    );
    if (named) return [named.entityId];
  }
  for (const tier of kinds) {
    const earlier = mentions.filter((m) => m.end <= anaphorAt && tier.includes(m.kind)).at(-1);
    if (earlier) return [earlier.entityId];
    for (let i = discourse.named.length - 1; i >= 0; i--) {
      const named = discourse.named[i]!;
      if (tier.includes(named.kind)) return [named.entityId];
    }
  }
  return kinds.some((tier) => tier.includes('company')) ? [...discourse.subject] : [];
}

/**
 * The noun a definite description in a clause's subject ends on, in the form entity ids spell it ("the
 * committee" → "committee", "the regulator's board" → undefined): entity ids are slugs of their names.
 */
function headNoun(subject: string): string | undefined {
  const description = /^[Tt]he\s+(\p{Ll}+)\b(?!['’])/u.exec(subject);
  return description ? description[1] : undefined;
}

function isActor(mention: Pick<OwnerMention, 'kind'>): boolean {
  return ACTOR_KINDS.has(mention.kind);
}
