import { createFigureChecker } from '@/src/background/figure-checker';
import { FIGURE_CHECKER_GLOBAL, type BackgroundScope } from '@/src/background/figure-checker-script';

/**
 * The figure checker (src/background/figure-checker.ts), a classic script the background loads on its
 * first figure check (src/background/figure-checker-script.ts): Chromium's service worker with
 * `importScripts`, Firefox's event page with a script element. It leaves its factory on the background's
 * global scope, the one thing both ways of loading share.
 */
export default defineUnlistedScript(() => {
  (globalThis as BackgroundScope)[FIGURE_CHECKER_GLOBAL] = createFigureChecker;
});
