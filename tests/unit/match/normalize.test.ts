import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/src/match/normalize';

const char = fc.constantFrom('a', 'B', ' ', '\n', '\t', '\u00a0', '\u2019', "'", '\u0000', 'é', '字');

describe('normalizeText', () => {
  it("turns every whitespace run into one space and ’ into '", () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        expect(normalizeText(text).text).toBe(text.replace(/\s+/gu, ' ').replace(/\u2019/gu, "'"));
      }),
      { numRuns: 500 },
    );
  });

  it('maps each offset back to where that character starts in the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        const view = normalizeText(text);
        for (let index = 0; index < view.text.length; index++) {
          const original = view.original(index);
          const normalizedChar = view.text[index]!;
          const originalChar = text[original]!;
          if (normalizedChar === ' ') expect(originalChar).toMatch(/\s/u);
          else if (normalizedChar === "'") expect(originalChar).toMatch(/['\u2019]/u);
          else expect(originalChar).toBe(normalizedChar);
          // What follows a run in the normalised text follows the whole run in the original.
          if (index > 0 && view.text[index - 1] === ' ' && normalizedChar !== ' ') {
            expect(text[original - 1]).toMatch(/\s/u);
          }
        }
        expect(view.original(view.text.length)).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
