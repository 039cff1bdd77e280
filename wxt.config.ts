import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { bundledDiscoveryRules } from './scripts/vite-plugins/discovery-rules';
import { noPreactInnerHtml } from './scripts/vite-plugins/no-inner-html';

// Parts of the content script that it imports when first needed (see entrypoints/content/parts.ts).
const CONTENT_SCRIPT_MODULES = ['content-data', 'content-schemas', 'content-popover'];

/**
 * A hash of the code that turns articles into facts. The background keeps its analysis of the user's
 * articles across restarts under a key holding this (src/user-articles/build-cache.ts), so a build with a
 * changed builder never serves an analysis the old one made.
 */
function builderId(): string {
  const hash = createHash('sha256');
  for (const dir of ['src/ingest', 'src/match', 'src/user-articles', 'src/facts']) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:ts|json|yaml)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  hash.update(readFileSync('assets/entities.yaml'));
  return hash.digest('hex').slice(0, 16);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // The Firefox sources zip is for reviewers: the code and what builds it, not local results or screenshots.
  // Saved pages and labelled corpora are test data (megabytes of other sites' pages), not sources.
  zip: {
    excludeSources: [
      'bench-results/**',
      'test-results/**',
      'docs/**',
      'tests/fixtures/pages/**',
      'tests/fixtures/eval/**',
      'tests/fixtures/corpora/**',
      '.ci/**',
    ],
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Factlens',
    description:
      'Facts under your cursor: marks companies and organisations from your news fact base and shows their figures and stories.',
    // activeTab + scripting: "Add this page" injects the article extractor (extract.js) into the tab the
    // user clicked the toolbar button on, on that click only; nothing is injected into other tabs.
    // offscreen (Chromium): the article analyser runs in a worker, which a service worker can not start;
    // an offscreen document starts it while the user's articles are being analysed (src/background/builder/).
    // unlimitedStorage: the user's articles are one storage.local record, which Chrome caps at 10 MB
    // without it; 10,000 articles take about 50 MB (npm run bench:scale).
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // A content script may only import() what pages may load too; Chromium's per-session URL keeps pages
    // from probing a fixed one (Firefox's extension URLs differ per install, and it has no such key).
    web_accessible_resources: [
      {
        resources: CONTENT_SCRIPT_MODULES.map((name) => `${name}.js`),
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Go to the next mention on the page and show its facts',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Go to the previous mention on the page and show its facts',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factlens@factlens.dev',
              // 142: the first version (desktop 140, Android 142) that reads data_collection_permissions.
              strict_min_version: '142.0',
              // Factlens sends nothing anywhere: every fact and setting stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT builds unlisted scripts as classic scripts; the content script's modules must be ES modules to
    // export anything to import(). Vite keeps whitespace in ES libraries; these ship as built, so minify.
    'vite:build:extendConfig': ([entrypoint], config) => {
      if (!entrypoint || !CONTENT_SCRIPT_MODULES.includes(entrypoint.name) || !config.build?.lib) return;
      config.build.lib.formats = ['es'];
      config.build.rollupOptions = {
        ...config.build.rollupOptions,
        output: { ...config.build.rollupOptions?.output, minify: true },
      };
    },
  },
  vite: () => ({
    define: {
      'import.meta.env.FACTLENS_BUILDER_ID': JSON.stringify(builderId()),
      // Read here so the background ships no YAML parser.
      'import.meta.env.FACTLENS_DISCOVERY_RULES': JSON.stringify(bundledDiscoveryRules() ?? null),
    },
    // Preact's one innerHTML write (dangerouslySetInnerHTML, never used here) becomes a throw: the Firefox
    // linter then has nothing to warn about, and no code path can ever write markup into a page.
    plugins: [noPreactInnerHtml()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: {
      alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    },
  }),
});
