/**
 * Messages between the background and the builder worker. The builder (the ingest core with its lexicon
 * and YAML: about nine tenths of the extension's code by size) runs in a dedicated worker of its own, so a
 * background that starts for a page's request loads none of it (issue 16). It is only asked when the
 * user's articles or corrections change and no kept analysis matches, and for previews.
 *
 * Both ends are Factlens's own code (the worker is started from an extension URL and answers only its
 * parent), so the messages are typed here and not parsed again with a schema.
 */
import type { Catalog } from '../../ingest/catalog';
import type { UserBuild } from '../../user-articles/merge-built';
import type { PreviewInput, PreviewResult } from '../../user-articles/preview';
import type { UserArticle } from '../../user-articles/schema';

/** The name of the port the offscreen document opens to the background (Chromium). */
export const BUILDER_PORT_NAME = 'factlens-builder';

/** What the builder can be asked. */
export type BuilderCall =
  { type: 'build'; articles: readonly UserArticle[]; catalog: Catalog } | { type: 'preview'; input: PreviewInput };

/** A call as sent, numbered so its answer finds it. */
export type BuilderRequest = BuilderCall & { id: number };

/** What each request's answer carries. */
export interface BuilderValues {
  build: UserBuild;
  preview: PreviewResult;
}

/** An answer: the value, or the error the builder threw, as text (errors do not cross contexts). */
export type BuilderResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
