/**
 * The one client of Factlens's message protocol, after Yomitan's single `_invoke`: every request any
 * context sends goes through {@link createClient} (or, where the schemas are not loaded yet, its sending
 * half {@link createPoster}), which stamps it with the protocol's version, sends it, reads the answer with
 * the schema its call map gives, and words what went wrong, naming the request. The popup, options page,
 * story page, content script and background use thin wrappers over it; nothing else sends a message
 * (`tests/unit/meta/messages.test.ts` says so).
 *
 * No zod here at run time, only its types: the content script's every-frame part sends through
 * {@link createPoster} and must stay free of zod (its data module, loaded later, reads the answers).
 */
import type * as z from 'zod/mini';

/**
 * The protocol's version, carried by every request. Raise it when a request or answer changes shape:
 * a content script left in an open tab by an extension update then gets `outdated` answers and stops
 * instead of misreading the new background's answers.
 */
export const PROTOCOL_VERSION = 1;

/** A request as it is sent: its type, its fields, and the protocol version. */
export interface StampedRequest {
  type: string;
  protocol: number;
}

/**
 * What sends a request and resolves with the answer: `runtime.sendMessage`, or `tabs.sendMessage` to one
 * tab. (Not to be confused with `runtime.MessageSender`, who sent a message, which the background's
 * router calls {@link MessageSender}.)
 */
export type Send<Request extends StampedRequest = StampedRequest> = (request: Request) => Promise<unknown>;

/** Any request of the call map `M`, as the client sends it. */
export type Stamped<M extends Calls> = { [T in keyof M]: z.infer<M[T]['request']> & StampedRequest }[keyof M];

/** Who sent a message, as the browser reports it to the receiver (`runtime.MessageSender`). */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** One request type of a call map: the schema of the request and the schema of its answer. */
export interface Call {
  request: z.ZodMiniType;
  answer: z.ZodMiniType;
}

/** A call map: each request `type` to its {@link Call}. One per direction (see src/messages/protocol.ts). */
export type Calls = Record<string, Call>;

/** The fields of a request of `type`, without `type` and the protocol version the client adds. */
export type RequestFields<M extends Calls, T extends keyof M> = Omit<z.infer<M[T]['request']>, 'type'>;

/** The answer to a request of `type`: the value of a result, or the answer itself where it is no result. */
export type AnswerValue<M extends Calls, T extends keyof M> =
  z.infer<M[T]['answer']> extends infer A
    ? A extends { ok: true; value: infer V }
      ? V
      : Exclude<A, { ok: false }>
    : never;

/** The answer of a receiver that serves another version of the protocol (see {@link outdatedAnswer}). */
export interface OutdatedAnswer {
  ok: false;
  outdated: true;
  error: string;
}

/** What the background answers a request of another protocol version. */
export function outdatedAnswer(received: unknown): OutdatedAnswer {
  return {
    ok: false,
    outdated: true,
    error: `outdated: the request speaks protocol ${String(received ?? 'before versions')}, Factlens now speaks ${PROTOCOL_VERSION}; reload the page`,
  };
}

/** Why a request failed: which request, and what went wrong. */
export class RequestError extends Error {
  constructor(
    /** The request's `type`. */
    readonly request: string,
    /**
     * `unreachable`: the send failed (no receiver, the background restarting); `malformed`: the answer is not
     * what the map says; `refused`: the receiver answered an error; `outdated`: the sender and receiver are of
     * two versions of the extension (an open tab after an update), or the sender's runtime is gone.
     */
    readonly reason: 'unreachable' | 'malformed' | 'refused' | 'outdated',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RequestError';
  }
}

/** True when `error` says the sending script is outdated (see {@link RequestError}). */
export function isOutdated(error: unknown): boolean {
  return error instanceof RequestError && error.reason === 'outdated';
}

/** How a client sends, beyond its {@link Send}. */
export interface ClientOptions {
  /** Who answers, in words: "its fact base" (the default), "the page". */
  peer?: string;
  /** False once this context's runtime is gone (a content script after an update): nothing is sent then. */
  alive?: () => boolean;
  /** Called once the sender is found outdated (an `outdated` answer, or `alive` false): stop cleanly. */
  onOutdated?: () => void;
}

