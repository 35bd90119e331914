/** Reading the page layer's marks from a test, in the page's main world (CSS.highlights is shared with it). */
import type { Page } from 'playwright-core';

/** The text of every mark on the page, in document order (read in the page's main world). */
export function markTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('talent-lens');
    const ranges = highlight ? ([...highlight] as Range[]) : [];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.filter((r) => !r.collapsed).map((r) => r.toString());
  });
}

