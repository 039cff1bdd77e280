/**
 * Fakes for the popup's tests: a client answering from the fixture fact base
 * through the real search index and background handlers, a page, and helpers
 * to render and drive components in happy-dom.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { FactBase } from '@/src/facts/schema';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createSearchHandlers } from '@/src/background/search';
import { GetStoryDetailsResponse, type PageMentions } from '@/src/messages/schema';
import { buildSearchIndex } from '@/src/search/search-index';
import type { FactlensClient } from '@/src/ui/popup/client';
import type { ActiveTab, PageClient } from '@/src/ui/popup/page-client';
import { fixtureFactBase } from '../../search/fixture-factbase';

/** A client over `factBase`, answering as the background would, and counting the searches it was asked. */
export function fixtureClient(factBase: FactBase = fixtureFactBase): FactlensClient & { searches: string[] } {
  const store = createFactBaseStore(factBase);
  const index = buildSearchIndex(factBase);
  const handlers = createSearchHandlers(store);
  const searches: string[] = [];
  return {
    searches,
    async search(query, limit) {
      searches.push(query);
      return index.search(query, { limit });
    },
    async suggestions() {
      return index.suggestions();
    },
    async story(storyId) {
      const answer = GetStoryDetailsResponse.parse(
        await handlers['story/details']({ type: 'story/details', storyId }, {}),
      );
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    },
    async entity(entityId) {
      const details = store.current().entityDetails(entityId);
      if (!details) throw new Error(`unknown entity '${entityId}'`);
      return details;
    },
  };
}

/** A page in the active tab that marks `mentions` (null: no content script), recording jumps. */
export function fakePage(
  mentions: PageMentions | null,
  tab: ActiveTab | null = { id: 7, url: 'https://news.example.com/a' },
): PageClient & { jumps: [string, string][]; figureJumps: number[] } {
  const jumps: [string, string][] = [];
  const figureJumps: number[] = [];
  return {
    jumps,
    figureJumps,
    activeTab: async () => tab,
    list: async () => mentions,
    async jump(_tabId, entityId, direction) {
      jumps.push([entityId, direction]);
      return mentions !== null;
    },
    async jumpToFigure(_tabId, figure) {
      figureJumps.push(figure.position);
      return mentions !== null;
    },
  };
}

/** Let promises and Preact's render queue settle. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Render into a fresh container attached to the document. */
export function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return container;
}

/** Remove a container made by {@link mount}. */
export function unmount(container: HTMLElement): void {
  act(() => render(null, container));
  container.remove();
}

/** Press a key on `target`, as a keydown that bubbles. */
export function press(target: Element, key: string, modifiers: { altKey?: boolean } = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

/** Type `text` into an input, replacing its value one character at a time. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  for (let end = 1; end <= text.length; end++) {
    act(() => {
      input.value = text.slice(0, end);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  await settle();
}

/** Replace an input's value at once (a paste, or clearing it). */
export async function setValue(input: HTMLInputElement, value: string): Promise<void> {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

/** The axe-core violations in `root`, one line each. */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`);
}
