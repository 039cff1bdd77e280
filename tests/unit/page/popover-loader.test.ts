/** The popover, loaded when first wanted and shown unless the reader moved on while it loaded. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MentionEntry } from '@/src/page/mention-index';
import type { PopoverHost } from '@/src/page/popover';
import { PopoverLoader } from '@/src/page/popover-loader';
import { setBody, textNodesContaining } from './dom';

function fakeHost(): PopoverHost & { show: ReturnType<typeof vi.fn> } {
  return {
    show: vi.fn(async () => {}),
    hide: vi.fn(),
    isOpen: false,
    entityId: null,
    contains: (node: EventTarget | null) => node === document.body,
    hostElement: document.createElement('factlens-root'),
  };
}

describe('PopoverLoader', () => {
  let mention: MentionEntry;
  let controller: AbortController;

  beforeEach(() => {
    setBody('<p>TikTok</p>');
    mention = { node: textNodesContaining(document.body, 'TikTok')[0]!, start: 0, end: 6, entityId: 'tiktok' };
    controller = new AbortController();
  });

  it('loads the host once, however often it is asked', async () => {
    const host = fakeHost();
    const create = vi.fn(async () => host);
    const loader = new PopoverLoader(create, document, controller.signal);
    expect(loader.host).toBeNull();
    expect(loader.contains(document.body)).toBe(false);
    await Promise.all([loader.load(), loader.load(), loader.show(mention, false)]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(loader.host).toBe(host);
    expect(loader.contains(document.body)).toBe(true);
  });

  it('shows the mention with a range over its letters, focused when asked', async () => {
    const host = fakeHost();
    const loader = new PopoverLoader(async () => host, document, controller.signal);
    await loader.show(mention, true);
    expect(host.show).toHaveBeenCalledTimes(1);
    const [anchor, options] = host.show.mock.calls[0]!;
    expect(anchor.entityId).toBe('tiktok');
    expect((anchor.range as Range).toString()).toBe('TikTok');
    expect(options).toEqual({ focus: true });
  });

  it('offers the entities a shared name may mean, and says the name is shared when the others are muted', async () => {
    const host = fakeHost();
    const loader = new PopoverLoader(async () => host, document, controller.signal);
    const sense = (entityId: string) => ({ entityId, kind: 'person' as const, partial: false, needsContext: false });
    const decision = {
      kind: 'mention' as const,
      key: 'tiktok',
      senses: [sense('tiktok'), sense('douyin')],
      confirmed: new Set<string>(),
      unconfirmed: new Set<string>(),
      unlessNamed: [],
      unlessCommonWord: null,
    };
    await loader.show({ ...mention, decision, offered: ['tiktok', 'douyin'] }, false);
    // One of them muted here: the other alone is offered, and the name is still shared.
    await loader.show({ ...mention, decision, offered: ['douyin'], entityId: 'douyin' }, false);
    await loader.show({ ...mention, decision: { ...decision, senses: [sense('tiktok')] }, offered: ['tiktok'] }, false);
    const anchors = host.show.mock.calls.map(([anchor]) => [anchor.candidates, anchor.sharedName]);
    expect(anchors).toEqual([
      [['tiktok', 'douyin'], true],
      [undefined, true],
      [undefined, undefined],
    ]);
  });

  it('shows nothing when the reader moved on, the mention left the page, or the session ended while it loaded', async () => {
    const host = fakeHost();
    const loader = new PopoverLoader(async () => host, document, controller.signal);
    await loader.show(mention, false, () => false);
    const gone: MentionEntry = { ...mention, node: document.createTextNode('TikTok') };
    await loader.show(gone, false);
    const showing = loader.show(mention, false);
    controller.abort();
    await showing;
    expect(host.show).not.toHaveBeenCalled();
  });

  it('says when the popover closed itself', async () => {
    const host = { ...fakeHost(), entityId: 'tiktok' as string | null };
    const loader = new PopoverLoader(async () => host, document, controller.signal);
    expect(loader.closedItself).toBe(false);
    await loader.load();
    expect(loader.closedItself).toBe(false);
    host.entityId = null;
    expect(loader.closedItself).toBe(true);
  });
});
