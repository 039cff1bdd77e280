/**
 * Removes from an article's text what is not the article: photo captions and credits, screen-reader
 * link text, print references, section labels and kickers, datelines, bylines and sign-offs,
 * advertisement and newsletter lines, "Most Read"-style lists of teasers and stock-ticker widgets.
 *
 * Pages reach us through an extractor (_Add this page_) or a paste, and both keep whatever the page's
 * article element held. Everything that reads the text (sentences, mentions, figures, the summary)
 * should see only the prose, or a caption becomes the summary and a credit's agency becomes an owner.
 *
 * Every decision is made from the shape of a paragraph (one line): how long it is, whether it ends
 * like a sentence, whether it is all capitals, whether it opens with a credit word, whether it sits in
 * a run of title-like lines. Nothing here knows a site. Pure and linear in the text's length.
 */

/** The cleaned text and every piece taken out of it, in order (for tests and for a reviewer's eye). */
export interface CleanedArticle {
  text: string;
  removed: string[];
}

/** Sentence-ending punctuation at the end of a paragraph, with any closing quotes or brackets. */
// Full stops of CJK, Arabic and Devanagari text count too, or every paragraph of such text would look like a label.
const ENDS_LIKE_SENTENCE = /[.!?…。！？．؟।]["'”’»)\]」』）]*$/u;

/** Soft hyphens: invisible in a browser, but they split words for every matcher. */
const SOFT_HYPHEN = /\u00ad/g;

/**
 * Link text meant for screen readers that extraction glues to the word before it ("saidOpens a new
 * window"), or leaves in brackets. Only the capitalised, glued or bracketed forms: "the store opens a
 * new window display" is prose.
 */
const SCREEN_READER_TEXT =
  /(?<=\S)Opens (?:in )?(?:a )?new (?:window|tab)|(?<!\s)\s*\((?:[Oo]pens|[Oo]pen) (?:in )?(?:a )?new (?:window|tab)\)/g;

/**
 * A market-data instrument code after a name: "U.S. crude CLc1", "the Dow Jones Industrial Average .DJI", "10-year
 * notes US10YT=RR", "the euro EUR=". Codes of this shape (a leading dot, an equals sign, a continuation month
 * "c1") are no words of any language, and left in they become names ("RR") or glue to real ones ("Brent LCOc1").
 */
const INSTRUMENT_CODE = /(?<=\S) (?:\.[A-Z][A-Z\d]{1,14}|[A-Z][A-Z\d]{0,9}=[A-Z]{0,3}|[A-Z]{2,4}c\d)(?=[\s,;:)]|$)/gu;

