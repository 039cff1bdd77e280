import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_ROOT, parseOptions } from '@/bench/options';

describe('npm run bench options', () => {
  it('measures both browsers, three runs, every page, a fresh build by default', () => {
    const defaults = parseOptions([]);
    expect(defaults.browsers).toEqual(['chromium', 'firefox']);
    expect(defaults.runs).toBe(3);
    // Every page, built afresh, with the extension, nothing kept, not the quick set.
    expect([defaults.pages, defaults.build, defaults.extension, defaults.keepTraces, defaults.quick]).toEqual([
      [],
      true,
      true,
      false,
      false,
    ]);
    expect(defaults.extensionRoot).toBe(DEFAULT_EXTENSION_ROOT);
    expect(Object.keys(defaults)).toHaveLength(8);
  });

  it.each([
    [['--browser', 'firefox'], ['firefox']],
    [['--browser=chromium'], ['chromium']],
    [
      ['--browser', 'both'],
      ['chromium', 'firefox'],
    ],
  ])('%j picks %j', (argv, browsers) => {
    expect(parseOptions(argv).browsers).toEqual(browsers);
  });

  it('reads the other flags', () => {
    const options = parseOptions([
      '--quick',
      '--runs',
      '5',
      '--pages',
      'cnn, qq',
      '--no-build',
      '--no-extension',
      '--keep-traces',
    ]);
    expect(options).toMatchObject({
      quick: true,
      runs: 5,
      pages: ['cnn', 'qq'],
      build: false,
      extension: false,
      keepTraces: true,
    });
  });

  it.each([
    [['--runs', '2'], /at least 3/],
    [['--runs', 'many'], /at least 3/],
    [['--browser', 'safari'], /chromium, firefox or both/],
    [['--pages'], /needs a value/],
    [['--fast'], /unknown argument --fast/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
