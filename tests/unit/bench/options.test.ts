import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_ROOT, parseOptions } from '@/bench/options';

describe('npm run bench options', () => {
  it('measures both browsers, three runs, every page, a fresh build by default', () => {
    expect(parseOptions([])).toEqual({
      browsers: ['chromium', 'firefox'],
      quick: false,
      runs: 3,
      pages: [],
      build: true,
      extensionRoot: DEFAULT_EXTENSION_ROOT,
      extension: true,
      keepTraces: false,
    });
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
