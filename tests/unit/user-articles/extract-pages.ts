/** Parsing pages for the extractor's unit tests, as a browser would, with the page's own scripts, styles and frames off. */
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';

/**
 * A function that parses `html` into a document at `url` (the address defaults to `defaultUrl`); the windows it
 * opens are closed after the calling test file's tests. Call it at the top of a test file.
 */
export function pageParser(defaultUrl: string): (html: string, url?: string) => Document {
  const windows: Window[] = [];
  afterAll(async () => {
    await Promise.all(windows.map((window) => window.happyDOM.close()));
  });
  return (html, url = defaultUrl) => {
    const window = new Window({
      url,
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
      },
    });
    windows.push(window);
    window.document.write(html);
    return window.document as unknown as Document;
  };
}
