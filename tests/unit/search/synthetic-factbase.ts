/**
 * Large made-up fact bases for timing search: `syntheticFactBase(10_000)` is
 * ten thousand stories of news-like prose (a few hundred words each, a
 * vocabulary of tens of thousands of words with a long tail, entity names and
 * figures), generated from a seed so every run times the same data.
 */
import { seededRandom as random } from '@/bench/aliases';
import type { Entity, FactBase, Figure, Story } from '@/src/facts/schema';

const COMMON = (
  'the of and to in a is that for on with as was by at from its it has are be this have an which will said ' +
  'company market growth revenue cloud data center chips model models quarter year percent million billion ' +
  'investment investors report analysts customers services platform energy power network research policy ' +
  'government users deal shares stock price sales demand supply costs plans launch new first largest ' +
  'according officials industry technology software hardware security deployment infrastructure'
).split(' ');

const SYLLABLES = 'ka ro mi tu ne sa lo vi pe da zu ri fo gen tal mar cor bel dex von ly tra quin sor ph'.split(' ');

function makeWord(next: () => number): string {
  const length = 2 + Math.floor(next() * 3);
  let word = '';
  for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return word;
}

/** Options for {@link syntheticFactBase}. */
export interface SyntheticOptions {
  /** Seed of the generator; the same seed gives the same fact base. */
  seed?: number;
  /** Words per story body, on average. */
  wordsPerStory?: number;
  /** Distinct rare words across the whole fact base. */
  vocabulary?: number;
}

/** A fact base of `storyCount` generated stories, one entity per 20 stories, three figures per story. */
export function syntheticFactBase(storyCount: number, options: SyntheticOptions = {}): FactBase {
  const next = random(options.seed ?? 42);
  const wordsPerStory = options.wordsPerStory ?? 300;
  const rare = Array.from({ length: options.vocabulary ?? 40_000 }, () => makeWord(next));
  // Zipf-like: a few rare words are common, most appear a handful of times.
  const rareWord = () => rare[Math.floor(rare.length * next() ** 3)]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

  const entityCount = Math.max(10, Math.round(storyCount / 20));
  const entities: Entity[] = Array.from({ length: entityCount }, (_, index) => {
    const name = `${capitalise(makeWord(next))} ${capitalise(makeWord(next))}`;
    return {
      id: `entity-${index}`,
      name,
      kind: pick(['company', 'product', 'organization', 'person'] as const),
      aliases: [name],
      description: `${name} is a ${pick(COMMON)} ${rareWord()} ${pick(COMMON)} ${rareWord()}.`,
      storyIds: [],
      figureIds: [],
    };
  });

  const stories: Story[] = [];
  const figures: Figure[] = [];
  for (let index = 0; index < storyCount; index++) {
    const id = `story-${index}`;
    const named = Array.from({ length: 3 + Math.floor(next() * 3) }, () => pick(entities));
    const sentences: string[] = [];
    let words = 0;
    while (words < wordsPerStory) {
      const length = 12 + Math.floor(next() * 14);
      const sentence = Array.from({ length }, (_, at) =>
        at === 2 ? pick(named).name : next() < 0.55 ? pick(COMMON) : rareWord(),
      );
      sentences.push(`${capitalise(sentence.join(' '))}.`);
      words += length;
    }
    const storyFigures: Figure[] = Array.from({ length: 3 }, (_, at) => {
      const amount = 1 + Math.floor(next() * 500);
      const percent = next() < 0.4;
      const text = percent ? `${amount} percent` : `$${amount} million`;
      const sentence = `${pick(named).name} reported ${text} in ${pick(COMMON)} ${rareWord()}.`;
      sentences.splice(1 + at, 0, sentence);
      return {
        id: `${id}#${at + 1}`,
        storyId: id,
        entityIds: [...new Set(named.map((entity) => entity.id))].slice(0, 2),
        text,
        sentence,
        unit: percent ? 'percent' : 'USD',
        value: percent ? amount : amount * 1e6,
        offset: sentence.indexOf(text),
      };
    });
    figures.push(...storyFigures);
    const entityIds = [...new Set(named.map((entity) => entity.id))];
    for (const entityId of entityIds) entities[Number(entityId.slice('entity-'.length))]!.storyIds.push(id);
    for (const figure of storyFigures) {
      for (const entityId of figure.entityIds) {
        entities[Number(entityId.slice('entity-'.length))]!.figureIds.push(figure.id);
      }
    }
    const day = 1 + (index % 28);
    stories.push({
      id,
      title: capitalise(`${pick(named).name} ${pick(COMMON)} ${rareWord()} ${pick(COMMON)} ${rareWord()}`),
      date: next() < 0.1 ? null : `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      source: pick(['AI news digest', 'Daily Wire Service', 'Tech Review']),
      summary: sentences[0]!,
      body: sentences.join(' '),
      entityIds,
      figureIds: storyFigures.map((figure) => figure.id),
      mentions: [],
    });
  }
  return { format: 'factlens.factbase/1', entities, stories, figures };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
