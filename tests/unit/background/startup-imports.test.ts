/**
 * The background's start loads only what answering a content script needs: the article builder (the
 * ingest core, the `compromise` lexicon, YAML) runs in its own worker, started when the user's articles
 * need analysing (issue 16: it was nine tenths of background.js), and the figure readers that answer
 * `figures/check` are a script of their own, loaded on the first figure check (a third of what was left,
 * gzipped). This follows the background entry point's imports through the source, so a new import that
 * pulls either back in fails here, not only in the bench's size numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** Every module `entry` reaches through static and dynamic imports: source files and package names. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // Type-only imports vanish from the build: they do not count.
    const pattern =
      /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
    for (const match of source.matchAll(pattern)) {
      const specifier = (match[1] ?? match[2])!;
      const base = specifier.startsWith('@/')
        ? path.join(ROOT, specifier.slice(2))
        : specifier.startsWith('.')
          ? path.resolve(path.dirname(file), specifier)
          : null;
      if (base === null) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        continue;
      }
      const resolved = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (candidate) => existsSync(candidate) && !candidate.endsWith('/'),
      );
      if (resolved && /\.tsx?$/.test(resolved)) queue.push(resolved);
    }
  }
  return { files, packages };
}

describe('the background at start', () => {
  const { files, packages } = reachable('entrypoints/background.ts');
  const relative = [...files].map((file) => path.relative(ROOT, file));

  it('does not load the article builder, its lexicon or a YAML parser', () => {
    expect(relative).toContain('src/background/user-articles.ts');
    // Neither the builder proper (build, discovery and its lexicon, cleaning, sentences, the catalog's YAML)
    // nor the figure readers (figures, measures, statuses, owners: see below).
    const builderParts =
      /^src\/ingest\/(?:build|discover|clean|sentences|catalog|articles|cli|figures|measure|figure-status|owners|quote-speakers)\b/;
    expect(relative.filter((file) => builderParts.test(file))).toEqual([]);
    expect(relative).not.toContain('src/user-articles/merge.ts');
    expect(relative).not.toContain('src/user-articles/preview.ts');
    expect([...packages].filter((name) => ['compromise', 'yaml'].includes(name))).toEqual([]);
  });

  it('does not load the figure checker, which loads on the first figure check', () => {
    // Its handler is there, with the loader of its script; the checker, the comparisons and the readers not.
    expect(relative).toContain('src/background/figures.ts');
    expect(relative).toContain('src/background/figure-checker-script.ts');
    expect(relative).not.toContain('src/background/figure-checker.ts');
    expect(relative.filter((file) => file.startsWith('src/figures/'))).toEqual([]);
  });

  it('is reached by the figure checker’s script instead', () => {
    const checker = [...reachable('entrypoints/figure-checker.ts').files].map((file) => path.relative(ROOT, file));
    expect(checker).toEqual(
      expect.arrayContaining([
        'src/background/figure-checker.ts',
        'src/figures/check-sentence.ts',
        'src/ingest/figures.ts',
        'src/ingest/measure.ts',
        'src/ingest/owners.ts',
      ]),
    );
    // It is loaded into the background: none of the builder proper or its packages.
    expect(checker.filter((file) => /^src\/ingest\/(?:build|discover|clean|sentences|catalog)\b/.test(file))).toEqual(
      [],
    );
  });

  it('is reached by the builder worker instead', () => {
    const worker = reachable('entrypoints/builder-worker.ts');
    expect([...worker.files].map((file) => path.relative(ROOT, file))).toContain('src/ingest/build.ts');
  });
});
