/**
 * The floor: the least any design that reads the page's text can cost. A
 * bare `TreeWalker(SHOW_TEXT)` from the same root the annotator reads
 * (`body`, else the root element) that visits every text node and reads its
 * `.data`, with no matching and no filter. Run once, on a freshly loaded page:
 * the first walk of a document also creates the nodes' JavaScript wrappers,
 * which the content script pays for too.
 */
import type { FloorResult } from '../types';

/** Walk every text node of `document` once and time it. */
export function measureFloor(document: Document = globalThis.document): FloorResult {
  const started = performance.now();
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - started, nodes, chars };
}
