import { describe, expect, it } from 'vitest';
import { FactBase, type Figure } from '@/src/facts/schema';
import {
  Correction,
  addCorrection,
  correctedId,
  correctionsRecord,
  describeCorrection,
  figureRef,
  originalEntity,
  removeCorrection,
  type CorrectionRequest,
} from '@/src/user-articles/corrections';
import { applyCorrections, discoveryRulesOf, unionDiscoveryRules } from '@/src/user-articles/corrections-apply';
import { mergeUserArticles } from '@/src/user-articles/merge';
import type { UserArticle } from '@/src/user-articles/schema';
import { bundled, catalog, microsoftArticle, quillfeather } from './fixtures';

const NOW = Date.parse('2025-11-01T10:00:00.000Z');
const bundledIds = new Set(bundled.entities.map((entity) => entity.id));
const quill = { id: 'quillfeather-robotics', name: 'Quillfeather Robotics' };
const maya = { id: 'maya-tran', name: 'Maya Tran' };
const microsoft = { id: 'microsoft', name: 'Microsoft' };
const tiktok = { id: 'tiktok', name: 'TikTok' };

/** The user's two articles merged with `requests` made one after another. */
function mergedWith(...requests: CorrectionRequest[]): FactBase {
  const corrections = requests.reduce<Correction[]>((list, request) => addCorrection(list, request, NOW), []);
  const merged = mergeUserArticles(bundled, [quillfeather, microsoftArticle], catalog.discovery, corrections);
  // Every corrected fact base is still one the extension accepts.
  expect(FactBase.safeParse(merged.factBase).success).toBe(true);
  return merged.factBase;
}

const plain = mergeUserArticles(bundled, [quillfeather, microsoftArticle], catalog.discovery).factBase;
const entity = (factBase: FactBase, id: string) => factBase.entities.find((candidate) => candidate.id === id);
const figureByText = (factBase: FactBase, storyId: string, text: string) =>
  factBase.figures.find((figure) => figure.storyId === storyId && figure.text === text);

/** Every reference in the fact base points at something it holds, and entities list exactly the figures they own. */
function expectConsistent(factBase: FactBase) {
  const entityIds = new Set(factBase.entities.map((candidate) => candidate.id));
  const figures = new Map(factBase.figures.map((figure) => [figure.id, figure]));
  for (const story of factBase.stories) {
    for (const id of story.entityIds) expect(entityIds.has(id), `${story.id} names ${id}`).toBe(true);
    for (const mention of story.mentions) expect(entityIds.has(mention.entityId)).toBe(true);
    for (const id of story.figureIds) expect(figures.has(id), `${story.id} lists ${id}`).toBe(true);
  }
  for (const figure of factBase.figures) {
    for (const id of figure.entityIds) {
      expect(entityIds.has(id), `${figure.id} belongs to ${id}`).toBe(true);
      expect(entity(factBase, id)!.figureIds).toContain(figure.id);
    }
  }
  for (const candidate of factBase.entities) {
    for (const id of candidate.figureIds) expect(figures.get(id)?.entityIds).toContain(candidate.id);
  }
}

