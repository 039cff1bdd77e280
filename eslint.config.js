import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What a browser page, a worker or the extension API defines and Node does not: the pure layers may not use
 * them (Yomitan's ESLint config switches browser globals off for its pure modules the same way).
 */
const DOM_GLOBALS = Object.keys({ ...globals.browser, ...globals.webextensions })
  .filter((name) => !(name in globals.node) && !(name in globals.builtin))
  .map((name) => ({
    name,
    message: 'src/match and the ingest core are pure: no DOM or extension globals (take what you need as a parameter).',
  }));

/** The imports the pure layers may not make: browser APIs, DOM code, Node built-ins. */
const PURE_LAYER_IMPORTS = [
  {
    group: ['wxt', 'wxt/**', '\\#imports', 'webextension-polyfill', '@wxt-dev/**'],
    message:
      'src/match and the ingest core run outside the extension too (scripts, tests, the builder worker): no browser API.',
  },
  {
    group: [
      '**/page',
      '**/page/**',
      '**/ui',
      '**/ui/**',
      '**/background',
      '**/background/**',
      'preact',
      'preact/**',
      '@floating-ui/**',
      '@mozilla/readability',
      'linkedom',
      'happy-dom',
    ],
    message: 'src/match and the ingest core are pure: no DOM code (the page layer feeds them text).',
  },
  {
    group: ['node:*'],
    message:
      'src/match and the ingest core also run in the browser: no Node built-ins (src/ingest/cli.ts is the Node shell).',
  },
];

/** Folder rules: which layer may import which (issue 14). Each file gets one `no-restricted-imports` list. */
const LAYERS = [
  // src/match (text → mentions) and the ingest core (articles → fact base; everything in src/ingest but the
  // command-line shell) run in content scripts, the builder worker, Node scripts and tests alike.
  {
    files: ['src/match/**', 'src/ingest/**'],
    ignores: ['src/ingest/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: PURE_LAYER_IMPORTS }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      // The same names as types: a pure module that takes a `Node` or a `Range` has DOM code in disguise.
      '@typescript-eslint/no-restricted-types': [
        'error',
        { types: Object.fromEntries(DOM_GLOBALS.map(({ name, message }) => [name, message])) },
      ],
    },
  },
  // The page layer drives the in-page UI through the interfaces in src/page/popover.ts and never imports it
  // (the UI is a part of the content script loaded when a popover is first wanted; see issue #12).
  {
    files: ['src/page/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../ui', '../ui/**', '../../ui', '../../ui/**', '**/src/ui', '**/src/ui/**'],
              message: 'src/page must not import src/ui: use the interfaces in src/page/popover.ts.',
            },
          ],
        },
      ],
    },
  },
  // The UI (popup, options, story page) talks to pages through messages, not the page layer's code.
  {
    files: ['src/ui/**'],
    ignores: ['src/ui/popover/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/page', '**/page/**'],
              message: 'src/ui must not import src/page: what the UI needs from a page comes in a message.',
            },
          ],
        },
      ],
    },
  },
  // The popover's in-page host implements the interfaces the page layer drives it through
  // (src/page/popover.ts) and shares the page's helpers for Factlens's own elements; nothing else of src/page.
  {
    files: ['src/ui/popover/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(?:^|/)page(?:/(?!(?:popover|host-container|orphan-guard|own-elements)(?:\\.ts)?$)|$)',
              message:
                'src/ui/popover may import only the popover interfaces and own-element helpers of src/page (popover, host-container, orphan-guard, own-elements).',
            },
          ],
        },
      ],
    },
  },
  // The user's articles are stored and analysed here; the background serves them (its handlers for the
  // options page live in src/background/articles.ts), so the arrow runs from the background to them only.
  {
    files: ['src/user-articles/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/background', '**/background/**'],
              message: 'src/user-articles must not import src/background: handlers live in src/background.',
            },
          ],
        },
      ],
    },
  },
  // Messages are the bottom of every context: their schemas are built from the fact base's and zod only, so
  // any context can import them without pulling in another's code.
  {
    files: ['src/messages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?!(?:zod(?:/.*)?|\\./[^/]+|\\.\\./facts/schema(?:\\.ts)?|@/src/facts/schema(?:\\.ts)?|@/src/messages/[^/]+)$)',
              message:
                'src/messages imports only zod, src/facts/schema and its own modules: move a schema that crosses a boundary into src/messages.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'bench-results/**',
      'tests/fixtures/pages/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...LAYERS,
);
