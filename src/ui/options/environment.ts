/**
 * Everything the options page takes from the browser, in one object, so the
 * components never touch `browser` and tests hand them a fake.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { StampedRequest } from '../../messages/client';
import type { BackgroundRequest } from '../../messages/protocol';
import type { StorageArea, StorageChangedEvent } from '../../settings/storage-area';
import { ExtractedPage } from '../../user-articles/schema';

/** One keyboard command as `browser.commands.getAll()` reports it. */
export interface CommandInfo {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** What the options page needs from the browser. */
export interface OptionsEnvironment {
  storage: StorageArea;
  onChanged: StorageChangedEvent;
  /** Sends a request to the background: the options page's client (`../background-client.ts`) sends through it. */
  sendMessage(request: BackgroundRequest & StampedRequest): Promise<unknown>;
  /** The extension's keyboard commands. */
  commands(): Promise<CommandInfo[]>;
  /** Open the browser's shortcut settings, where it can; null where the user must go there by hand. */
  openShortcutSettings: (() => Promise<void>) | null;
  browserName: 'chrome' | 'firefox';
  /** Extract the main article of a tab (see `entrypoints/extract.ts`). */
  extractPage(tabId: number): Promise<ExtractedPage>;
  /** Offer `text` to the user as a file download. */
  download(fileName: string, text: string): void;
  now(): number;
}

/** The slice of the WebExtension API the options page uses. */
export interface OptionsBrowserApi {
  storage: { local: StorageArea; onChanged: StorageChangedEvent };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  commands: { getAll(): Promise<CommandInfo[]>; openShortcutSettings?: () => Promise<void> };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  /** WXT's typing: `files` must name a file of the build. */
  scripting?: Pick<WxtBrowser['scripting'], 'executeScript'>;
}

/** Say why a tab could not be read, in words that tell the user what to do. */
export function explainExtractionError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/cannot access|cannot be scripted|missing host permission|permission/i.test(message)) {
    return (
      'Factlens may not read that tab any more. Browsers let an extension read a page only right after you click ' +
      'its button there, and never their own pages (settings, add-on stores). Go back to the page, click the ' +
      'Factlens button and choose "Add this page" again, or paste the text below.'
    );
  }
  if (/no tab with id|invalid tab/i.test(message)) {
    return 'That tab is closed. Open the page again and choose "Add this page", or paste the text below.';
  }
  return `Factlens could not read that page (${message}). Paste the text below instead.`;
}

/** The options page's environment over the real browser. */
export function createBrowserEnvironment(
  api: OptionsBrowserApi,
  browserName: 'chrome' | 'firefox',
  document: Document,
): OptionsEnvironment {
  const firefoxSettings = api.commands.openShortcutSettings;
  return {
    storage: api.storage.local,
    onChanged: api.storage.onChanged,
    sendMessage: (request) => api.runtime.sendMessage(request),
    commands: () => api.commands.getAll(),
    openShortcutSettings: firefoxSettings
      ? () => firefoxSettings.call(api.commands)
      : browserName === 'chrome'
        ? // Pages may not link to chrome:// addresses, but an extension may open a tab on one.
          () => api.tabs.create({ url: 'chrome://extensions/shortcuts' }).then(() => {})
        : null,
    browserName,
    async extractPage(tabId) {
      if (!api.scripting) throw new Error('cannot access the page: the scripting API is missing');
      const [first] = await api.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
      return ExtractedPage.parse(first?.result);
    },
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: Firefox starts the download after the click handler returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    now: () => Date.now(),
  };
}
