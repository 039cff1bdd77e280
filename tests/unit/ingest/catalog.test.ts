import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '@/src/ingest/catalog';
import { IngestError, formatProblem } from '@/src/ingest/errors';

const FILE = 'assets/entities.yaml';
const problemsOf = (text: string): string[] => {
  try {
    parseCatalog(FILE, text);
  } catch (error) {
    if (error instanceof IngestError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
};

describe('parseCatalog', () => {
  it('parses the project catalog', () => {
    const catalog = parseCatalog(FILE, readFileSync(FILE, 'utf8'));
    const ids = catalog.entities.map((entity) => entity.id);
    expect(ids).toEqual(expect.arrayContaining(['tiktok', 'bytedance', 'microsoft', 'azure', 'openai', 'credo']));
    expect(catalog.entities.find((entity) => entity.id === 'credo')?.contextWords).toContain('semiconductor');
  });

  it('names the line and field of a bad kind', () => {
    expect(problemsOf('entities:\n  - id: x\n    name: X\n    kind: gadget\n    aliases: [X]\n')).toEqual([
      expect.stringMatching(/^assets\/entities\.yaml:4: entities\.0\.kind: /),
    ]);
  });

  it('names a missing field on its entity', () => {
    expect(problemsOf('entities:\n  - id: x\n    name: X\n    kind: company\n')).toEqual([
      expect.stringMatching(/^assets\/entities\.yaml:2: entities\.0\.aliases: /),
    ]);
  });

  it('rejects an id that is not a slug', () => {
    expect(problemsOf('entities:\n  - id: Big Co\n    name: X\n    kind: company\n    aliases: [X]\n')).toEqual([
      'assets/entities.yaml:2: entities.0.id: must be a slug (a-z, 0-9, hyphens)',
    ]);
  });

  it('rejects an id used twice, naming both lines', () => {
    const entity = (line: string) => `  - id: x\n    name: ${line}\n    kind: company\n    aliases: [X]\n`;
    expect(problemsOf(`entities:\n${entity('A')}${entity('B')}`)).toEqual([
      "assets/entities.yaml:6: entities.1.id: 'x' is used twice (first on line 2)",
    ]);
  });

  it('rejects a merge into an unknown entity', () => {
    expect(
      problemsOf(
        'entities:\n  - id: x\n    name: X\n    kind: company\n    aliases: [X]\ndiscovery:\n  merge:\n    Foo: nobody\n',
      ),
    ).toEqual(["assets/entities.yaml:8: discovery.merge.Foo: no catalog entity has id 'nobody'"]);
  });

  it('reads short forms, and rejects one that is not an alias of its entity, naming its line', () => {
    const entity = (shortForms: string) =>
      `entities:\n  - id: tim-cook\n    name: Tim Cook\n    kind: person\n    aliases: [Tim Cook, Cook]\n` +
      `    shortForms: [${shortForms}]\n`;
    expect(parseCatalog(FILE, entity('Cook')).entities[0]!.shortForms).toEqual(['Cook']);
    expect(problemsOf(entity('Cook, Timmy'))).toEqual([
      "assets/entities.yaml:6: entities.0.shortForms.1: 'Timmy' is not one of the entity's aliases",
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('entities:\n  - id: x\n   name: [\n')[0]).toBe(
      'assets/entities.yaml:3: not valid YAML: Sequence item without - indicator',
    );
  });
});
