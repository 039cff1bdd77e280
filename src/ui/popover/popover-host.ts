/**
 * The in-page home of the fact popover: one `<factlens-root>` element on
 * `<html>`, a shadow root with our styles, and inside it a layer that is shown
 * in the browser's top layer (the Popover API) and positioned next to the
 * mention with Floating UI.
 *
 * Why this shape:
 * - The shadow root keeps page CSS (`* { all: unset }`, `div { display: none
 *   !important }`) off everything we render. Only the host element itself can
 *   be matched by page selectors; its sheet's `:host` rules are `!important`,
 *   which beats page rules of either kind (shadow context wins for important
 *   declarations).
 * - The shadow root is open. What it shows is public fact-base text, so there
 *   is nothing to hide from the page, and a closed root would not stop a page
 *   that wanted to interfere anyway (it can restyle or remove the host). Open
 *   lets tests and the page scanner look inside.
 * - Styles are a constructed sheet in `adoptedStyleSheets`: a page's
 *   `style-src` CSP can block `<style>` elements and `style` attributes but
 *   not those. Older Firefox releases refuse constructed sheets from content
 *   scripts (the Xray wrapper rejects the array assignment, bugzilla 1928865;
 *   Firefox ESR 153 accepts them), so there we fall back to a `<style>` element
 *   whose text is set before it is inserted, which makes Firefox apply the
 *   extension's CSP rather than the page's (bugzilla 1706787). Both paths were
 *   checked from a content script on tests/fixtures/popover-playground.html
 *   (`style-src 'none'`) in Chromium 156 and Firefox ESR 153.
 * - `showPopover()` puts the layer in the top layer: above every z-index and
 *   out of reach of a transformed or clipped ancestor. Where the Popover API
 *   is missing, the layer is `position: fixed` in a host with the highest
 *   z-index.
 * - While an element is fullscreen, Chromium and Firefox make everything
 *   outside it inert: a popover drawn above it still lets clicks and
 *   `elementFromPoint` fall through to the fullscreen element, and showing it
 *   again (hide then show, to be last in the top layer) does not change that
 *   (both measured in Chromium 156 and Firefox ESR 153 on
 *   tests/fixtures/hostile/fullscreen.html). So while an element is
 *   fullscreen the host lives inside it, and goes back to `<html>` after.
 * - Positions are set through the CSSOM (`element.style.left = …`), which CSP
 *   does not govern; we never write a `style` attribute.
 */
import { h, render } from 'preact';
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import type { Placement, VirtualElement } from '@floating-ui/dom';
import type { EntityDetails } from '../../messages/schema';
import { hostContainer } from '../../page/host-container';
import { removeOrphanedPopoverHosts } from '../../page/orphan-guard';
import { OWN_HOST_TAG } from '../../page/own-elements';
import type { PopoverAnchor, PopoverHost, PopoverHostOptions } from '../../page/popover';
import { POPOVER_CSS } from './styles';
import { Popover, PopoverMessage, popoverAnnouncement } from './Popover';
import type { PopoverTheme } from './Popover';

/** The tag of the host element: one of the page layer's own elements, which its scan skips. */
export const POPOVER_HOST_TAG = OWN_HOST_TAG;

/** A candidate entity of a shared name, as the popover offers it. */
type CandidateName = { id: string; name: string };

/** The names of an anchor's candidates (none unless several); one that does not load is offered by its id. */
function candidateNames(
  anchor: PopoverAnchor,
  loadDetails: PopoverHostOptions['loadDetails'],
): Promise<CandidateName[]> {
  const ids = anchor.candidates ?? [];
  if (ids.length < 2) return Promise.resolve([]);
  return Promise.all(
    ids.map((id) =>
      loadDetails(id).then(
        (details) => ({ id, name: details.entity.name }),
        () => ({ id, name: id }),
      ),
    ),
  );
}

/** How long a load may take before the popover says "Loading…" rather than nothing. */
const LOADING_NOTE_DELAY_MS = 150;
/** Gap between the mention and the popover. */
const MENTION_GAP_PX = 6;
/** Space kept free between the popover and the viewport edges. */
const VIEWPORT_MARGIN_PX = 8;
/** The popover never gets shorter than this, even when both sides of the mention are cramped. */
const MIN_HEIGHT_PX = 96;

