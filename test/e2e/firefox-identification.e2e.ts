/**
 * Who a name is, on pages of the evaluation corpus (test/fixtures/eval), in Firefox ESR with the
 * built extension (Chromium: identification.e2e.ts): namesakes get no mark, the dataset person with
 * evidence does, and a name with weak evidence, or written as a near transliteration (米拉·穆拉迪
 * for 米拉·穆拉提), gets only the weaker "possible" highlight. Marks are read per highlight in the
 * page's main world (the document's CSS.highlights is shared with the content script's sandbox);
 * a page is done once the content script's first full scan left its marks-applied performance mark.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { snapshotMarks } from './page-helpers';
import { HIGHLIGHT_NAME, POSSIBLE_HIGHLIGHT_NAME } from '@/content/marks/mark-engine';
import { PERF_MARKS } from '@/content/perf-marks';

/** Texts of the marks of one highlight ([] when it has none). */
async function texts(page: Page, name: string): Promise<string[]> {
  return ((await page.evaluate(snapshotMarks, { name })) ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

/** Waits until the content script's first full scan has drawn all it will. */
async function scanned(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate((mark) => performance.getEntriesByName(mark).length > 0, PERF_MARKS.marksApplied), { timeout: 20_000 })
    .toBe(true);
}

describe('Identification on namesake and evidence pages (Firefox)', () => {
  const suite = firefoxSuite();

  it.each([
    ['a chemist named Mark Chen', '/eval/en-chemist-mark-chen.html'],
    ['a footballer 亚历山德·王 and a midfielder 穆拉迪 (near forms of dataset names)', '/eval/zh-hans-near-namesakes.html'],
  ])('%s: no mark, strong or weak', async (_, path) => {
    const page = await suite.firefox.newPage(suite.server.url(path));
    await scanned(page);
    expect([...(await texts(page, HIGHLIGHT_NAME)), ...(await texts(page, POSSIBLE_HIGHLIGHT_NAME))]).toEqual([]);
    await page.close();
  });

  it('an AI page naming Mark Chen with OpenAI: marked, not as a possible match', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/eval/en-openai-research.html'));
    await expect.poll(() => texts(page, HIGHLIGHT_NAME), { timeout: 20_000 }).toContain('Mark Chen');
    await scanned(page);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual(expect.arrayContaining(['Mark Chen', 'Chen', 'Sam Altman', 'Altman']));
    expect(await texts(page, POSSIBLE_HIGHLIGHT_NAME)).toEqual([]);
    await page.close();
  });

  it('a name with weak evidence gets the weaker possible highlight', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/eval/en-podcast-possible.html'));
    await expect.poll(() => texts(page, POSSIBLE_HIGHLIGHT_NAME), { timeout: 20_000 }).toEqual(['Mark Chen']);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual(['Sam Altman']);
    await page.close();
  });

  it('near transliterations with evidence (米拉·穆拉迪, 亚历山德·王) get only the possible highlight', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/eval/zh-hans-near-murati.html'));
    await expect.poll(() => texts(page, POSSIBLE_HIGHLIGHT_NAME), { timeout: 20_000 }).toEqual(['米拉·穆拉迪', '穆拉迪', '亚历山德·王']);
    await scanned(page);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual([]);
    await page.close();
  });
});
