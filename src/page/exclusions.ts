/**
 * Which parts of a page are not prose a reader reads, so Factlens never marks
 * them: code and styles, form fields, editors, and non-HTML text.
 *
 * Checking every text node's ancestors in JavaScript would cost about as much
 * as reading the page, and so does one `querySelectorAll` with a long
 * selector list (measured: 17–25 ms on a page of 45,000 elements, against
 * 15–30 ms for the whole text walk). So the work is split:
 * - the scanner skips the few subtrees whose text is large and never prose
 *   (script, style, noscript), found with `getElementsByTagName`, one cheap
 *   native pass each ({@link bulkyExcludedElements});
 * - every text node that holds a mention, and every root of an incremental
 *   scan, is then judged by its ancestors ({@link ExclusionCache}), which
 *   visits each element at most once per scan. Mentions are few, so this
 *   costs little, and it is exact whatever the page did mid-scan.
 *
 * Hidden text (`display: none`, collapsed menus) is read like any other:
 * telling it apart needs layout information for every element, which costs
 * more than the reading. A mark on hidden text paints nothing, keyboard
 * navigation steps over mentions that have no box, and the only cost is that
 * the badge may count a mention the reader can not see.
 */

/**
 * Elements whose text is never marked:
 * - script, style, noscript, template: code and data, not prose;
 * - textarea, input, select, option: form fields;
 * - svg and math: chart labels, icon titles and formulae; highlight painting
 *   of SVG text also differs between browsers;
 * - iframe, object, canvas, video, audio: their children are fallback content
 *   that is not rendered when the element works.
 */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
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
]);

/** Code editors mark their roots with these classes: CodeMirror 6 and 5, Monaco, ACE. */
export const EDITOR_CLASSES: readonly string[] = ['cm-editor', 'CodeMirror', 'monaco-editor', 'ace_editor'];

/** Excluded subtrees that hold a lot of text the scanner should not even read. */
export const BULKY_EXCLUDED_TAGS: readonly string[] = ['script', 'style', 'noscript'];

/** Tells Factlens's own elements (the popover host) apart from the page's. */
export type OwnElementTest = (element: Element) => boolean;

/**
 * Whether `element` itself (not its ancestors) starts an excluded subtree:
 * an excluded tag, an editable region, a text box widget, a code editor, or
 * one of Factlens's own elements.
 */
export function startsExcludedSubtree(element: Element, isOwnElement: OwnElementTest): boolean {
  if (EXCLUDED_TAGS.has(element.localName) || isOwnElement(element)) return true;
  // Most elements that hold text have no attributes at all: one native call rules out the rest.
  if (!element.hasAttributes()) return false;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (element.getAttribute('role') === 'textbox') return true;
  const classes = element.classList;
  return classes.length > 0 && EDITOR_CLASSES.some((name) => classes.contains(name));
}

/**
 * Judges elements by their ancestors, remembering each verdict, so judging
 * many elements of one page visits each ancestor once. Make one per scan: the
 * page may change attributes between scans, and those changes are not watched.
 */
export class ExclusionCache {
  readonly #verdicts = new Map<Node, boolean>();

  readonly #isOwnElement: OwnElementTest;

  constructor(isOwnElement: OwnElementTest) {
    this.#isOwnElement = isOwnElement;
  }

  /** Whether `element` is inside (or starts) an excluded subtree, within its own tree. */
  excludes(element: Element): boolean {
    if (element.ownerDocument.designMode === 'on') return true;
    const path: Element[] = [];
    let verdict = false;
    for (let current: Element | null = element; current; current = current.parentElement) {
      const known = this.#verdicts.get(current);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(current);
      if (startsExcludedSubtree(current, this.#isOwnElement)) {
        verdict = true;
        break;
      }
    }
    // Everything on the path below an excluded element is excluded; below an included one, included
    // (each was checked on the way up).
    for (const visited of path) this.#verdicts.set(visited, verdict);
    return verdict;
  }

  /** Whether the text of `node` may not be marked, judged by its parent element. */
  excludesText(node: Text): boolean {
    const parent = node.parentElement;
    // A text node straight under a shadow root has no parent element: its host was judged when found.
    return parent ? this.excludes(parent) : false;
  }
}

/**
 * The script, style and noscript elements under `root`: the scanner skips
 * their text without reading it. Nested ones need no special care.
 */
export function bulkyExcludedElements(root: Node): Element[] {
  const found: Element[] = [];
  if ('getElementsByTagName' in root) {
    // Elements and documents: one native pass per tag, and the browser caches the lists.
    for (const tag of BULKY_EXCLUDED_TAGS) {
      const list = (root as Element).getElementsByTagName(tag);
      for (let i = 0; i < list.length; i++) found.push(list[i]!);
    }
  } else if ('querySelectorAll' in root) {
    // Shadow roots have no getElementsByTagName.
    found.push(...(root as ParentNode).querySelectorAll(BULKY_EXCLUDED_TAGS.join(',')));
  }
  return found;
}
