/**
 * Factlens's own elements in a page (the popover's host, the layer of drawn
 * marks): the scan skips them, and changes inside them are not the page's.
 */
import { OVERLAY_HOST_TAG } from './mark-overlay';

/**
 * The tag of the popover host (`src/ui/popover/popover-host.ts` takes it from here). Defined here, not
 * there: that module is loaded only when a popover first opens, and the scan skips the host before.
 */
export const OWN_HOST_TAG = 'factlens-root';

/** True for the host element of Factlens's popover or of its drawn marks. */
export function isOwnElement(element: Element): boolean {
  return element.localName === OWN_HOST_TAG || element.localName === OVERLAY_HOST_TAG;
}

/** True when `node` is one of Factlens's own elements or inside one. */
export function isOwnNode(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE && isOwnElement(current as Element)) return true;
  }
  return false;
}
