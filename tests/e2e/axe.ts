/**
 * axe-core in the browser tests: every rule run on a page (or only under some elements, shadow roots
 * included), and text contrast checked at every scroll position, with text axe could not measure failing
 * too. Shared by the accessibility tests and the tests of single features that open their own UI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { REPO_ROOT } from './harness';

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** What axe is asked to check: the whole document, or only what is under some elements. */
export type AxeContext = { include: string[] } | null;

/** What axe found, in lines a reader of a failed test can act on. */
interface AxeOutcome {
  /** One line per rule broken, naming the nodes. */
  violations: string[];
  /** How many nodes axe examined under the context's first element's shadow root (0 without one). */
  shadowNodesChecked: number;
}

/** Load axe into the page once. */
async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

/** Run every axe rule in the page and say what it found. */
export async function runAxe(page: Page, context: AxeContext = null): Promise<AxeOutcome> {
  await injectAxe(page);
  return page.evaluate(async (context: AxeContext) => {
    interface AxeNode {
      target: (string | string[])[];
      failureSummary?: string;
    }
    interface AxeRule {
      id: string;
      impact: string | null;
      nodes: AxeNode[];
    }
    type Axe = {
      run(
        context: unknown,
        options: object,
      ): Promise<{ violations: AxeRule[]; passes: AxeRule[]; incomplete: AxeRule[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(context ?? document, {});
    const violations = result.violations.map(
      (rule) =>
        `${rule.id} (${rule.impact}): ` +
        rule.nodes.map((node) => `${JSON.stringify(node.target)} — ${node.failureSummary ?? ''}`).join(' | '),
    );
    // A target that is an array of selectors names a node inside a shadow root: [host, inner].
    const host = context?.include[0];
    const shadowNodesChecked = host
      ? [...result.passes, ...result.violations, ...result.incomplete]
          .flatMap((rule) => rule.nodes)
          .filter((node) => Array.isArray(node.target[0]) && node.target[0][0] === host).length
      : 0;
    return { violations, shadowNodesChecked };
  }, context);
}

/** Text contrast as axe sees it across a whole scrolling area. */
interface ContrastOutcome {
  /** Text below the WCAG AA ratio, with axe's explanation. */
  failing: string[];
  /** Text whose contrast axe could not work out anywhere it was scrolled to, with its reason. */
  unchecked: string[];
  /** How many text elements axe did measure. */
  checked: number;
}

/**
 * Check text contrast with axe's `color-contrast` rule at every scroll position of each scrolling area in
 * `scrollers` (null: the page itself). axe leaves text it cannot see whole, such as a row half under the
 * popup's footer or clipped by a scrolling list, as "incomplete" rather than measured; scrolling through
 * gives every element a turn in view, so a contrast that was never measured shows up as `unchecked`
 * instead of passing silently.
 */
async function checkContrast(
  page: Page,
  scrollers: (string | null)[],
  context: AxeContext = null,
): Promise<ContrastOutcome> {
  await injectAxe(page);
  return page.evaluate(
    async (scrollerSelectors: (string | null)[], context: AxeContext) => {
      interface AxeNode {
        target: unknown[];
        failureSummary?: string;
        any: { data?: { messageKey?: string } | null; message: string }[];
      }
      type Axe = {
        run(
          context: unknown,
          options: object,
        ): Promise<{
          violations: { nodes: AxeNode[] }[];
          passes: { nodes: AxeNode[] }[];
          incomplete: { nodes: AxeNode[] }[];
        }>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      const checked = new Set<string>();
      const failing = new Map<string, string>();
      const unchecked = new Map<string, string>();
      const key = (node: AxeNode) => JSON.stringify(node.target);
      for (const selector of scrollerSelectors) {
        const area = selector ? document.querySelector(selector) : document.scrollingElement;
        if (!area) throw new Error(`no scrolling area ${selector}`);
        if (selector) area.scrollIntoView({ block: 'nearest' });
        const step = Math.max(40, area.clientHeight - 40);
        for (let top = 0; ; top += step) {
          area.scrollTop = top;
          await new Promise((resolve) => setTimeout(resolve, 30));
          const result = await axe.run(context ?? document, { runOnly: ['color-contrast'] });
          for (const node of result.passes.flatMap((rule) => rule.nodes)) checked.add(key(node));
          for (const node of result.violations.flatMap((rule) => rule.nodes)) {
            checked.add(key(node));
            failing.set(key(node), node.failureSummary ?? '');
          }
          for (const node of result.incomplete.flatMap((rule) => rule.nodes)) {
            unchecked.set(key(node), node.any[0]?.data?.messageKey ?? node.any[0]?.message ?? '');
          }
          if (top + area.clientHeight >= area.scrollHeight) break;
        }
        area.scrollTop = 0;
      }
      return {
        failing: [...failing].map(([target, summary]) => `${target}: ${summary}`),
        unchecked: [...unchecked]
          .filter(([target]) => !checked.has(target))
          .map(([target, why]) => `${target}: ${why}`),
        checked: checked.size,
      };
    },
    scrollers,
    context,
  );
}

/**
 * axe cannot measure the contrast of the live popover: its host is a 0×0 fixed box (so it takes no room and
 * no clicks on the page) that the popover overflows, and axe finds no background for text outside its
 * host's box ("Unable to determine contrast ratio" for every element). So the popover's own markup and
 * style sheet are copied into a host that is laid out in the page, where axe can measure them; only the
 * host's box differs, which sets no colour.
 */
export async function copyPopoverForContrast(page: Page): Promise<string> {
  const copyId = 'a11y-popover-copy';
  await page.evaluate((id: string) => {
    const source = document.querySelector('factlens-root')!.shadowRoot!;
    const css = [
      ...[...source.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
      ...[...source.querySelectorAll('style')].map((style) => style.textContent ?? ''),
      ':host { position: static !important; width: auto !important; height: auto !important; }',
    ].join('\n');
    const copy = document.createElement('div');
    copy.id = id;
    const shadow = copy.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style, source.querySelector('.fl-popover')!.cloneNode(true));
    document.body.prepend(copy);
  }, copyId);
  return `#${copyId}`;
}

/**
 * A lone glyph (the close button's ×) is an icon to axe, which leaves its contrast to the non-text rule
 * (3:1) that it does not automate; everything else must have been measured.
 */
const ICON_GLYPH = /: shortTextContent$/;

/** No text below AA contrast, and no text whose contrast went unmeasured. */
export async function expectReadableText(
  page: Page,
  scrollers: (string | null)[],
  context: AxeContext = null,
): Promise<void> {
  const contrast = await checkContrast(page, scrollers, context);
  expect({ failing: contrast.failing, unchecked: contrast.unchecked.filter((line) => !ICON_GLYPH.test(line)) }).toEqual(
    { failing: [], unchecked: [] },
  );
  expect(contrast.checked).toBeGreaterThan(5);
}
