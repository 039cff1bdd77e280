/**
 * Every message that crosses a context boundary (content script ⇄ background,
 * popup/options ⇄ background), one schema each, discriminated by `type`.
 * Receivers parse with these schemas; anything that does not parse is dropped.
 */
import * as z from 'zod/mini';

/** Popup/options → background: how large is the fact base? */
export const GetStatsRequest = z.object({ type: z.literal('stats/get') });

/** Any request a context may send to the background. */
export const BackgroundRequest = z.discriminatedUnion('type', [GetStatsRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

/** Sizes of the fact base the background holds. */
export const FactBaseStats = z.object({
  stories: z.number(),
  entities: z.number(),
  figures: z.number(),
});
export type FactBaseStats = z.infer<typeof FactBaseStats>;

/** Answers carry a result, never a thrown error, so they stay serialisable. */
export function resultOf<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

export const GetStatsResponse = resultOf(FactBaseStats);
export type GetStatsResponse = z.infer<typeof GetStatsResponse>;
