import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/src/background/handlers';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { loadBundledFactBase } from '@/src/facts/bundled';

describe("the popover's Open story", () => {
  const setup = () => {
    const openStoryPage = vi.fn();
    const handlers = createHandlers(createFactBaseStore(loadBundledFactBase()), { show: () => {} }, { openStoryPage });
    return { handlers, openStoryPage };
  };

  it('opens the story on the extension story page, next to the tab that asked', () => {
    const { handlers, openStoryPage } = setup();
    expect(handlers['story/open']({ type: 'story/open', storyId: 'credo-purple-cables' }, { tab: { id: 7 } })).toEqual({
      ok: true,
      value: null,
    });
    expect(openStoryPage).toHaveBeenCalledWith('credo-purple-cables', 7);
  });

  it('refuses an unknown story and opens nothing', () => {
    const { handlers, openStoryPage } = setup();
    expect(handlers['story/open']({ type: 'story/open', storyId: 'nope' }, {})).toEqual({
      ok: false,
      error: "unknown story 'nope'",
    });
    expect(openStoryPage).not.toHaveBeenCalled();
  });
});
