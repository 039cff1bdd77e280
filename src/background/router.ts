import { BackgroundRequest } from '../messages/schema';

/** Who sent a message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** One handler per request type; each returns a serialisable result. */
export type BackgroundHandlers = {
  [Type in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: Type }>,
    sender: MessageSender,
  ) => unknown | Promise<unknown>;
};

/**
 * Parse an incoming message and dispatch it. Messages from other extensions,
 * or that fail their schema, are dropped (undefined: no answer) and logged,
 * never thrown, so nothing a page can provoke breaks the background.
 */
export function routeMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: MessageSender,
  ownId: string,
): unknown | Promise<unknown> {
  if (sender.id !== ownId) return undefined;
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    console.warn('Factlens: dropped a malformed message', parsed.error.issues[0]?.message);
    return undefined;
  }
  const request = parsed.data;
  const handler = handlers[request.type] as (request: BackgroundRequest, sender: MessageSender) => unknown;
  return handler(request, sender);
}
