import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { routeMessage } from '@/src/background/router';
import { loadBundledFactBase } from '@/src/facts/bundled';
import { PROTOCOL_VERSION } from '@/src/messages/client';

const handlers = createHandlers(createFactBaseStore(loadBundledFactBase()), { show: () => {} });
const own = { id: 'factlens' };
const route = (message: unknown, sender: { id?: string } = own) => routeMessage(handlers, message, sender, 'factlens');

describe('the background router', () => {
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('answers a request of this protocol version', async () => {
    const answer = (await route({ type: 'stats/get', protocol: PROTOCOL_VERSION })) as { ok: boolean };
    expect(answer.ok).toBe(true);
  });

  it.each([
    ['no version (a content script from before versions, left in a tab by an update)', undefined],
    ['an older version', PROTOCOL_VERSION - 1],
    ['a newer version', PROTOCOL_VERSION + 1],
  ])('answers a request of %s outdated, and does not run it', async (_case, protocol) => {
    const answer = await route({ type: 'matcher/get', ...(protocol === undefined ? {} : { protocol }) });
    expect(answer).toMatchObject({ ok: false, outdated: true });
    expect((answer as { error: string }).error).toMatch(/^outdated: .*reload the page$/);
  });

  it.each([
    ['a message of another extension', { type: 'stats/get', protocol: PROTOCOL_VERSION }, { id: 'other' }],
    ['no object', 'stats/get', own],
    ['no type', { protocol: PROTOCOL_VERSION }, own],
    ['an unknown type', { type: 'page/erase', protocol: PROTOCOL_VERSION }, own],
    ['a request its schema refuses', { type: 'entity/get', protocol: PROTOCOL_VERSION }, own],
  ])('drops %s without an answer', (_case, message, sender) => {
    expect(route(message, sender)).toBeUndefined();
  });
});