describe('the corrections list', () => {
  it('keeps one correction per slot: a later rename replaces the earlier, a drop replaces a merge', () => {
    let list = addCorrection([], { type: 'entity/rename', entity: quill, name: 'Quillfeather' }, NOW);
    list = addCorrection(list, { type: 'entity/rename', entity: quill, name: 'Quill' }, NOW + 1);
    list = addCorrection(list, { type: 'entity/kind', entity: quill, kind: 'organization' }, NOW + 2);
    list = addCorrection(list, { type: 'entity/merge', entity: maya, into: quill }, NOW + 3);
    list = addCorrection(list, { type: 'entity/drop', entity: maya }, NOW + 4);
    expect(list.map((correction) => [correction.type, describeCorrection(correction)])).toEqual([
      ['entity/rename', '“Quillfeather Robotics” is called “Quill”'],
      ['entity/kind', '“Quillfeather Robotics” is an organization'],
      ['entity/drop', '“Maya Tran” is not an entity'],
    ]);
    expect(list[0]!.at).toBe(new Date(NOW + 1).toISOString());
  });

  it('treats a rename back to the name the builder gave as undoing the rename', () => {
    const list = addCorrection([], { type: 'entity/rename', entity: quill, name: 'Quill' }, NOW);
    expect(addCorrection(list, { type: 'entity/rename', entity: quill, name: 'Quillfeather Robotics' }, NOW)).toEqual(
      [],
    );
  });

  it('finds the entity as the builder made it from the one shown after a rename, bundled or discovered', () => {
    const list = [
      ...addCorrection([], { type: 'entity/rename', entity: quill, name: 'Quill Inc' }, NOW),
      ...addCorrection([], { type: 'entity/rename', entity: tiktok, name: 'TikTok Ltd' }, NOW),
    ];
    expect(originalEntity(list, { id: 'quill-inc', name: 'Quill Inc' })).toEqual(quill);
    expect(originalEntity(list, { id: 'tiktok', name: 'TikTok Ltd' })).toEqual(tiktok);
    expect(originalEntity(list, maya)).toEqual(maya);
    expect(correctedId(list, quill, bundledIds)).toBe('quill-inc');
    expect(correctedId(list, tiktok, bundledIds)).toBe('tiktok');
  });

  it('removes one correction by its slot, and removing a missing one does nothing', () => {
    const list = addCorrection([], { type: 'entity/drop', entity: maya }, NOW);
    expect(removeCorrection(list, list[0]!)).toEqual([]);
    expect(removeCorrection([], list[0]!)).toEqual([]);
  });

  it('stores equal lists identically', () => {
    const a = addCorrection(
      addCorrection([], { type: 'entity/drop', entity: maya }, NOW),
      {
        type: 'entity/drop',
        entity: quill,
      },
      NOW,
    );
    const b = addCorrection(
      addCorrection([], { type: 'entity/drop', entity: quill }, NOW),
      {
        type: 'entity/drop',
        entity: maya,
      },
      NOW,
    );
    expect(correctionsRecord(a)).toEqual(correctionsRecord(b));
  });
});

describe('corrections of entities discovered in the user’s articles, as discovery rules', () => {
  it.each<[string, CorrectionRequest, object]>([
    ['a drop suppresses the name', { type: 'entity/drop', entity: maya }, { suppress: ['Maya Tran'] }],
    [
      'a rename renames',
      { type: 'entity/rename', entity: quill, name: 'Quill' },
      { rename: { 'Quillfeather Robotics': 'Quill' } },
    ],
    [
      'a rename onto a bundled name merges',
      { type: 'entity/rename', entity: quill, name: 'microsoft' },
      { merge: { 'Quillfeather Robotics': 'microsoft' } },
    ],
    [
      'a re-kind re-kinds',
      { type: 'entity/kind', entity: quill, kind: 'organization' },
      { kind: { 'Quillfeather Robotics': 'organization' } },
    ],
    [
      'a merge into a bundled entity merges',
      { type: 'entity/merge', entity: quill, into: microsoft },
      { merge: { 'Quillfeather Robotics': 'microsoft' } },
    ],
    ['a merge into a discovered entity is left to the pass', { type: 'entity/merge', entity: quill, into: maya }, {}],
    ['a bundled entity is left to the pass', { type: 'entity/drop', entity: tiktok }, {}],
  ])('%s', (_, request, expected) => {
    const rules = discoveryRulesOf(addCorrection([], request, NOW), bundledIds);
    expect(rules).toEqual({ suppress: [], merge: {}, rename: {}, kind: {}, ...expected });
  });

  it('joins the catalog’s rules, the user’s winning on the same name in any case', () => {
    const union = unionDiscoveryRules(
      {
        suppress: ['Recent Stories'],
        merge: { 'United Nations': 'united-nations' },
        kind: { 'Silicon Valley': 'place' },
      },
      { suppress: ['Maya Tran'], merge: {}, rename: { 'united nations': 'UN' }, kind: { 'silicon valley': 'topic' } },
    );
    expect(union).toEqual({
      suppress: ['Recent Stories', 'Maya Tran'],
      merge: {},
      rename: { 'united nations': 'UN' },
      kind: { 'Silicon Valley': 'place', 'silicon valley': 'topic' },
    });
  });
});

