import { describe, expect, it } from 'vitest';
import { clipBox, overlayStyleSheet } from '@/src/page/mark-overlay';

const STYLES = ['underline', 'tint', 'hover'] as const;

/** The declarations of the rule for `selector` in `css`. */
function rule(css: string, selector: string): string {
  const found = new RegExp(`^${selector.replace('.', '\\.')} \\{([^}]*)\\}`, 'm').exec(css);
  if (!found) throw new Error(`no rule for ${selector} in:\n${css}`);
  return found[1]!;
}

describe('the drawn marks’ stylesheet', () => {
  it('draws mentions as the painted marks look: a dotted underline, a tint, or nothing until pointed at', () => {
    expect(rule(overlayStyleSheet('underline'), '.m')).toContain('border-bottom: 2px dotted');
    expect(rule(overlayStyleSheet('tint'), '.m')).toContain('background-color');
    expect(rule(overlayStyleSheet('hover'), '.m')).toContain('display: none');
  });

  it.each(STYLES)('shows the active and the keyboard’s current mention in the %s style', (style) => {
    const css = overlayStyleSheet(style);
    expect(rule(css, '.a')).toMatch(/background-color.*border-bottom: 2px solid/);
    expect(rule(css, '.c')).toMatch(/background-color.*border-bottom: 2px solid/);
  });

  it('never catches the pointer, hides from print, and holds its ground against the page’s !important rules', () => {
    const css = overlayStyleSheet('underline');
    expect(rule(css, ':host')).toMatch(/all: initial !important/);
    expect(rule(css, ':host')).toMatch(/pointer-events: none !important/);
    expect(rule(css, 'div')).toContain('pointer-events: none');
    expect(css).toMatch(/@media print \{ :host \{ display: none !important; \} \}/);
  });

  it('does not blend with the page (a blended box costs Chromium a walk of the whole page)', () => {
    expect(overlayStyleSheet('tint')).not.toContain('mix-blend-mode');
  });
});

describe('cutting a box to what clips it', () => {
  const box = { left: 10, top: 100, right: 90, bottom: 120 };

  it('keeps a box that nothing clips, and drops an empty one', () => {
    expect(clipBox(box, null)).toEqual(box);
    expect(clipBox({ left: 10, top: 100, right: 10, bottom: 120 }, null)).toBeNull();
  });

  it('keeps the part inside a scrolling box', () => {
    expect(clipBox(box, { left: 0, top: 110, right: 50, bottom: 300 })).toEqual({
      left: 10,
      top: 110,
      right: 50,
      bottom: 120,
    });
  });

  it('drops a box scrolled out of its scrolling box, or just touching its edge', () => {
    expect(clipBox(box, { left: 0, top: 0, right: 500, bottom: 60 })).toBeNull();
    expect(clipBox(box, { left: 0, top: 0, right: 500, bottom: 100 })).toBeNull();
  });
});
