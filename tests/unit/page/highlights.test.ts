import { describe, expect, it } from 'vitest';
import {
  ACTIVE_HIGHLIGHT,
  CURRENT_HIGHLIGHT,
  highlightRules,
  highlightStyleSheet,
  MENTION_HIGHLIGHT,
} from '../../../src/page/highlights';

const STYLES = ['underline', 'tint', 'hover'] as const;

describe('highlight style rules', () => {
  it('underline mentions with a dotted line by default', () => {
    expect(highlightRules('underline', 'p')).toContainEqual(
      expect.stringMatching(
        new RegExp(`^p::highlight\\(${MENTION_HIGHLIGHT}\\) \\{[^}]*text-decoration-style: dotted`),
      ),
    );
  });

  it('tint mentions in the tint style', () => {
    expect(highlightRules('tint', 'p')).toContainEqual(
      expect.stringMatching(new RegExp(`^p::highlight\\(${MENTION_HIGHLIGHT}\\) \\{[^}]*background-color`)),
    );
  });

  it('paint nothing for mentions in the hover style, only the one under the pointer', () => {
    const css = highlightStyleSheet('hover', ['p', 'a']);
    expect(css).not.toContain(`::highlight(${MENTION_HIGHLIGHT})`);
    expect(css).toContain(`p::highlight(${ACTIVE_HIGHLIGHT})`);
    expect(css).toContain(`a::highlight(${ACTIVE_HIGHLIGHT})`);
  });

  it.each(STYLES)('mark the keyboard’s current mention in the %s style', (style) => {
    expect(highlightStyleSheet(style, ['li'])).toContain(`li::highlight(${CURRENT_HIGHLIGHT})`);
  });

  it('reach only the kinds of element that hold marks, and text straight in a shadow root through its host', () => {
    const css = highlightStyleSheet('underline', ['p', ':host']);
    const selectors = [...css.matchAll(/^(\S+)::highlight/gm)].map((match) => match[1]);
    expect(new Set(selectors)).toEqual(new Set(['p', ':host']));
    expect(highlightStyleSheet('underline', [])).toBe('');
  });

  it.each(STYLES)('use only properties ::highlight() supports (%s)', (style) => {
    const properties = [...highlightStyleSheet(style, ['p']).matchAll(/([a-z-]+):\s/g)].map((match) => match[1]);
    const supported = /^(color|background-color|text-decoration(-line|-style|-color|-thickness)?|text-shadow)$/;
    expect(properties.length).toBeGreaterThan(0);
    expect(properties.filter((property) => !supported.test(property!))).toEqual([]);
  });
});
