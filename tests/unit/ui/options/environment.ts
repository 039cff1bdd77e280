/** A fake browser for the options page: real storage logic over memory, scripted background answers. */
import { vi } from 'vitest';
import type { EntitySummary } from '@/src/messages/schema';
import type { OptionsEnvironment } from '@/src/ui/options/environment';
import type { ExtractedPage } from '@/src/user-articles/schema';
import type { ArticlePreview, DraftProblem } from '@/src/messages/article-preview';
import { checkDraft } from '@/src/user-articles/draft';
import { memoryArea, type MemoryArea } from '../../settings/memory-area';

export const ENTITIES: EntitySummary[] = [
  { id: 'azure', name: 'Azure', kind: 'product', stories: 2 },
  { id: 'bytedance', name: 'ByteDance', kind: 'company', stories: 1 },
  { id: 'microsoft', name: 'Microsoft', kind: 'company', stories: 3 },
  { id: 'tiktok', name: 'TikTok', kind: 'company', stories: 2 },
];

/** What the fake background answers to a preview of a valid draft. */
export const QUILL_PREVIEW: ArticlePreview = {
  storyId: 'user-quillfeather-robotics-raises-12-million',
  summary: 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.',
  entities: [
    { id: 'quillfeather-robotics', name: 'Quillfeather Robotics', kind: 'company', isNew: true, sentences: 2 },
    { id: 'microsoft', name: 'Microsoft', kind: 'company', isNew: false, sentences: 1 },
  ],
  figures: [
    {
      id: 'user-quillfeather-robotics-raises-12-million#1',
      storyId: 'user-quillfeather-robotics-raises-12-million',
      entityIds: ['quillfeather-robotics'],
      text: '$12 million',
      sentence: 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.',
      unit: 'USD',
      value: 12_000_000,
      offset: 75,
    },
  ],
};

export interface FakeEnvironment extends OptionsEnvironment {
  storage: MemoryArea;
  downloads: { fileName: string; text: string }[];
  extractPage: ReturnType<typeof vi.fn<(tabId: number) => Promise<ExtractedPage>>>;
  openShortcutSettings: ReturnType<typeof vi.fn<() => Promise<void>>>;
  messages: unknown[];
}

export const NOW = Date.UTC(2025, 10, 1, 12, 0);

export function fakeEnvironment(initial: Record<string, unknown> = {}, browserName: 'chrome' | 'firefox' = 'firefox') {
  const storage = memoryArea(initial);
  const env: FakeEnvironment = {
    storage,
    onChanged: storage.onChanged,
    messages: [],
    async sendMessage(message) {
      env.messages.push(message);
      if (message.type === 'entities/list') return { ok: true, value: ENTITIES };
      if (message.type === 'article/preview') {
        const checked = checkDraft(message.draft);
        const problems: DraftProblem[] = checked.ok ? [] : checked.problems;
        return { ok: true, value: problems.length ? { ok: false, problems } : { ok: true, preview: QUILL_PREVIEW } };
      }
      if (message.type === 'stats/get') return { ok: true, value: { stories: 4, entities: 4, figures: 9 } };
      return { ok: false, error: `unexpected ${message.type}` };
    },
    commands: async () => [
      {
        name: 'next-mention',
        description: 'Go to the next mention on the page and show its facts',
        shortcut: 'Alt+Shift+F',
      },
      {
        name: 'previous-mention',
        description: 'Go to the previous mention on the page and show its facts',
        shortcut: '',
      },
      { name: '_execute_action', shortcut: 'Alt+Shift+L' },
    ],
    openShortcutSettings: vi.fn(async () => {}),
    browserName,
    extractPage: vi.fn(async (): Promise<ExtractedPage> => {
      throw new Error('no page');
    }),
    downloads: [],
    download(fileName, text) {
      env.downloads.push({ fileName, text });
    },
    now: () => NOW,
  };
  return env;
}
