/**
 * The offscreen document the background opens (Chromium) when the user's articles need analysing: it
 * starts the builder worker and relays between it and the background (src/background/builder/).
 */
import { BUILDER_WORKER_PATH } from '@/src/background/builder/channels';
import { BUILDER_PORT_NAME } from '@/src/background/builder/protocol';
import { relayBuilder } from '@/src/background/builder/relay';

relayBuilder(
  browser.runtime.connect({ name: BUILDER_PORT_NAME }),
  new Worker(browser.runtime.getURL(BUILDER_WORKER_PATH)),
  () => window.close(),
);
