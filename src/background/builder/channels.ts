/**
 * Where the builder runs. Firefox's background is an event page, which can start a dedicated worker
 * itself. Chromium's is a service worker, which can not: there an offscreen document (the `offscreen`
 * permission, reason `WORKERS`) starts the worker and relays over a runtime port (`./relay.ts`).
 */
import type { BuilderChannel } from './client';
import { BUILDER_PORT_NAME, type BuilderRequest, type BuilderResponse } from './protocol';

/** The builder worker's script, an unlisted entry point (`entrypoints/builder-worker.ts`). */
export const BUILDER_WORKER_PATH = '/builder-worker.js';
/** The offscreen document that starts it in Chromium (`entrypoints/builder/index.html`). */
export const BUILDER_DOCUMENT_PATH = '/builder.html';
/** How long the offscreen document may take to load and connect. */
const CONNECT_TIMEOUT_MS = 15_000;

/** A dedicated worker as the browser makes it, typed by what we use. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** A channel to a worker started from `url`. */
export function workerChannel(url: string, start: (url: string) => WorkerLike): BuilderChannel {
  const worker = start(url);
  return {
    post: (request) => worker.postMessage(request),
    listen(onAnswer, onLost) {
      worker.addEventListener('message', (event) => onAnswer(event.data as BuilderResponse));
      // The builder answers its own errors; an uncaught one means the worker itself failed (its script).
      worker.addEventListener('error', (event) => onLost(event.message || 'the worker failed'));
    },
    close: () => worker.terminate(),
  };
}

/** A runtime port, typed by what we use. */
export interface PortLike {
  name: string;
  sender?: { url?: string };
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** The slice of Chromium's API the offscreen builder needs; tests pass their own. */
export interface OffscreenApi {
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    onConnect: {
      addListener(listener: (port: PortLike) => void): void;
      removeListener(listener: (port: PortLike) => void): void;
    };
  };
}

/** Open the offscreen document and wait for its port. */
export async function offscreenChannel(api: OffscreenApi): Promise<BuilderChannel> {
  const url = api.runtime.getURL(BUILDER_DOCUMENT_PATH);
  let stopWaiting = () => {};
  const connected = new Promise<PortLike>((resolve, reject) => {
    const listener = (port: PortLike) => {
      // Only our own document: content scripts can open ports to the background too.
      if (port.name !== BUILDER_PORT_NAME || port.sender?.url !== url) return;
      stopWaiting();
      resolve(port);
    };
    const timer = setTimeout(() => {
      stopWaiting();
      reject(new Error('the builder document did not connect'));
    }, CONNECT_TIMEOUT_MS);
    stopWaiting = () => {
      clearTimeout(timer);
      api.runtime.onConnect.removeListener(listener);
    };
    api.runtime.onConnect.addListener(listener);
  });
  // A document left from before this background restarted lost its port with it: start a fresh one.
  await api.offscreen.closeDocument().catch(() => {});
  try {
    await api.offscreen.createDocument({
      url,
      reasons: ['WORKERS'],
      justification: 'Runs the article analyser in a worker when the user adds or edits an article.',
    });
  } catch (error) {
    stopWaiting();
    throw error;
  }
  const port = await connected;
  return {
    post: (request: BuilderRequest) => port.postMessage(request),
    listen(onAnswer, onLost) {
      port.onMessage.addListener((message) => onAnswer(message as BuilderResponse));
      port.onDisconnect.addListener(() => onLost('its document closed'));
    },
    close() {
      port.disconnect();
      void api.offscreen.closeDocument().catch(() => {});
    },
  };
}

/**
 * The builder for this background: a worker of its own where the background can start one (Firefox's event
 * page), else one in an offscreen document (Chromium's service worker).
 */
export function openBuilderChannel(scope: {
  Worker?: new (url: string) => WorkerLike;
  chrome?: Partial<OffscreenApi>;
  getURL(path: string): string;
}): Promise<BuilderChannel> {
  const { Worker: WorkerClass, chrome } = scope;
  if (WorkerClass)
    return Promise.resolve(workerChannel(scope.getURL(BUILDER_WORKER_PATH), (url) => new WorkerClass(url)));
  if (chrome?.offscreen && chrome.runtime) return offscreenChannel(chrome as OffscreenApi);
  return Promise.reject(new Error('this browser can start no builder (no Worker, no offscreen documents)'));
}
