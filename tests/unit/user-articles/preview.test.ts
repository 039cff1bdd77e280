import { describe, expect, it } from 'vitest';
import { draftOf } from '@/src/user-articles/draft';
import { mergeUserArticles } from '@/src/user-articles/merge';
import { previewArticle } from '@/src/user-articles/preview';
import { bundled, catalog, quillfeather } from './fixtures';

describe('previewArticle', () => {
  it('lists the entities an article names, marking those the fact base does not know yet, and its figures', () => {
    const result = previewArticle({
      bundled,
      discovery: catalog.discovery,
      stored: [],
      current: bundled,
      draft: draftOf(quillfeather),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.preview.storyId).toBe('user-quillfeather-robotics-raises-12-million');
    const byId = new Map(result.preview.entities.map((entity) => [entity.id, entity]));
    expect(byId.get('quillfeather-robotics')).toMatchObject({ name: 'Quillfeather Robotics', isNew: true });
    expect(byId.get('microsoft')).toMatchObject({ isNew: false });
    expect(result.preview.figures.map((figure) => figure.text)).toEqual(expect.arrayContaining(['$12 million']));
  });

  it('previews exactly what the merge will add', () => {
    const result = previewArticle({
      bundled,
      discovery: catalog.discovery,
      stored: [],
      current: bundled,
      draft: draftOf(quillfeather),
    });
    const merged = mergeUserArticles(
      bundled,
      [{ ...quillfeather, id: 'user-quillfeather-robotics-raises-12-million' }],
      catalog.discovery,
    );
    const story = merged.factBase.stories.find(
      (candidate) => candidate.id === 'user-quillfeather-robotics-raises-12-million',
    )!;
    expect(result.ok && result.preview.entities.map((entity) => entity.id).sort()).toEqual([...story.entityIds].sort());
    expect(result.ok && result.preview.figures).toEqual(
      merged.factBase.figures.filter((figure) => figure.storyId === story.id),
    );
  });

  it('knows an entity is not new once an earlier article of the user added it', () => {
    const current = mergeUserArticles(bundled, [quillfeather], catalog.discovery).factBase;
    const result = previewArticle({
      bundled,
      discovery: catalog.discovery,
      stored: [quillfeather],
      current,
      draft: {
        title: 'Quillfeather hires',
        date: '',
        source: '',
        url: '',
        body: 'Analysts said Quillfeather Robotics is hiring.',
      },
    });
    expect(result.ok && result.preview.entities.find((entity) => entity.id === 'quillfeather-robotics')?.isNew).toBe(
      false,
    );
    expect(result.ok && result.preview.storyId).toBe('user-quillfeather-hires');
  });

  it('editing an article previews it under its own id', () => {
    const result = previewArticle({
      bundled,
      discovery: catalog.discovery,
      stored: [quillfeather],
      current: bundled,
      draft: { ...draftOf(quillfeather), title: 'Renamed' },
      replacing: quillfeather.id,
    });
    expect(result.ok && result.preview.storyId).toBe(quillfeather.id);
  });

  it('returns the draft’s problems instead of a preview', () => {
    const result = previewArticle({
      bundled,
      current: bundled,
      stored: [],
      draft: { title: '', date: '', source: '', url: '', body: 'x' },
    });
    expect(result).toEqual({ ok: false, problems: [{ field: 'title', message: 'Give the article a title.' }] });
  });
});
