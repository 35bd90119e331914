/**
 * Settings that change how an open page reads, in real Chromium: the options page's mark style
 * (every mention or each person's first per paragraph; tint and underline or underline only) and
 * card delay reach a tab that is already open, without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { slowPoll, useExtensionSuite } from './setup';
import { markTexts, marksOf } from './page-helpers';
import { cardVisible, hover, waitForMark } from './card-helpers';

/** Which of our highlights are registered on the page, and how the page's stylesheet paints them. */
function highlightLook(page: Page) {
  return page.evaluate(() => {
    const style = (name: string) => {
      const computed = getComputedStyle(document.body, `::highlight(${name})`);
      return { background: computed.backgroundColor, decoration: computed.textDecorationLine };
    };
    return {
      fill: CSS.highlights.has('talent-lens'),
      underline: CSS.highlights.has('talent-lens-underline'),
      fillStyle: style('talent-lens'),
      underlineStyle: style('talent-lens-underline'),
    };
  });
}

describe('reading settings on an open tab in Chromium', () => {
  const suite = useExtensionSuite();

  it('the options page changes which mentions are marked and how they look, live, on an open tab', async () => {
    const page = await suite.open('/pages/en-news.html');
    await slowPoll(() => markTexts(page)).toContain('Altman');
    const all = await markTexts(page);
    // The page is not reloaded: a value of its own survives every change below.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const options = await suite.browser.openExtensionPage('options.html');
    await options.getByRole('radio', { name: 'The first mention of each person in a paragraph' }).check();
    // The third paragraph names Mark Chen, then "Chen"; Sam Altman, then "Altman"; the caption
    // names Shengjia Zhao twice. Each keeps its first mention only.
    const firstOnly = [...all];
    for (const later of ['Chen', 'Altman', 'Zhao Shengjia']) firstOnly.splice(firstOnly.indexOf(later), 1);
    await slowPoll(() => markTexts(page)).toEqual(firstOnly);
    expect(firstOnly.length).toBe(all.length - 3);

    expect(await highlightLook(page)).toMatchObject({ fill: true, underline: false });
    await options.getByRole('radio', { name: 'Underline only' }).check();
    await slowPoll(async () => (await marksOf(page, { name: 'talent-lens-underline' })).map((m) => m.text)).toEqual(firstOnly);
    expect(await highlightLook(page)).toEqual({
      fill: false,
      underline: true,
      fillStyle: { background: 'rgba(59, 130, 246, 0.12)', decoration: 'underline' },
      underlineStyle: { background: 'rgba(0, 0, 0, 0)', decoration: 'underline' },
    });

    await options.getByRole('radio', { name: 'Every mention' }).check();
    await options.getByRole('radio', { name: 'Tint and underline' }).check();
    await slowPoll(() => markTexts(page)).toEqual(all);
    expect(await highlightLook(page)).toMatchObject({ fill: true, underline: false });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // The choices were stored: the options page shows them again after a reload.
    await options.reload();
    await slowPoll(() => options.getByRole('radio', { name: 'Every mention' }).isChecked()).toBe(true);
    await options.close();
    await page.close();
  });

  it('the card delay chosen in the options page applies to the next hover on an open tab', async () => {
    const page = await suite.open('/pages/en-news.html');
    const box = await waitForMark(page, 'Sam Altman');
    const options = await suite.browser.openExtensionPage('options.html');
    await options.getByRole('radio', { name: '1.2 s' }).check();
    // Settings reach the tab in the order they were made: once the look has changed, so has the delay.
    await options.getByRole('radio', { name: 'Underline only' }).check();
    await slowPoll(async () => (await highlightLook(page)).underline).toBe(true);

    await hover(page, box);
    await slowPoll(() => cardVisible(page)).toBe(true);
    // Both times are the page's own clock; a timer never fires early, so this holds on a loaded machine too.
    const waited = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
      return at('talent-lens:card-show-start') - at('talent-lens:hover-start');
    });
    expect(waited).toBeGreaterThanOrEqual(1200);

    await options.getByRole('radio', { name: '0.5 s (standard)' }).check();
    await options.getByRole('radio', { name: 'Tint and underline' }).check();
    await slowPoll(async () => (await highlightLook(page)).fill).toBe(true);
    await options.close();
    await page.close();
  });
});
