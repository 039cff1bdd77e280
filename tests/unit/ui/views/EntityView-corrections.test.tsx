import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { EntityView } from '@/src/ui/views/EntityView';
import { CORRECTIONS_KEY } from '@/src/user-articles/corrections';
import { readStoredCorrections } from '@/src/user-articles/corrections-store';
import { memoryArea, type MemoryArea } from '../../settings/memory-area';
import { axeViolations, fixtureClient, mount, settle, unmount } from '../popup/fakes';

let container: HTMLElement;
afterEach(() => unmount(container));

const links = { open: () => {}, href: () => '#' };
const stored = (area: MemoryArea) => readStoredCorrections(area.data.get(CORRECTIONS_KEY)).corrections;
const button = (name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent?.replace(/\s+/g, ' ').trim()) === name,
  );

async function open(area: MemoryArea) {
  const details = await fixtureClient().entity('microsoft');
  container = mount(
    <EntityView
      details={details}
      links={links as never}
      layout="popup"
      corrections={{ area, onChanged: area.onChanged }}
    />,
  );
  await settle();
  return details;
}

async function openControls() {
  const summary = container.querySelector('summary')!;
  act(() => {
    const details = summary.parentElement as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
  await settle();
}

describe('correcting an entity in its view', () => {
  it('renames it: the correction is stored under the name the builder gave, and can be undone', async () => {
    const area = memoryArea();
    await open(area);
    await openControls();
    const name = container.querySelector<HTMLInputElement>('#fl-entity-correct-name')!;
    act(() => {
      name.value = 'Microsoft Corp.';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void name.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(stored(area)).toEqual([
      expect.objectContaining({
        type: 'entity/rename',
        entity: { id: 'microsoft', name: 'Microsoft' },
        name: 'Microsoft Corp.',
      }),
    ]);
    expect(container.textContent).toContain('“Microsoft” is called “Microsoft Corp.”');
    act(() => button('Undo: “Microsoft” is called “Microsoft Corp.”')!.click());
    await settle();
    expect(stored(area)).toEqual([]);
    // The Undo button is gone: focus went to a control that is still there.
    expect(document.activeElement?.id).toBe('fl-entity-correct-name');
  });

  it('re-kinds and drops it', async () => {
    const area = memoryArea();
    await open(area);
    await openControls();
    const kind = container.querySelector<HTMLSelectElement>('#fl-entity-correct-kind')!;
    act(() => {
      kind.value = 'organization';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => void kind.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    act(() => button('Not an entity: drop “Microsoft”')!.click());
    await settle();
    expect(
      stored(area)
        .map((correction) => correction.type)
        .sort(),
    ).toEqual(['entity/drop', 'entity/kind']);
  });

  it('drops a figure, keeps its Undo in sight once the controls close, and moves focus to it', async () => {
    const area = memoryArea();
    const details = await open(area);
    expect(container.querySelector('.fc-figure')).toBeNull();
    await openControls();
    const first = details.figures[0]!;
    act(() => button(`Drop figure “${first.text}”`)!.click());
    await settle();
    expect(stored(area)).toEqual([
      expect.objectContaining({
        type: 'figure/drop',
        figure: { storyId: first.storyId, text: first.text, sentence: first.sentence },
      }),
    ]);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Undo: “${first.text}” is not a figure`);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('leaves a figure to its story only', async () => {
    const area = memoryArea();
    const details = await open(area);
    await openControls();
    const first = details.figures[0]!;
    act(() => button(`Move figure “${first.text}” to its story only`)!.click());
    await settle();
    expect(stored(area)).toEqual([expect.objectContaining({ type: 'figure/move', to: [] })]);
  });

  it('follows corrections made in another context', async () => {
    const area = memoryArea();
    await open(area);
    await area.set({
      [CORRECTIONS_KEY]: {
        version: 1,
        corrections: [
          { type: 'entity/drop', entity: { id: 'microsoft', name: 'Microsoft' }, at: '2025-11-01T00:00:00Z' },
        ],
      },
    });
    await settle();
    expect(container.textContent).toContain('“Microsoft” is not an entity');
  });

  it('has no axe violations with its controls open', async () => {
    await open(memoryArea());
    await openControls();
    expect(await axeViolations(container)).toEqual([]);
  });
});
