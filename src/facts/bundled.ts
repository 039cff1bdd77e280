import factBaseJson from './factbase.json';
import { FactBase } from './schema';

/**
 * The fact base built from `assets/articles/` by `npm run facts`, parsed with
 * its schema. Only the background imports this, so the fact base is parsed
 * once per browser session rather than once per frame.
 */
export function loadBundledFactBase(): FactBase {
  return FactBase.parse(factBaseJson);
}
