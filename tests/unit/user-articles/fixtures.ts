/** Articles and fact bases shared by the user-article tests. */
import { readFileSync } from 'node:fs';
import { buildFactBase } from '@/src/ingest/build';
import { parseCatalog } from '@/src/ingest/catalog';
import type { FactBase } from '@/src/facts/schema';
import type { UserArticle } from '@/src/user-articles/schema';

/** The real catalog, as the extension bundles it. */
export const catalog = parseCatalog('assets/entities.yaml', readFileSync('assets/entities.yaml', 'utf8'));

/** A small bundled fact base built from one real-looking article, so tests do not depend on `npm run facts`. */
export const bundled: FactBase = buildFactBase({
  articles: [
    {
      path: 'assets/articles/tiktok-cloud.md',
      text: [
        '---',
        'title: "TikTok is paying Microsoft $20 million a month for AI cloud computing"',
        'date: 2025-10-14',
        'source: AI news digest',
        '---',
        '',
        'TikTok was paying Microsoft nearly $20 million per month to rent servers on Azure cloud computing, ' +
          'according to people familiar with the matter. ByteDance, which owns TikTok, builds its own models.',
      ].join('\n'),
    },
  ],
  catalog,
}).factBase;

/** An article naming a company the bundled fact base does not know. */
export const quillfeather: UserArticle = {
  id: 'user-quillfeather-robotics-raises-12-million',
  title: 'Quillfeather Robotics raises $12 million',
  date: '2025-10-20',
  source: 'The Leeds Ledger',
  url: 'https://ledger.example/quillfeather',
  body:
    'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million. ' +
    'Chief executive Maya Tran said the money would let Quillfeather Robotics hire 40 engineers, ' +
    'and the firm runs its route planning on Microsoft servers.',
  addedAt: '2025-10-20T09:00:00.000Z',
};

/** An article naming only entities the bundled fact base knows. */
export const microsoftArticle: UserArticle = {
  id: 'user-microsoft-capex',
  title: 'Microsoft lifts spending on data centers',
  date: '2025-10-29',
  body: 'Investors noted that Microsoft spent $34.9 billion on capital projects in the quarter, as demand for Azure cloud computing grew 40 percent.',
  addedAt: '2025-10-29T18:00:00.000Z',
};