/** The element that has focus, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** True when keys typed now go into a field, where Escape belongs to the field. */
function isEditable(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUT_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
  return (element as HTMLElement).isContentEditable === true;
}

function isNode(target: EventTarget | null): target is Node {
  return target !== null && typeof (target as Node).nodeType === 'number';
}

/** The element a Range starts in, for direction and scroll-ancestor lookups. */
function rangeElement(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/**
 * A Floating UI reference made from a live Range: its rectangles are read on
 * every update, so the popover follows the mention as the page scrolls, reflows
 * or zooms. `getClientRects` lets the `inline` middleware pick one line of a
 * mention that wraps.
 */
function rangeReference(range: Range): VirtualElement {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: rangeElement(range) ?? undefined,
  };
}

/** True when two ranges cover the same text (callers build a fresh Range for every show). */
function sameBoundaries(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** True when the mention is no longer on the page or has no size (its text was removed or hidden). */
function mentionGone(range: Range): boolean {
  if (!range.startContainer.isConnected) return true;
  const rect = range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0;
}

/**
 * Attaches the style sheet: adopted where the browser lets us, otherwise a
 * `<style>` element (see the module comment for why both).
 */
function attachStyles(shadow: ShadowRoot, doc: Document, css: string): void {
  const view = doc.defaultView;
  try {
    if (view && 'adoptedStyleSheets' in shadow) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    }
  } catch {
    // Firefox content scripts: fall through to the <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}

/**
 * Creates the popover host and appends it to `document.documentElement`.
 * Everything it sets up (element, listeners, position tracking, Preact tree)
 * is removed when `options.signal` aborts.
 */
export function createPopoverHost(options: PopoverHostOptions): PopoverHost {
  const doc = options.document ?? globalThis.document;
  const { signal } = options;

  const hostElement = doc.createElement(POPOVER_HOST_TAG);
  const shadow = hostElement.attachShadow({ mode: 'open' });
  attachStyles(shadow, doc, POPOVER_CSS);

  const layer = doc.createElement('div');
  layer.className = 'fl-layer';
  const topLayer = typeof layer.showPopover === 'function';
  if (topLayer) layer.setAttribute('popover', 'manual');

  // Announces what opened when focus stays on the page (hover), where a dialog alone says nothing.
  const liveRegion = doc.createElement('div');
  liveRegion.className = 'fl-sr';
  liveRegion.setAttribute('role', 'status');
  liveRegion.setAttribute('aria-live', 'polite');

  shadow.append(layer, liveRegion);
  // One host per document: a copy of this script unloaded by an extension reload may have left its own.
  removeOrphanedPopoverHosts({ document: doc, hostTag: POPOVER_HOST_TAG });
  hostContainer(doc).append(hostElement);

  let open = false;
  let entityId: string | null = null;
  /** Bumped by every show, hide and teardown; async work started under an older value is dropped. */
  let generation = 0;
  let stopTracking: (() => void) | null = null;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;
  let returnFocusTo: HTMLElement | null = null;
  let shownDetails: EntityDetails | null = null;
  let shownCandidates: CandidateName[] = [];
  let anchorRange: Range | null = null;

  const theme = (): PopoverTheme => options.theme?.() ?? 'system';

  function dialogElement(): HTMLElement | null {
    return layer.querySelector<HTMLElement>('[role="dialog"]');
  }

  function renderDetails(details: EntityDetails, anchor: PopoverAnchor, candidates: CandidateName[]): void {
    render(
      h(Popover, {
        details,
        candidates,
        sharedName: anchor.sharedName === true,
        // Each candidate shows the page's figures about itself.
        pageFigures: (anchor.pageFigures ?? []).filter((figure) => figure.entityId === details.entity.id),
        currentFigure: anchor.figure?.entityId === details.entity.id ? anchor.figure : undefined,
        onChoose: (id: string) => void choose(anchor, id),
        theme: theme(),
        onClose: () => host.hide({ restoreFocus: true }),
        onOpenStory: (storyId: string) => options.onOpenStory(storyId),
        onMute: (id: string) => {
          host.hide({ restoreFocus: true });
          options.onMute(id);
        },
      }),
      layer,
    );
  }

  /**
   * Another entity the marked name may mean was chosen: show it where the popover is. Keyboard focus, if it
   * was in the popover, stays on the name chosen (now pressed), as it does on any toggle button, so the
   * reader can go on comparing from there; the live region says what is shown instead.
   */
  async function choose(anchor: PopoverAnchor, id: string): Promise<void> {
    const hadFocus = host.contains(deepActiveElement(doc));
    await host.show({ ...anchor, entityId: id });
    if (!open || entityId !== id || !hadFocus) return;
    shadow.querySelector<HTMLElement>('.fl-candidate[aria-pressed="true"]')?.focus({ preventScroll: true });
  }

  function renderMessage(message: string, busy: boolean): void {
    render(
      h(PopoverMessage, { message, busy, theme: theme(), onClose: () => host.hide({ restoreFocus: true }) }),
      layer,
    );
  }

  /**
   * CSS `zoom` on <html> reaches into the top layer too: the popover would grow
   * with it and our `left`/`top` would be scaled a second time. Undo it on the
   * layer. (Browser zoom needs nothing: it changes what a CSS pixel is for the
   * page and for us alike.)
   */
  function undoPageCssZoom(): void {
    const pageZoom = (hostElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    const wanted = pageZoom > 0 && Math.abs(pageZoom - 1) > 0.001 ? String(1 / pageZoom) : '';
    if (layer.style.getPropertyValue('zoom') !== wanted) layer.style.setProperty('zoom', wanted);
  }

  async function updatePosition(range: Range, token: number): Promise<void> {
    undoPageCssZoom();
    if (mentionGone(range)) {
      layer.classList.add('fl-hidden');
      return;
    }
    const element = rangeElement(range);
    const rtl = element ? doc.defaultView?.getComputedStyle(element).direction === 'rtl' : false;
    // Line the popover up with the start of the mention: its left edge on LTR pages, its right edge on RTL ones.
    const placement: Placement = rtl ? 'bottom-end' : 'bottom-start';
    const { x, y, middlewareData } = await computePosition(rangeReference(range), layer, {
      strategy: 'fixed',
      placement,
      middleware: [
        inline(),
        offset(MENTION_GAP_PX),
        flip({ padding: VIEWPORT_MARGIN_PX, fallbackPlacements: [rtl ? 'top-end' : 'top-start'] }),
        // Shift only along the line, never onto the mention.
        shift({ padding: VIEWPORT_MARGIN_PX, crossAxis: false }),
        size({
          padding: VIEWPORT_MARGIN_PX,
          apply({ availableHeight, elements }) {
            const height = Math.max(MIN_HEIGHT_PX, Math.floor(availableHeight));
            elements.floating.style.setProperty('--fl-available-height', `${height}px`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (token !== generation) return;
    layer.style.left = `${Math.round(x)}px`;
    layer.style.top = `${Math.round(y)}px`;
    layer.classList.toggle('fl-hidden', middlewareData.hide?.referenceHidden === true);
  }

  function stopPositioning(): void {
    stopTracking?.();
    stopTracking = null;
  }

  /** Puts the layer on screen next to the range and keeps it there as the page moves. */
  async function reveal(range: Range, token: number): Promise<void> {
    // Also brings the host back after a page removed it. Moving it closes the popover layer; it is shown below.
    const container = hostContainer(doc);
    if (hostElement.parentNode !== container) container.append(hostElement);
    stopPositioning();
    anchorRange = range;
    // Laid out but invisible until the first position is known, so it never flashes at the corner.
    layer.classList.add('fl-open', 'fl-hidden');
    if (topLayer && !layer.matches(':popover-open')) layer.showPopover();
    open = true;
    await updatePosition(range, token);
    if (token !== generation) return;
    stopTracking = autoUpdate(rangeReference(range), layer, () => {
      void updatePosition(range, generation);
    });
  }

  function conceal(): void {
    stopPositioning();
    clearTimeout(loadingTimer);
    if (topLayer && layer.matches(':popover-open')) layer.hidePopover();
    layer.classList.remove('fl-open', 'fl-hidden');
    render(null, layer);
    liveRegion.textContent = '';
    open = false;
    entityId = null;
    shownDetails = null;
    anchorRange = null;
  }

  function focusDialog(): void {
    dialogElement()?.focus({ preventScroll: true });
  }

  function rememberFocus(): void {
    const active = deepActiveElement(doc);
    if (active && !host.contains(active) && active !== doc.body) returnFocusTo = active as HTMLElement;
  }

  const host: PopoverHost = {
    hostElement,
    get isOpen() {
      return open;
    },
    get entityId() {
      return entityId;
    },

    contains(node) {
      if (!isNode(node)) return false;
      return node === hostElement || hostElement.contains(node) || shadow.contains(node);
    },

    async show(anchor, showOptions = {}) {
      if (signal.aborted) return;
      const token = ++generation;
      clearTimeout(loadingTimer);
      if (showOptions.focus) rememberFocus();

      if (open && shownDetails && entityId === anchor.entityId) {
        // Same entity, another mention (or the same one, or one of its figures): move, do not reload.
        renderDetails(shownDetails, anchor, shownCandidates);
        if (!anchorRange || !sameBoundaries(anchor.range, anchorRange)) await reveal(anchor.range, token);
        if (token === generation && showOptions.focus) focusDialog();
        return;
      }

      entityId = anchor.entityId;
      shownDetails = null;
      loadingTimer = setTimeout(() => {
        if (token !== generation) return;
        renderMessage('Loading facts…', true);
        void reveal(anchor.range, token);
      }, LOADING_NOTE_DELAY_MS);

      let details: EntityDetails | null = null;
      let failure: string | null = null;
      let candidates: CandidateName[] = [];
      try {
        [details, candidates] = await Promise.all([
          options.loadDetails(anchor.entityId),
          candidateNames(anchor, options.loadDetails),
        ]);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      if (token !== generation || signal.aborted) return;
      clearTimeout(loadingTimer);

      if (details) {
        shownDetails = details;
        shownCandidates = candidates;
        renderDetails(details, anchor, candidates);
      } else {
        renderMessage(`Factlens could not load its facts about this name. ${failure ?? ''}`.trim(), false);
      }
      await reveal(anchor.range, token);
      if (token !== generation) return;
      if (showOptions.focus) focusDialog();
      else if (details) liveRegion.textContent = popoverAnnouncement(details);
    },

    hide(hideOptions = {}) {
      generation++;
      const active = deepActiveElement(doc);
      // Give focus back only if it is ours to give: in the popover, or lost to <body>.
      const focusWasOurs = active === null || active === doc.body || host.contains(active);
      const wasShowing = open || entityId !== null;
      conceal();
      const target = returnFocusTo;
      returnFocusTo = null;
      if (wasShowing && hideOptions.restoreFocus && focusWasOurs && target?.isConnected) {
        target.focus({ preventScroll: true });
      }
    },
  };

  // Escape from inside the popover: ours alone, so the page's own Escape handlers do not also fire.
  shadow.addEventListener(
    'keydown',
    (event) => {
      const keyboardEvent = event as KeyboardEvent;
      if (keyboardEvent.key !== 'Escape' || keyboardEvent.isComposing || !open) return;
      keyboardEvent.preventDefault();
      keyboardEvent.stopPropagation();
      host.hide({ restoreFocus: true });
    },
    { signal },
  );

  // Escape on the page closes the popover too, unless it is meant for a field or the page already used it.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.isComposing || !open || event.defaultPrevented) return;
      if (host.contains(event.target)) return;
      if (isEditable(deepActiveElement(doc))) return;
      host.hide({ restoreFocus: false });
    },
    { signal },
  );

  // Entering or leaving fullscreen: move an open popover to where it can be seen and clicked, keeping its focus.
  doc.addEventListener(
    'fullscreenchange',
    () => {
      if (!open || !anchorRange || hostElement.parentNode === hostContainer(doc)) return;
      const hadFocus = host.contains(deepActiveElement(doc));
      const token = generation;
      void reveal(anchorRange, token).then(() => {
        if (hadFocus && token === generation) focusDialog();
      });
    },
    { signal },
  );

  function teardown(): void {
    generation++;
    conceal();
    returnFocusTo = null;
    hostElement.remove();
  }

  if (signal.aborted) teardown();
  else signal.addEventListener('abort', teardown, { once: true });

  return host;
}
