/**
 * Runs Mozilla's add-on linter (`web-ext lint`) on the built Firefox extension and fails on any error,
 * notice or warning, with one exception: an "Unsafe assignment to innerHTML" warning is accepted when
 * the code it points at is one of the few reviewed assignments listed below, each with the reason it
 * can not run page-controlled markup in a live document. Anything else, including a new innerHTML
 * assignment anywhere, fails the check and is printed.
 *
 * Usage: `npm run lint:firefox` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE_DIR = path.join(REPO_ROOT, '.output/firefox-mv3');

/** One message of the linter's JSON report. */
interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** An innerHTML assignment that was read and found harmless, and how to recognise it in the bundle. */
interface ReviewedAssignment {
  /** Bundle file (relative to the build) the assignment is in; a RegExp since chunk names carry a hash. */
  file: RegExp;
  /** The minified assignment itself, as found around the linter's column. */
  code: RegExp;
  why: string;
}

/** The reviewed assignments. Each applies only while `guard` (if any) holds. */
const REVIEWED: ReviewedAssignment[] = [
  {
    file: /^(content-scripts\/content\.js|chunks\/[\w-]+\.js|popup-[\w-]+\.js|options-[\w-]+\.js)$/,
    code: /\w\.innerHTML=\w\.__html\b/,
    why:
      "Preact's DOM diff writes innerHTML only for a dangerouslySetInnerHTML prop, which Factlens never passes " +
      '(checked by usesDangerousHtml: no source file under src/ or entrypoints/ mentions it).',
  },
  {
    file: /^extract\.js$/,
    code: /\w\.innerHTML=\w,this\._attempts\.push/,
    why: 'Readability puts back the markup it read from the same node earlier; it works on a clone of the page.',
  },
  {
    file: /^extract\.js$/,
    code: /\w\.innerHTML=\w\.innerHTML;/,
    why: "Readability copies a <noscript> image's own markup into a new element of the page's clone.",
  },
  {
    file: /^extract\.js$/,
    code: /\w\.innerHTML=\w;let \w=\[\.\.\.\w\.querySelectorAll\(/,
    why: 'paragraphsOf (src/user-articles/extract.ts) parses into a document made by createHTMLDocument: no window, nothing loads or runs.',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(tsx?|jsx?)$/.test(name) ? [full] : [];
  });
}

/** Whether our own code ever asks Preact for raw HTML, which would void the first review. */
function usesDangerousHtml(): boolean {
  const dirs = ['src', 'entrypoints'].map((dir) => path.join(REPO_ROOT, dir)).filter((dir) => existsSync(dir));
  return dirs.flatMap(sourceFiles).some((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'));
}

/** The reviewed assignment a warning points at, or undefined when it is not one. */
function reviewFor(warning: LintMessage, preactReviewHolds: boolean): ReviewedAssignment | undefined {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.message.includes('innerHTML')) return undefined;
  if (!warning.file || !warning.line || !warning.column) return undefined;
  const lines = readFileSync(path.join(SOURCE_DIR, warning.file), 'utf8').split('\n');
  const line = lines[warning.line - 1] ?? '';
  // The linter's column is that of the assignment expression; a short window around it holds exactly one.
  const around = line.slice(Math.max(0, warning.column - 40), warning.column + 60);
  return REVIEWED.find(
    (review, index) =>
      (index !== 0 || preactReviewHolds) && review.file.test(warning.file ?? '') && review.code.test(around),
  );
}

function describe(message: LintMessage): string {
  const where = message.file ? ` ${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}` : '';
  return `${message.code}${where} — ${message.message}`;
}

function main(): void {
  if (!existsSync(path.join(SOURCE_DIR, 'manifest.json'))) {
    console.error(`No Firefox build at ${SOURCE_DIR}: run \`npm run build\` first.`);
    process.exit(2);
  }
  const webExt = path.join(REPO_ROOT, 'node_modules/.bin/web-ext');
  const output = execFileSync(
    webExt,
    ['lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const report = JSON.parse(output.slice(output.indexOf('{'))) as LintReport;
  const preactReviewHolds = !usesDangerousHtml();

  const failures: string[] = [];
  const accepted: string[] = [];
  for (const error of report.errors) failures.push(`error: ${describe(error)}`);
  for (const notice of report.notices) failures.push(`notice: ${describe(notice)}`);
  for (const warning of report.warnings) {
    const review = reviewFor(warning, preactReviewHolds);
    if (review) accepted.push(`${describe(warning)}\n    reviewed: ${review.why}`);
    else failures.push(`warning: ${describe(warning)}`);
  }

  for (const line of accepted) console.log(`accepted ${line}`);
  if (failures.length > 0) {
    console.error(`web-ext lint: ${failures.length} problem(s) in ${SOURCE_DIR}:`);
    for (const line of failures) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`web-ext lint: 0 errors, 0 notices, ${accepted.length} reviewed innerHTML warning(s), nothing else.`);
}

main();