/** "Advertisement" glued after the end of a sentence by extraction ("…said.Advertisement"). */
const GLUED_ADVERTISEMENT = /(?<=[.!?”"])Advertisement\b/g;

/**
 * A credit or caption label opening a paragraph: "Photo: …", "Image credit: Getty", "(Image credit: …)",
 * "Main image credit: …", "Photograph by …", "Credit: …", "CreditJane Roe" (the label glued to the name),
 * "Illustration: …", "Video: …".
 */
const CREDIT_OPENING =
  /^\(?(?:(?:main |top |header |lead |featured )?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|videos?)(?: credits?)?\s*(?::|by\b)|credits?\s*:|credit(?=\p{Lu})|source\s*:|caption\s*:)/iu;

/** A credit that ends a caption: "… in Queens. (AP Photo/Jane Roe)", "… two years. Source: Supplied", "….CreditJane Roe". */
const CREDIT_ENDING =
  /(?:\((?:[\p{Lu}][\p{L}]* )?Photo\/[^()]{1,80}\)|\b(?:Photo(?:graph)?|Image|Picture)(?: credit)?: [^.!?]{1,80}|[.!?”"]\s*Source: [^.!?]{1,60}|[.!?”"]Credit\s?\p{Lu}[^.!?]{0,80})$/u;

/** Words that make a short unpunctuated paragraph a piece of page furniture whatever else it says. */
const FURNITURE =
  /^(?:advertisement|skip advertisement|caption|close|share|share this|image|photo|continue reading(?: the main story)?|sign up|subscribe|read more|see more|show more|listen|print|email|comments?)$/i;

/** "A version of this article appears in print on …": the print edition's reference. */
const PRINT_REFERENCE = /^A version of this (?:article|story) appear(?:s|ed) in print\b/i;

/** A page reference on its own: "Page B7", "Page 12". */
const PAGE_REFERENCE = /^Page [A-Z]?\d{1,3}$/;

/** Author sign-offs and contact lines: "Follow him on Twitter @…", "Contact the author at …@…", "email her at …". */
const SIGN_OFF =
  /\b(?:follow (?:him|her|them|me|us|the author)\b[^.]{0,40}\b(?:twitter|x|instagram|facebook|threads|bluesky|linkedin)\b|contact (?:the )?(?:author|writer|reporter)\b|e-?mail (?:him|her|them|me|the author) at\b)/i;

/** An e-mail address: a paragraph that gives one is a sign-off or a contact line, not the story. */
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i;

/** A paragraph that is only a web address or a handle. */
const ADDRESS_ONLY = /^(?:(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?|@\w+)$/i;

/** A byline: "By Jane Roe", "By Jane Roe and John Doe, Staff Writers". */
const BYLINE = /^By \p{Lu}[\p{L}'’.-]*(?:[ ,]+(?:and |& )?\p{Lu}[\p{L}'’.-]*){0,8}$/u;

/** "© Provided by Some Publisher …": a syndication credit glued to the front of a caption or a paragraph. */
const PROVIDED_BY = /^©\s*Provided by\s+/u;

/** Words that end a publisher's name in a "© Provided by" credit. */
const CORPORATE_SUFFIX = /^(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Co|Group|Media|News|plc|PLC)\.?,?$/;

/**
 * An all-capitals dateline opening a paragraph: "BERLIN —", "SAN FRANCISCO (AP) —", "DUBAI, United Arab
 * Emirates —", "NEW YORK, Nov. 20 (Reuters) -". One capitalised word must be four letters or more (or there
 * must be several), so an acronym opening a sentence ("IBM — the company…") stays; the sentence after the
 * dash must start like a sentence.
 */
const CAPS_DATELINE =
  /^(?:\p{Lu}{4}[\p{Lu}.'’-]*|\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+)+)(?:, [\p{L}\d.'’ ]{1,40})?(?: \([\p{L} ]{1,30}\))? ?(?:—|–|--|-) ?(?=["“‘'\p{Lu}\d])/u;

/**
 * A news agency's name in brackets opening the first paragraph, as a dateline without the place: "(CNN)President
 * Trump …" (often glued to the first word), "(Reuters) - Shares …". A short name of capitalised words only.
 */
const AGENCY_DATELINE =
  /^\(\p{Lu}[\p{L}.&]{1,15}(?: \p{Lu}[\p{L}.&]{1,15}){0,2}\) ?(?:(?:—|–|--|-) ?)?(?=["“‘'\p{Lu}])/u;

/**
 * A title-case dateline ending in a colon, with its parts separated by commas: "Washington, DC, United
 * States:". The comma keeps "Analysis: …" or "Why it matters: …" labels out.
 */
const PLACE_DATELINE =
  /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}){1,3}: (?=["“‘'\p{Lu}\d])/u;

/**
 * A title-case dateline with a spaced dash: "Indianapolis – Several thousand…", "Palo Alto, Calif. — Acme…". At
 * most three words before any comma, each capitalised with the rest lower case (so "IBM — the company…" and
 * "Acme Corp — Beta…" stay to the caps rule and to themselves), and no second spaced dash after it, which would
 * make the pair an aside ("Acme — the maker — said").
 */
const TITLE_DATELINE =
  /^\p{Lu}\p{Ll}[\p{Ll}.'’-]*(?: \p{Lu}\p{Ll}[\p{Ll}.'’-]*){0,2}(?:, \p{Lu}[\p{L}.'’]*(?: \p{Lu}[\p{L}.'’]*)?)? (?:—|–|--) (?=\p{Lu})(?![^—–]* (?:—|–|--) )/u;

/**
 * A newsletter's or a publisher's own call to the reader: "Sign up for the free daily newsletter", "To order
 * copies … visit http://…". A paragraph that asks the reader to sign up, subscribe or visit a web address is
 * the page's, not the story's.
 */
const CALL_TO_READER =
  /\b(?:sign up|subscribe)\b[^.!?]{0,80}\b(?:newsletter|inbox|briefing|today)\b|\b(?:visit|go to|click)\b:?\s+(?:https?:\/\/|www\.)/i;
/** Longest paragraph read as a call to the reader: a story's paragraph that mentions a newsletter is longer. */
const CALL_MAX_WORDS = 60;

/** Headings that open a list of links to other stories ("Most Read Business Stories", "Related", "Other Opinion Columns"). */
const LIST_HEADING =
  /^(?:most (?:read|popular|viewed|shared|emailed)\b|related\b|read (?:more|next|also)\b|more (?:from|on|in|stories|news|like this)\b|recommended\b|you (?:may|might) also\b|trending\b|top stories\b|latest (?:news|stories)\b|other\b.*\b(?:columns|stories|news|articles|opinions?)$|editors'? picks\b|further reading\b|see also\b)/i;

/** A ticker widget: "AAPL +1.23 (0.45%)", "DIS 148.72 -0.35 (-0.24%)". */
const TICKER_SYMBOL = /(?:^|[\s(:])\p{Lu}{1,5}(?=[\s):]|$)/u;
const SIGNED_CHANGE = /(?:^|\s|\()[+\-−]\s?\d[\d.,]*%?|(?<![\d.,])\d[\d.,]*%\)?$/u;

/** Paragraphs of this many words or fewer, unpunctuated, are labels, headings or furniture. */
const LABEL_MAX_WORDS = 4;
/** A run of this many unpunctuated paragraphs in a row, not introduced by a colon, is a list of teasers. */
const TEASER_RUN = 3;

/** What one paragraph is, as the cleaner sees it. */
type Verdict = { keep: false } | { keep: true; text: string };

/** Remove from `text` what is not the article's prose; `removed` lists what went, piece by piece. */
export function cleanArticleText(text: string): CleanedArticle {
  const removed: string[] = [];
  const kept: string[] = [];
  /** Indices in `kept` of the paragraphs in the current run of unpunctuated ones. */
  let run: number[] = [];
  /** Whether the run opened after a paragraph ending in a colon ("He said:"): then it is the article's own list. */
  let runIntroduced = false;
  let inTeaserList = false;

  const drop = (piece: string) => {
    if (piece.trim()) removed.push(piece.trim());
  };
  const endRun = () => {
    if (!runIntroduced && run.length >= TEASER_RUN) {
      for (const index of run) {
        drop(kept[index]!);
        kept[index] = '';
      }
    }
    run = [];
  };

  for (const rawLine of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = stripInline(rawLine, drop);
    const trimmed = line.trim();
    if (!trimmed) {
      kept.push('');
      continue;
    }

    if (inTeaserList) {
      if (isTeaser(trimmed)) {
        drop(trimmed);
        continue;
      }
      inTeaserList = false;
    }
    if (isListHeading(trimmed)) {
      endRun();
      drop(trimmed);
      inTeaserList = true;
      continue;
    }

    // After "The five are:" short unpunctuated lines are the article's own list, not labels.
    const inList = runIntroduced && !ENDS_LIKE_SENTENCE.test(trimmed);
    const verdict = judgeParagraph(trimmed, drop, inList);
    if (!verdict.keep) {
      // A credit standing alone under an unpunctuated paragraph names that paragraph a caption.
      if (isCredit(trimmed)) dropCaptionAbove(kept, run, drop);
      continue;
    }

    const paragraph = verdict.text;
    if (ENDS_LIKE_SENTENCE.test(paragraph) || paragraph.endsWith(':')) {
      endRun();
      runIntroduced = paragraph.endsWith(':');
    } else {
      run.push(kept.length);
    }
    kept.push(paragraph);
  }
  endRun();

  const cleaned = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Never nothing: a text the rules would empty whole is one they do not understand (a language or a kind of
  // page they were not made for), and the whole text says more than none.
  if (!cleaned && text.trim()) return { text: text.trim(), removed: [] };
  return { text: cleaned, removed };
}

/** Soft hyphens, screen-reader link text, glued "Advertisement" and instrument codes out of one line. */
function stripInline(line: string, drop: (piece: string) => void): string {
  return line
    .replace(SOFT_HYPHEN, '')
    .replace(SCREEN_READER_TEXT, (match) => {
      drop(match);
      return '';
    })
    .replace(GLUED_ADVERTISEMENT, (match) => {
      drop(match);
      return '';
    })
    .replace(INSTRUMENT_CODE, (match) => {
      drop(match);
      return '';
    });
}

/** Keep, trim or drop one non-empty paragraph. */
function judgeParagraph(paragraph: string, drop: (piece: string) => void, inList: boolean): Verdict {
  const words = wordCount(paragraph);
  const sentenceLike = ENDS_LIKE_SENTENCE.test(paragraph);
  const gone = (): Verdict => {
    drop(paragraph);
    return { keep: false };
  };

  if (isCredit(paragraph) || CREDIT_ENDING.test(paragraph)) return gone();
  if (PRINT_REFERENCE.test(paragraph) || PAGE_REFERENCE.test(paragraph)) return gone();
  if (SIGN_OFF.test(paragraph) || (EMAIL.test(paragraph) && words <= 60) || ADDRESS_ONLY.test(paragraph)) return gone();
  if (!sentenceLike && (BYLINE.test(paragraph) || FURNITURE.test(paragraph))) return gone();
  if (words <= CALL_MAX_WORDS && CALL_TO_READER.test(paragraph)) return gone();
  if (isAllCaps(paragraph) || isTicker(paragraph, words)) return gone();
  // Short unpunctuated lines are section labels, kickers, dates and widget captions ("Pros", "Hardware",
  // "March 13, 2015 9:00PM"); a line ending in a colon introduces what follows and stays.
  if (!sentenceLike && !inList && !paragraph.endsWith(':') && words <= LABEL_MAX_WORDS) return gone();
  // "Label: a few words" with no sentence after it: "From: The Daily", "Gallery: Phone X | 14 Photos".
  if (!sentenceLike && /^[^\s:]+(?: [^\s:]+){0,2}: /u.test(paragraph) && words <= 10) return gone();

  let text = paragraph;
  const provided = PROVIDED_BY.exec(text);
  if (provided) {
    const rest = afterProvidedCredit(text.slice(provided[0].length));
    drop(text.slice(0, text.length - rest.length));
    if (!rest.trim()) return { keep: false };
    text = rest;
  } else if (text.startsWith('©')) {
    return gone();
  }

  const dateline =
    CAPS_DATELINE.exec(text) ?? PLACE_DATELINE.exec(text) ?? TITLE_DATELINE.exec(text) ?? AGENCY_DATELINE.exec(text);
  if (dateline && dateline[0].length < text.length) {
    drop(dateline[0]);
    text = text.slice(dateline[0].length);
  }
  return { keep: true, text };
}

/** A paragraph that is only a credit: "Photo: …", "(Image credit: …)", "Source: Supplied", "(Walt Example Co.)". */
function isCredit(paragraph: string): boolean {
  if (CREDIT_OPENING.test(paragraph) && wordCount(paragraph) <= 20) return true;
  // A short paragraph wholly in brackets, with no verb-like lower-case run, sits under a photo.
  return /^\([^()]{1,60}\)$/u.test(paragraph) && !/\b\p{Ll}+ \p{Ll}+ \p{Ll}+\b/u.test(paragraph);
}

/**
 * The paragraph just above a lone credit is its caption when it does not end like a sentence ("Jane
 * Roe, the company's founder, at her desk" then "(Example Co.)").
 */
function dropCaptionAbove(kept: string[], run: number[], drop: (piece: string) => void): void {
  for (let index = kept.length - 1; index >= 0; index--) {
    const paragraph = kept[index]!;
    if (!paragraph) continue;
    if (!ENDS_LIKE_SENTENCE.test(paragraph) && !paragraph.endsWith(':')) {
      drop(paragraph);
      kept[index] = '';
      const inRun = run.indexOf(index);
      if (inRun >= 0) run.splice(inRun, 1);
    }
    return;
  }
}

/**
 * The prose after a "© Provided by" credit. The credit is the publisher's name and often a photo credit
 * ("Business Insider Inc Nintendo/Apple"): a run of capitalised words. The prose starts after the last
 * word with a slash (a photo credit) or, failing that, after the last corporate suffix; failing both, at
 * the run's last capitalised word, the one that starts the sentence.
 */
function afterProvidedCredit(text: string): string {
  const words = [...text.matchAll(/\S+/g)];
  let runEnd = 0;
  while (runEnd < words.length && /^[\p{Lu}\d&]/u.test(words[runEnd]![0])) runEnd++;
  if (runEnd === words.length) return '';
  let cut = -1;
  for (let i = 0; i < runEnd; i++) if (words[i]![0].includes('/')) cut = i;
  if (cut < 0) for (let i = 0; i < runEnd; i++) if (CORPORATE_SUFFIX.test(words[i]![0])) cut = i;
  if (cut < 0) cut = runEnd - 2;
  const start = cut + 1 < words.length ? words[cut + 1]!.index : text.length;
  return text.slice(start);
}

/** "SIGN UP FOR OUR NEWSLETTER", "JANE ROE IS THE EXAMPLE NETWORK'S POLITICAL EDITOR": no lower-case letter at all. */
function isAllCaps(paragraph: string): boolean {
  const letters = paragraph.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && !/\p{Ll}/u.test(paragraph);
}

/** A stock-ticker widget line: a symbol, a signed change or a percentage, and hardly any prose words. */
function isTicker(paragraph: string, words: number): boolean {
  if (words > 12 || ENDS_LIKE_SENTENCE.test(paragraph)) return false;
  const lowerWords = paragraph.match(/(?:^|\s)\p{Ll}+/gu)?.length ?? 0;
  return lowerWords < 2 && TICKER_SYMBOL.test(paragraph) && SIGNED_CHANGE.test(paragraph);
}

function isListHeading(paragraph: string): boolean {
  return !ENDS_LIKE_SENTENCE.test(paragraph) && wordCount(paragraph) <= 6 && LIST_HEADING.test(paragraph);
}

/**
 * Inside a list of other stories: a teaser's title (no sentence punctuation) or its blurb, which such
 * lists open with the columnist's name in capitals ("JANE ROE IT was said that…").
 */
function isTeaser(paragraph: string): boolean {
  if (!ENDS_LIKE_SENTENCE.test(paragraph) && wordCount(paragraph) <= 20) return true;
  return /^\p{Lu}{2,}[\p{Lu}'’.-]*\s/u.test(paragraph);
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
