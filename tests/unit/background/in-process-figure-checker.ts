/**
 * The figure checker for unit tests: imported here, where the background loads it as a script of its own
 * on its first figure check (src/background/figure-checker-script.ts).
 */
import { createFigureChecker } from '@/src/background/figure-checker';
import type { FigureCheckerLoader } from '@/src/background/figures';

export const inProcessFigureChecker: FigureCheckerLoader = () => Promise.resolve(createFigureChecker);
