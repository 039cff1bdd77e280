/** What the page changed, collected on a window of its own (happy-dom). */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { PageChanges } from '@/src/page/page-changes';

describe('PageChanges', () => {
  let happy: Window;
  let doc: Document;
  let controller: AbortController;
  let changed: Mock<(texts: readonly Text[]) => void>;
  let rescanNeeded: Mock<() => void>;
  let changes: PageChanges;

  /** Let the observer deliver its records (a microtask). */
  const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    happy = new Window();
    doc = happy.document as unknown as Document;
    doc.body.innerHTML = '<p id="a">TikTok</p><p id="b">Microsoft</p>';
    controller = new AbortController();
    changed = vi.fn();
    rescanNeeded = vi.fn();
    changes = new PageChanges({ changed, rescanNeeded }, happy as unknown as globalThis.Window, controller.signal);
    changes.observe(doc);
  });

  afterEach(async () => {
    controller.abort();
    await happy.happyDOM.close();
  });

  it('reports changed text at once and keeps it to read again', async () => {
    const text = doc.getElementById('a')!.firstChild as Text;
    text.data = 'TikTok again';
    await delivered();
    expect(changed).toHaveBeenCalledWith([text]);
    expect(rescanNeeded).toHaveBeenCalled();
    expect(changes.dirtyRoots()).toEqual([text]);
    changes.clearDirty();
    expect(changes.dirtyRoots()).toEqual([]);
  });

  it('keeps the outermost added nodes, and notes removals and moved elements once', async () => {
    const section = doc.createElement('section');
    section.innerHTML = '<p>Nvidia</p>';
    doc.body.append(section);
    section.append(doc.createElement('p'));
    doc.getElementById('b')!.remove();
    await delivered();
    expect(changed).toHaveBeenCalledWith([]);
    expect(changes.dirtyRoots()).toEqual([section]);
    expect(changes.takeSweep()).toBe(true);
    expect(changes.takeSweep()).toBe(false);
    expect(changes.takeStructureChanged()).toBe(true);
    expect(changes.takeStructureChanged()).toBe(false);
  });

  it('ignores changes inside Factlens’s own elements', async () => {
    const host = doc.createElement('factlens-root');
    doc.documentElement.append(host);
    await delivered();
    rescanNeeded.mockClear();
    changes.clearDirty();
    changes.takeSweep();
    host.append(doc.createElement('div'));
    host.firstChild!.remove();
    await delivered();
    expect(rescanNeeded).not.toHaveBeenCalled();
    expect(changes.dirtyRoots()).toEqual([]);
    expect(changes.takeSweep()).toBe(false);
  });

  it('watches the shadow roots it is given', async () => {
    const host = doc.getElementById('a')!;
    const shadow = host.attachShadow({ mode: 'open' });
    changes.observe(shadow);
    shadow.innerHTML = '<span>Nvidia</span>';
    await delivered();
    expect(changes.dirtyRoots()).toEqual([shadow.firstChild]);
  });

  it('hears nothing once its signal is aborted', async () => {
    controller.abort();
    doc.body.append(doc.createElement('p'));
    await delivered();
    expect(changed).not.toHaveBeenCalled();
    expect(changes.dirtyRoots()).toEqual([]);
  });
});
