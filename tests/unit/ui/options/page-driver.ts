/**
 * Driving the options page in a unit test as a user would: controls are found by their accessible name,
 * and every event goes through Preact's `act`, with promises and effects let run after it. Shared by the
 * options page's test files, which each render into a container of their own.
 */
import { act } from 'preact/test-utils';

/** Let promises and effects run, the way a browser would between events. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 6; round++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** The controls of whatever `container()` holds when called, by accessible name. */
export function pageDriver(container: () => HTMLElement) {
  const accessibleName = (element: Element): string => {
    const labelled = element.getAttribute('aria-label');
    if (labelled) return labelled;
    const id = element.getAttribute('id');
    const label =
      (id && container().querySelector(`label[for="${CSS.escape(id)}"]`)) || element.closest('label') || element;
    return (label.textContent ?? '').replace(/\s+/g, ' ').trim();
  };

  const control = <T extends HTMLElement = HTMLInputElement>(name: string | RegExp): T => {
    const all = [...container().querySelectorAll<HTMLElement>('input, select, textarea, button')];
    const found = all.find((element) => {
      const text = accessibleName(element);
      return typeof name === 'string' ? text === name : name.test(text);
    });
    if (!found) throw new Error(`no control named ${String(name)}; have: ${all.map(accessibleName).join(' | ')}`);
    return found as T;
  };

  /** Set a field's value and fire `input` (and `change` too, as a select or a committed field does). */
  const enter = async (name: string | RegExp, value: string, events: readonly string[]) => {
    const element = control<HTMLInputElement>(name);
    act(() => {
      element.value = value;
      for (const type of events) element.dispatchEvent(new Event(type, { bubbles: true }));
    });
    await settle();
  };

  return {
    accessibleName,
    control,
    async click(name: string | RegExp) {
      act(() => control<HTMLElement>(name).click());
      await settle();
    },
    /** Typing: an `input` event. */
    type: (name: string | RegExp, value: string) => enter(name, value, ['input']),
    /** Typing and leaving the field, or choosing an option: `input`, then `change`. */
    change: (name: string | RegExp, value: string) => enter(name, value, ['input', 'change']),
  };
}
