/**
 * The chart's style sheet, for both places that show it: the popover appends
 * it to its shadow root's constructed sheet (pages whose CSP forbids inline
 * styles can not block those); the popup's and story page's views adopt it
 * into their document (`adoptChartStyles`). Colours come from the host's
 * custom properties (the popover's `--fl-fg`, the views' `--fl-text`), so light
 * and dark themes follow the host.
 */
export const CHART_CSS = `
.flc-chart { margin: 6px 0 10px; padding: 0; }
.flc-caption { font-size: 12px; font-weight: 600; color: var(--fl-muted); margin-bottom: 2px; }
.flc-plot { max-width: 360px; }
.flc-svg { display: block; width: 100%; height: auto; overflow: visible; }
.flc-row { display: grid; text-align: center; font-variant-numeric: tabular-nums; }
.flc-values { font-size: 11px; font-weight: 600; color: var(--fl-fg, var(--fl-text)); }
.flc-whens { font-size: 11px; color: var(--fl-muted); margin-top: 2px; }
.flc-axis { stroke: var(--fl-border); stroke-width: 1; }
.flc-bar, .flc-dot { fill: var(--fl-accent); stroke: var(--fl-accent); stroke-width: 1.5; }
.flc-expected .flc-bar, .flc-expected .flc-dot,
.flc-projected .flc-bar, .flc-projected .flc-dot { fill: var(--fl-bg); stroke-width: 2; }
.flc-projected .flc-bar, .flc-projected .flc-dot { stroke: var(--fl-muted); }
.flc-legend { display: flex; gap: 12px; font-size: 11px; color: var(--fl-muted); margin-top: 2px; }
.flc-key { display: inline-flex; align-items: center; gap: 4px; }
.flc-chart table { border-collapse: collapse; }
@media (forced-colors: active) {
  .flc-bar, .flc-dot { stroke: CanvasText; }
  .flc-reported .flc-bar, .flc-reported .flc-dot { fill: CanvasText; }
}
`;

/** Documents that have the chart's sheet already. */
const adopted = new WeakSet<Document>();

/** Adds the chart's sheet to `doc` once (an extension page; the popover has its own sheet). */
export function adoptChartStyles(doc: Document = document): void {
  if (adopted.has(doc)) return;
  adopted.add(doc);
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(CHART_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
