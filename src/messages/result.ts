/**
 * Answers across a context boundary: a result, never a thrown error, so they
 * stay serialisable. The client (`client.ts`) reads them.
 */
import * as z from 'zod/mini';

/** Answers carry a result, never a thrown error, so they stay serialisable. */
export function resultOf<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}
