/**
 * Keyboard navigation between mentions: the next or previous one in page
 * order from the current one, or from the top of the viewport when there is
 * none; then scroll it into view. Which mention comes next is pure
 * ({@link stepIndex}); measuring and scrolling take the window as a parameter.
 */

/** Which way to go. */
export type Direction = 'next' | 'previous';

/**
 * The index of the mention to move to among `count` mentions, or null when
 * there is none to go to. From `current` (an index, or -1 for none) it steps
 * one way and wraps around the ends; with no current mention it starts at
 * `viewportIndex` (the first mention at or below the viewport's top): 'next'
 * goes there, 'previous' to the one before. Mentions for which `isShown` is
 * false (hidden text) are stepped over.
 */
export function stepIndex(
  count: number,
  current: number,
  direction: Direction,
  viewportIndex: () => number,
  isShown: (index: number) => boolean = () => true,
): number | null {
  if (count === 0) return null;
  const step = direction === 'next' ? 1 : -1;
  let index: number;
  if (current >= 0 && current < count) index = current + step;
  else index = direction === 'next' ? viewportIndex() : viewportIndex() - 1;
  for (let tried = 0; tried < count; tried++, index += step) {
    const wrapped = ((index % count) + count) % count;
    if (isShown(wrapped)) return wrapped;
  }
  return null;
}

/** Whether a box has any size: text that is hidden or not rendered has none. */
export function hasBox(rect: DOMRectReadOnly): boolean {
  return rect.width > 0 || rect.height > 0;
}

/**
 * The first of `count` ranges in page order whose box starts at or below the
 * viewport's top, by binary search (page order and vertical order agree well
 * enough for a starting point). Ranges without a box are judged by the next
 * one that has one. Returns `count` when all are above.
 */
export function firstAtOrBelowTop(count: number, boxOf: (index: number) => DOMRectReadOnly): number {
  const topOf = (index: number): number => {
    for (let probe = index; probe < count && probe < index + 16; probe++) {
      const rect = boxOf(probe);
      if (hasBox(rect)) return rect.top;
    }
    return Infinity;
  };
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (topOf(middle) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The mention the keyboard moves to among `ordered` (the marked ones, in page
 * order), or null when none is shown. 'first' goes to the first shown one;
 * 'next' and 'previous' step from `current`, or from the top of the viewport
 * when there is none (see {@link stepIndex}). `boxOf` measures a mention.
 */
export function mentionToVisit<T>(
  ordered: readonly T[],
  current: T | null,
  direction: Direction | 'first',
  boxOf: (mention: T) => DOMRectReadOnly,
): T | null {
  const boxAt = (index: number) => boxOf(ordered[index]!);
  const isShown = (index: number) => hasBox(boxAt(index));
  const index =
    direction === 'first'
      ? stepIndex(ordered.length, -1, 'next', () => 0, isShown)
      : stepIndex(
          ordered.length,
          current ? ordered.indexOf(current) : -1,
          direction,
          () => firstAtOrBelowTop(ordered.length, boxAt),
          isShown,
        );
  return index === null ? null : ordered[index]!;
}

/**
 * Scroll so that `range` is in view, centred vertically when it was not: the
 * element holding it is scrolled into view first (which also scrolls any
 * scrolling container it sits in), then the window is nudged so the range
 * itself, not just its paragraph, is visible.
 */
export function revealRange(range: Range, window: Window): void {
  const inView = (rect: DOMRectReadOnly) =>
    rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth;
  if (inView(range.getBoundingClientRect())) return;
  const container = range.startContainer.parentElement;
  container?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  if (!inView(rect)) {
    window.scrollBy({
      top: rect.top + rect.height / 2 - window.innerHeight / 2,
      left: rect.left < 0 || rect.right > window.innerWidth ? rect.left - window.innerWidth / 4 : 0,
      behavior: 'instant',
    });
  }
}
