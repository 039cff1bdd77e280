/**
 * The limits of a `figures/check` request, apart from its schema (`figures.ts`)
 * so that the content script's every-frame part can respect them without
 * bundling zod.
 */

/** Sentences sent at most per request; a page with more sends them in batches. */
export const MAX_CHECKED_SENTENCES = 200;
/** A sentence longer than this is not a sentence (a list, a table flattened): not sent. */
export const MAX_CHECKED_SENTENCE_LENGTH = 2_000;
