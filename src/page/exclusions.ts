/**
 * Which parts of a page are not prose a reader reads, so Factlens never marks
 * them: code and styles, form fields, editors, and non-HTML text.
 *
 * The scanner asks the browser for these subtrees once per root with a single
 * `querySelectorAll` (native and fast) rather than testing each text node's
 * ancestors in JavaScript, which on a page with 50,000 text nodes costs about
 * as much as the walk itself. The text nodes of excluded subtrees are then
 * skipped by identity (see `scanner.ts`), and every text node that does hold
 * a mention is checked once more with {@link isExcludedText}, so a page that
 * changes while a scan is in progress can not get an editor marked.
 */

/**
 * Elements whose text is never marked:
 * - script, style, noscript, template: code and data, not prose;
 * - textarea, input, select, option, contenteditable regions and code editors
 *   (CodeMirror 5 and 6, Monaco, ACE, anything with role=textbox): text the
 *   reader is writing, where a mark would get in the way of the caret;
 * - svg and math: chart labels, icon titles and formulae; highlight painting
 *   of SVG text also differs between browsers;
 * - iframe, object, canvas, video, audio: their children are fallback content
 *   that is not rendered when the element works.
 */
export const EXCLUDED_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  '[contenteditable]:not([contenteditable="false" i])',
  '[role="textbox"]',
  '.cm-editor',
  '.CodeMirror',
  '.monaco-editor',
  '.ace_editor',
].join(',');

/** Tells Factlens's own elements (the popover host) apart from the page's. */
export type OwnElementTest = (element: Element) => boolean;

/**
 * The outermost excluded elements under `root`, in document order. Nested
 * ones are dropped because skipping the outer subtree skips them too.
 */
export function outermostExcludedElements(root: ParentNode): Element[] {
  const outermost: Element[] = [];
  let last: Element | null = null;
  const candidates = root.querySelectorAll(EXCLUDED_SELECTOR);
  for (let i = 0; i < candidates.length; i++) {
    const element = candidates[i]!;
    if (last && last.contains(element)) continue;
    outermost.push(element);
    last = element;
  }
  return outermost;
}

/**
 * Whether `element` or one of its ancestors (within its tree) is excluded, or
 * is one of Factlens's own elements. Walks the ancestors, so callers use it
 * for the few elements that matter (those holding a mention, the roots of
 * incremental scans), never for every node of a page.
 */
export function isExcludedElement(element: Element, isOwnElement: OwnElementTest): boolean {
  if (element.ownerDocument.designMode === 'on') return true;
  if (element.closest(EXCLUDED_SELECTOR)) return true;
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (isOwnElement(current)) return true;
  }
  return false;
}

/** Whether the text of `node` may be marked, judged by its parent element. */
export function isExcludedText(node: Text, isOwnElement: OwnElementTest): boolean {
  const parent = node.parentElement;
  // A text node straight under a shadow root or a fragment has no parent element; its tree decides.
  return parent ? isExcludedElement(parent, isOwnElement) : false;
}