describe('applying corrections on a rebuild', () => {
  const quillStory = quillfeather.id;

  it('with none, leaves the merge as it was', () => {
    expect(mergedWith()).toEqual(plain);
  });

  it.each<[string, CorrectionRequest[], (factBase: FactBase) => void]>([
    [
      'renames a discovered entity: new name, new id, same story',
      [{ type: 'entity/rename', entity: quill, name: 'Quill Robotics' }],
      (factBase) => {
        expect(entity(factBase, 'quillfeather-robotics')).toBeUndefined();
        expect(entity(factBase, 'quill-robotics')).toMatchObject({ name: 'Quill Robotics', storyIds: [quillStory] });
        expect(entity(factBase, 'quill-robotics')!.aliases).toContain('Quillfeather Robotics');
      },
    ],
    [
      're-kinds a discovered entity',
      [{ type: 'entity/kind', entity: maya, kind: 'organization' }],
      (factBase) => expect(entity(factBase, 'maya-tran')!.kind).toBe('organization'),
    ],
    [
      'drops a discovered entity from every story',
      [{ type: 'entity/drop', entity: maya }],
      (factBase) => {
        expect(entity(factBase, 'maya-tran')).toBeUndefined();
        expect(factBase.stories.find((story) => story.id === quillStory)!.entityIds).not.toContain('maya-tran');
      },
    ],
    [
      'merges a discovered entity into a bundled one: its names and story become the bundled entity’s',
      [{ type: 'entity/merge', entity: quill, into: microsoft }],
      (factBase) => {
        expect(entity(factBase, 'quillfeather-robotics')).toBeUndefined();
        expect(entity(factBase, 'microsoft')!.aliases).toContain('Quillfeather Robotics');
        expect(entity(factBase, 'microsoft')!.storyIds).toContain(quillStory);
      },
    ],
    [
      'merges a discovered entity into another discovered one',
      [{ type: 'entity/merge', entity: maya, into: quill }],
      (factBase) => {
        expect(entity(factBase, 'maya-tran')).toBeUndefined();
        expect(entity(factBase, 'quillfeather-robotics')!.aliases).toContain('Maya Tran');
        const story = factBase.stories.find((candidate) => candidate.id === quillStory)!;
        expect(story.entityIds).not.toContain('maya-tran');
        expect(story.mentions.map((mention) => mention.entityId)).not.toContain('maya-tran');
      },
    ],
    [
      'merges into an entity renamed before, by its new id',
      [
        { type: 'entity/rename', entity: quill, name: 'Quill' },
        { type: 'entity/merge', entity: maya, into: quill },
      ],
      (factBase) => {
        expect(entity(factBase, 'maya-tran')).toBeUndefined();
        expect(entity(factBase, 'quill')!.aliases).toContain('Maya Tran');
      },
    ],
    [
      'renames a bundled entity by id, keeping its id and old names',
      [{ type: 'entity/rename', entity: tiktok, name: 'TikTok Inc.' }],
      (factBase) => {
        expect(entity(factBase, 'tiktok')).toMatchObject({ name: 'TikTok Inc.' });
        expect(entity(factBase, 'tiktok')!.aliases).toEqual(expect.arrayContaining(['TikTok', 'TikTok Inc.']));
      },
    ],
    [
      're-kinds a bundled entity',
      [{ type: 'entity/kind', entity: tiktok, kind: 'product' }],
      (factBase) => expect(entity(factBase, 'tiktok')!.kind).toBe('product'),
    ],
    [
      'drops a bundled entity; its figures stay with their stories and other owners',
      [{ type: 'entity/drop', entity: tiktok }],
      (factBase) => {
        expect(entity(factBase, 'tiktok')).toBeUndefined();
        const figure = figureByText(factBase, 'tiktok-cloud', 'nearly $20 million per month')!;
        expect(figure.entityIds).not.toContain('tiktok');
        expect(factBase.stories.find((story) => story.id === 'tiktok-cloud')!.figureIds).toContain(figure.id);
      },
    ],
    [
      'merges a bundled entity into another bundled one',
      [{ type: 'entity/merge', entity: { id: 'bytedance', name: 'ByteDance' }, into: tiktok }],
      (factBase) => {
        expect(entity(factBase, 'bytedance')).toBeUndefined();
        expect(entity(factBase, 'tiktok')!.aliases).toContain('ByteDance');
      },
    ],
    [
      'does nothing for an entity the fact base does not have',
      [
        { type: 'entity/rename', entity: { id: 'nobody', name: 'Nobody' }, name: 'Somebody' },
        { type: 'entity/drop', entity: { id: 'gone', name: 'Gone' } },
        { type: 'entity/merge', entity: quill, into: { id: 'gone', name: 'Gone' } },
      ],
      (factBase) => expect(factBase).toEqual(plain),
    ],
  ])('%s', (_, requests, check) => {
    const factBase = mergedWith(...requests);
    expectConsistent(factBase);
    check(factBase);
  });
});

