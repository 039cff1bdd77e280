// @vitest-environment node
/**
 * No import cycle anywhere in the code, type-only and dynamic imports included: two modules that import
 * each other are one module in two files, and the shared piece belongs in a module below both (issue 14).
 * Imports are resolved as TypeScript resolves them (the `@/` alias too).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const FOLDERS = ['src', 'entrypoints', 'tests', 'scripts', 'bench'];
const SKIPPED = new Set(['node_modules', 'fixtures']);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Each file under `folders` of `root`, with the files of the project it imports (type-only and dynamic too). */
function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  const options = config?.options ?? {};
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      return resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.includes('node_modules')
        ? [path.relative(root, resolved.resolvedFileName)]
        : [];
    });
    graph.set(path.relative(root, file), targets);
  }
  return graph;
}

/** The groups of files that reach each other through imports (strongly connected, more than one file). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('there are none in src, entrypoints, tests, scripts and bench', () => {
    const graph = importGraph(ROOT, FOLDERS);
    expect(graph.size).toBeGreaterThan(300);
    expect(cycles(graph)).toEqual([]);
  });

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factlens-cycles-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('are found through type-only, re-exporting, aliased and dynamic imports', () => {
    fs.writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
    );
    const files: Record<string, string> = {
      'src/a/matcher.ts':
        "import type { Payload } from './payload';\nexport const plan = 3;\nexport type P = Payload;\n",
      'src/a/payload.ts': "import { plan } from './matcher';\nexport type Payload = { v: typeof plan };\n",
      'src/b/details.ts': "export type { Sender } from '@/src/c/messaging';\nexport const details = 1;\n",
      'src/c/messaging.ts':
        "export interface Sender { send(): void }\nexport const load = () => import('../b/details');\n",
      'src/d/alone.ts': "import { plan } from '../a/matcher';\nexport const alone = plan;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.writeFileSync(path.join(scratch, file), text);
    }
    expect(cycles(importGraph(scratch, ['src']))).toEqual(
      expect.arrayContaining([
        ['src/a/matcher.ts', 'src/a/payload.ts'],
        ['src/b/details.ts', 'src/c/messaging.ts'],
      ]),
    );
    expect(cycles(importGraph(scratch, ['src']))).toHaveLength(2);
  });
});
