// @vitest-environment node
/**
 * Unit tests mirror the code they test (issue 14): `tests/unit/<folder>/` stands for `src/<folder>/` (or,
 * for `bench/` and `entrypoints/`, that folder at the root), and a test named after a module sits in the
 * mirror of that module's folder, so a newcomer finds a module's tests from its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const UNIT = path.join(ROOT, 'tests/unit');
/** Test folders that stand for something other than a folder of src/. */
const OWN_FOLDERS: Record<string, string> = {
  bench: 'bench',
  entrypoints: 'entrypoints',
  // The build's own checks (scripts/vite-plugins) and the conventions of the whole repository.
  build: 'scripts/vite-plugins',
  meta: '.',
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const moduleName = (file: string) => path.basename(file).replace(/(?:\.test)?\.tsx?$/, '');
const srcModules = files(path.join(ROOT, 'src'))
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => path.relative(ROOT, file));

/** Where a test under `tests/unit/<folder>` belongs: the code folder it mirrors. */
function mirrorOf(testFolder: string): string {
  const [top = '', ...rest] = testFolder.split('/');
  const own = OWN_FOLDERS[top];
  return own === undefined ? path.join('src', testFolder) : path.join(own, ...rest);
}

const tests = files(UNIT)
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => path.relative(UNIT, file));

describe('unit tests mirror the code', () => {
  it.each(tests)('%s sits in the mirror of a code folder', (test) => {
    expect(fs.existsSync(path.join(ROOT, mirrorOf(path.dirname(test)))), mirrorOf(path.dirname(test))).toBe(true);
  });

  it.each(tests)('%s sits beside the module it is named after', (test) => {
    const mirror = mirrorOf(path.dirname(test));
    const named = srcModules.filter((file) => moduleName(file) === moduleName(test));
    const here =
      named.some((file) => path.dirname(file) === mirror) ||
      fs.existsSync(path.join(ROOT, mirror, `${moduleName(test)}.ts`));
    const elsewhere = named.map((file) => path.join('tests/unit', path.relative('src', path.dirname(file))));
    expect(here || named.length === 0 ? [] : elsewhere, `move ${test} to the mirror of its module`).toEqual([]);
  });
});
