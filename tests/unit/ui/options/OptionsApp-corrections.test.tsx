import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { CORRECTIONS_KEY } from '@/src/user-articles/corrections';
import { readStoredCorrections } from '@/src/user-articles/corrections-store';
import { fakeEnvironment, type FakeEnvironment } from './environment';
import { pageDriver, settle } from './page-driver';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
  delete document.documentElement.dataset.theme;
});

const { control, click, change } = pageDriver(() => container);

async function submitOf(name: string | RegExp) {
  const form = control(name).form!;
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

async function mount(env: FakeEnvironment) {
  act(() => render(<OptionsApp env={env} hash="" root={document.documentElement} />, container));
  await settle();
}

async function openPreview(env: FakeEnvironment) {
  await mount(env);
  await click('Add an article');
  await change(/^Title/, 'Quillfeather Robotics raises $12 million');
  await change(/^Text/, 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.');
  await click('Preview what Factlens finds');
}

const stored = (env: FakeEnvironment) => readStoredCorrections(env.storage.data.get(CORRECTIONS_KEY)).corrections;
const listed = () =>
  [...container.querySelectorAll('.fo-correction-list li')].map((li) => li.textContent?.replace(/\s+/g, ' '));

describe('options page: correcting an article’s preview', () => {
  it('renames an entity and drops a figure; both are stored, listed and announced', async () => {
    const env = fakeEnvironment();
    await openPreview(env);
    await change('Name of “Quillfeather Robotics”', 'Quillfeather');
    await submitOf('Name of “Quillfeather Robotics”');
    expect(container.querySelector('[role=status]')?.textContent).toBe(
      'Corrected: “Quillfeather Robotics” is called “Quillfeather”.',
    );
    await click('Drop figure “$12 million”');
    expect(stored(env)).toEqual([
      expect.objectContaining({
        type: 'entity/rename',
        entity: { id: 'quillfeather-robotics', name: 'Quillfeather Robotics' },
        name: 'Quillfeather',
      }),
      expect.objectContaining({
        type: 'figure/drop',
        figure: {
          storyId: 'user-quillfeather-robotics-raises-12-million',
          text: '$12 million',
          sentence: 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.',
        },
      }),
    ]);
    // The preview shows what was done, with its undo, and focus is on that undo.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Undo: “$12 million” is not a figure');
    expect(listed()).toEqual([
      expect.stringContaining('“$12 million” is not a figure.'),
      expect.stringContaining('“Quillfeather Robotics” is called “Quillfeather”.'),
    ]);
    // Saving the article keeps the corrections.
    await click('Save article');
    expect(stored(env)).toHaveLength(2);
  });

  it('merges an entity into another of the article, moves a figure, and re-kinds', async () => {
    const env = fakeEnvironment();
    await openPreview(env);
    await change('“Quillfeather Robotics” is Another name for', 'microsoft');
    await submitOf('“Quillfeather Robotics” is Another name for');
    await change('Move figure “$12 million” to', 'microsoft');
    await click('Move figure “$12 million”');
    await change('Kind of “Microsoft”', 'organization');
    await submitOf('Kind of “Microsoft”');
    expect(
      stored(env)
        .map((correction) => correction.type)
        .sort(),
    ).toEqual(['entity/kind', 'entity/merge', 'figure/move']);
    expect(listed()).toContainEqual(expect.stringContaining('“$12 million” is about “Microsoft”'));
  });

  it('removes a correction from “Your corrections”, moving focus to the next, then to the heading', async () => {
    const at = '2025-11-01T10:00:00.000Z';
    const env = fakeEnvironment({
      [CORRECTIONS_KEY]: {
        version: 1,
        corrections: [
          { type: 'entity/drop', entity: { id: 'maya-tran', name: 'Maya Tran' }, at },
          { type: 'entity/kind', entity: { id: 'azure', name: 'Azure' }, kind: 'company', at },
        ],
      },
    });
    await mount(env);
    expect(listed()).toHaveLength(2);
    await click('Remove: “Maya Tran” is not an entity');
    expect(stored(env)).toHaveLength(1);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove: “Azure” is a company');
    await click('Remove: “Azure” is a company');
    expect(container.querySelector('#corrections')?.textContent).toContain('No corrections yet.');
    expect(document.activeElement?.id).toBe('corrections-title');
    expect(stored(env)).toEqual([]);
  });

  it('reports an unreadable corrections record and never writes on open', async () => {
    const env = fakeEnvironment({ [CORRECTIONS_KEY]: { version: 1, corrections: [{ type: 'entity/explode' }] } });
    await mount(env);
    expect(container.textContent).toContain('Your corrections: corrections[0]');
    expect(env.storage.writes).toEqual([]);
  });

  it('has no axe violations with the preview’s correction controls open and the list shown', async () => {
    const env = fakeEnvironment();
    await openPreview(env);
    for (const details of container.querySelectorAll('details')) details.open = true;
    await click('Drop figure “$12 million”');
    const results = await axe.run(container, { resultTypes: ['violations'] });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
