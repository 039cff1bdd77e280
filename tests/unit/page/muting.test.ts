import { describe, expect, it } from 'vitest';
import { muteChange } from '@/src/page/muting';

describe('muteChange', () => {
  const settings = { mutedOnSites: { 'example.com': ['credo'] }, mutedEntities: ['tiktok'] };

  it.each<[string, string | null, string, object | null]>([
    [
      'adds the entity to the site',
      'example.com',
      'microsoft',
      { mutedOnSites: { 'example.com': ['credo', 'microsoft'] } },
    ],
    [
      'starts a list for a new site',
      'news.test',
      'microsoft',
      { mutedOnSites: { 'example.com': ['credo'], 'news.test': ['microsoft'] } },
    ],
    ['changes nothing when muted on the site already', 'example.com', 'credo', null],
    ['mutes everywhere on a page without a site', null, 'microsoft', { mutedEntities: ['tiktok', 'microsoft'] }],
    ['changes nothing when muted everywhere already', null, 'tiktok', null],
  ])('%s', (_label, site, entityId, expected) => {
    expect(muteChange(settings, site, entityId)).toEqual(expected);
  });

  it('leaves the settings it was given as they were', () => {
    muteChange(settings, 'example.com', 'microsoft');
    expect(settings.mutedOnSites['example.com']).toEqual(['credo']);
  });
});
