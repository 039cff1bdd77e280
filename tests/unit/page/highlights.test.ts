import { describe, expect, it } from 'vitest';
import {
  ACTIVE_HIGHLIGHT,
  CURRENT_HIGHLIGHT,
  highlightStyleSheet,
  MENTION_HIGHLIGHT,
} from '../../../src/page/highlights';

describe('highlightStyleSheet', () => {
  it('underlines mentions with a dotted line by default', () => {
    const css = highlightStyleSheet('underline');
    expect(css).toMatch(new RegExp(`::highlight\\(${MENTION_HIGHLIGHT}\\) \\{[^}]*text-decoration-style: dotted`));
  });

  it('tints mentions in the tint style', () => {
    expect(highlightStyleSheet('tint')).toMatch(new RegExp(`::highlight\\(${MENTION_HIGHLIGHT}\\) \\{[^}]*background`));
  });

  it('paints nothing for mentions in the hover style, only the one under the pointer', () => {
    const css = highlightStyleSheet('hover');
    expect(css).not.toContain(`::highlight(${MENTION_HIGHLIGHT})`);
    expect(css).toContain(`::highlight(${ACTIVE_HIGHLIGHT})`);
  });

  it.each(['underline', 'tint', 'hover'] as const)('marks the keyboard’s current mention in the %s style', (style) => {
    expect(highlightStyleSheet(style)).toContain(`::highlight(${CURRENT_HIGHLIGHT})`);
  });

  it.each(['underline', 'tint', 'hover'] as const)('uses only properties ::highlight() supports (%s)', (style) => {
    const properties = [...highlightStyleSheet(style).matchAll(/([a-z-]+):\s/g)].map((match) => match[1]);
    const supported = /^(color|background-color|text-decoration(-line|-style|-color|-thickness)?|text-shadow)$/;
    expect(properties.filter((property) => !supported.test(property!))).toEqual([]);
  });
});
