import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactsArgs, runFacts } from '@/src/ingest/cli';

/** A scratch copy of the project's inputs, so the CLI runs exactly as `npm run facts` does. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'factlens-facts-'));
  cpSync('assets', join(dir, 'assets'), { recursive: true });
  return dir;
}

async function run(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFacts(argv, { log: (l) => out.push(l), error: (l) => err.push(l), cwd });
  return { code, out, err };
}

describe('npm run facts', () => {
  it('parses its options', () => {
    expect(parseFactsArgs(['--articles', 'x', '--out=y.json', '--check'])).toEqual({
      articles: 'x',
      entities: 'assets/entities.yaml',
      out: 'y.json',
      check: true,
    });
    expect(() => parseFactsArgs(['--bogus'])).toThrow(/unknown option '--bogus'\nusage: /);
    expect(() => parseFactsArgs(['--out'])).toThrow(/--out needs a value/);
  });

  it('writes the fact base and prints a summary', async () => {
    const dir = workspace();
    const { code, out } = await run(['--out', 'fb.json'], dir);
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^wrote fb\.json: 4 stories, \d+ entities \(\d+ from the catalog, \d+ discovered\), \d+ figures/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'fb.json'), 'utf8')).format).toBe('factlens.factbase/1');
  });

  it('--check passes on a fresh file and fails on a stale one, writing nothing', async () => {
    const dir = workspace();
    await run(['--out', 'fb.json'], dir);
    expect((await run(['--out', 'fb.json', '--check'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'fb.json'), '{}');
    const stale = await run(['--out', 'fb.json', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.err).toEqual(['fb.json is out of date: run npm run facts']);
    expect(readFileSync(join(dir, 'fb.json'), 'utf8')).toBe('{}');
  });

  it('names the file, line and field of a bad article and keeps the old fact base', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'fb.json'), 'previous');
    const credo = join(dir, 'assets/articles/credo-purple-cables.md');
    writeFileSync(credo, readFileSync(credo, 'utf8').replace('date: 2025-10-17', 'date: Oct 17'));
    const { code, err } = await run(['--out', 'fb.json'], dir);
    expect(code).toBe(1);
    expect(err).toEqual([
      "assets/articles/credo-purple-cables.md:3: date 'Oct 17' is not YYYY-MM-DD",
      'no fact base written: 1 problem(s)',
    ]);
    expect(readFileSync(join(dir, 'fb.json'), 'utf8')).toBe('previous');
  });

  it('says when the folder or the catalog can not be read', async () => {
    const dir = workspace();
    expect((await run(['--articles', 'nowhere'], dir)).err).toEqual(['nowhere: cannot read the articles folder']);
    expect((await run(['--entities', 'none.yaml', '--out', 'x.json'], dir)).err).toEqual([
      'none.yaml: cannot read the entity catalog',
    ]);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
