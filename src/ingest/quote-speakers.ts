/**
 * Who is speaking in each sentence of a story, when the sentence is part of a quotation attributed to a
 * named person (“… of my 1,000 followers, five swiped away,” said Jane Roe). A figure the quotation gives
 * to "I" or "my" is the speaker's, and the attribution often comes a sentence or two after the figure, so
 * this reads the whole story before the owners are decided. Plain sentences and mentions in, one entity id
 * (or nothing) per sentence out.
 */
import type { OwnerMention } from './owners';

/** One sentence of the story and the entities named in it. */
export interface QuotedSentence {
  text: string;
  mentions: readonly OwnerMention[];
}

/** A verb that attributes a quotation. */
const SAYS = String.raw`(?:said|says|added|adds|wrote|writes|explained|explains|recalled|recalls|told\s+\S+)`;

/** `”, said ` before a name: the name after it is the speaker. */
const SAID_BEFORE_NAME = new RegExp(String.raw`[”"]\s*,?\s*${SAYS}\s+(?:\p{Ll}+\s+){0,3}$`, 'u');
/** `”, ` before a name, and ` said` after it. */
const QUOTE_BEFORE_NAME = /[”"]\s*,?\s*$/u;
const SAID_AFTER_NAME = new RegExp(String.raw`^\s+${SAYS}\b`, 'u');

/**
 * The speaker of each sentence: the person a quotation is attributed to, for every sentence from the one
 * that opens the quotation to the one whose closing quotation mark the attribution follows.
 */
export function quoteSpeakers(sentences: readonly QuotedSentence[]): (string | undefined)[] {
  const speakers: (string | undefined)[] = sentences.map(() => undefined);
  let openedAt: number | undefined;
  for (const [index, sentence] of sentences.entries()) {
    const opensHere = openedAt === undefined && /^\s*[“"]/u.test(sentence.text);
    if (opensHere) openedAt = index;
    const speaker = attributedSpeaker(sentence);
    if (speaker !== undefined) {
      for (let i = openedAt ?? index; i <= index; i++) speakers[i] = speaker;
      openedAt = undefined;
      continue;
    }
    // A quotation that closes without a named speaker ends here; one still open runs into the next sentence.
    if (openedAt !== undefined && closesQuote(sentence.text, opensHere)) openedAt = undefined;
  }
  return speakers;
}

/** The person a closing quotation mark in the sentence is attributed to: `”, said Jane Roe` or `” Jane Roe said`. */
function attributedSpeaker({ text, mentions }: QuotedSentence): string | undefined {
  for (const mention of mentions) {
    if (mention.kind !== 'person') continue;
    const before = text.slice(0, mention.start);
    const after = text.slice(mention.end);
    if (SAID_BEFORE_NAME.test(before)) return mention.entityId;
    if (QUOTE_BEFORE_NAME.test(before) && SAID_AFTER_NAME.test(after)) return mention.entityId;
  }
  return undefined;
}

/**
 * Whether the sentence ends the quotation open in it: a closing curly mark after the last opening one,
 * or straight marks that pair up with the one that opened it.
 */
function closesQuote(text: string, opensHere: boolean): boolean {
  if (text.includes('”') || text.includes('“')) return text.lastIndexOf('”') > text.lastIndexOf('“');
  const straight = text.split('"').length - 1;
  return opensHere ? straight >= 2 && straight % 2 === 0 : straight % 2 === 1;
}
