import { loadBundledFactBase } from '@/src/facts/bundled';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { routeMessage } from '@/src/background/router';
import { registerCommands } from '@/src/background/commands';

export default defineBackground(() => {
  const store = createFactBaseStore(loadBundledFactBase());
  const handlers = createHandlers(store, {
    show(tabId, distinctEntities) {
      void browser.action.setBadgeText({ tabId, text: distinctEntities ? String(distinctEntities) : '' });
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = routeMessage(handlers, message, sender, browser.runtime.id);
    return answer === undefined ? undefined : Promise.resolve(answer);
  });
  registerCommands(browser);
});
