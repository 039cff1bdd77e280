/**
 * The curated entity catalog (`assets/entities.yaml`): entities we know by
 * name, and the rules that steer automatic discovery. Parsed with a zod
 * schema; every problem is reported with its file, line and field.
 */
import * as z from 'zod/mini';
import { LineCounter, parseDocument, isCollection, type Node as YamlNode } from 'yaml';
import { CaseRule, EntityKind, Slug } from '../facts/schema';
import { IngestError, type IngestProblem } from './errors';
import { yamlErrorText } from './yaml-errors';

const AliasEntry = z.union([
  z.string().check(z.minLength(1)),
  z.object({ text: z.string().check(z.minLength(1)), case: CaseRule }),
]);

/** One curated entity. */
export const CatalogEntity = z.object({
  id: Slug,
  name: z.string().check(z.minLength(1)),
  kind: EntityKind,
  aliases: z.array(AliasEntry).check(z.minLength(1)),
  description: z.optional(z.string()),
  contextWords: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Aliases that name the entity only beside its full name (`Entity.shortForms`); each must be an alias. */
  shortForms: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type CatalogEntity = z.infer<typeof CatalogEntity>;

/** How the catalog steers discovered entities. Names are compared case-insensitively. */
export const DiscoveryRules = z.object({
  /** Names that are never entities. */
  suppress: z.optional(z.array(z.string())),
  /** Discovered name → catalog entity id it is another name for. */
  merge: z.optional(z.record(z.string(), Slug)),
  /** Discovered name → display name to use. */
  rename: z.optional(z.record(z.string(), z.string().check(z.minLength(1)))),
  /** Discovered name → kind to use. */
  kind: z.optional(z.record(z.string(), EntityKind)),
});
export type DiscoveryRules = z.infer<typeof DiscoveryRules>;

/** The whole catalog file. */
export const Catalog = z.object({
  entities: z.array(CatalogEntity),
  discovery: z.optional(DiscoveryRules),
});
export type Catalog = z.infer<typeof Catalog>;

/** Parse the catalog's YAML text; throws an {@link IngestError} naming file, line and field. */
export function parseCatalog(path: string, text: string): Catalog {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length) {
    throw new IngestError(
      document.errors.map((error) => ({
        file: path,
        line: error.linePos?.[0]?.line ?? 1,
        message: `not valid YAML: ${yamlErrorText(error)}`,
      })),
    );
  }
  const parsed = Catalog.safeParse(document.toJS());
  const problems: IngestProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path_ = issue.path.map(String);
      problems.push({
        file: path,
        line: lineOfPath(document.contents as YamlNode, issue.path as (string | number)[], lineCounter),
        field: path_.join('.'),
        message: `${path_.join('.') || '(root)'}: ${issue.message}`,
      });
    }
    throw new IngestError(problems);
  }
  const catalog = parsed.data;
  const seen = new Map<string, number>();
  catalog.entities.forEach((entity, index) => {
    const line = lineOfPath(document.contents as YamlNode, ['entities', index, 'id'], lineCounter);
    if (seen.has(entity.id)) {
      problems.push({
        file: path,
        line,
        field: `entities.${index}.id`,
        message: `entities.${index}.id: '${entity.id}' is used twice (first on line ${seen.get(entity.id)})`,
      });
    } else seen.set(entity.id, line);
    const aliases = new Set(entity.aliases.map((alias) => (typeof alias === 'string' ? alias : alias.text)));
    (entity.shortForms ?? []).forEach((form, at) => {
      if (aliases.has(form)) return;
      problems.push({
        file: path,
        line: lineOfPath(document.contents as YamlNode, ['entities', index, 'shortForms', at], lineCounter),
        field: `entities.${index}.shortForms.${at}`,
        message: `entities.${index}.shortForms.${at}: '${form}' is not one of the entity's aliases`,
      });
    });
  });
  for (const [name, target] of Object.entries(catalog.discovery?.merge ?? {})) {
    if (!seen.has(target)) {
      problems.push({
        file: path,
        line: lineOfPath(document.contents as YamlNode, ['discovery', 'merge', name], lineCounter),
        field: `discovery.merge.${name}`,
        message: `discovery.merge.${name}: no catalog entity has id '${target}'`,
      });
    }
  }
  if (problems.length) throw new IngestError(problems);
  return catalog;
}

/** The line of the deepest YAML node that exists along `path` (1-based). */
function lineOfPath(root: YamlNode | null, path: (string | number)[], lineCounter: LineCounter): number {
  let node: YamlNode | null = root;
  let line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  for (const key of path) {
    if (!node || !isCollection(node)) break;
    const next = node.get(key, true) as YamlNode | undefined;
    if (!next) break;
    node = next;
    if (node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  return line;
}
