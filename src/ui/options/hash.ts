/**
 * The options page's address contract. Other parts of the extension open the
 * page on a section or a task with a hash:
 *
 * - `options.html#add-page?tab=<tabId>`: "Add this page" from the popup. The
 *   page extracts the article of tab `<tabId>` and fills in the add form.
 *   Open it with `browser.tabs.create({ url: browser.runtime.getURL(addPagePath(tabId)) })`
 *   while the activeTab grant from the toolbar click is still fresh.
 * - `options.html#<section>`: scroll to a section (`highlighting`, `muted`,
 *   `sites`, `shortcuts`, `articles`, `backup`).
 */

/** The sections of the options page, by their element ids. */
export const SECTION_IDS = ['highlighting', 'muted', 'sites', 'shortcuts', 'articles', 'backup'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** What a hash asks the options page to do. */
export type OptionsRoute = { kind: 'add-page'; tabId: number } | { kind: 'section'; section: SectionId } | null;

/** The extension path that opens the add form filled from tab `tabId`. */
export function addPagePath(tabId: number): string {
  return `/options.html#add-page?tab=${tabId}`;
}

/** Read `location.hash`. Anything unrecognised is null: the page just opens at the top. */
export function parseOptionsHash(hash: string): OptionsRoute {
  const text = hash.replace(/^#/, '');
  const [name, query = ''] = text.split('?', 2) as [string, string?];
  if (name === 'add-page') {
    const tab = new URLSearchParams(query).get('tab');
    return tab && /^\d+$/.test(tab) ? { kind: 'add-page', tabId: Number(tab) } : null;
  }
  return (SECTION_IDS as readonly string[]).includes(name) ? { kind: 'section', section: name as SectionId } : null;
}
