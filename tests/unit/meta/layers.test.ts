// @vitest-environment node
/**
 * The layer rules in eslint.config.js catch a wrong import: linted as if it were a file of the folder,
 * an import that crosses a layer fails, and its neighbours that stay inside pass.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the import rule for `source` linted as the file `filePath`. */
async function importFindings(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    "import { Popover } from '../ui/popover/Popover';",
    "import type { PopoverTheme } from '../ui/popover/Popover';",
    "import { POPOVER_CSS } from '@/src/ui/popover/styles';",
    "export { Popover } from '../ui/popover/Popover';",
  ])('src/page may not import src/ui: %s', async (source) => {
    expect(await importFindings('src/page/probe.ts', source)).toHaveLength(1);
  });

  it('lets src/page import its own modules and the layers below it, and src/ui import src/page', async () => {
    expect(await importFindings('src/page/probe.ts', "import { MentionIndex } from './mention-index';")).toEqual([]);
    expect(await importFindings('src/page/probe.ts', "import type { Settings } from '../settings/schema';")).toEqual(
      [],
    );
    expect(await importFindings('src/ui/probe.ts', "import type { PopoverHost } from '../page/popover';")).toEqual([]);
  });
}, 60_000);
