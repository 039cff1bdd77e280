/**
 * The popover's whole style sheet, adopted into its shadow root as a
 * constructed sheet (pages whose CSP forbids inline styles cannot block those).
 *
 * Why it looks the way it does:
 * - `:host` rules are `!important` because, between a page's rules and a
 *   shadow tree's, the page wins for normal declarations but the shadow tree
 *   wins for important ones (CSS Cascade 4, "context"). So `factlens-root
 *   { display: none !important }` on the page loses to ours.
 * - `all: initial` on the host stops inherited page styles (font, colour,
 *   line-height, letter-spacing, …) leaking in. It leaves `direction` and custom
 *   properties alone, so the popover sets `dir="ltr"` itself and defines every
 *   custom property it uses on its own element.
 * - Sizes are in px, never rem: rem follows the page's root font size.
 * - `--fl-available-height` is set by the positioning code to the room left
 *   between the mention and the viewport edge, so the popover scrolls inside
 *   itself instead of running off screen.
 */
import { CHART_CSS } from '../chart/styles';

export const POPOVER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
}

.fl-layer {
  position: fixed;
  inset: auto;
  top: 0;
  left: 0;
  margin: 0;
  padding: 0;
  border: 0;
  background: transparent;
  overflow: visible;
  width: max-content;
  max-width: min(380px, calc(100vw - 16px));
  display: none;
  pointer-events: auto;
}
.fl-layer.fl-open { display: block; }
.fl-layer.fl-hidden { visibility: hidden; }

.fl-popover {
  --fl-bg: #ffffff;
  --fl-fg: #1d1d22;
  --fl-muted: #55555f;
  --fl-border: #d4d4dc;
  --fl-subtle: #f2f3f7;
  --fl-accent: #0a56c2;
  --fl-accent-hover: #0847a1;
  --fl-on-accent: #ffffff;
  --fl-mark: #fde98a;
  --fl-on-mark: #1d1d22;
  --fl-focus: #0a56c2;
  --fl-shadow: 0 10px 30px rgba(15, 20, 40, 0.18), 0 1px 3px rgba(15, 20, 40, 0.14);
  --fl-agrees-bg: #dcfce7;
  --fl-agrees-fg: #14532d;
  --fl-close-bg: #fef3c7;
  --fl-close-fg: #713f12;
  --fl-differs-bg: #fee2e2;
  --fl-differs-fg: #991b1b;
  color-scheme: light;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: 380px;
  max-width: 100%;
  max-height: min(60vh, var(--fl-available-height, 60vh));
  overflow: hidden;
  font: 400 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--fl-fg);
  background: var(--fl-bg);
  border: 1px solid var(--fl-border);
  border-radius: 10px;
  box-shadow: var(--fl-shadow);
  text-align: left;
  overflow-wrap: anywhere;
}
.fl-popover[data-theme='dark'] {
  --fl-bg: #1f2027;
  --fl-fg: #ececf1;
  --fl-muted: #a9abb8;
  --fl-border: #3b3d4a;
  --fl-subtle: #2a2c36;
  --fl-accent: #8ab4ff;
  --fl-accent-hover: #a9c7ff;
  --fl-on-accent: #0d1a33;
  --fl-mark: #5c4a00;
  --fl-on-mark: #fff4c2;
  --fl-focus: #8ab4ff;
  --fl-shadow: 0 10px 30px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
  --fl-agrees-bg: #14532d;
  --fl-agrees-fg: #dcfce7;
  --fl-close-bg: #713f12;
  --fl-close-fg: #fef3c7;
  --fl-differs-bg: #7f1d1d;
  --fl-differs-fg: #fee2e2;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .fl-popover[data-theme='system'] {
    --fl-bg: #1f2027;
    --fl-fg: #ececf1;
    --fl-muted: #a9abb8;
    --fl-border: #3b3d4a;
    --fl-subtle: #2a2c36;
    --fl-accent: #8ab4ff;
    --fl-accent-hover: #a9c7ff;
    --fl-on-accent: #0d1a33;
    --fl-mark: #5c4a00;
    --fl-on-mark: #fff4c2;
    --fl-focus: #8ab4ff;
    --fl-shadow: 0 10px 30px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
    --fl-agrees-bg: #14532d;
    --fl-agrees-fg: #dcfce7;
    --fl-close-bg: #713f12;
    --fl-close-fg: #fef3c7;
    --fl-differs-bg: #7f1d1d;
    --fl-differs-fg: #fee2e2;
    color-scheme: dark;
  }
}
.fl-popover *, .fl-popover *::before, .fl-popover *::after { box-sizing: border-box; }
.fl-popover:focus { outline: none; }
.fl-popover:focus-visible { outline: 2px solid var(--fl-focus); outline-offset: 2px; }

/* Resets of the UA styles, at zero specificity so every class rule below wins over them. */
:where(.fl-popover) :where(h2, h3, h4, h5, p, ul, li, blockquote) {
  margin: 0;
  padding: 0;
  font: inherit;
}
:where(.fl-popover) :where(ul) { list-style: none; }
:where(.fl-popover) :where(button) {
  font: inherit;
  color: inherit;
  background: none;
  border: 0;
  margin: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
}
.fl-popover button:focus-visible { outline: 2px solid var(--fl-focus); outline-offset: 1px; border-radius: 4px; }

