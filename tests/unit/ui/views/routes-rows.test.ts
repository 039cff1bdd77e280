import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@/src/search/search-index';
import {
  flatRows,
  resultGroups,
  resultsAnnouncement,
  routeOfRow,
  rowElementId,
  suggestionGroups,
} from '@/src/ui/views/result-rows';
import { routeFromSearchParams, storyPageHref, type Route } from '@/src/ui/views/routes';
import { storyBlocks } from '@/src/ui/views/StoryText';
import { FIXTURE_STORIES, fixtureFactBase } from '../../search/fixture-factbase';

const index = buildSearchIndex(fixtureFactBase);

describe('story page addresses', () => {
  it.each<[Route, string]>([
    [{ view: 'story', id: 'doe-fusion-roadmap' }, 'story.html?id=doe-fusion-roadmap'],
    [{ view: 'entity', id: 'us-department-of-energy' }, 'story.html?entity=us-department-of-energy'],
    [{ view: 'search', query: '$20 million & more' }, 'story.html?q=%2420%20million%20%26%20more'],
  ])('%j ⇄ %s', (route, href) => {
    expect(storyPageHref(route)).toBe(href);
    expect(routeFromSearchParams(new URL(href, 'chrome-extension://x/').searchParams)).toEqual(route);
  });

  it('reads an address without parameters as an empty search', () => {
    expect(routeFromSearchParams(new URLSearchParams(''))).toEqual({ view: 'search', query: '' });
  });
});

describe('result rows', () => {
  it('groups entities, stories and figures in that order, leaving out empty groups', () => {
    expect(resultGroups(index.search('20 million')).map((group) => group.id)).toEqual(['stories', 'figures']);
    expect(resultGroups(index.search('azure growth')).map((group) => group.label)).toEqual([
      'Entities',
      'Stories',
      'Figures',
    ]);
  });

  it('opens a figure as its story, pointing at the figure, with the matched terms', () => {
    const rows = flatRows(resultGroups(index.search('20 million')));
    expect(routeOfRow(rows.at(-1)!)).toEqual({
      view: 'story',
      id: FIXTURE_STORIES.tiktok,
      figureId: `${FIXTURE_STORIES.tiktok}#1`,
      terms: ['20', 'million'],
    });
  });

  it('gives rows ids that are unique and valid', () => {
    const rows = flatRows(resultGroups(index.search('microsoft')));
    const ids = rows.map((row) => rowElementId('fl-results', row));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it('offers suggestions as entities to try and newest stories', () => {
    expect(suggestionGroups(index.suggestions()).map((group) => group.label)).toEqual([
      'Entities to try',
      'Newest stories',
    ]);
  });

  it.each([
    ['azure growth', '1 entity, 1 story and 3 figures found'],
    ['20 million', '1 story and 1 figure found'],
    ['zebra', 'No results for zebra'],
  ])('announces %j as %j', (query, text) => {
    expect(resultsAnnouncement(index.search(query))).toBe(text);
  });
});

describe('storyBlocks', () => {
  it('keeps paragraphs and turns runs of "- " lines into one list', () => {
    const body = 'Lead paragraph\nwrapped.\n\n- First point.\n\n- Second point.\n\nClosing paragraph.';
    expect(storyBlocks(body)).toEqual([
      { kind: 'paragraph', text: 'Lead paragraph wrapped.' },
      { kind: 'list', items: ['First point.', 'Second point.'] },
      { kind: 'paragraph', text: 'Closing paragraph.' },
    ]);
  });
});
