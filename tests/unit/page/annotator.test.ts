import { describe, expect, it } from 'vitest';
import { OWN_HOST_TAG } from '../../../src/page/annotator';
import { POPOVER_HOST_TAG } from '../../../src/page/popover-host';

describe('the page layer and the popover host', () => {
  it('agree on the host element’s tag, which the scanner skips and mutations of which it ignores', () => {
    expect(OWN_HOST_TAG).toBe(POPOVER_HOST_TAG);
  });
});
