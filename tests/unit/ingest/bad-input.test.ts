/**
 * Bad input to the builder (issue 11): an empty article, binary data, text in another language, an article
 * naming no entity. The build finishes, warns naming each file, and leaves out only what is not an article;
 * a malformed front matter still stops it with file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '@/src/ingest/build';
import { IngestError, formatProblem } from '@/src/ingest/errors';
import { checkArticleText, LONG_ARTICLE_CHARS } from '@/src/ingest/text-checks';

const article = (path: string, body: string, title = 'A title') => ({
  path,
  text: `---\ntitle: ${title}\n---\n\n${body}\n`,
});

const FRENCH =
  'La société a annoncé mardi une hausse de douze pour cent de son chiffre d’affaires, portée par ses ventes ' +
  'en Europe et en Asie. Le directeur général a déclaré que les résultats dépassaient les attentes des ' +
  'analystes et que le groupe comptait ouvrir de nouvelles usines dans les prochains mois, malgré la hausse ' +
  'des coûts de l’énergie et les incertitudes qui pèsent sur la demande mondiale cette année.';

/** Bytes that are not UTF-8, read as text the way `readFileSync(…, 'utf8')` reads them. */
const BINARY = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 97 + 13) % 256)).toString('utf8');

describe('checkArticleText', () => {
  it.each([
    [
      'English prose',
      'The company said on Monday that its revenue rose by a tenth in the quarter, as it had expected.',
      [],
    ],
    ['French prose', FRENCH, ['the text does not read as English']],
  ])('%s', (_name, text, remarks) => {
    const check = checkArticleText(text);
    expect(check.notText).toBeUndefined();
    expect(check.remarks.map((remark) => remark.split(':')[0])).toEqual(remarks);
  });

  it('finds binary data and says how much of it is unreadable', () => {
    expect(checkArticleText(BINARY).notText).toMatch(/^the text looks like binary data, not an article \(\d+%/);
    expect(checkArticleText('a line\u0000with a NUL').notText).toBeDefined();
  });

  it('says when a text is long enough to take a while', () => {
    const long = 'The company said revenue rose. '.repeat(Math.ceil(LONG_ARTICLE_CHARS / 30));
    expect(checkArticleText(long).remarks).toEqual([expect.stringMatching(/million characters long/)]);
  });
});

describe('building bad input', () => {
  const catalog = { entities: [{ id: 'acme', name: 'Acme', kind: 'company' as const, aliases: ['Acme'] }] };

  it('finishes, leaves out the empty and binary files and warns about each bad file by name', () => {
    const { factBase, warnings } = buildFactBase({
      articles: [
        article('articles/empty.md', ''),
        article('articles/junk.md', BINARY),
        article('articles/french.md', FRENCH),
        article('articles/nothing.md', 'the weather was fine and everyone went home early that day.'),
        article('articles/acme.md', 'Acme said on Monday that it had raised $12 million.', 'Acme raises money'),
      ],
      catalog,
    });
    expect(factBase.stories.map((story) => story.id)).toEqual(['acme', 'french', 'nothing']);
    const lines = warnings.map(formatProblem);
    expect(lines).toContain('articles/empty.md:4: the article has no text: left out');
    expect(lines).toContainEqual(expect.stringMatching(/^articles\/junk\.md:4: the text looks like binary data/));
    expect(lines).toContainEqual(expect.stringMatching(/^articles\/french\.md:4: the text does not read as English/));
    expect(lines).toContain('articles/nothing.md:1: no entity was found in this article');
    expect(factBase.figures.filter((figure) => figure.storyId === 'acme')).toHaveLength(1);
  });

  it('still stops at a malformed front matter, naming file, line and field', () => {
    const broken = { path: 'articles/broken.md', text: '---\ntitle: T\ndate: Oct 17\n---\n\nText.\n' };
    const thrown = (() => {
      try {
        buildFactBase({ articles: [broken, article('articles/ok.md', 'Acme grew.')], catalog });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(IngestError);
    expect((thrown as IngestError).problems).toEqual([
      expect.objectContaining({ file: 'articles/broken.md', line: 3, field: 'date' }),
    ]);
  });
});
