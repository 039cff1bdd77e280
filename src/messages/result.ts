/**
 * Answers across a context boundary: a result, never a thrown error, so they
 * stay serialisable; and how a receiver reads one.
 */
import * as z from 'zod/mini';

/** Answers carry a result, never a thrown error, so they stay serialisable. */
export function resultOf<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** `answer` parsed by `schema`; a malformed answer throws, naming `what` was asked. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, answer: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new Error(`${what}: malformed answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** The value of a successful result; an error result throws, naming `what` was asked. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error}`);
  return result.value;
}
