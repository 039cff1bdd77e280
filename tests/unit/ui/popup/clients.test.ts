import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/src/settings/schema';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import { createBackgroundClient } from '@/src/ui/background-client';
import { createRuntimeClient } from '@/src/ui/popup/client';
import { createPageClient } from '@/src/ui/popup/page-client';
import { isPausedOnSite, sitesWithPause } from '@/src/ui/popup/pause';

describe('runtime client', () => {
  it('returns what the background answers, checked against the schema', async () => {
    const sent: unknown[] = [];
    const client = createRuntimeClient(
      createBackgroundClient(async (request) => {
        sent.push(request);
        return { ok: true, value: { entities: [], stories: [] } };
      }),
    );
    expect(await client.suggestions()).toEqual({ entities: [], stories: [] });
    expect(sent).toEqual([{ type: 'search/suggestions', protocol: PROTOCOL_VERSION }]);
  });

  it.each([
    ['an error answer', async () => ({ ok: false, error: "unknown story 'x'" }), "unknown story 'x'"],
    ['no answer (background starting)', async () => undefined, 'Factlens got an answer it could not read'],
    [
      'a failed send',
      async () => {
        throw new Error('Could not establish connection');
      },
      'Factlens could not reach its fact base',
    ],
  ])('turns %s into an error a reader can act on', async (_case, sendMessage, message) => {
    await expect(createRuntimeClient(createBackgroundClient(sendMessage)).story('x')).rejects.toThrow(message);
  });
});

describe('page client', () => {
  const tabs = (answer: () => Promise<unknown>) => ({
    sent: [] as unknown[],
    async query() {
      return [{ id: 4, url: 'https://example.com/' }];
    },
    async sendMessage(_tabId: number, message: unknown, options: { frameId: number }) {
      this.sent.push([message, options]);
      return answer();
    },
  });

  it('asks the top frame for the page’s mentions', async () => {
    const api = tabs(async () => ({ ok: true, value: { entities: [], leftOut: 3, active: true } }));
    const page = createPageClient(api);
    expect(await page.activeTab()).toEqual({ id: 4, url: 'https://example.com/' });
    expect(await page.list(4)).toEqual({ entities: [], leftOut: 3, active: true });
    expect(api.sent).toEqual([[{ type: 'page/list', protocol: PROTOCOL_VERSION }, { frameId: 0 }]]);
  });

  it('answers null for a tab without a content script, and false for a jump there', async () => {
    const page = createPageClient(
      tabs(async () => {
        throw new Error('Receiving end does not exist.');
      }),
    );
    expect(await page.list(4)).toBeNull();
    expect(await page.jump(4, 'credo', 'first')).toBe(false);
  });
});

describe('pausing a site', () => {
  const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com', 'other.org'] };
  it.each([
    ['a subdomain of a paused site', 'news.example.com', true],
    ['an unrelated site', 'example.net', false],
  ])('%s is paused: %s', (_case, site, paused) => {
    expect(isPausedOnSite(settings, site)).toBe(paused);
  });

  it('adds the site once, and resuming removes every entry covering it', () => {
    expect(sitesWithPause(settings, 'a.com', true)).toEqual(['example.com', 'other.org', 'a.com']);
    expect(sitesWithPause(settings, 'news.example.com', true)).toEqual(settings.disabledSites);
    expect(sitesWithPause(settings, 'news.example.com', false)).toEqual(['other.org']);
  });
});