.fl-header {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  padding: 12px 10px 10px 14px;
  border-bottom: 1px solid var(--fl-border);
}
.fl-heading { flex: 1 1 auto; min-width: 0; }
.fl-title-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
.fl-title { font-size: 16px; font-weight: 650; line-height: 1.3; }
.fl-kind, .fl-badge {
  display: inline-block;
  font-size: 11px;
  font-weight: 600;
  line-height: 1.5;
  padding: 0 6px;
  border-radius: 999px;
  background: var(--fl-subtle);
  color: var(--fl-muted);
  white-space: nowrap;
}
.fl-description { margin-top: 4px; color: var(--fl-muted); }
.fl-close {
  flex: none;
  width: 28px;
  height: 28px;
  border-radius: 6px;
  font-size: 20px;
  line-height: 28px;
  text-align: center;
  color: var(--fl-muted);
}
.fl-close:hover { background: var(--fl-subtle); color: var(--fl-fg); }

.fl-body {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 4px 14px 12px;
}
.fl-section-title {
  margin: 10px 0 6px;
  font-size: 11px;
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fl-muted);
}
.fl-empty { color: var(--fl-muted); }

.fl-figure + .fl-figure { border-top: 1px solid var(--fl-border); }
.fl-figure-toggle {
  display: grid;
  grid-template-columns: auto 1fr auto;
  align-items: baseline;
  column-gap: 8px;
  width: 100%;
  padding: 6px 2px;
}
.fl-value { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.fl-figure-text { min-width: 0; color: var(--fl-muted); font-size: 13px; }
.fl-detail { display: block; font-size: 12px; }
.fl-chevron { color: var(--fl-muted); transition: transform 120ms ease-out; }
.fl-figure-toggle[aria-expanded='true'] .fl-chevron { transform: rotate(90deg); }
.fl-figure-source { padding: 2px 2px 10px; font-size: 13px; }
.fl-quote { padding-left: 10px; border-left: 3px solid var(--fl-border); }
.fl-quote mark { background: var(--fl-mark); color: var(--fl-on-mark); border-radius: 2px; padding: 0 1px; }
.fl-from { margin-top: 4px; color: var(--fl-muted); font-size: 12px; }
.fl-from cite { font-style: italic; }

.fl-page-figure { padding: 6px 2px 8px; font-size: 13px; }
.fl-page-figure + .fl-page-figure { border-top: 1px solid var(--fl-border); }
.fl-page-figure.fl-here { background: var(--fl-subtle); border-radius: 6px; padding-left: 6px; padding-right: 6px; }
.fl-verdict { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 999px; font-size: 11px; font-weight: 700; letter-spacing: 0.02em; }
.fl-verdict-agrees { background: var(--fl-agrees-bg); color: var(--fl-agrees-fg); }
.fl-verdict-close { background: var(--fl-close-bg); color: var(--fl-close-fg); }
.fl-verdict-differs { background: var(--fl-differs-bg); color: var(--fl-differs-fg); }
.fl-page-figure-source { margin-top: 4px; }
.fl-page-figure-source summary { cursor: pointer; color: var(--fl-muted); font-size: 12px; }
.fl-page-figure-source cite { font-style: italic; }
.fl-page-figure-source .fl-quote { margin-top: 4px; }

.fl-story { padding: 8px 0 10px; }
.fl-story + .fl-story { border-top: 1px solid var(--fl-border); }
.fl-story-title { font-weight: 650; line-height: 1.35; }
.fl-meta { margin-top: 2px; color: var(--fl-muted); font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.fl-meta > :not(:first-child):not(.fl-badge)::before { content: '·'; margin-right: 8px; }
.fl-summary { margin-top: 6px; }
.fl-says { margin-top: 8px; font-size: 12px; font-weight: 650; color: var(--fl-muted); }
.fl-sentences { margin-top: 4px; }
.fl-sentences li { position: relative; padding-left: 12px; margin-top: 3px; font-size: 13px; }
.fl-sentences li::before { content: '›'; position: absolute; left: 0; color: var(--fl-muted); }
.fl-open-story {
  margin-top: 8px;
  padding: 3px 10px;
  border-radius: 6px;
  background: var(--fl-accent);
  color: var(--fl-on-accent);
  font-weight: 600;
  font-size: 13px;
}
.fl-open-story:hover { background: var(--fl-accent-hover); }

.fl-footer { padding: 8px 14px 10px; border-top: 1px solid var(--fl-border); }
.fl-mute {
  padding: 3px 10px;
  border-radius: 6px;
  border: 1px solid var(--fl-border);
  font-size: 13px;
}
.fl-mute:hover { background: var(--fl-subtle); }
.fl-candidates { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px 14px; border-bottom: 1px solid var(--fl-border); font-size: 13px; }
/* The question on a line of its own, the names below it: two full names rarely fit beside it. */
.fl-candidates-label { color: var(--fl-muted); flex-basis: 100%; }
.fl-candidate { padding: 2px 8px; border-radius: 6px; border: 1px solid var(--fl-border); font-size: 13px; }
.fl-candidate[aria-pressed="true"] { background: var(--fl-accent); color: var(--fl-on-accent); border-color: var(--fl-accent); }
.fl-candidate:hover { background: var(--fl-subtle); }
.fl-candidate[aria-pressed="true"]:hover { background: var(--fl-accent-hover); }
.fl-status { padding: 12px 14px; }

.fl-sr {
  position: absolute !important;
  width: 1px !important;
  height: 1px !important;
  margin: -1px !important;
  padding: 0 !important;
  overflow: hidden !important;
  clip: rect(0 0 0 0) !important;
  white-space: nowrap !important;
  border: 0 !important;
}

@media (forced-colors: active) {
  .fl-popover { border: 1px solid CanvasText; }
  .fl-open-story, .fl-mute, .fl-candidate { border: 1px solid ButtonText; }
  .fl-verdict { border: 1px solid CanvasText; }
}
@media (prefers-reduced-motion: reduce) {
  .fl-chevron { transition: none; }
}
${CHART_CSS}
`;
