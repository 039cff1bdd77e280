/**
 * The bundled catalog's discovery rules, read from `assets/entities.yaml` at build time: the background
 * needs them (they are part of the key of the kept analysis, and the builder is handed them) but must not
 * ship a YAML parser to read them at every start (issue 16). `wxt.config.ts` defines them as
 * `import.meta.env.FACTLENS_DISCOVERY_RULES`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog, type DiscoveryRules } from '../../src/ingest/catalog';

/** The discovery rules of the catalog under `root`, as the builder reads them. */
export function bundledDiscoveryRules(root = '.'): DiscoveryRules | undefined {
  const file = 'assets/entities.yaml';
  return parseCatalog(file, readFileSync(join(root, file), 'utf8')).discovery;
}
