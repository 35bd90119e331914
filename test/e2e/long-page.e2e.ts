/**
 * A very large page (100,000 nodes and one 5 MB text node): every name is
 * found, including those where the scanner slices the long text. The main
 * thread's long tasks are recorded and printed for the report (speed is a
 * benchmark's business, not a pass/fail test's).
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './setup';
import { PERF_MARKS, type ScanFigures } from '@/content/perf-marks';
import { marksOf } from './page-helpers';

describe('a very large page in Chromium', () => {
  const suite = useExtensionSuite();

  it('marks every name in 100,000 nodes and in a 5 MB text node, seams included', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: Array<{ start: number; duration: number }>; loadedAt: number };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
      addEventListener('load', () => (w.loadedAt = performance.now()));
    });
    await page.goto(suite.server.url('/pages/huge.html'));
    const expected = await page.evaluate(() => {
      const w = window as unknown as { expectedGiantNames: number; expectedListNames: number };
      return { giant: w.expectedGiantNames, list: w.expectedListNames };
    });
    const counts = async () => {
      let giant = 0;
      let list = 0;
      let wrong = 0;
      for (const mark of await marksOf(page)) {
        if (mark.ownerId === 'giant' && mark.text === 'Mark Chen') giant++;
        else if (mark.ownerId === 'list' && mark.text === 'Sam Altman') list++;
        else wrong++;
      }
      return { giant, list, wrong };
    };
    await expect.poll(counts, { timeout: 30_000, interval: 250 }).toEqual({ ...expected, wrong: 0 });
    const { tasks, loadedAt } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: Array<{ start: number; duration: number }>; loadedAt: number };
      return { tasks: w.longTasks, loadedAt: w.loadedAt };
    });
    const afterLoad = tasks.filter((t) => t.start > loadedAt + 50).map((t) => Math.round(t.duration));
    console.log(
      `[measure] ${expected.giant + expected.list} names; long tasks after load (ms): ${JSON.stringify(afterLoad)}; before/at load: ${JSON.stringify(tasks.filter((t) => t.start <= loadedAt + 50).map((t) => Math.round(t.duration)))}`,
    );
    const scans = await page.evaluate(
      (name) => performance.getEntriesByName(name).map((m) => (m as PerformanceMark).detail),
      PERF_MARKS.marksApplied,
    );
    console.log(`[measure] full scan: ${JSON.stringify(scans)}`);
    // One full scan, reported through the content script's performance mark.
    expect(scans).toHaveLength(1);
    expect((scans[0] as ScanFigures).mentions).toBe(expected.giant + expected.list);
    await page.close();
  });
});
