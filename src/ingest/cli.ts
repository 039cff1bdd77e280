/**
 * `npm run facts -- [--articles DIR] [--entities FILE] [--out FILE] [--check]`
 *
 * Node-only: reads the articles and catalog from disk, builds the fact base
 * and writes it atomically, so an invalid or half-written fact base never
 * replaces a good one.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { buildFactBase } from './build';
import { parseCatalog } from './catalog';
import { IngestError, formatProblem } from './errors';

/** Where the project keeps its inputs and where the extension bundles the output. */
export const DEFAULT_PATHS = {
  articles: 'assets/articles',
  entities: 'assets/entities.yaml',
  out: 'src/facts/factbase.json',
} as const;

/** Parsed command-line options. */
export interface FactsOptions {
  articles: string;
  entities: string;
  out: string;
  check: boolean;
}

const USAGE = 'usage: npm run facts -- [--articles DIR] [--entities FILE] [--out FILE] [--check]';

/** Parse `argv` (without node and script); throws with the usage line on anything unknown. */
export function parseFactsArgs(argv: string[]): FactsOptions {
  const options: FactsOptions = { ...DEFAULT_PATHS, check: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--check') {
      options.check = true;
      continue;
    }
    if (flag === '--articles' || flag === '--entities' || flag === '--out') {
      const value = inline ?? argv[++index];
      if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
      options[flag.slice(2) as 'articles' | 'entities' | 'out'] = value;
      continue;
    }
    throw new Error(`unknown option '${arg}'\n${USAGE}`);
  }
  return options;
}

/** The serialised form: stable key order from construction, two-space indent, final newline. */
export function serialiseFactBase(factBase: unknown): string {
  return `${JSON.stringify(factBase, null, 2)}\n`;
}

/** Run the command; returns the exit code. `log`/`error` receive whole lines. */
export async function runFacts(
  argv: string[],
  io: { log(line: string): void; error(line: string): void; cwd?: string } = console,
): Promise<number> {
  let options: FactsOptions;
  try {
    options = parseFactsArgs(argv);
  } catch (error) {
    io.error(String((error as Error).message));
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const shown = (path: string) => relative(cwd, resolvePath(cwd, path)) || path;
  const resolve = (path: string) => resolvePath(cwd, path);

  try {
    let names: string[];
    try {
      names = (await readdir(resolve(options.articles))).filter((name) => /\.(md|markdown)$/i.test(name)).sort();
    } catch {
      io.error(`${shown(options.articles)}: cannot read the articles folder`);
      return 1;
    }
    if (names.length === 0) {
      io.error(`${shown(options.articles)}: no .md articles found`);
      return 1;
    }
    const articles = await Promise.all(
      names.map(async (name) => ({
        path: join(shown(options.articles), name),
        text: await readFile(resolve(join(options.articles, name)), 'utf8'),
      })),
    );
    let catalogText: string;
    try {
      catalogText = await readFile(resolve(options.entities), 'utf8');
    } catch {
      io.error(`${shown(options.entities)}: cannot read the entity catalog`);
      return 1;
    }
    const catalog = parseCatalog(shown(options.entities), catalogText);
    const { factBase, warnings } = buildFactBase({ articles, catalog });
    const text = serialiseFactBase(factBase);

    for (const warning of warnings) io.error(`warning: ${formatProblem(warning)}`);
    const discovered = factBase.entities.filter((entity) => entity.origin === 'discovered').length;
    const summary =
      `${factBase.stories.length} stories, ${factBase.entities.length} entities ` +
      `(${factBase.entities.length - discovered} from the catalog, ${discovered} discovered), ` +
      `${factBase.figures.length} figures, ${warnings.length} warnings`;

    if (options.check) {
      const current = await readFile(resolve(options.out), 'utf8').catch(() => null);
      if (current !== text) {
        io.error(`${shown(options.out)} is out of date: run npm run facts`);
        return 1;
      }
      io.log(`${shown(options.out)} is up to date: ${summary}`);
      return 0;
    }
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    const temporary = `${resolve(options.out)}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, resolve(options.out));
    io.log(`wrote ${shown(options.out)}: ${summary}`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      for (const problem of error.problems) io.error(formatProblem(problem));
      io.error(`no fact base written: ${error.problems.length} problem(s)`);
      return 1;
    }
    throw error;
  }
}
