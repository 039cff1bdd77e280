import { describe, expect, it } from 'vitest';
import { boundaryKind, boundaryKindByProperties } from '@/src/match/boundary';

describe('boundary kinds', () => {
  it('give every ASCII character the kind its Unicode properties give it', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => code);
    expect(ascii.map(boundaryKind)).toEqual(ascii.map(boundaryKindByProperties));
  });

  it.each([
    ['A', 'Latin'],
    ['z', 'Latin'],
    ['7', 'any'],
    [' ', 'free'],
    ["'", 'free'],
    ['-', 'free'],
    ['é', 'Latin'],
    ['ж', 'Cyrillic'],
    ['א', 'Hebrew'],
    ['中', 'free'],
    ['\u0301', 'any'],
  ])('%j is %s', (char, kind) => {
    expect(boundaryKind(char.codePointAt(0)!)).toBe(kind);
  });
});