describe('an entity with a short form, merged by the user into another', () => {
  const keynote: UserArticle = {
    id: 'user-keynote',
    title: 'Quillfeather chief Ana Baker opens the keynote',
    date: '2025-10-21',
    body: 'Quillfeather Robotics chief Ana Baker opened the keynote. Baker said orders doubled. Ana Baker then left.',
    addedAt: '2025-10-21T09:00:00.000Z',
  };
  const ana = { id: 'ana-baker', name: 'Ana Baker' };

  it('gives the other entity its short form, still a short form', () => {
    const before = mergeUserArticles(bundled, [quillfeather, keynote], catalog.discovery).factBase;
    expect(entity(before, 'ana-baker')?.shortForms).toEqual(['Baker']);
    const corrections = addCorrection([], { type: 'entity/merge', entity: ana, into: quill }, NOW);
    const after = mergeUserArticles(bundled, [quillfeather, keynote], catalog.discovery, corrections).factBase;
    expect(entity(after, 'quillfeather-robotics')?.aliases).toEqual(expect.arrayContaining(['Ana Baker', 'Baker']));
    expect(entity(after, 'quillfeather-robotics')?.shortForms).toEqual(['Baker']);
  });
});

describe('figure corrections', () => {
  const capex = microsoftArticle.id;
  const spent = () => figureByText(plain, capex, '$34.9 billion')!;
  const growth = () => figureByText(plain, capex, '40 percent')!;
  const ownersOf = (factBase: FactBase, figure: Figure) =>
    factBase.figures.find((candidate) => candidate.sentence === figure.sentence && candidate.text === figure.text)
      ?.entityIds;

  it.each<[string, () => CorrectionRequest[], (factBase: FactBase) => void]>([
    [
      'a dropped figure is gone from the figures, its story and its owners',
      () => [{ type: 'figure/drop', figure: figureRef(spent()) }],
      (factBase) => {
        expect(ownersOf(factBase, spent())).toBeUndefined();
        expect(factBase.stories.find((story) => story.id === capex)!.figureIds).not.toContain(spent().id);
        expect(entity(factBase, 'microsoft')!.figureIds).not.toContain(spent().id);
        expect(entity(factBase, 'microsoft')!.figureIds).toContain(growth().id);
      },
    ],
    [
      'a figure moved to another entity belongs to it alone',
      () => [{ type: 'figure/move', figure: figureRef(growth()), to: [{ id: 'azure', name: 'Azure' }] }],
      (factBase) => {
        expect(ownersOf(factBase, growth())).toEqual(['azure']);
        expect(entity(factBase, 'azure')!.figureIds).toContain(growth().id);
        expect(entity(factBase, 'microsoft')!.figureIds).not.toContain(growth().id);
      },
    ],
    [
      'a figure moved to the story only belongs to no entity but stays in its story',
      () => [{ type: 'figure/move', figure: figureRef(growth()), to: [] }],
      (factBase) => {
        expect(ownersOf(factBase, growth())).toEqual([]);
        expect(factBase.stories.find((story) => story.id === capex)!.figureIds).toContain(growth().id);
      },
    ],
    [
      'a figure moved to an entity renamed since follows it to its new id',
      () => [
        { type: 'figure/move', figure: figureRef(figureByText(plain, quillfeather.id, '40 engineers')!), to: [maya] },
        { type: 'entity/rename', entity: maya, name: 'Maya T. Tran' },
      ],
      (factBase) =>
        expect(ownersOf(factBase, figureByText(plain, quillfeather.id, '40 engineers')!)).toEqual(['maya-t-tran']),
    ],
    [
      'a figure moved to an entity merged away goes to the entity it was merged into',
      () => [
        { type: 'figure/move', figure: figureRef(figureByText(plain, quillfeather.id, '40 engineers')!), to: [maya] },
        { type: 'entity/merge', entity: maya, into: quill },
      ],
      (factBase) =>
        expect(ownersOf(factBase, figureByText(plain, quillfeather.id, '40 engineers')!)).toEqual([
          'quillfeather-robotics',
        ]),
    ],
    [
      'a correction of a figure no story has any more does nothing',
      () => [{ type: 'figure/drop', figure: { storyId: capex, text: '$1', sentence: 'Gone.' } }],
      (factBase) => expect(factBase).toEqual(plain),
    ],
  ])('%s', (_, requests, check) => {
    const factBase = mergedWith(...requests());
    expectConsistent(factBase);
    check(factBase);
  });

  it('finds a figure again by its words and sentence when its position in the story changes', () => {
    // The builder improves and finds one more figure earlier in the story: every later id shifts by one.
    const shifted: FactBase = {
      ...plain,
      figures: plain.figures.map((figure) =>
        figure.storyId === capex
          ? { ...figure, id: figure.id.replace(/#(\d+)$/, (_, n) => `#${Number(n) + 1}`) }
          : figure,
      ),
      stories: plain.stories.map((story) =>
        story.id === capex
          ? { ...story, figureIds: story.figureIds.map((id) => id.replace(/#(\d+)$/, (_, n) => `#${Number(n) + 1}`)) }
          : story,
      ),
      entities: plain.entities.map((candidate) => ({
        ...candidate,
        figureIds: candidate.figureIds.map((id) =>
          id.startsWith(`${capex}#`) ? id.replace(/#(\d+)$/, (_, n) => `#${Number(n) + 1}`) : id,
        ),
      })),
    };
    const corrections = addCorrection([], { type: 'figure/drop', figure: figureRef(spent()) }, NOW);
    const corrected = applyCorrections(shifted, corrections, bundledIds);
    expect(corrected.figures.some((figure) => figure.text === '$34.9 billion')).toBe(false);
    expect(corrected.figures.some((figure) => figure.text === '40 percent')).toBe(true);
    expectConsistent(corrected);
  });

  it('applies corrections of bundled entities with no user article at all', () => {
    const corrections = addCorrection([], { type: 'entity/rename', entity: tiktok, name: 'TikTok Inc.' }, NOW);
    const merged = mergeUserArticles(bundled, [], catalog.discovery, corrections);
    expect(entity(merged.factBase, 'tiktok')!.name).toBe('TikTok Inc.');
  });
});
