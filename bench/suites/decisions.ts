/**
 * What the per-mention decisions of issue #12 cost, in each browser, on the
 * saved real pages with the marks corpus's grown fact base (441 entities):
 * the scan as it was (find names, mark them all) against the scan deciding
 * each name, on the same page load. Goal: deciding adds at most 10% to the scan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FactBase } from '@/src/facts/schema';
import { buildMatcherPayload } from '@/src/match/payload';
import type { DecisionTiming } from '../page/decisions';
import type { CorpusPage } from '../corpus';
import { call, closeQuietly, inject, openFresh } from '../driver';

/** The goal: deciding adds at most this share to the scan. */
export const DECISION_COST_GOAL = 0.1;
/** The goals of the figure check on the page (issue 15): at most this share of the scan… */
export const FIGURE_COST_GOAL = 0.1;
/** …and never holds the page longer than this between two turns it gives back. */
export const FIGURE_BLOCK_GOAL_MS = 50;

/** The grown fact base's matcher payload, as JSON. */
export function grownPayloadJson(repoRoot: string): string {
  const file = path.join(repoRoot, 'tests/fixtures/corpora/marks/factbase/grown.json');
  return JSON.stringify(buildMatcherPayload(FactBase.parse(JSON.parse(readFileSync(file, 'utf8')))));
}

/** Measure every page; print a row per page and the total share; returns the share. */
export async function runDecisionSuite(
  browser: Parameters<typeof openFresh>[0],
  origin: string,
  probe: Parameters<typeof inject>[1],
  pages: readonly CorpusPage[],
  payloadJson: string,
  runs: number,
  log: (line: string) => void,
): Promise<number> {
  let scanMs = 0;
  let decidedScanMs = 0;
  let figureMs = 0;
  let longestFigureStep = { ms: 0, page: '' };
  for (const page of pages) {
    const tab = await openFresh(browser, origin + page.path);
    try {
      await inject(tab, probe);
      const timing = await call<DecisionTiming>(tab, probe, 'measureDecisions', payloadJson, runs);
      scanMs += timing.scanMs;
      decidedScanMs += timing.decidedScanMs;
      figureMs += timing.figureMs;
      if (timing.figureStepMs > longestFigureStep.ms) longestFigureStep = { ms: timing.figureStepMs, page: page.name };
      log(
        `  ${page.name.padEnd(36)} scan ${timing.scanMs.toFixed(1).padStart(7)} ms, deciding ` +
          `${timing.decidedScanMs.toFixed(1).padStart(7)} ms (${timing.found} names, ${timing.marked} marked), ` +
          `figure sentences ${timing.figureMs.toFixed(1).padStart(6)} ms (${timing.figureSentences} found, ` +
          `longest step ${timing.figureStepMs.toFixed(1)} ms)`,
      );
    } finally {
      await closeQuietly(tab);
    }
  }
  const share = scanMs === 0 ? 0 : (decidedScanMs - scanMs) / scanMs;
  log(
    `  decisions add ${(100 * share).toFixed(1)}% to the scan (${scanMs.toFixed(0)} -> ${decidedScanMs.toFixed(0)} ms; ` +
      `goal <= ${100 * DECISION_COST_GOAL}%): ${share <= DECISION_COST_GOAL ? 'met' : 'NOT met'}`,
  );
  const figureShare = decidedScanMs === 0 ? 0 : figureMs / decidedScanMs;
  log(
    `  the figure check's page part adds ${(100 * figureShare).toFixed(1)}% to the scan (${figureMs.toFixed(0)} ms over ` +
      `${decidedScanMs.toFixed(0)} ms; goal <= ${100 * FIGURE_COST_GOAL}%): ${figureShare <= FIGURE_COST_GOAL ? 'met' : 'NOT met'}; ` +
      `longest step between turns given to the page ${longestFigureStep.ms.toFixed(1)} ms (${longestFigureStep.page}; ` +
      `goal <= ${FIGURE_BLOCK_GOAL_MS} ms): ${longestFigureStep.ms <= FIGURE_BLOCK_GOAL_MS ? 'met' : 'NOT met'}`,
  );
  return share;
}
