/**
 * The background's answer to `figures/check`: the page's sentences read with
 * the builder's figure readers and checked against the fact base. The checker
 * (`./figure-checker.ts`) is a script of its own, loaded on the first check,
 * not at startup (`./figure-checker-script.ts`; issue 16); it indexes the
 * fact base's figures when first asked, and again after the fact base changes.
 */
import type { CreateFigureChecker, FigureChecker } from './figure-checker';
import type { FactBaseStore } from './factbase-store';
import type { BackgroundHandlers } from './router';

/** The handler this module adds to the background's. */
export type FigureHandlers = Pick<BackgroundHandlers, 'figures/check'>;

/** Brings the checker's factory in: the background loads its script; tests import it. */
export type FigureCheckerLoader = () => Promise<CreateFigureChecker>;

/** Checks over the store's current fact base, with a checker `load` brings in on the first request. */
export function createFigureHandlers(store: FactBaseStore, load: FigureCheckerLoader): FigureHandlers {
  let loading: Promise<CreateFigureChecker> | null = null;
  let checker: FigureChecker | null = null;
  store.subscribe(() => {
    checker = null;
  });
  return {
    'figures/check': async ({ sentences, pageDate }) => {
      let create: CreateFigureChecker;
      try {
        // A load that failed is tried again on the next request rather than remembered.
        loading ??= load().catch((error: unknown) => {
          loading = null;
          throw error;
        });
        create = await loading;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, error: `Factlens could not load its figure checker (${reason})` };
      }
      checker ??= create(store.current().factBase);
      return { ok: true, value: checker({ sentences, pageDate }) };
    },
  };
}
