import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collapseWhitespace, sentencesOf, sentencesToCheck } from '@/src/page/page-sentences';

describe('sentencesOf', () => {
  it.each<[string, string[]]>([
    ['Azure grew 31%. Credo rose 300% in 2024.', ['Azure grew 31%.', 'Credo rose 300% in 2024.']],
    // Not an end: an abbreviation before a lower-case word, a decimal point, a title before a name.
    ['U.S. officials said $1.5 billion was spent.', ['U.S. officials said $1.5 billion was spent.']],
    ['Dr. Ruiz said 40 left. Then Acme Inc. hired 12.', ['Dr. Ruiz said 40 left.', 'Then Acme Inc. hired 12.']],
    ['It said "yes." Then 40 left!  2024 was next.', ['It said "yes."', 'Then 40 left!', '2024 was next.']],
    ['   Leading space. ', ['Leading space.']],
    ['No end at all', ['No end at all']],
  ])('%s', (text, expected) => {
    const sentences = sentencesOf(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    // Offsets are the block's: each sentence is found where it says it starts.
    for (const sentence of sentences)
      expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe('sentencesToCheck', () => {
  const text = 'TikTok pays Microsoft $30 million a month. TikTok is popular. Azure grew 31% in Q4.';
  const at = (name: string, entityId: string, from = 0) => {
    const start = text.indexOf(name, from);
    return { entityId, start, end: start + name.length };
  };

  it('keeps the sentences with a mention and a number, the mentions placed within them', () => {
    const mentions = [at('TikTok', 'tiktok'), at('Microsoft', 'microsoft'), at('TikTok', 'tiktok', 10)];
    const checked = sentencesToCheck(text, mentions, 2000);
    expect(checked.map((sentence) => sentence.text)).toEqual(['TikTok pays Microsoft $30 million a month.']);
    expect(checked[0]!.mentions).toEqual([
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'microsoft', start: 12, end: 21 },
    ]);
  });

  it('reads amounts written in words as numbers, and leaves out a sentence longer than the limit', () => {
    const words = 'Credo doubled its sales. Credo hired nine engineers.';
    const mention = (from: number) => ({
      entityId: 'credo',
      start: words.indexOf('Credo', from),
      end: words.indexOf('Credo', from) + 5,
    });
    expect(sentencesToCheck(words, [mention(0), mention(1)], 2000)).toHaveLength(2);
    expect(sentencesToCheck(words, [mention(0), mention(1)], 25)).toHaveLength(1);
  });

  it('sends nothing for a block without mentions', () => {
    expect(sentencesToCheck(text, [], 2000)).toEqual([]);
  });
});

describe('collapseWhitespace', () => {
  it('reads runs of white space as one space and maps offsets both ways', () => {
    const raw = 'about $240\n      million a year';
    const collapsed = collapseWhitespace(raw);
    expect(collapsed.text).toBe('about $240 million a year');
    const start = collapsed.text.indexOf('million');
    expect(raw.slice(collapsed.toRaw(start), collapsed.toRaw(start + 'million'.length))).toBe('million');
    expect(collapsed.fromRaw(raw.indexOf('million'))).toBe(start);
    // Inside the run, past its first character: the next word.
    expect(collapsed.fromRaw(raw.indexOf('\n') + 3)).toBe(start);
    expect(collapsed.fromRaw(raw.length)).toBe(collapsed.text.length);
  });

  it('maps every offset as a character-by-character walk does, on any text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z $\n\t]{0,40}$/), (raw) => {
        // The slow reading: one entry per kept character.
        const kept: number[] = [];
        let text = '';
        for (let index = 0; index < raw.length; index++) {
          const space = /\s/.test(raw[index]!);
          if (space && text.endsWith(' ') && index > 0 && /\s/.test(raw[index - 1]!)) continue;
          text += space ? ' ' : raw[index];
          kept.push(index);
        }
        const collapsed = collapseWhitespace(raw);
        expect(collapsed.text).toBe(text);
        for (const [offset, rawOffset] of kept.entries()) {
          expect(collapsed.toRaw(offset)).toBe(rawOffset);
          expect(collapsed.fromRaw(rawOffset)).toBe(offset);
        }
      }),
    );
  });
});
