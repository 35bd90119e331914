/**
 * Who a name is, on pages of the evaluation corpus (test/fixtures/eval, issue #13), in Chromium with
 * the built extension: namesakes get no mark, the dataset person with evidence does, a name with
 * only weak evidence gets the weaker "possible" highlight, and a homophone of a person's own name is
 * marked with a card that says how the page wrote it. Marks are read from CSS.highlights
 * (page-helpers' snapshotMarks), per highlight name.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { cardVisible, hover, inCard, waitForMark } from './card-helpers';
import { marksOf } from './page-helpers';
import { HIGHLIGHT_NAME, POSSIBLE_HIGHLIGHT_NAME } from '../../content/marks/mark-engine';
import { PERF_MARKS } from '../../content/perf-marks';

/** Texts of the marks of one highlight. */
async function texts(page: Page, name: string): Promise<string[]> {
  return (await marksOf(page, { name })).filter((m) => !m.collapsed).map((m) => m.text);
}

/** Waits until the content script's first full scan has drawn all it will (its marks-applied performance mark). */
async function scanned(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate((mark) => performance.getEntriesByName(mark).length > 0, PERF_MARKS.marksApplied), { timeout: 15_000 })
    .toBe(true);
}

describe('Identification on namesake and evidence pages (Chromium)', () => {
  const suite = useExtensionSuite();

  it.each([
    ['a chemist named Mark Chen', '/eval/en-chemist-mark-chen.html'],
    ["DJI's founder 汪滔 (Alexandr Wang's Chinese name too)", '/eval/zh-hans-dji.html'],
    ['a talent-war page with a composer 陈钢 and a reporter 王亮', '/eval/zh-hans-talent-war-namesakes.html'],
    ['a footballer 亚历山德·王 and a midfielder 穆拉迪 (near forms of dataset names)', '/eval/zh-hans-near-namesakes.html'],
    ['a violinist 米拉·穆拉迪, in Traditional characters', '/eval/zh-hant-near-namesakes.html'],
  ])('%s: no mark for the namesake', async (_, path) => {
    const page = await suite.open(path);
    await scanned(page);
    const all = [...(await texts(page, HIGHLIGHT_NAME)), ...(await texts(page, POSSIBLE_HIGHLIGHT_NAME))];
    expect(all.filter((text) => ['Mark Chen', '汪滔', '陈钢', '王亮', '亚历山德·王', '穆拉迪', '米拉·穆拉迪'].includes(text))).toEqual([]);
    await page.close();
  });

  it('an AI page naming Mark Chen with OpenAI: marked, not as a possible match', async () => {
    const page = await suite.open('/eval/en-openai-research.html');
    await waitForMark(page, 'Mark Chen');
    await scanned(page);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual(expect.arrayContaining(['Mark Chen', 'Chen', 'Sam Altman', 'Altman']));
    expect(await texts(page, POSSIBLE_HIGHLIGHT_NAME)).toEqual([]);
    await page.close();
  });

  it('a name with weak evidence (one other person, no organization) gets the weaker possible highlight', async () => {
    const page = await suite.open('/eval/en-podcast-possible.html');
    await expect.poll(() => texts(page, POSSIBLE_HIGHLIGHT_NAME), { timeout: 15_000 }).toEqual(['Mark Chen']);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual(['Sam Altman']);
    await page.close();
  });

  it('a homophone of a Chinese-born researcher’s name, with evidence: marked, and the card says how it was written', async () => {
    const page = await suite.open('/eval/zh-hans-homophones.html');
    const box = await waitForMark(page, '余佳辉');
    await scanned(page);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual(['余佳辉', '任弘宇', '赵胜嘉', '赵胜嘉']);
    await hover(page, box);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const why = () => inCard(page, (root) => root.querySelector('[data-testid="card-why"]')?.textContent ?? null);
    await expect.poll(why, { timeout: 5000 }).toBe('Written 余佳辉 here, a variant of 余家辉');
    await page.close();
  });

  it('a near transliteration with evidence (米拉·穆拉迪 for 米拉·穆拉提): only the possible highlight, and a card that says "possibly" and what it is close to', async () => {
    const page = await suite.open('/eval/zh-hans-near-murati.html');
    await expect.poll(() => texts(page, POSSIBLE_HIGHLIGHT_NAME), { timeout: 15_000 }).toEqual(['米拉·穆拉迪', '穆拉迪', '亚历山德·王']);
    await scanned(page);
    expect(await texts(page, HIGHLIGHT_NAME)).toEqual([]);
    const box = (await marksOf(page, { name: POSSIBLE_HIGHLIGHT_NAME })).find((m) => m.text === '米拉·穆拉迪')!.bounds!;
    await hover(page, box);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const why = () => inCard(page, (root) => root.querySelector('[data-testid="card-why"]')?.textContent ?? null);
    await expect.poll(why, { timeout: 5000 }).toBe('Written 米拉·穆拉迪 here, close to 米拉·穆拉提');
    expect(await inCard(page, (root) => root.querySelector('.tl-name')?.textContent ?? null)).toMatch(/^Possibly /);
    await page.close();
  });
});
