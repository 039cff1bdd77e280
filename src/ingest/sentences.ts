/**
 * Splits article prose into sentences, keeping each sentence's offsets in the
 * source so later steps (mentions, figures) can point back into the article.
 *
 * The articles we ingest are pasted digests: headings without a full stop,
 * "- " bullet lines, "Label: text" leads, curly quotes and trailing "…". So a
 * line break always ends a sentence, and within a line we look for terminal
 * punctuation that is followed by something that can start a sentence.
 */

/** A sentence with its UTF-16 offsets in the source text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** One line of text, without its line terminator. */
const LINE = /[^\r\n\u2028\u2029]+/g;

/** A list marker at the start of a line: "- ", "• ", "* ", "– ". */
const BULLET = /^\s*(?:[-–—•*▪‣◦]\s+)?/u;

/**
 * Terminal punctuation: full stops, "?", "!", ellipses ("..." or "…"), with any
 * closing quotes or brackets that belong to the sentence they end, followed by
 * whitespace or the end of the line. Decimals ("$143.61") never match because
 * a digit follows the point. The lookbehind starts a match only at the first
 * mark of a run, which keeps "!?!?…x" linear.
 */
const TERMINATOR = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?=\s|$)/gu;

/**
 * Abbreviations written as one word with a final point. A point after them
 * ends a sentence only when a common sentence opener follows ("Apple Inc. The
 * company…"), not before a name or number ("Dr. Smith", "No. 5", "Jan. 12").
 */
const WORD_ABBREVIATIONS = new Set([
  'Inc',
  'Corp',
  'Ltd',
  'Co',
  'Bros',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'Mt',
  'Gen',
  'Sen',
  'Rep',
  'Gov',
  'Lt',
  'Col',
  'Capt',
  'No',
  'Nos',
  'Fig',
  'Dept',
  'Univ',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'vs',
  'etc',
  'approx',
  'est',
  'cf',
]);

/** Initials ("J", "F") and dotted abbreviations ("U.S", "e.g", "a.m"), seen without their final point. */
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)*\p{L}$/u;

/** Words that commonly begin a sentence; after an abbreviation they signal a real boundary. */
const SENTENCE_OPENERS = new Set([
  'The',
  'A',
  'An',
  'It',
  'Its',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'They',
  'Their',
  'We',
  'Our',
  'He',
  'His',
  'She',
  'Her',
  'I',
  'You',
  'In',
  'On',
  'At',
  'As',
  'For',
  'But',
  'And',
  'So',
  'Yet',
  'However',
  'Meanwhile',
  'Still',
  'Also',
  'After',
  'Before',
  'When',
  'While',
  'If',
  'Since',
  'According',
  'Then',
  'Now',
  'Today',
]);

/**
 * Splits `text` into trimmed, non-empty sentences with their offsets, so that
 * `text.slice(start, end) === sentence.text` for every sentence returned.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const line of text.matchAll(LINE)) {
    const lineStart = line.index;
    let start = lineStart + BULLET.exec(line[0])![0].length;
    for (const terminator of line[0].matchAll(TERMINATOR)) {
      const end = lineStart + terminator.index + terminator[0].length;
      if (end > start && endsSentence(text, lineStart + terminator.index, end)) {
        pushTrimmed(sentences, text, start, end);
        start = end;
      }
    }
    pushTrimmed(sentences, text, start, lineStart + line[0].length);
  }
  return sentences;
}

/** Whether the terminal punctuation at `text[start, end)` really ends a sentence. */
function endsSentence(text: string, start: number, end: number): boolean {
  const nextWord = /\s*(\S*)/y;
  nextWord.lastIndex = end;
  const following = nextWord.exec(text)?.[1] ?? '';
  if (following === '') return true;
  // Sentences do not begin in lower case: "e.g. the", "… and then", '"Why?" he asked'.
  if (/^\p{Ll}/u.test(following)) return false;
  if (text[start] === '.' && text.slice(start, end).replace(/["'”’»)\]]+$/u, '') === '.') {
    const before = /(?:^|\s)["'“‘«([]*(\S*)$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
    if (WORD_ABBREVIATIONS.has(before) || DOTTED_ABBREVIATION.test(before)) {
      return SENTENCE_OPENERS.has(following.replace(/[^\p{L}]+$/u, ''));
    }
  }
  return true;
}

/** Adds `text[start, end)` without surrounding whitespace, unless it holds no letter or digit. */
function pushTrimmed(sentences: SentenceSpan[], text: string, start: number, end: number): void {
  const segment = text.slice(start, end);
  if (!/[\p{L}\p{N}]/u.test(segment)) return;
  const leading = segment.length - segment.trimStart().length;
  const trimmed = segment.trim();
  sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
}
