/**
 * The popover: Preact, Floating UI, the popover's components, styles and figure formatting. An ES module,
 * loaded by the content script (see `entrypoints/content/parts.ts`) while the page is idle once a frame
 * marks a mention, or when a popover first opens, so the script every frame runs stays small. The details
 * it shows are parsed by the content script's data module, so this one has no zod of its own.
 */
import type { PopoverHost, PopoverHostOptions } from '@/src/page/popover';
import { createPopoverHost } from '@/src/ui/popover/popover-host';

/** What the content script gets from this module. */
export interface ContentPopoverModule {
  createPopoverHost(options: PopoverHostOptions): PopoverHost;
}

export default defineUnlistedScript((): ContentPopoverModule => ({ createPopoverHost }));
