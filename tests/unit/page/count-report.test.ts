/** The badge's counts: reported a while after marks change, sorted, and only when they differ. */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CountReport, REPORT_DELAY_MS } from '@/src/page/count-report';

describe('CountReport', () => {
  let counts: Map<string, number>;
  let report: Mock<(counts: Record<string, number>) => void>;
  let controller: AbortController;

  function countReport(): CountReport {
    return new CountReport({
      counts: () => counts,
      report,
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      signal: controller.signal,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    counts = new Map();
    report = vi.fn();
    controller = new AbortController();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the counts as they are when due, sorted by entity, once for many changes', () => {
    const reporter = countReport();
    counts.set('tiktok', 1);
    reporter.schedule();
    counts.set('microsoft', 2);
    reporter.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS - 1);
    expect(report).not.toHaveBeenCalled();
    counts.set('tiktok', 3);
    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(report.mock.calls[0]![0])).toBe('{"microsoft":2,"tiktok":3}');
  });

  it('does not report the same counts twice', () => {
    const reporter = countReport();
    counts.set('tiktok', 1);
    reporter.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    reporter.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(report).toHaveBeenCalledTimes(1);
    counts.set('tiktok', 2);
    reporter.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(report).toHaveBeenLastCalledWith({ tiktok: 2 });
  });

  it('reports nothing marked when disposed after a report, and nothing at all otherwise', () => {
    const silent = countReport();
    silent.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    silent.dispose();
    expect(report).not.toHaveBeenCalled();

    const reporter = countReport();
    counts.set('tiktok', 1);
    reporter.schedule();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    reporter.schedule();
    reporter.dispose();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(report.mock.calls).toEqual([[{ tiktok: 1 }], [{}]]);
  });

  it('reports nothing once aborted', () => {
    const reporter = countReport();
    counts.set('tiktok', 1);
    reporter.schedule();
    controller.abort();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(report).not.toHaveBeenCalled();
  });
});
