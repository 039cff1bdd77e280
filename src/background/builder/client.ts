/**
 * The background's side of the builder: requests go to a builder opened when first needed (a dedicated
 * worker; in Chromium, whose service worker can not start one, a worker in an offscreen document) and
 * closed again after a minute without requests, so the lexicon's memory is held only while the user edits.
 */
import type { Catalog } from '../../ingest/catalog';
import type { UserBuild } from '../../user-articles/merge-built';
import type { PreviewInput, PreviewResult } from '../../user-articles/preview';
import type { UserArticle } from '../../user-articles/schema';
import type { BuilderCall, BuilderRequest, BuilderResponse, BuilderValues } from './protocol';

/** Builds and previews the user's articles somewhere else; see `createBuilderClient`. */
export interface ArticleBuilder {
  build(articles: readonly UserArticle[], catalog: Catalog): Promise<UserBuild>;
  preview(input: PreviewInput): Promise<PreviewResult>;
}

/** A way to talk to a running builder. */
export interface BuilderChannel {
  post(request: BuilderRequest): void;
  /** Adds the listener for answers; called once per channel. */
  listen(onAnswer: (response: BuilderResponse) => void, onLost: (reason: string) => void): void;
  close(): void;
}

/** Options for {@link createBuilderClient}. */
export interface BuilderClientOptions {
  /** Close the builder after this long without a request (default: a minute). */
  idleMs?: number;
  /**
   * Called every `keepAliveMs` while a request is pending. Chromium stops a service worker that has had
   * no event for 30 s, and a long build sends none: an extension API call resets that clock.
   */
  keepAlive?: () => void;
  keepAliveMs?: number;
}

/** The client, which can also be closed at once (tests). */
export interface BuilderClient extends ArticleBuilder {
  close(): void;
}

/** A builder reached through channels that `open` makes, one at a time, when a request needs one. */
export function createBuilderClient(
  open: () => Promise<BuilderChannel>,
  options: BuilderClientOptions = {},
): BuilderClient {
  const idleMs = options.idleMs ?? 60_000;
  let channel: Promise<BuilderChannel> | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let keepAliveTimer: ReturnType<typeof setInterval> | undefined;

  const close = () => {
    clearTimeout(idleTimer);
    clearInterval(keepAliveTimer);
    keepAliveTimer = undefined;
    const closing = channel;
    channel = null;
    void closing?.then((open) => open.close()).catch(() => {});
  };

  const lose = (reason: string) => {
    // The builder is gone (crashed, or its document closed): fail what it held; the next request opens a new one.
    channel = null;
    for (const { reject } of pending.values()) reject(new Error(`the builder stopped: ${reason}`));
    pending.clear();
    clearInterval(keepAliveTimer);
    keepAliveTimer = undefined;
  };

  const settle = (response: BuilderResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(new Error(response.error));
    if (pending.size === 0) {
      clearInterval(keepAliveTimer);
      keepAliveTimer = undefined;
      idleTimer = setTimeout(close, idleMs);
    }
  };

  const opened = () => {
    channel ??= open().then((made) => {
      made.listen(settle, lose);
      return made;
    });
    return channel;
  };

  async function ask<Type extends keyof BuilderValues>(
    call: BuilderCall & { type: Type },
  ): Promise<BuilderValues[Type]> {
    clearTimeout(idleTimer);
    const id = nextId++;
    const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    if (options.keepAlive && !keepAliveTimer)
      keepAliveTimer = setInterval(options.keepAlive, options.keepAliveMs ?? 20_000);
    try {
      (await opened()).post({ ...call, id });
    } catch (error) {
      pending.delete(id);
      channel = null;
      throw error;
    }
    return answer as Promise<BuilderValues[Type]>;
  }

  return {
    build: (articles, catalog) => ask({ type: 'build', articles, catalog }),
    preview: (input) => ask({ type: 'preview', input }),
    close,
  };
}
