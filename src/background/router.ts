/**
 * The background's side of the protocol: each request is checked against the protocol version and
 * parsed with its call map's request schema (`src/messages/protocol.ts`), then handed to its handler.
 */
import { outdatedAnswer, PROTOCOL_VERSION, type MessageSender } from '../messages/client';
import { ToBackgroundCalls, type BackgroundRequest } from '../messages/protocol';

export type { MessageSender };

/** One handler per request type; each returns a serialisable result. */
export type BackgroundHandlers = {
  [Type in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: Type }>,
    sender: MessageSender,
  ) => unknown | Promise<unknown>;
};

/**
 * Check an incoming message and dispatch it. Messages from other extensions, or that fail their schema,
 * are dropped (undefined: no answer) and logged, never thrown, so nothing a page can provoke breaks the
 * background. A request of another protocol version (a content script left in a tab by an update, which
 * sends none) is answered `outdated`, so its sender stops instead of misreading this version's answers.
 */
export function routeMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: MessageSender,
  ownId: string,
): unknown | Promise<unknown> {
  if (sender.id !== ownId) return undefined;
  if (typeof message !== 'object' || message === null) return drop('not an object');
  const { type, protocol } = message as { type?: unknown; protocol?: unknown };
  if (typeof type !== 'string') return drop('no type');
  if (protocol !== PROTOCOL_VERSION) return outdatedAnswer(protocol);
  if (!Object.hasOwn(ToBackgroundCalls, type)) return drop(`unknown type ${type}`);
  const parsed = ToBackgroundCalls[type as keyof ToBackgroundCalls].request.safeParse(message);
  if (!parsed.success) return drop(parsed.error.issues[0]?.message);
  const request = parsed.data as BackgroundRequest;
  const handler = handlers[request.type] as (request: BackgroundRequest, sender: MessageSender) => unknown;
  return handler(request, sender);
}

function drop(why: string | undefined): undefined {
  console.warn('Factlens: dropped a malformed message', why);
  return undefined;
}
