/**
 * The part of the content script that marks a page's text: the matcher's builder (from the plan the
 * background answers, read by hand), the per-mention decisions and the figure checks. An ES module,
 * imported by the content script (see `entrypoints/content/parts.ts`) the first time a frame has text;
 * the script every frame runs stays small, and a frame without text never loads this. No zod: the first
 * marks wait for this part, and the schemas (`content-schemas.ts`) load beside or after it.
 */
import type { ClientOptions } from '@/src/messages/client';
import type { Matcher } from '@/src/match/matcher';
import { pageMatching, type Matching } from '@/src/page/chunk-mentions';
import { FigureChecks, type FigureCheckOptions } from '@/src/page/figure-checks';
import { matcherFromAnswer } from '@/src/page/matcher-answer';

/** What the content script gets from this module. */
export interface ContentDataModule {
  /** The frame's matcher from the background's answer to `matcher/get`; throws on an error or malformed answer. */
  matcherFromAnswer(answer: unknown, options: ClientOptions): Matcher;
  /** The page's matching with that matcher: the per-mention decisions live here, not in every frame. */
  pageMatching(matcher: Matcher, document: Document): Matching;
  /** The page's figure checks: needed only once a frame has text, like the matching. */
  createFigureChecks(options: FigureCheckOptions): FigureChecks;
}

export default defineUnlistedScript((): ContentDataModule => ({
  matcherFromAnswer,
  pageMatching,
  createFigureChecks: (options) => new FigureChecks(options),
}));
