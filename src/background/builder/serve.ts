/**
 * The builder's side of the protocol: answer one request by running the builder in place. Imported by the
 * builder worker (`entrypoints/builder-worker.ts`) and by tests, never by the background.
 */
import { buildUserFactBase } from '../../user-articles/merge';
import { previewArticle } from '../../user-articles/preview';
import type { BuilderRequest, BuilderResponse } from './protocol';

/** The answer to `request`; a builder error becomes an error answer, never a throw. */
export function answerBuilderRequest(request: BuilderRequest): BuilderResponse {
  try {
    switch (request.type) {
      case 'build':
        return { id: request.id, ok: true, value: buildUserFactBase(request.articles, request.catalog) };
      case 'preview':
        return { id: request.id, ok: true, value: previewArticle(request.input) };
    }
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
