/**
 * The extension pages' (popup, story page, options page) thin wrapper over the protocol's client: their
 * requests to the background, read with {@link PagesToBackgroundCalls}. Each page's entry point gives it
 * the one function that sends (`runtime.sendMessage`); failures come back as errors worded for a reader.
 */
import { createClient, type Client, type Send, type Stamped } from '../messages/client';
import { PagesToBackgroundCalls } from '../messages/schema';

/** The extension pages' client of the background. */
export type BackgroundClient = Client<PagesToBackgroundCalls>;

/** A client of the background over `send`. */
export function createBackgroundClient(send: Send<Stamped<PagesToBackgroundCalls>>): BackgroundClient {
  return createClient(PagesToBackgroundCalls, send);
}
