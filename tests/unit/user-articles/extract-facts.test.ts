import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/src/user-articles/extract';
import { buildUserFactBase, catalogForUserArticles } from '@/src/user-articles/merge';
import type { UserArticle } from '@/src/user-articles/schema';
import { pageParser } from './extract-pages';
import { bundled } from './fixtures';

/**
 * The extractor keeps a page's article element whole, captions and credits written as paragraphs included (it
 * cannot tell them from prose by markup); the fact base's cleaning (src/ingest/clean.ts), which every article
 * goes through on its way to facts, takes them out. This follows the text from "Add this page" to the facts.
 */
const pageDocument = pageParser('https://ledger.example/quillfeather');

const STORY =
  '<p>Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million from investors.</p>' +
  '<p>Chief executive Maya Tran said the money would let Quillfeather Robotics hire 40 engineers this year.</p>' +
  '<p>The firm, founded in Leeds in 2019, builds robots that pick orders in warehouses, and sells them to grocers.</p>';
const CAPTION = 'Robots at the Harrowgate depot, Monday. (AP Photo/Dmitri Orlov)';
const CREDIT = 'Photo: Annika Sorensen/Getty Images';

function extracted(article: string): string {
  const document = pageDocument(
    `<!doctype html><html><head><title>Quillfeather Robotics raises $12 million</title></head><body>` +
      `<article>${article}</article></body></html>`,
  );
  return extractArticle(document).text;
}

function entityNames(body: string): string[] {
  const article: UserArticle = {
    id: 'user-quillfeather',
    title: 'Quillfeather Robotics raises $12 million',
    date: '2025-10-20',
    body,
    addedAt: '2025-10-20T09:00:00.000Z',
  };
  return buildUserFactBase([article], catalogForUserArticles(bundled)).factBase.entities.map((entity) => entity.name);
}

describe('an extracted page’s captions and credits on the way to facts', () => {
  it('reach the extracted text, and no entity comes from them', () => {
    const text = extracted(`<p>${CAPTION}</p>${STORY}<p>${CREDIT}</p>`);
    expect(text).toContain(CAPTION);
    expect(text).toContain(CREDIT);
    const names = entityNames(text);
    expect(names).toContain('Quillfeather Robotics');
    expect(names.filter((name) => /Orlov|Sorensen|Getty|AP\b/.test(name))).toEqual([]);
  });

  it('the same names in the story’s own sentences are entities (so the check above can fail)', () => {
    const names = entityNames(
      extracted(
        `${STORY}<p>Photographer Dmitri Orlov and Annika Sorensen of Getty Images toured the depot on Monday, the firm said.</p>`,
      ),
    );
    expect(names).toEqual(expect.arrayContaining(['Dmitri Orlov', 'Annika Sorensen']));
  });
});
