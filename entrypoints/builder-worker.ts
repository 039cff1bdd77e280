import { answerBuilderRequest } from '@/src/background/builder/serve';
import type { BuilderRequest } from '@/src/background/builder/protocol';

/** The worker's global scope, typed by what we use (the project's types are the window's). */
interface WorkerScope {
  onmessage: ((event: { data: BuilderRequest }) => void) | null;
  postMessage(message: unknown): void;
}

/**
 * The builder worker: analyses the user's articles and previews drafts for the background
 * (src/background/builder/). Started by Firefox's background page itself, in Chromium by an offscreen
 * document; it is the only script that loads the ingest core at run time.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => scope.postMessage(answerBuilderRequest(event.data));
});
