import { describe, expect, it } from 'vitest';
import {
  ACTIVE_HIGHLIGHT,
  CURRENT_HIGHLIGHT,
  FIGURE_HIGHLIGHTS,
  highlightRules,
  highlightStyleSheet,
  markSelector,
  MENTION_HIGHLIGHT,
  pathSelector,
  placeRulesAllowed,
  PLACE_RULES_PER_TAG,
  TAG_RULE_LIMIT,
  type ElementCounts,
} from '@/src/page/highlights';

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

  it('underline checked figures by verdict, told apart by the line as well as its colour', () => {
    const css = highlightStyleSheet('underline', [], ['p']);
    const styleOf = (name: string) =>
      new RegExp(`p::highlight\\(${name}\\) \\{[^}]*text-decoration-style: (\\w+)`).exec(css)?.[1];
    expect([
      styleOf(FIGURE_HIGHLIGHTS.agrees),
      styleOf(FIGURE_HIGHLIGHTS.close),
      styleOf(FIGURE_HIGHLIGHTS.differs),
    ]).toEqual(['solid', 'dashed', 'wavy']);
    expect(highlightStyleSheet('tint', [], ['p'])).toContain(`p::highlight(${FIGURE_HIGHLIGHTS.differs})`);
    // The hover style draws nothing until the pointer is there: figures neither.
    expect(highlightStyleSheet('hover', ['p'], ['p'])).not.toContain('factlens-figure');
  });

  it.each(STYLES)(
    'give an element holding only mentions at most three rules in the %s style, none for figures',
    (style) => {
      // Each rule costs the browser a look at every element of the page when it is added.
      expect(highlightRules(style, 'p').length).toBeLessThanOrEqual(3);
      expect(highlightStyleSheet(style, ['p'])).not.toContain('factlens-figure');
    },
  );

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

describe('the selector that reaches a mark', () => {
  const element = (html: string): Element => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild!;
  };
  const counts = (tags: Record<string, number>, classes: Record<string, number> = {}): ElementCounts => ({
    all: () => Object.values(tags).reduce((sum, count) => sum + count, 0),
    tag: (name) => tags[name] ?? 0,
    className: (name) => classes[name] ?? 0,
  });

  it('is the tag while a rule for the tag restyles few elements', () => {
    expect(markSelector(element('<p id="lead" class="intro">x</p>'), counts({ p: TAG_RULE_LIMIT }))).toBe('p');
  });

  it('is the element’s path when the tag is crowded and the element has no id, while paths are allowed', () => {
    document.body.innerHTML = '<main><p>a</p><div><p class="x">b</p><p class="x">target</p></div></main>';
    const target = document.querySelectorAll('p')[2]!;
    const selector = markSelector(target, counts({ p: 40_000 }, { x: 2 }), true);
    expect([...document.querySelectorAll(selector!)]).toEqual([target]);
    expect(markSelector(target, counts({ p: 40_000 }, { x: 2 }), false)).toBe('p.x');
  });

  it('is the id on a page with thousands of elements of that tag', () => {
    expect(markSelector(element('<p id="lead" class="intro">x</p>'), counts({ p: 40_000 }))).toBe('#lead');
  });

  it('is the rarest class when the element has no id and the tag is crowded', () => {
    const paragraph = element('<p class="body-text story-lede">x</p>');
    const selector = markSelector(paragraph, counts({ p: 40_000 }, { 'body-text': 39_000, 'story-lede': 3 }));
    expect(selector).toBe('p.story-lede');
  });

  it('is none (the mark is drawn) when the tag is crowded and no id, place or class narrows it enough', () => {
    expect(markSelector(element('<p class="text">x</p>'), counts({ p: 40_000 }, { text: 40_000 }))).toBeNull();
    expect(markSelector(element('<b>x</b>'), counts({ b: 100_000 }))).toBeNull();
    // A class rarer than the tag but still on thousands of elements would restyle them all.
    expect(
      markSelector(element('<p class="row">x</p>'), counts({ p: 40_000 }, { row: TAG_RULE_LIMIT + 1 })),
    ).toBeNull();
    expect(markSelector(element('<p class="row">x</p>'), counts({ p: 40_000 }, { row: TAG_RULE_LIMIT }))).toBe('p.row');
  });

  it('escapes ids and classes a page may name with any characters', () => {
    expect(markSelector(element('<li id="1:a b">x</li>'), counts({ li: 9_000 }))).toBe('#\\31 \\:a\\ b');
  });

  it('reaches text straight in a shadow root through its host', () => {
    expect(markSelector(null, counts({}))).toBe(':host');
  });
});

describe('the path of an element', () => {
  it('matches that element alone, from the nearest ancestor with an id or from the root', () => {
    document.body.innerHTML =
      '<div id="story"><section><p>one</p><p>two <b>bold</b></p></section></div><ul><li>a</li><li>b <i>c</i></li></ul>';
    for (const element of document.querySelectorAll('p, b, li, i, section')) {
      expect([...document.querySelectorAll(pathSelector(element))]).toEqual([element]);
    }
    expect(pathSelector(document.querySelector('b')!)).toMatch(/^#story > /);
    expect(pathSelector(document.querySelector('i')!)).toMatch(/^:root > body:nth-child\(2\) > /);
  });

  it('stops matching once the page puts an element before it, and the new path matches it again', () => {
    document.body.innerHTML = '<article><p>first</p><p>marked</p></article>';
    const marked = document.querySelectorAll('p')[1]!;
    const before = pathSelector(marked);
    marked.before(document.createElement('aside'));
    expect(marked.matches(before)).toBe(false);
    expect([...document.querySelectorAll(pathSelector(marked))]).toEqual([marked]);
  });
});

describe('rules for places on a page', () => {
  it.each([
    [3_000, PLACE_RULES_PER_TAG],
    [5_000, PLACE_RULES_PER_TAG],
    [10_000, 4],
    [25_000, 1],
    [50_000, 0],
  ])('a page of %i elements allows %i per tag', (elements, allowed) => {
    expect(placeRulesAllowed(elements)).toBe(allowed);
  });
});
