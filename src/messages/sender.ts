/**
 * What a context sends its requests through: the part of `browser.runtime` that messaging code uses,
 * so tests give it a fake and the modules that send need no `browser` of their own.
 *
 * Kept in src/messages, below the page layer that sends through it, so the message modules never
 * import src/page for it (issue 14).
 */

/** The part of `browser.runtime` the content script uses to talk to the background. */
export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}
