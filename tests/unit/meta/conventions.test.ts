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
import { BackgroundRequest, ContentRequest } from '@/src/messages/schema';

const ROOT = path.resolve(__dirname, '../../..');

/** The `type` literals of a discriminated union of `z.object({ type: z.literal(...) })` schemas. */
function typesOf(union: typeof BackgroundRequest | typeof ContentRequest): string[] {
  return union.def.options.map((option) => {
    const literal = option.def.shape.type.def.values as readonly unknown[];
    return String(literal[0]);
  });
}

describe('message conventions', () => {
  it('has a background handler for every BackgroundRequest type, and no handler for a type nobody can send', () => {
    const factBase = FactBase.parse(JSON.parse(readFileSync(`${ROOT}/src/facts/factbase.json`, 'utf8')) as unknown);
    const handlers = createHandlers(createFactBaseStore(factBase), { show: () => {} });
    const requestTypes = typesOf(BackgroundRequest);
    expect(requestTypes.length).toBeGreaterThan(5);
    expect(Object.keys(handlers).sort()).toEqual([...requestTypes].sort());
  });

  it('handles every ContentRequest type in the annotator', () => {
    const annotator = readFileSync(`${ROOT}/src/page/annotator.ts`, 'utf8');
    const requestTypes = typesOf(ContentRequest);
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
