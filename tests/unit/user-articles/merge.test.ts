import { describe, expect, it } from 'vitest';
import { FactBase } from '@/src/facts/schema';
import {
  plainArticle,
  buildUserFactBase,
  catalogForUserArticles,
  mergeFactBases,
  mergeUserArticles,
} from '@/src/user-articles/merge';
import { bundled, catalog, microsoftArticle, quillfeather } from './fixtures';

describe('plainArticle', () => {
  it('gives the core the article exactly as stored, whatever its title and text hold', () => {
    const tricky = {
      ...quillfeather,
      title: 'Q: "quotes", colons: and # hashes\\ <img src=x onerror=alert(1)>',
      source: 'yes',
      body: '---\nA body with a fence line.',
    };
    expect(plainArticle(tricky)).toEqual({
      id: tricky.id,
      path: `${tricky.id}.md`,
      title: tricky.title,
      date: tricky.date,
      source: 'yes',
      url: tricky.url,
      body: tricky.body,
    });
    const story = buildUserFactBase([tricky], catalogForUserArticles(bundled)).factBase.stories[0]!;
    expect(story).toMatchObject({ id: tricky.id, title: tricky.title, body: tricky.body });
  });
});

describe('merging the user’s articles into the bundled fact base', () => {
  const merged = mergeUserArticles(bundled, [quillfeather, microsoftArticle], catalog.discovery);
  const entity = (id: string) => merged.factBase.entities.find((candidate) => candidate.id === id);

  it('is a valid fact base', () => {
    expect(FactBase.safeParse(merged.factBase).success).toBe(true);
    expect(merged.problems).toEqual([]);
  });

  it('adds the user’s stories under their namespaced ids, after the bundled ones', () => {
    expect(merged.factBase.stories.map((story) => story.id)).toEqual([
      'tiktok-cloud',
      'user-microsoft-capex',
      'user-quillfeather-robotics-raises-12-million',
    ]);
    expect(merged.factBase.figures.slice(0, bundled.figures.length)).toEqual(bundled.figures);
    const userFigures = merged.factBase.figures.slice(bundled.figures.length);
    expect(userFigures.every((figure) => figure.storyId.startsWith('user-') && figure.id.startsWith('user-'))).toBe(
      true,
    );
  });

  it('adds an entity only the user’s article names, with its story and figures', () => {
    const quill = entity('quillfeather-robotics');
    expect(quill).toMatchObject({ name: 'Quillfeather Robotics', storyIds: [quillfeather.id] });
    const texts = merged.factBase.figures.filter((figure) => quill!.figureIds.includes(figure.id)).map((f) => f.text);
    expect(texts).toContain('$12 million');
  });

  it('merges a known entity by id: bundled fields kept, stories and figures united', () => {
    const before = bundled.entities.find((candidate) => candidate.id === 'microsoft')!;
    const after = entity('microsoft')!;
    expect(after.name).toBe(before.name);
    expect(after.description).toBe(before.description);
    expect(after.origin).toBe(before.origin);
    expect(after.storyIds).toEqual([
      'tiktok-cloud',
      'user-microsoft-capex',
      'user-quillfeather-robotics-raises-12-million',
    ]);
    expect(after.figureIds.slice(0, before.figureIds.length)).toEqual(before.figureIds);
    expect(after.figureIds.length).toBeGreaterThan(before.figureIds.length);
  });

  it('leaves entities the user’s articles do not name exactly as they were', () => {
    expect(entity('bytedance')).toEqual(bundled.entities.find((candidate) => candidate.id === 'bytedance'));
  });

  it('is deterministic: the same articles in any order give the same bytes', () => {
    const again = mergeUserArticles(bundled, [microsoftArticle, quillfeather], catalog.discovery);
    expect(JSON.stringify(again.factBase)).toBe(JSON.stringify(merged.factBase));
  });

  it('with no articles serves the bundled fact base unchanged', () => {
    expect(mergeUserArticles(bundled, [], catalog.discovery).factBase).toBe(bundled);
  });

  it('leaves out a user story whose id a bundled story already has', () => {
    const clash = { ...bundled, stories: bundled.stories.map((story) => ({ ...story })) };
    const user = buildUserFactBase([quillfeather], catalogForUserArticles(bundled, catalog.discovery)).factBase;
    clash.stories.push({
      ...user.stories.find((story) => story.id === quillfeather.id)!,
      figureIds: [],
      entityIds: [],
      mentions: [],
    });
    const result = mergeFactBases(FactBase.parse(clash), user);
    expect(result.skippedStories).toEqual([quillfeather.id]);
    expect(result.factBase.stories.filter((story) => story.id === quillfeather.id)).toHaveLength(1);
    expect(result.factBase.figures.some((figure) => figure.storyId === quillfeather.id)).toBe(false);
  });

  it('adds aliases the user’s articles give a known entity, with case rules where the entity has them', () => {
    const base = FactBase.parse({
      ...bundled,
      entities: bundled.entities.map((candidate) =>
        candidate.id === 'microsoft'
          ? { ...candidate, aliasRules: candidate.aliases.map((text) => ({ text, case: 'exact' })) }
          : candidate,
      ),
    });
    const user = FactBase.parse({
      ...bundled,
      stories: [{ ...bundled.stories[0]!, id: 'user-x', figureIds: [] }],
      figures: [],
      entities: [
        {
          ...base.entities.find((candidate) => candidate.id === 'microsoft')!,
          aliases: ['MSFT'],
          storyIds: ['user-x'],
          figureIds: [],
        },
      ],
    });
    const microsoft = mergeFactBases(base, user).factBase.entities.find((candidate) => candidate.id === 'microsoft')!;
    expect(microsoft.aliases.at(-1)).toBe('MSFT');
    expect(microsoft.aliasRules?.at(-1)).toEqual({ text: 'MSFT', case: 'exact' });
  });

  it('keeps the short forms the user’s articles add to a known entity, and not the known aliases', () => {
    const user = FactBase.parse({
      ...bundled,
      stories: [{ ...bundled.stories[0]!, id: 'user-x', figureIds: [] }],
      figures: [],
      entities: [
        {
          ...bundled.entities.find((candidate) => candidate.id === 'microsoft')!,
          aliases: ['Microsoft', 'Softies'],
          shortForms: ['Microsoft', 'Softies'],
          storyIds: ['user-x'],
          figureIds: [],
        },
      ],
    });
    const microsoft = mergeFactBases(bundled, user).factBase.entities.find(
      (candidate) => candidate.id === 'microsoft',
    )!;
    expect(microsoft.aliases).toContain('Softies');
    expect(microsoft.shortForms).toEqual(['Softies']);
  });

  it('leaves out an article the pipeline refuses, names it, and keeps the others', () => {
    const refused = { ...quillfeather, id: 'user-bad-date', date: '2025-13-45' };
    const result = mergeUserArticles(bundled, [refused, microsoftArticle], catalog.discovery);
    expect(result.problems).toEqual([
      "user-bad-date.md:1: date '2025-13-45' is not a real date written YYYY-MM-DD: left out",
    ]);
    expect(result.factBase.stories.map((story) => story.id)).toEqual(['tiktok-cloud', 'user-microsoft-capex']);
  });
});
