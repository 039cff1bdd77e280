// @vitest-environment node
/**
 * The layer rules in eslint.config.js catch a wrong import: linted as if it were a file of the folder,
 * an import that crosses a layer fails, and its neighbours that stay inside pass. The same for the DOM
 * and extension globals the pure layers may not use.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });
const LAYER_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  '@typescript-eslint/no-restricted-types',
]);

/** The messages of the layer rules for `source` linted as the file `filePath`. */
async function importFindings(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((message) => LAYER_RULES.has(message.ruleId ?? '')).map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    "import { Popover } from '../ui/popover/Popover';",
    "import type { PopoverTheme } from '../ui/popover/Popover';",
    "import { POPOVER_CSS } from '@/src/ui/popover/styles';",
    "export { Popover } from '../ui/popover/Popover';",
  ])('src/page may not import src/ui: %s', async (source) => {
    expect(await importFindings('src/page/probe.ts', source)).toHaveLength(1);
  });

  it('lets src/page import its own modules and the layers below it', async () => {
    expect(await importFindings('src/page/probe.ts', "import { MentionIndex } from './mention-index';")).toEqual([]);
    expect(await importFindings('src/page/probe.ts', "import type { Settings } from '../settings/schema';")).toEqual(
      [],
    );
  });

  const pureFiles = ['src/match/probe.ts', 'src/ingest/probe.ts', 'src/ingest/discover/probe.ts'];
  const pureImports = [
    "import { browser } from 'wxt/browser';",
    "import browser from 'webextension-polyfill';",
    "import { storage } from '#imports';",
    "import { MarkSet } from '../page/mark-set';",
    "import type { PageSession } from '@/src/page/session';",
    "import { Popover } from '../ui/popover/Popover';",
    "import { h } from 'preact';",
    "import { computePosition } from '@floating-ui/dom';",
    "import { parseHTML } from 'linkedom';",
    "import { readFile } from 'node:fs/promises';",
  ];
  it.each(pureFiles.flatMap((file) => pureImports.map((source) => [file, source])))(
    '%s may not import browser APIs, DOM code or Node built-ins: %s',
    async (file, source) => {
      expect(await importFindings(file, source)).toHaveLength(1);
    },
  );

  it.each(
    pureFiles.flatMap((file) =>
      [
        'export const width = window.innerWidth;',
        'export const title = document.title;',
        'export const id = browser.runtime.id;',
        'export const id = chrome.runtime.id;',
        "export const doc = new DOMParser().parseFromString('', 'text/html');",
        'export const observer = new MutationObserver(() => {});',
        'export function isText(node: Node): boolean { return node.nodeType === 3; }',
      ].map((source) => [file, source]),
    ),
  )('%s may not use DOM or extension globals: %s', async (file, source) => {
    expect(await importFindings(file, source)).toHaveLength(1);
  });

  it('lets the pure layers use the fact base schema, zod, their own modules and what Node and browsers share', async () => {
    for (const file of pureFiles) {
      for (const source of [
        "import type { FactBase } from '../facts/schema';",
        "import type { FactBase } from '@/src/facts/schema';",
        "import * as z from 'zod/mini';",
        "import { aliasKey } from './alias-key';",
        "import { parseDocument } from 'yaml';",
        'export const started = performance.now(); export const url = new URL("https://example.com/");',
        'export const bytes = new TextEncoder().encode("x"); export const timer = setTimeout(() => {}, 0);',
        'const document = { title: "a YAML document" }; export const title = document.title;',
      ]) {
        expect(await importFindings(file, source), `${file}: ${source}`).toEqual([]);
      }
    }
  });

  it('lets the ingest command-line shell, and only it, read files', async () => {
    expect(await importFindings('src/ingest/cli.ts', "import { readFile } from 'node:fs/promises';")).toEqual([]);
    expect(await importFindings('src/ingest/articles.ts', "import { readFile } from 'node:fs/promises';")).toHaveLength(
      1,
    );
  });

  it.each([
    ['src/ui/popup/probe.ts', "import { PageSession } from '../../page/session';"],
    ['src/ui/options/probe.ts', "import type { PopoverHost } from '@/src/page/popover';"],
    ['src/ui/views/probe.ts', "import { isOwnElement } from '../../page/own-elements';"],
    ['src/ui/probe.ts', "import { MarkSet } from '../page/mark-set';"],
    ['src/ui/popover/probe.ts', "import { PageSession } from '../../page/session';"],
    ['src/ui/popover/probe.ts', "import type { Matching } from '@/src/page/chunk-mentions';"],
  ])('%s may not import src/page: %s', async (file, source) => {
    expect(await importFindings(file, source)).toHaveLength(1);
  });

  it("lets the popover's in-page host import the page's popover interfaces and own-element helpers, and src/ui its own modules", async () => {
    for (const source of [
      "import type { PopoverHost } from '../../page/popover';",
      "import { hostContainer } from '../../page/host-container';",
      "import { removeOrphanedPopoverHosts } from '../../page/orphan-guard';",
      "import { OWN_HOST_TAG } from '@/src/page/own-elements';",
    ]) {
      expect(await importFindings('src/ui/popover/probe.ts', source), source).toEqual([]);
    }
    expect(await importFindings('src/ui/popup/probe.ts', "import { pageClient } from './page-client';")).toEqual([]);
    expect(
      await importFindings('src/ui/popup/probe.ts', "import type { EntityDetails } from '../../messages/schema';"),
    ).toEqual([]);
  });

  it.each([
    "import type { MessageSender } from '../page/messaging';",
    "import { ArticleDraft } from '../user-articles/schema';",
    "import { SearchResults } from '@/src/search/search-index';",
    "import type { Settings } from '../settings/schema';",
    "import { Popover } from '../ui/popover/Popover';",
    "import { planMatcher } from '../match/matcher';",
    "import { h } from 'preact';",
    "import { browser } from 'wxt/browser';",
    "export { UserArticle } from '../user-articles/schema';",
  ])('src/messages imports only zod, the fact base schema and itself: %s', async (source) => {
    expect(await importFindings('src/messages/probe.ts', source)).toHaveLength(1);
  });

  it.each([
    "import type { FactBaseStore } from '../background/factbase-store';",
    "import type { BackgroundHandlers } from '@/src/background/router';",
  ])('src/user-articles may not import src/background: %s', async (source) => {
    expect(await importFindings('src/user-articles/probe.ts', source)).toHaveLength(1);
    expect(await importFindings('src/user-articles/probe.ts', "import { mergeUserArticles } from './merge';")).toEqual(
      [],
    );
  });

  it('lets src/messages import zod, the fact base schema and its own modules', async () => {
    for (const source of [
      "import * as z from 'zod/mini';",
      "import * as z from 'zod';",
      "import { Entity } from '../facts/schema';",
      "import { Entity } from '@/src/facts/schema';",
      "import { resultOf } from './result';",
      "import type { Send } from '@/src/messages/client';",
    ]) {
      expect(await importFindings('src/messages/probe.ts', source), source).toEqual([]);
    }
  });
}, 60_000);
