/** Small helpers for page-layer tests in happy-dom. */

/** Replace the test document's body with `html` and return the body. */
export function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The text nodes under `root` whose data contains `needle`, in document order. */
export function textNodesContaining(root: Node, needle: string): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(needle)) found.push(node as Text);
  }
  return found;
}
