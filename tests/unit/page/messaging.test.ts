import { describe, expect, it, vi } from 'vitest';
import { matcherFromAnswer } from '@/src/page/matcher-answer';
import { createBackgroundRequests, parseContentRequest } from '@/src/page/messaging';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import type { EntityDetails } from '@/src/messages/details';
import { planMatcher } from '@/src/match/matcher';
import { encodeMatcherPlan } from '@/src/match/payload';

const payload = {
  v: 1 as const,
  entities: ['tiktok'],
  aliases: [['TikTok', 0, 0] as [string, number, 0]],
  context: {},
};
/** The plan as it arrives: through JSON, like a message. */
const plan = JSON.parse(JSON.stringify(encodeMatcherPlan(planMatcher(payload))));

const details: EntityDetails = {
  entity: { id: 'tiktok', name: 'TikTok', kind: 'product', aliases: ['TikTok'], storyIds: ['s'], figureIds: [] },
  figures: [],
  stories: [{ id: 's', title: 'A story', date: null, url: 'https://example.com/s', summary: 'Summary', sentences: [] }],
};

describe('requestMatcher', () => {
  it('builds the matcher from the plan the background sends', async () => {
    const send = vi.fn(async () => ({ ok: true, value: plan }));
    const matcher = await createBackgroundRequests(send).requestMatcher();
    expect(send).toHaveBeenCalledWith({ type: 'matcher/get', protocol: PROTOCOL_VERSION });
    expect(matcher.findMentions('I use TikTok')).toEqual([{ start: 6, end: 12, entityId: 'tiktok' }]);
  });

  it.each([
    ['an error result', { ok: false, error: 'no fact base' }, /no fact base/],
    ['a malformed plan', { ok: true, value: { v: 99 } }, /malformed/],
    ['an alias list instead of a plan (an older background)', { ok: true, value: payload }, /malformed/],
    [
      'a key without its alias',
      {
        ok: true,
        value: { ...plan, aliases: { ...plan.aliases, exact: { keys: 'TikTok\nByteDance', aliases: '0' } } },
      },
      /malformed/,
    ],
    ['an alias of no entity', { ok: true, value: { ...plan, aliasEntities: '7' } }, /malformed/],
    ['no answer at all', undefined, /malformed/],
  ])('rejects %s', async (_label, answer, message) => {
    await expect(createBackgroundRequests(async () => answer).requestMatcher()).rejects.toThrow(message);
  });
});

describe('matcherFromAnswer', () => {
  it('builds the matcher from an answer that arrived before this module loaded', () => {
    const matcher = matcherFromAnswer({ ok: true, value: plan });
    expect(matcher.findMentions('TikTok, again')).toEqual([{ start: 0, end: 6, entityId: 'tiktok' }]);
  });

  it.each([
    ['an error result', { ok: false, error: 'no fact base' }, /no fact base/],
    ['an alias of no entity', { ok: true, value: { ...plan, aliasEntities: '7' } }, /malformed/],
  ])('refuses %s', (_label, answer, message) => {
    expect(() => matcherFromAnswer(answer)).toThrow(message);
  });
});

describe('parseContentRequest', () => {
  it.each([
    [{ type: 'factbase/changed' }],
    [{ type: 'mentions/navigate', direction: 'previous' }],
    [{ type: 'page/list' }],
    [{ type: 'page/jump', entityId: 'tiktok', direction: 'first' }],
    [{ type: 'page/list', protocol: PROTOCOL_VERSION }],
  ])('takes %j', (message) => {
    expect(parseContentRequest(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'page/erase' }],
    ['a request of another protocol version', { type: 'page/list', protocol: PROTOCOL_VERSION + 1 }],
    ['a jump without an entity', { type: 'page/jump', direction: 'first' }],
    ['a direction it does not know', { type: 'mentions/navigate', direction: 'sideways' }],
    ['no object', 'page/list'],
    ['nothing', undefined],
  ])('drops %s', (_label, message) => {
    expect(parseContentRequest(message)).toBeNull();
  });
});

describe('entity details', () => {
  it('parses the details the background sends', async () => {
    const send = vi.fn(async () => ({ ok: true, value: details }));
    await expect(createBackgroundRequests(send).loadDetails('tiktok')).resolves.toEqual(details);
    expect(send).toHaveBeenCalledWith({ type: 'entity/get', entityId: 'tiktok', protocol: PROTOCOL_VERSION });
  });

  it('asks once per entity and retries after a failure', async () => {
    let fail = true;
    const send = vi.fn(async () => {
      if (fail) throw new Error('background asleep');
      return { ok: true, value: details };
    });
    const requests = createBackgroundRequests(send);
    await expect(requests.loadDetails('tiktok')).rejects.toThrow('background asleep');
    fail = false;
    await requests.loadDetails('tiktok');
    await requests.loadDetails('tiktok');
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('reportMentionCounts', () => {
  it('sends the counts and swallows a missing background', async () => {
    const send = vi.fn(async () => Promise.reject(new Error('gone')));
    await expect(createBackgroundRequests(send).reportMentionCounts({ tiktok: 2 })).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledWith({ type: 'mentions/report', counts: { tiktok: 2 }, protocol: PROTOCOL_VERSION });
  });
});

describe('an outdated content script', () => {
  const outdated = { ok: false, outdated: true, error: 'outdated: the request speaks protocol 0' };

  it('stops when the background answers outdated, and says which request', async () => {
    const onOutdated = vi.fn();
    const requests = createBackgroundRequests(async () => outdated, { onOutdated });
    await expect(requests.requestMatcher()).rejects.toThrow(/updated since this page loaded \(matcher\/get/);
    expect(onOutdated).toHaveBeenCalledTimes(1);
    await expect(requests.loadDetails('tiktok')).rejects.toMatchObject({ reason: 'outdated', request: 'entity/get' });
    expect(onOutdated).toHaveBeenCalledTimes(2);
  });

  it('sends nothing once its runtime is gone, and stops', async () => {
    const send = vi.fn(async () => ({ ok: true, value: details }));
    const onOutdated = vi.fn();
    const requests = createBackgroundRequests(send, { alive: () => false, onOutdated });
    await expect(requests.loadDetails('tiktok')).rejects.toMatchObject({ reason: 'outdated' });
    await expect(requests.reportMentionCounts({ tiktok: 1 })).resolves.toBeUndefined();
    expect(send).not.toHaveBeenCalled();
    expect(onOutdated).toHaveBeenCalledTimes(2);
  });

  it('checks no figures quietly, rather than warning, once stopped', async () => {
    const requests = createBackgroundRequests(async () => outdated, { onOutdated: () => {} });
    await expect(requests.checkFigures({ type: 'figures/check', sentences: [] })).resolves.toEqual([]);
    const failing = createBackgroundRequests(async () => ({ ok: false, error: 'no fact base' }));
    await expect(failing.checkFigures({ type: 'figures/check', sentences: [] })).rejects.toThrow('no fact base');
  });
});
