import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactBase } from '@/src/facts/schema';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  REPO_ROOT,
  screenshotOnFailure,
  screenshotPath,
  type ExtensionSession,
} from './harness';

// The popup's count comes from the background, which holds the fact base bundled at build time;
// the source of that bundle is the expected value.
const bundledFactBase = FactBase.parse(
  JSON.parse(readFileSync(`${REPO_ROOT}/src/facts/factbase.json`, 'utf8')) as unknown,
);

describe.each(BROWSERS)('popup in %s', (browserName) => {
  let session: ExtensionSession | undefined;

  beforeAll(async () => {
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows how many stories the bundled fact base holds, without console errors', async () => {
    const popup = await session!.openExtensionPage('popup.html', '[data-testid=stats]');
    screenshotOnFailure(popup, `popup-${browserName}`);

    const storyCount = await popup.$eval('[data-testid=story-count]', (element) => element.textContent);
    expect(storyCount).toBe(String(bundledFactBase.stories.length));

    await popup.screenshot({ path: screenshotPath(`popup-${browserName}`) });
    expect(await collectPageErrors(popup).read()).toEqual([]);
  });
});
