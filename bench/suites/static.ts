/**
 * What can be read off the build: the content script's size, gzipped, and
 * whether any of the fact base's own text (story titles, figure sentences,
 * descriptions) made it into the content script, which would mean every
 * frame parses it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FactBase } from '@/src/facts/schema';

/** The content script of one build. */
export interface BundleFacts {
  browser: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Fact base strings looked for, and those found in the content script. */
  factBaseStringsChecked: number;
  factBaseStringsFound: string[];
}

/** Long, distinctive strings of the fact base that no code would contain by chance. */
export function factBaseFingerprints(factBase: FactBase): string[] {
  const strings = [
    ...factBase.stories.map((story) => story.title),
    ...factBase.entities.map((entity) => entity.description ?? ''),
    ...factBase.figures.map((figure) => figure.sentence),
    ...factBase.stories.flatMap((story) => story.mentions.flatMap((mention) => mention.sentences)),
  ];
  return [...new Set(strings.filter((text) => text.length >= 24))];
}

/** Size and fact-base check of `<buildDir>/content-scripts/content.js`, or null when there is no build. */
export function inspectContentScript(browser: string, buildDir: string, factBase: FactBase): BundleFacts | null {
  const file = path.join(buildDir, 'content-scripts', 'content.js');
  if (!existsSync(file)) return null;
  const source = readFileSync(file);
  const text = source.toString('utf8');
  const fingerprints = factBaseFingerprints(factBase);
  // JSON escapes quotes and some characters; look for either form.
  const found = fingerprints.filter(
    (value) => text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)),
  );
  return {
    browser,
    file: path.relative(process.cwd(), file),
    bytes: source.length,
    gzipBytes: gzipSync(source, { level: 9 }).length,
    factBaseStringsChecked: fingerprints.length,
    factBaseStringsFound: found,
  };
}

/** The background's scripts of one build: what every start evaluates, and the builder loaded on demand. */
export interface BackgroundFacts {
  browser: string;
  bytes: number;
  gzipBytes: number;
  /** `builder-worker.js`: the article builder, loaded only to analyse the user's articles. */
  builderBytes: number | null;
  builderGzipBytes: number | null;
  /** `figure-checker.js`: the figure readers, loaded on the first figure check. */
  figureCheckerBytes: number | null;
  figureCheckerGzipBytes: number | null;
}

/** Sizes of `background.js` and the scripts it loads on demand, or null when there is no build. */
export function inspectBackground(browser: string, buildDir: string): BackgroundFacts | null {
  const file = path.join(buildDir, 'background.js');
  if (!existsSync(file)) return null;
  const source = readFileSync(file);
  const builderFile = path.join(buildDir, 'builder-worker.js');
  const builder = existsSync(builderFile) ? readFileSync(builderFile) : null;
  const checkerFile = path.join(buildDir, 'figure-checker.js');
  const checker = existsSync(checkerFile) ? readFileSync(checkerFile) : null;
  return {
    browser,
    bytes: source.length,
    gzipBytes: gzipSync(source, { level: 9 }).length,
    builderBytes: builder?.length ?? null,
    builderGzipBytes: builder ? gzipSync(builder, { level: 9 }).length : null,
    figureCheckerBytes: checker?.length ?? null,
    figureCheckerGzipBytes: checker ? gzipSync(checker, { level: 9 }).length : null,
  };
}
