import type { Runtime } from 'webextension-polyfill';
import { BackgroundRequest, type GetStatsResponse } from '../messages/schema';
import type { FactBase } from '../facts/schema';

/** What the background answers to each request type. */
export interface BackgroundHandlers {
  'stats/get': () => GetStatsResponse;
}

/** Build the handlers over a loaded fact base. */
export function createHandlers(factBase: FactBase): BackgroundHandlers {
  return {
    'stats/get': () => ({
      ok: true,
      value: {
        stories: factBase.stories.length,
        entities: factBase.entities.length,
        figures: factBase.figures.length,
      },
    }),
  };
}

/**
 * Parse an incoming message and dispatch it. Messages from other extensions
 * or that fail their schema are dropped (undefined: no answer), never thrown,
 * so a malformed message can not break the background.
 */
export function routeMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: Pick<Runtime.MessageSender, 'id'>,
  ownId: string,
): unknown {
  if (sender.id !== ownId) return undefined;
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    console.warn('Factlens: dropped a malformed message', message);
    return undefined;
  }
  switch (parsed.data.type) {
    case 'stats/get':
      return handlers['stats/get']();
  }
}
