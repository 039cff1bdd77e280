import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  // Layers: the page layer drives the in-page UI through the interfaces in src/page/popover.ts and never imports
  // it (the UI is a part of the content script loaded when a popover is first wanted; see issue #12).
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
);
