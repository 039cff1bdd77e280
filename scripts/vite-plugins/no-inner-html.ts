/**
 * A build-time rewrite of Preact that takes out its only `innerHTML` assignment.
 *
 * Preact's DOM diff assigns `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. Factlens never
 * passes `dangerouslySetInnerHTML` (everything it shows from articles or imports is rendered as
 * text, issue 6), but the assignment still ships in every bundle that renders with Preact, and
 * Mozilla's add-on linter rightly warns about it ("Unsafe assignment to innerHTML"). Issue 6 asks for
 * a Firefox package with no warnings at all, so the branch is replaced by one that throws: raw HTML
 * can never reach a live document, and a component that tried would fail loudly in tests.
 *
 * The rewrite matches the minified code of the installed Preact exactly. When a Preact upgrade
 * changes that code, the build fails with a message saying so, rather than silently shipping the
 * assignment (and the lint warning) again.
 */
import type { Plugin } from 'vite';

/**
 * The assignment in Preact's minified diff (`preact/dist/preact.mjs`, Preact 10 and 11): inside
 * `h ? (… || (t.innerHTML = h.__html), r.__k = []) : …`, where `h` is the new
 * `dangerouslySetInnerHTML` prop and `t` the element. The parentheses make it one expression, which
 * the throwing replacement can stand in for.
 */
const PREACT_DANGEROUS_HTML_ASSIGNMENT = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;

/**
 * Any assignment to `innerHTML` or `outerHTML` (not a comparison `==`), with or without spaces,
 * and `insertAdjacentHTML` calls: what the add-on linter warns about.
 */
const MARKUP_SINK = /\.(?:inner|outer)HTML\s*=(?!=)|\.insertAdjacentHTML\s*\(/;

/** What the rewritten branch throws. */
export const DANGEROUS_HTML_ERROR =
  'Factlens renders text only: dangerouslySetInnerHTML is disabled at build time (scripts/vite-plugins/no-inner-html.ts).';

/**
 * Preact's own modules, by resolved id (a Vite id may carry a `?query` and, on Windows, backslashes).
 * `core` is the module that holds the DOM diff.
 */
export function preactModuleKind(id: string): 'core' | 'other' | undefined {
  const file = id.replace(/\?.*$/, '').replace(/\\/g, '/');
  if (!/\/node_modules\/preact\//.test(file)) return undefined;
  return /\/node_modules\/preact\/dist\/preact(?:\.[\w-]+)*\.m?js$/.test(file) ? 'core' : 'other';
}

/**
 * Preact's core module with its `dangerouslySetInnerHTML` branch throwing {@link DANGEROUS_HTML_ERROR}
 * instead of assigning `innerHTML`. Everything else in the file is left byte for byte as it was.
 *
 * @throws Error when the assignment is not found exactly once, or when the file still writes markup
 *   somewhere after the rewrite: this Preact's code is not what the rewrite was written for.
 */
export function withoutPreactInnerHtml(code: string, file = 'preact'): string {
  const found = [...code.matchAll(PREACT_DANGEROUS_HTML_ASSIGNMENT)];
  if (found.length !== 1) {
    throw new Error(
      `no-inner-html: expected exactly one \`(x.innerHTML=y.__html)\` in ${file}, found ${found.length}. ` +
        'Preact changed its DOM diff: update PREACT_DANGEROUS_HTML_ASSIGNMENT in scripts/vite-plugins/no-inner-html.ts ' +
        'so the Firefox package keeps linting without warnings.',
    );
  }
  const rewritten = code.replace(
    PREACT_DANGEROUS_HTML_ASSIGNMENT,
    () => `(()=>{throw new Error(${JSON.stringify(DANGEROUS_HTML_ERROR)})})()`,
  );
  assertNoMarkupSink(rewritten, file);
  return rewritten;
}

/** @throws Error when `code` writes markup anywhere. */
function assertNoMarkupSink(code: string, file: string): void {
  const sink = MARKUP_SINK.exec(code);
  if (!sink) return;
  const line = code.slice(0, sink.index).split('\n').length;
  throw new Error(
    `no-inner-html: ${file}:${line} writes markup: ${JSON.stringify(code.slice(Math.max(0, sink.index - 30), sink.index + 40))}. ` +
      'Preact changed: extend scripts/vite-plugins/no-inner-html.ts to take this out too.',
  );
}

/**
 * The Vite plugin: rewrites Preact's core with {@link withoutPreactInnerHtml}, and fails the build
 * when the core no longer has the expected assignment or any Preact module writes markup.
 *
 * Use it in `wxt.config.ts`: `vite: () => ({ plugins: [noPreactInnerHtml()] })`.
 */
export function noPreactInnerHtml(): Plugin {
  return {
    name: 'factlens:no-preact-inner-html',
    // Before any other transform, so the code matched is the file as Preact publishes it.
    enforce: 'pre',
    transform: {
      filter: { id: /node_modules[\\/]preact[\\/]/ },
      handler(code, id) {
        const kind = preactModuleKind(id);
        if (!kind) return null;
        try {
          if (kind === 'core') return { code: withoutPreactInnerHtml(code, id), map: null };
          assertNoMarkupSink(code, id);
          return null;
        } catch (error) {
          this.error(error instanceof Error ? error.message : String(error));
        }
      },
    },
  };
}
