/**
 * Meta-tests: conventions that no single feature test would notice breaking. A message type added to a
 * schema without a handler, or a catalog entity that no article ever names, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createHandlers } from '@/src/background/handlers';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { FactBase } from '@/src/facts/schema';
import { ToBackgroundCalls, ToContentCalls } from '@/src/messages/protocol';

const ROOT = path.resolve(__dirname, '../../..');

/** The request types of a call map, each checked against the `type` literal of its request schema. */
function typesOf(calls: typeof ToBackgroundCalls | typeof ToContentCalls): string[] {
  return Object.entries(calls).map(([type, call]) => {
    const literal = call.request.def.shape.type.def.values as readonly unknown[];
    expect(String(literal[0]), `the request schema of ${type}`).toBe(type);
    return type;
  });
}

describe('message conventions', () => {
  it('has a background handler for every request type of the call maps to the background, and no handler for a type nobody can send', () => {
    const factBase = FactBase.parse(JSON.parse(readFileSync(`${ROOT}/src/facts/factbase.json`, 'utf8')) as unknown);
    const handlers = createHandlers(createFactBaseStore(factBase), { show: () => {} });
    const requestTypes = typesOf(ToBackgroundCalls);
    expect(requestTypes.length).toBeGreaterThan(5);
    expect(Object.keys(handlers).sort()).toEqual([...requestTypes].sort());
  });

  it('handles every request type of the call map to the content script in the annotator', () => {
    const annotator = readFileSync(`${ROOT}/src/page/annotator.ts`, 'utf8');
    const requestTypes = typesOf(ToContentCalls);
    expect(requestTypes.length).toBeGreaterThan(1);
    const unhandled = requestTypes.filter((type) => !annotator.includes(`case '${type}':`));
    expect(unhandled).toEqual([]);
  });
});

interface CatalogEntity {
  id: string;
  name: string;
  aliases?: (string | { text: string; case?: string })[];
}

describe('catalog conventions', () => {
  it('names every catalog entity, by its name or an alias, in at least one article', () => {
    const catalog = parseYaml(readFileSync(`${ROOT}/assets/entities.yaml`, 'utf8')) as { entities: CatalogEntity[] };
    const articleDir = `${ROOT}/assets/articles`;
    const articles = readdirSync(articleDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(articleDir, name), 'utf8'));
    expect(catalog.entities.length).toBeGreaterThan(0);
    expect(articles.length).toBeGreaterThan(0);

    const named = (entity: CatalogEntity) =>
      [entity.name, ...(entity.aliases ?? [])].some((alias) => {
        const text = typeof alias === 'string' ? alias : alias.text;
        const insensitive = typeof alias !== 'string' && alias.case === 'insensitive';
        return articles.some((article) =>
          insensitive ? article.toLowerCase().includes(text.toLowerCase()) : article.includes(text),
        );
      });
    expect(catalog.entities.filter((entity) => !named(entity)).map((entity) => entity.id)).toEqual([]);
  });
});
