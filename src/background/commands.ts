import { createPoster, type StampedRequest } from '../messages/client';
import type { ContentRequest, ToContentCalls } from '../messages/to-content';

/** Manifest command names, bound to keys in `wxt.config.ts` and changeable in the browser's shortcut settings. */
export const COMMANDS = {
  next: 'next-mention',
  previous: 'previous-mention',
} as const;

/** The slice of the browser API the commands need; tests pass their own. */
export interface CommandsApi {
  commands: { onCommand: { addListener(listener: (command: string) => void): void } };
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(
      tabId: number,
      request: ContentRequest & StampedRequest,
      options: { frameId: number },
    ): Promise<unknown>;
  };
}

/**
 * Forward the keyboard commands to the active tab's top frame. Content scripts
 * never see browser commands, and listening for keys in the page would risk
 * stealing the page's own shortcuts.
 */
export function registerCommands(api: CommandsApi): void {
  api.commands.onCommand.addListener(async (command) => {
    const direction = command === COMMANDS.next ? 'next' : command === COMMANDS.previous ? 'previous' : null;
    if (!direction) return;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const topFrame = createPoster<ToContentCalls>((request) => api.tabs.sendMessage(tab.id!, request, { frameId: 0 }));
    // Whether the page moved is of no use here.
    await topFrame.post('mentions/navigate', { direction }).catch(() => {
      // No content script in this tab (a browser page, or one loaded before install).
    });
  });
}
