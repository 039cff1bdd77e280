import { loadBundledFactBase } from '@/src/facts/bundled';
import { createHandlers, routeMessage } from '@/src/background/router';

export default defineBackground(() => {
  const handlers = createHandlers(loadBundledFactBase());
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = routeMessage(handlers, message, sender, browser.runtime.id);
    return answer === undefined ? undefined : Promise.resolve(answer);
  });
});
