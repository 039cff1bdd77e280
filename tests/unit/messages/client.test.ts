import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  createClient,
  createPoster,
  isOutdated,
  outdatedAnswer,
  PROTOCOL_VERSION,
  RequestError,
} from '@/src/messages/client';
import { resultOf } from '@/src/messages/result';

/** A small call map of two requests: one answered with a result, one with a bare boolean. */
const Calls = {
  'story/get': {
    request: z.object({ type: z.literal('story/get'), storyId: z.string() }),
    answer: resultOf(z.object({ title: z.string() })),
  },
  'page/jump': { request: z.object({ type: z.literal('page/jump'), entityId: z.string() }), answer: z.boolean() },
};

describe('the protocol client', () => {
  it('stamps every request with the protocol version and returns the value of the answer', async () => {
    const send = vi.fn(async () => ({ ok: true, value: { title: 'Credo' } }));
    const client = createClient(Calls, send);
    await expect(client.request('story/get', { storyId: 'credo' })).resolves.toEqual({ title: 'Credo' });
    expect(send).toHaveBeenCalledWith({ type: 'story/get', storyId: 'credo', protocol: PROTOCOL_VERSION });
  });

  it('returns an answer that is no result as it is', async () => {
    await expect(createClient(Calls, async () => true).request('page/jump', { entityId: 'x' })).resolves.toBe(true);
  });

  it.each([
    [
      'a failed send',
      async () => {
        throw new Error('Receiving end does not exist.');
      },
      'unreachable',
      'Factlens could not reach its fact base (story/get: Error: Receiving end does not exist.)',
    ],
    [
      'no answer',
      async () => undefined,
      'malformed',
      /^Factlens got an answer it could not read \(story\/get: malformed answer, .*\)\. Try reloading the extension\.$/,
    ],
    ['an answer of the wrong shape', async () => ({ ok: true, value: { title: 7 } }), 'malformed', /story\/get/],
    ['an error result', async () => ({ ok: false, error: "unknown story 'x'" }), 'refused', "unknown story 'x'"],
  ])('turns %s into an error naming the request', async (_case, send, reason, message) => {
    const failure = createClient(Calls, send).request('story/get', { storyId: 'x' });
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toMatchObject({ request: 'story/get', reason });
    await expect(failure).rejects.toBeInstanceOf(RequestError);
  });

  it('says whom it could not reach', async () => {
    const client = createClient(
      Calls,
      async () => {
        throw new Error('gone');
      },
      { peer: 'the page' },
    );
    await expect(client.request('page/jump', { entityId: 'x' })).rejects.toThrow(
      'Factlens could not reach the page (page/jump: Error: gone)',
    );
  });

  it('reads an answer sent by its sending half, as the content script does with the matcher', async () => {
    const client = createClient(Calls, async () => ({ ok: true, value: { title: 'Credo' } }));
    const answer = await client.post('story/get', { storyId: 'credo' });
    expect(client.read('story/get', answer)).toEqual({ title: 'Credo' });
    expect(() => client.read('story/get', { ok: false, error: 'no' })).toThrow('no');
  });
});

describe('an outdated sender', () => {
  it('stops on an outdated answer, whatever the request, with an error that says so', async () => {
    const onOutdated = vi.fn();
    const client = createClient(Calls, async () => outdatedAnswer(undefined), { onOutdated });
    const failure = client.request('page/jump', { entityId: 'x' });
    await expect(failure).rejects.toThrow(/^Factlens was updated since this page loaded \(page\/jump: outdated/);
    await failure.catch((error: unknown) => expect(isOutdated(error)).toBe(true));
    expect(onOutdated).toHaveBeenCalledTimes(1);
  });

  it('sends nothing once its runtime is gone, and stops', async () => {
    const send = vi.fn(async () => true);
    const onOutdated = vi.fn();
    const poster = createPoster<typeof Calls>(send, { alive: () => false, onOutdated });
    await expect(poster.post('page/jump', { entityId: 'x' })).rejects.toMatchObject({ reason: 'outdated' });
    expect(send).not.toHaveBeenCalled();
    expect(onOutdated).toHaveBeenCalledTimes(1);
  });

  it('is not told apart from other failures by anything but its reason', async () => {
    const refused = createClient(Calls, async () => ({ ok: false, error: 'outdated' }));
    const error: unknown = await refused.request('story/get', { storyId: 'x' }).catch((caught: unknown) => caught);
    expect(isOutdated(error)).toBe(false);
  });
});
