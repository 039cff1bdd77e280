import { describe, expect, it } from 'vitest';
import {
  back,
  canGoBack,
  canGoForward,
  currentRoute,
  forward,
  push,
  startHistory,
  typeQuery,
} from '@/src/ui/popup/navigation';

const search = (query: string) => ({ view: 'search' as const, query });
const story = (id: string) => ({ view: 'story' as const, id });

describe('popup history', () => {
  it('goes back and forward like a browser tab, dropping what was ahead on a new visit', () => {
    let history = startHistory(search('credo'));
    history = push(history, story('a'));
    history = push(history, story('b'));
    history = back(back(history));
    expect(currentRoute(history)).toEqual(search('credo'));
    expect(canGoBack(history)).toBe(false);
    history = forward(history);
    expect(currentRoute(history)).toEqual(story('a'));
    history = push(history, story('c'));
    expect(canGoForward(history)).toBe(false);
    expect(history.entries).toEqual([search('credo'), story('a'), story('c')]);
  });

  it('leaves the history alone when there is nothing behind or ahead', () => {
    const history = startHistory(search(''));
    expect(back(history)).toBe(history);
    expect(forward(history)).toBe(history);
  });

  it.each([
    ['edits the query of a search in place', startHistory(search('cred')), [search('credo')], 0],
    [
      'starts a new search from a story',
      push(startHistory(search('x')), story('a')),
      [search('x'), story('a'), search('credo')],
      2,
    ],
  ])('typing %s', (_case, history, entries, index) => {
    expect(typeQuery(history, 'credo')).toEqual({ entries, index });
  });
});
