/**
 * Where Factlens's own elements in a page (the popover's host, the layer of
 * drawn marks) belong while the page shows an element fullscreen: everything
 * outside a fullscreen element is neither drawn nor reachable, so they move
 * into it while it lasts.
 */

/**
 * Elements whose children are not drawn (media, frames, form controls, images),
 * so a host inside them would be invisible even in the top layer.
 */
const CHILDLESS_TAGS = new Set([
  'audio',
  'canvas',
  'embed',
  'frame',
  'iframe',
  'img',
  'input',
  'object',
  'picture',
  'select',
  'textarea',
  'video',
]);

/**
 * Where the host belongs now: inside the innermost fullscreen element (looking
 * through open shadow roots) when it can show children, else on `<html>`.
 * Outside a fullscreen element everything is inert (see the module comment).
 */
export function hostContainer(doc: Document): Element {
  let fullscreen = doc.fullscreenElement;
  while (fullscreen?.shadowRoot?.fullscreenElement) fullscreen = fullscreen.shadowRoot.fullscreenElement;
  if (!fullscreen) return doc.documentElement;
  // A child of a shadow host that has a root would only show through a slot it may not have.
  const drawsChildren =
    fullscreen.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    !CHILDLESS_TAGS.has(fullscreen.localName) &&
    !fullscreen.shadowRoot;
  return drawsChildren ? fullscreen : doc.documentElement;
}
