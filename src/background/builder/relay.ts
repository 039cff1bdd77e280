/**
 * The offscreen document's one job (Chromium): pass requests from the background's port to the builder
 * worker and answers back, and end both when the background goes away (it stopped, or closed the
 * document), so nothing keeps the lexicon in memory for nobody.
 */
import type { PortLike, WorkerLike } from './channels';

/** Relay between `port` and `worker`; `end` closes the document. */
export function relayBuilder(port: PortLike, worker: WorkerLike, end: () => void): void {
  port.onMessage.addListener((message) => worker.postMessage(message));
  worker.addEventListener('message', (event) => port.postMessage(event.data));
  worker.addEventListener('error', () => port.disconnect());
  port.onDisconnect.addListener(() => {
    worker.terminate();
    end();
  });
}
