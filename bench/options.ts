/** The command line of `npm run bench`. Pure, so it is tested without a browser. */
import type { BrowserName } from '../tests/e2e/harness';

/** What a run measures, and how much. */
export interface BenchOptions {
  browsers: BrowserName[];
  /** Fewer pages, cheaper baselines: a run of a couple of minutes. */
  quick: boolean;
  /** Fresh page loads per page and method (at least 3). */
  runs: number;
  /** Only pages whose name contains one of these (all when empty). */
  pages: string[];
  /** Build the extension first (else use the existing build in `extensionRoot`). */
  build: boolean;
  /** Where the unpacked builds are (`<root>/chrome-mv3`, `<root>/firefox-mv3`). */
  extensionRoot: string;
  /** Skip the suites that need the built extension. */
  extension: boolean;
  /** Save the Chromium trace of each page's first load with the extension under `bench-results/traces/`. */
  keepTraces: boolean;
}

/** Usage text for `--help` and for errors. */
export const USAGE = `npm run bench -- [options]
  --quick                  fewer pages and baselines (a few minutes)
  --browser <name>         chromium, firefox or both (default: both)
  --runs <n>               fresh page loads per page and method (default 3, at least 3)
  --pages <a,b>            only pages whose name contains one of these
  --no-build               measure the existing build instead of building first
  --extension-root <dir>   where the unpacked builds are (default: bench-results/build)
  --no-extension           only the in-page, Node and static measurements
  --keep-traces            save each page's first Chromium trace with the extension in bench-results/traces/`;

/** The default build location: the bench builds its own copy so it never races the team's `.output/`. */
export const DEFAULT_EXTENSION_ROOT = 'bench-results/build';

/** Read `argv` (without node and script). Throws with a message naming the bad argument. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    browsers: ['chromium', 'firefox'],
    quick: false,
    runs: 3,
    pages: [],
    build: true,
    extensionRoot: DEFAULT_EXTENSION_ROOT,
    extension: true,
    keepTraces: false,
  };
  const rest = [...argv];
  const value = (flag: string): string => {
    const next = rest.shift();
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
    return next;
  };
  while (rest.length > 0) {
    const argument = rest.shift()!;
    const [flag, inline] = argument.includes('=') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    if (inline !== undefined) rest.unshift(inline);
    switch (flag) {
      case '--quick':
        options.quick = true;
        break;
      case '--browser': {
        const name = value(flag);
        if (name === 'both') options.browsers = ['chromium', 'firefox'];
        else if (name === 'chromium' || name === 'firefox') options.browsers = [name];
        else throw new Error(`--browser must be chromium, firefox or both, not ${name}`);
        break;
      }
      case '--runs': {
        const runs = Number(value(flag));
        if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs must be a whole number of at least 3');
        options.runs = runs;
        break;
      }
      case '--pages':
        options.pages = value(flag)
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--extension-root':
        options.extensionRoot = value(flag);
        break;
      case '--no-extension':
        options.extension = false;
        break;
      case '--keep-traces':
        options.keepTraces = true;
        break;
      default:
        throw new Error(`unknown argument ${argument}`);
    }
  }
  return options;
}