/** The sending half of a client: requests stamped and sent, their answers not read. */
export interface Poster<M extends Calls> {
  post<T extends keyof M & string>(type: T, fields: RequestFields<M, T>): Promise<unknown>;
}

/** A client of one call map. */
export interface Client<M extends Calls> extends Poster<M> {
  /** Send a request of `type` and resolve with its answer's value; rejects with a {@link RequestError}. */
  request<T extends keyof M & string>(type: T, fields: RequestFields<M, T>): Promise<AnswerValue<M, T>>;
  /** Read the answer to a request of `type` sent by {@link Poster.post}; throws a {@link RequestError}. */
  read<T extends keyof M & string>(type: T, answer: unknown): AnswerValue<M, T>;
}

function outdated(type: string, options: ClientOptions, why: string): RequestError {
  options.onOutdated?.();
  return new RequestError(type, 'outdated', `Factlens was updated since this page loaded (${type}: ${why})`);
}

function throwIfOutdated(type: string, answer: unknown, options: ClientOptions): void {
  if ((answer as Partial<OutdatedAnswer> | null)?.outdated === true) {
    throw outdated(type, options, (answer as OutdatedAnswer).error);
  }
}

function malformed(type: string, issue: string): RequestError {
  return new RequestError(
    type,
    'malformed',
    `Factlens got an answer it could not read (${type}: malformed answer, ${issue}). Try reloading the extension.`,
  );
}

/**
 * Read a result whose value the caller checks itself, without zod: what {@link Client.read} does for a
 * request whose answer schema is a result of `unknown` (the matcher's plan, which the content script reads
 * by hand before its schemas have loaded). Throws the same {@link RequestError}s.
 */
export function readResult(type: string, answer: unknown, options: ClientOptions = {}): unknown {
  throwIfOutdated(type, answer, options);
  const result = answer as { ok?: unknown; value?: unknown; error?: unknown } | null;
  if (result === null || typeof result !== 'object') throw malformed(type, 'not an object');
  if (result.ok === true) return result.value;
  if (result.ok === false && typeof result.error === 'string') throw new RequestError(type, 'refused', result.error);
  throw malformed(type, 'not a result');
}

/** The sending half of {@link createClient}, without the schemas: for the content script's every-frame part. */
export function createPoster<M extends Calls>(send: Send<Stamped<M>>, options: ClientOptions = {}): Poster<M> {
  return {
    post(type, fields) {
      if (options.alive && !options.alive()) return Promise.reject(outdated(type, options, 'its runtime is gone'));
      return send({ ...fields, type, protocol: PROTOCOL_VERSION } as Stamped<M>).catch((error: unknown) => {
        throw new RequestError(
          type,
          'unreachable',
          `Factlens could not reach ${options.peer ?? 'its fact base'} (${type}: ${String(error)})`,
          { cause: error },
        );
      });
    },
  };
}

/**
 * A client of the call map `calls` over `send`: answers are read with the map's answer schema; a result's
 * error becomes a {@link RequestError} with the receiver's words, a malformed answer one that names the
 * request, an `outdated` answer one that also calls `options.onOutdated`.
 */
export function createClient<M extends Calls>(
  calls: M,
  send: Send<Stamped<M>>,
  options: ClientOptions = {},
): Client<M> {
  const poster = createPoster<M>(send, options);
  const read = <T extends keyof M & string>(type: T, answer: unknown): AnswerValue<M, T> => {
    throwIfOutdated(type, answer, options);
    const parsed = calls[type]!.answer.safeParse(answer);
    if (!parsed.success) throw malformed(type, parsed.error.issues[0]?.message ?? 'invalid');
    const data = parsed.data as { ok?: unknown; value?: unknown; error?: unknown };
    if (data !== null && typeof data === 'object' && 'ok' in data) {
      if (data.ok !== true) throw new RequestError(type, 'refused', String(data.error));
      return data.value as AnswerValue<M, T>;
    }
    return data as AnswerValue<M, T>;
  };
  return {
    post: poster.post,
    read,
    request: async (type, fields) => read(type, await poster.post(type, fields)),
  };
}
