/**
 * The repository stands alone: a fresh `git clone` has nothing beside it, so no code under `src/`,
 * `entrypoints/`, `tests/`, `bench/` or `scripts/` may read a folder outside the repository. Issue 13:
 * tests once read saved pages from `../shared/pages`, and a new user's `npm test` failed with ENOENT.
 * System browsers and environment-variable overrides are fine: they are not paths written in the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCANNED_FOLDERS = ['src', 'entrypoints', 'tests', 'bench', 'scripts'];
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The string literals of a JavaScript or TypeScript source, line by line, comments left out. Each line
 * starts afresh, so a regular expression holding a quote can not throw the rest of the file out of step;
 * a template's `${…}` splits it into the parts around it.
 */
function stringLiterals(source: string): string[] {
  const literals: string[] = [];
  for (const line of withoutComments(source).split('\n')) {
    for (const [, , text] of line.matchAll(/(['"`])((?:\\.|(?!\1).)*?)\1/g)) {
      literals.push(...text!.split(/\$\{[^}]*\}/));
    }
  }
  return literals;
}

/** Comments left out, so that prose about the old layout does not count as a read. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** A call that resolves a path from the repository's root and then climbs out of it. */
const CLIMB_FROM_ROOT =
  /\b(?:resolve|join)\(\s*(?:REPO_ROOT|repoRoot|ROOT|root|process\.cwd\(\))\s*,\s*(['"`])\.\.(?:[/\\]|\1)/;

/** Why the source at `file` (relative to `repoRoot`) reads outside the repository, if it does. */
export function readsOutsideRepository(file: string, source: string, repoRoot: string): string[] {
  const findings: string[] = [];
  const directory = path.dirname(path.join(repoRoot, file));
  for (const literal of stringLiterals(source)) {
    if (/(?:^|[/\\])shared[/\\](?:pages|articles|hooks)\b/.test(literal) && literal.includes('..')) {
      findings.push(`names the shared folder beside the repository: '${literal}'`);
      continue;
    }
    if (literal === '..' || literal.startsWith('../') || literal.startsWith('..\\')) {
      const target = path.resolve(directory, literal);
      if (path.relative(repoRoot, target).startsWith('..')) findings.push(`climbs out of the repository: '${literal}'`);
    }
  }
  const climb = CLIMB_FROM_ROOT.exec(withoutComments(source));
  if (climb) findings.push(`climbs out of the repository from its root: '${climb[0]}'`);
  return findings;
}

function sourceFiles(folder: string): string[] {
  const absolute = path.join(REPO_ROOT, folder);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

describe('readsOutsideRepository', () => {
  const ROOT = '/repo';
  it.each([
    ['tests/unit/a.test.ts', "const DIR = path.resolve(__dirname, '../../../../shared/pages');"],
    ['tests/e2e/harness.ts', "export const PAGES = path.resolve(REPO_ROOT, '../shared/pages');"],
    ['scripts/x.ts', "const pagesDir = resolve(repoRoot, '..', 'shared', 'pages');"],
    ['bench/run.ts', 'const out = `../../elsewhere/${name}.json`;'],
    ['src/a.ts', "readFileSync('../../outside.txt')"],
  ])('finds the read in %s: %s', (file, source) => {
    expect(readsOutsideRepository(file, source, ROOT)).not.toEqual([]);
  });

  it.each([
    ['tests/unit/a.test.ts', "import { x } from '../../src/a';"],
    ['scripts/x.ts', "const repoRoot = resolve(import.meta.dirname, '..');"],
    ['tests/e2e/harness.ts', "const dir = path.join(REPO_ROOT, 'tests/fixtures/pages');"],
    ['tests/unit/b.test.ts', '// The digest once lived in ../shared/articles beside the repository.'],
    ['tests/e2e/h.ts', "const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';"],
  ])('lets %s be: %s', (file, source) => {
    expect(readsOutsideRepository(file, source, ROOT)).toEqual([]);
  });
});

describe('the repository stands alone', () => {
  it('has no code that reads a folder beside the repository', () => {
    // This file is left out: its table above holds such reads on purpose.
    const self = path.relative(REPO_ROOT, __filename);
    const files = SCANNED_FOLDERS.flatMap(sourceFiles).filter((file) => file !== self);
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) =>
      readsOutsideRepository(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'), REPO_ROOT).map(
        (finding) => `${file}: ${finding}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
