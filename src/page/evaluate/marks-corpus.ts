/**
 * The marks corpus (`tests/fixtures/corpora/marks/`) scored whole: its grown
 * fact base turned into a matcher exactly as the background and a content
 * script do it, each labelled page parsed and marked by the page layer's own
 * scan (`markDocument`), and the marks scored against the labels
 * (`score-marks.ts`). Shared by `npm run eval:marks` and the CI floor test.
 *
 * Node only (happy-dom parses the pages); never ships in the extension.
 */
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { FactBase } from '../../facts/schema';
import {
  scorePage,
  PageLabels,
  type MarksSplit,
  type PageScore,
  type ScoredMark,
} from '../../match/evaluate/score-marks';
import { instantiateMatcher, planMatcher, type Matcher } from '../../match/matcher';
import { buildMatcherPayload, encodeMatcherPlan, MatcherPlanSchema } from '../../match/payload';
import { markDocument, visibleText, type MarkRule } from './mark-document';

/** Reads files of the corpus: the file system in Node, injected so the caller owns it. */
export interface CorpusFiles {
  read(path: string): string;
  list(directory: string): string[];
}

/** One scored page. */
export interface ScoredPage extends PageScore {
  page: string;
  split: MarksSplit;
  scanMs: number;
  decideMs: number;
}

const PAGE_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
};

/** The matcher a content script would hold for `factBase`: planned, sent as JSON, parsed, instantiated. */
export function matcherForFactBase(factBase: FactBase): Matcher {
  const sent = JSON.stringify(encodeMatcherPlan(planMatcher(buildMatcherPayload(factBase))));
  return instantiateMatcher(MatcherPlanSchema.parse(JSON.parse(sent)));
}

/** The corpus's labels, every page's, parsed; `splits` picks which to load. */
export function loadLabels(corpus: string, files: CorpusFiles, splits: ReadonlySet<MarksSplit>): PageLabels[] {
  return files
    .list(join(corpus, 'labels'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => PageLabels.parse(JSON.parse(files.read(join(corpus, 'labels', name)))))
    .filter((labels) => splits.has(labels.split));
}

/** Scores the marks `rule` makes on every page of `labels`. */
export function scoreCorpus(
  corpus: string,
  files: CorpusFiles,
  labels: readonly PageLabels[],
  rule: MarkRule,
): ScoredPage[] {
  const factBase = FactBase.parse(JSON.parse(files.read(join(corpus, 'factbase/grown.json'))));
  const matcher = matcherForFactBase(factBase);
  const globals = globalThis as Record<string, unknown>;
  const saved = { Node: globals.Node, NodeFilter: globals.NodeFilter };
  return labels.map((pageLabels) => {
    const window = new Window({ url: 'https://example.org/', settings: PAGE_SETTINGS });
    // The scanner reads these as globals, as it does in a content script.
    globals.Node = window.Node;
    globals.NodeFilter = window.NodeFilter;
    try {
      window.document.write(files.read(join(corpus, 'pages', `${pageLabels.page}.html`)));
      const document = window.document as unknown as Document;
      const { marks, scanMs, decideMs } = markDocument(document, matcher, rule);
      const text = visibleText(document);
      const scored: ScoredMark[] = [];
      for (const mark of marks) {
        const start = text.offsetOf(mark.node, mark.start);
        const end = text.offsetOf(mark.node, mark.end);
        if (start !== null && end !== null) scored.push({ start, end, entityIds: mark.entityIds });
      }
      const score = scorePage(text.stripped, scored, pageLabels);
      return { ...score, page: pageLabels.page, split: pageLabels.split, scanMs, decideMs };
    } finally {
      globals.Node = saved.Node;
      globals.NodeFilter = saved.NodeFilter;
      void window.happyDOM.close();
    }
  });
}
