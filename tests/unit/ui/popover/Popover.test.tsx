import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { EntityDetails } from '@/src/messages/schema';
import { Popover, PopoverMessage, popoverAnnouncement } from '@/src/ui/popover/Popover';
import { bareDetails, credoDetails, markupDetails, microsoftDetails, tiktokDetails, XSS_TITLE } from './fixtures';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function show(details: EntityDetails, overrides: Partial<Parameters<typeof Popover>[0]> = {}) {
  const handlers = { onOpenStory: vi.fn(), onMute: vi.fn(), onClose: vi.fn() };
  act(() => {
    render(<Popover details={details} {...handlers} {...overrides} />, container);
  });
  return handlers;
}

function dialog(): HTMLElement {
  const element = container.querySelector<HTMLElement>('[role="dialog"]');
  if (!element) throw new Error('no dialog rendered');
  return element;
}

function buttonNamed(name: string | RegExp): HTMLButtonElement {
  const buttons = [...container.querySelectorAll('button')];
  const found = buttons.find((button) => {
    const label = button.getAttribute('aria-label') ?? button.textContent ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button named ${String(name)}`);
  return found;
}

function figureToggle(value: string): HTMLButtonElement {
  const toggle = [...container.querySelectorAll<HTMLButtonElement>('.fl-figure-toggle')].find(
    (button) => button.querySelector('.fl-value')?.textContent === value,
  );
  if (!toggle) throw new Error(`no figure shown as ${value}`);
  return toggle;
}

function click(element: HTMLElement) {
  act(() => element.click());
}

async function axeViolations(root: Element) {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`);
}

describe('fixtures', () => {
  it.each([
    ['TikTok', tiktokDetails],
    ['Microsoft', microsoftDetails],
    ['Credo', credoDetails],
    ['a bare entity', bareDetails],
  ])('%s matches the EntityDetails schema', (_name, details) => {
    expect(EntityDetails.safeParse(details).success).toBe(true);
  });
});

describe('Popover', () => {
  it('is a dialog titled with the entity name and described by its description', () => {
    show(tiktokDetails);
    const element = dialog();
    const title = container.querySelector(`#${CSS.escape(element.getAttribute('aria-labelledby')!)}`);
    const description = container.querySelector(`#${CSS.escape(element.getAttribute('aria-describedby')!)}`);
    expect(title?.textContent).toBe('TikTok');
    expect(description?.textContent).toBe(
      'Short-video platform owned by ByteDance, and a large buyer of AI cloud computing.',
    );
    expect(container.querySelector('.fl-kind')?.textContent).toBe('Company');
  });

  it('shows each figure compactly with its hedge and period in words', () => {
    show(tiktokDetails);
    const toggle = figureToggle('≈$20M / month');
    expect(toggle.textContent).toContain('TikTok was paying Microsoft');
    expect(toggle.querySelector('.fl-detail')?.textContent).toBe('nearly · as of March');
    expect(toggle.querySelector('.fl-sr')?.textContent).toBe('nearly $20 million per month');
    expect(figureToggle('≈25%').querySelector('.fl-detail')?.textContent).toBe('almost');
  });

  it('shows every figure Microsoft has, vague ones by order of magnitude', () => {
    show(microsoftDetails);
    const values = [...container.querySelectorAll('.fl-value')].map((element) => element.textContent);
    expect(values).toEqual(['≈$20M / month', '≈25%', '$1B / year', 'hundreds of $M', '29%', '30–31%', '≈28–29%']);
  });

  it('expands a figure to its source sentence and story, and collapses it again', () => {
    show(tiktokDetails);
    const toggle = figureToggle('≈$20M / month');
    const source = container.querySelector<HTMLElement>(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(source.hidden).toBe(true);
    expect(source.textContent).not.toContain('As of March');

    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(source.hidden).toBe(false);
    expect(source.querySelector('blockquote')?.textContent).toBe(tiktokDetails.figures[0]!.sentence);
    expect(source.querySelector('mark')?.textContent).toBe('nearly $20 million per month');
    expect(source.querySelector('cite')?.textContent).toBe(
      'TikTok emerges as a major customer of Microsoft’s AI cloud services',
    );

    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(source.textContent).not.toContain('As of March');
  });

  it('lists the stories with date or "undated", source, excerpt badge, summary and sentences', () => {
    show(microsoftDetails);
    const stories = [...container.querySelectorAll('.fl-story')];
    expect(stories).toHaveLength(3);
    const [tiktokStory, credoStory] = stories;
    expect(tiktokStory!.querySelector('.fl-story-title')?.textContent).toBe(
      'TikTok emerges as a major customer of Microsoft’s AI cloud services',
    );
    expect(tiktokStory!.querySelector('.fl-meta')?.textContent).toContain('undated');
    expect(tiktokStory!.querySelector('.fl-meta')?.textContent).toContain('AI news digest');
    expect(tiktokStory!.querySelector('.fl-badge')).toBeNull();
    expect(tiktokStory!.querySelector('.fl-says')?.textContent).toBe('What this story says about Microsoft');
    expect(tiktokStory!.querySelectorAll('.fl-sentences li')).toHaveLength(6);

    expect(credoStory!.querySelector('time')?.textContent).toBe('Oct 17, 2025');
    expect(credoStory!.querySelector('time')?.getAttribute('datetime')).toBe('2025-10-17');
    expect(credoStory!.querySelector('.fl-badge')?.textContent).toBe('excerpt');
    expect(credoStory!.querySelector('.fl-summary')?.textContent).toContain('Credo, a Silicon Valley semiconductor');
  });

  it('calls onOpenStory with the story id', () => {
    const { onOpenStory } = show(credoDetails);
    click(buttonNamed(/^Open story: Tying it all together/));
    expect(onOpenStory).toHaveBeenCalledExactlyOnceWith('credo-purple-cables');
  });

  it('offers "Not this Credo" for a name that is also an ordinary word, and calls onMute', () => {
    const { onMute } = show(credoDetails);
    click(buttonNamed('Not this Credo'));
    expect(onMute).toHaveBeenCalledExactlyOnceWith('credo');
  });

  it.each([
    ['TikTok', tiktokDetails],
    ['Microsoft', microsoftDetails],
  ])('offers no mute button for %s, which has no context words', (name, details) => {
    show(details);
    expect(container.textContent).not.toContain(`Not this ${name}`);
    expect(container.querySelector('.fl-mute')).toBeNull();
  });

  it('calls onClose from its close button', () => {
    const { onClose } = show(tiktokDetails);
    click(buttonNamed('Close'));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders markup in the data as text, never as elements', () => {
    show(markupDetails);
    click(figureToggle('≈$20M / month'));
    expect(container.querySelector('.fl-story-title')?.textContent).toBe(XSS_TITLE);
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(container.textContent).toContain('<script>alert(2)</script>');
    expect(container.textContent).toContain('<img src=z onerror=alert(5)>');
    expect(container.querySelector('cite')?.textContent).toBe(XSS_TITLE);
  });

  it('describes an entity without description, figures or stories', () => {
    show(bareDetails);
    const element = dialog();
    const description = container.querySelector(`#${CSS.escape(element.getAttribute('aria-describedby')!)}`);
    expect(description?.textContent).toBe('Place mentioned in 0 stories.');
    expect(container.querySelector('.fl-figures')).toBeNull();
    expect(container.textContent).toContain('No story in the fact base mentions Silicon Valley yet.');
  });

  it.each(['light', 'dark', 'system'] as const)('carries the %s theme for its style sheet', (theme) => {
    show(tiktokDetails, { theme });
    expect(dialog().dataset.theme).toBe(theme);
  });

  it('follows the system theme unless told otherwise', () => {
    show(tiktokDetails);
    expect(dialog().dataset.theme).toBe('system');
  });
});

describe('popoverAnnouncement', () => {
  it.each([
    [tiktokDetails, 'TikTok: 2 figures, 1 story'],
    [microsoftDetails, 'Microsoft: 7 figures, 3 stories'],
    [bareDetails, 'Silicon Valley: 0 figures, 0 stories'],
  ])('says %#', (details, expected) => {
    expect(popoverAnnouncement(details)).toBe(expected);
  });
});

describe('accessibility (axe-core in happy-dom)', () => {
  it.each([
    ['TikTok', tiktokDetails],
    ['Microsoft', microsoftDetails],
    ['Credo', credoDetails],
    ['a bare entity', bareDetails],
  ])('finds no violations in the popover for %s, collapsed and expanded', async (_name, details) => {
    show(details);
    expect(await axeViolations(container)).toEqual([]);
    for (const toggle of container.querySelectorAll<HTMLButtonElement>('.fl-figure-toggle')) click(toggle);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('finds no violations in the loading and error messages', async () => {
    act(() => {
      render(
        <>
          <PopoverMessage message="Loading…" busy onClose={() => {}} />
          <PopoverMessage message="Factlens could not load its facts." onClose={() => {}} />
        </>,
        container,
      );
    });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('catches a real violation, so a clean result means something', async () => {
    container.innerHTML = '<div role="dialog"><button></button></div>';
    const violations = await axeViolations(container);
    expect(violations.join('\n')).toMatch(/button-name/);
  });
});
