import { afterEach, describe, expect, it, vi } from 'vitest';
import { offscreenChannel, type OffscreenApi, type PortLike } from '@/src/background/builder/channels';
import { createBuilderClient, type BuilderChannel } from '@/src/background/builder/client';
import { BUILDER_PORT_NAME, type BuilderRequest, type BuilderResponse } from '@/src/background/builder/protocol';
import { catalogForUserArticles } from '@/src/user-articles/merge';
import { bundled, quillfeather } from '../user-articles/fixtures';
import { inProcessBuilder } from './in-process-builder';

/** A channel that answers what `reply` says, and records what happened to it. */
function fakeChannel(reply: (request: BuilderRequest) => BuilderResponse | null) {
  const state = { opened: 0, closed: 0, lose: (_reason: string) => {} };
  const open = async (): Promise<BuilderChannel> => {
    state.opened++;
    let answer: (response: BuilderResponse) => void = () => {};
    return {
      post(request) {
        const response = reply(request);
        if (response) setTimeout(() => answer(response), 0);
      },
      listen(onAnswer, onLost) {
        answer = onAnswer;
        state.lose = onLost;
      },
      close: () => void state.closed++,
    };
  };
  return { state, open };
}

afterEach(() => vi.useRealTimers());

describe('the builder client', () => {
  it('builds the user’s articles with the real builder across the channel', async () => {
    const builder = inProcessBuilder();
    const built = await builder.build([quillfeather], catalogForUserArticles(bundled));
    expect(built.factBase.stories.map((story) => story.id)).toEqual([quillfeather.id]);
    expect(built.factBase.entities.map((entity) => entity.id)).toContain('quillfeather-robotics');
  });

  it('opens the builder on the first request only, and closes it after a minute without requests', async () => {
    vi.useFakeTimers();
    const { state, open } = fakeChannel((request) => ({ id: request.id, ok: true, value: 'done' }));
    const client = createBuilderClient(open);
    expect(state.opened).toBe(0);
    const first = client.build([], { entities: [] });
    await vi.advanceTimersByTimeAsync(1);
    await expect(first).resolves.toBe('done');
    const second = client.build([], { entities: [] });
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(state.opened).toBe(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(state.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state.closed).toBe(1);
    // The next request opens a new one.
    const third = client.build([], { entities: [] });
    await vi.advanceTimersByTimeAsync(1);
    await third;
    expect(state.opened).toBe(2);
  });

  it('turns a builder error into a rejected request, and a lost builder into rejections and a new builder', async () => {
    const { state, open } = fakeChannel((request) =>
      request.type === 'preview' ? { id: request.id, ok: false, error: 'bad draft' } : null,
    );
    const client = createBuilderClient(open);
    await expect(client.preview({} as never)).rejects.toThrow('bad draft');
    const pending = client.build([], { entities: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    state.lose('its document closed');
    await expect(pending).rejects.toThrow('the builder stopped: its document closed');
    void client.build([], { entities: [] }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.opened).toBe(2);
  });

  it('keeps a service worker awake while a request is pending, and stops once answered', async () => {
    vi.useFakeTimers();
    let answerNow: () => void = () => {};
    const { open } = fakeChannel(() => null);
    const keepAlive = vi.fn();
    const client = createBuilderClient(
      async () => {
        const channel = await open();
        return {
          ...channel,
          post: (request) => {
            answerNow = () => listener({ id: request.id, ok: true, value: null });
          },
          listen: (onAnswer) => void (listener = onAnswer),
        };
      },
      { keepAlive, keepAliveMs: 20_000 },
    );
    let listener: (response: BuilderResponse) => void = () => {};
    const pending = client.build([], { entities: [] });
    await vi.advanceTimersByTimeAsync(65_000);
    expect(keepAlive).toHaveBeenCalledTimes(3);
    answerNow();
    await pending;
    await vi.advanceTimersByTimeAsync(65_000);
    expect(keepAlive).toHaveBeenCalledTimes(3);
  });
});

describe('the offscreen builder (Chromium)', () => {
  function fakeApi() {
    const listeners = new Set<(port: PortLike) => void>();
    const calls: string[] = [];
    const port = (name: string, url: string): PortLike => ({
      name,
      sender: { url },
      postMessage: () => {},
      onMessage: { addListener: () => {} },
      onDisconnect: { addListener: () => {} },
      disconnect: () => calls.push(`disconnect ${name}`),
    });
    const api: OffscreenApi = {
      offscreen: {
        createDocument: async ({ url, reasons }) => {
          calls.push(`create ${url} ${reasons.join()}`);
          // A content script's port with the same name arrives first: it must not be taken for the builder.
          setTimeout(() => {
            for (const listener of [...listeners]) listener(port(BUILDER_PORT_NAME, 'https://page.example/'));
            for (const listener of [...listeners]) listener(port(BUILDER_PORT_NAME, url));
          }, 0);
        },
        closeDocument: async () => {
          calls.push('close');
        },
      },
      runtime: {
        getURL: (path) => `chrome-extension://id${path}`,
        onConnect: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
      },
    };
    return { api, calls, listeners };
  }

  it('closes a document left from before the restart, opens one for workers, and takes only its port', async () => {
    const { api, calls, listeners } = fakeApi();
    const channel = await offscreenChannel(api);
    expect(calls).toEqual(['close', 'create chrome-extension://id/builder.html WORKERS']);
    expect(listeners.size).toBe(0);
    channel.close();
    expect(calls.slice(2)).toEqual([`disconnect ${BUILDER_PORT_NAME}`, 'close']);
  });
});
