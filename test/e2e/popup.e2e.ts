/**
 * The popup in real Chromium: search with the keyboard, the people on the
 * current page (a click reveals one on the page and closes the popup), and the
 * site/global switches taking effect on an open tab without a reload.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './setup';
import type { Page } from 'playwright-core';
import { markTexts } from './page-helpers';

/** The text of each mark the page layer drew (its Highlight API registry, read in the page). */

describe('popup in Chromium', () => {
  const suite = useExtensionSuite();

  async function open(): Promise<{ page: Page; popup: Page }> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/en-news.html'));
    await expect.poll(async () => (await markTexts(page)).length).toBeGreaterThan(0);
    const tabId = await suite.browser.tabIdOf(page);
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    return { page, popup };
  }

  it('searches as you type and opens a person with the keyboard', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    const search = popup.getByRole('combobox', { name: 'Search people' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('Kolesnikof');
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-person-id')).toBe('alexander-kolesnikov');
    await search.fill('晟佳');
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-person-id')).toBe('shengjia-zhao');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => popup.getByRole('option', { selected: true }).getAttribute('data-person-id')).toBe('shengjia-zhao');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('person-name').textContent()).toBe('Shengjia Zhao');
    expect(await popup.getByTestId('move').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('quote').count()).toBeGreaterThan(0);
    // Back is focused; Enter goes back to the search.
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('combobox', { name: 'Search people' }).isVisible()).toBe(true);
  });

  it('lists the people on the page with counts; a click reveals one there and closes the popup', async () => {
    const { page, popup } = await open();
    const mentions = popup.getByTestId('mention');
    await expect
      .poll(() => mentions.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person-id'))))
      .toEqual(expect.arrayContaining(['sam-altman', 'shengjia-zhao', 'trapit-bansal']));
    const samCount = await popup.locator('[data-person-id="sam-altman"] [data-testid="mention-count"]').textContent();
    expect(samCount).toMatch(/^×\d+$/);
    const marked = (await markTexts(page)).filter((text) => /Altman/.test(text)).length;
    expect(samCount).toBe(`×${marked}`);

    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Show Trapit Bansal on the page' }).click();
    await closed;
    // The page scrolled to the mention and its card opened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? '')).not.toBe('BODY');
  });

  it('the site and global switches take effect on the open tab without a reload', async () => {
    const { page, popup } = await open();
    const site = popup.getByRole('checkbox', { name: /^Mark people on 127\.0\.0\.1/ });
    await expect.poll(() => site.isChecked()).toBe(true);

    await site.uncheck();
    await expect.poll(async () => (await markTexts(page)).length).toBe(0);
    await expect.poll(() => popup.getByText('Marking is switched off for this page.').isVisible()).toBe(true);
    await site.check();
    await expect.poll(async () => (await markTexts(page)).length).toBeGreaterThan(0);

    const global = popup.getByRole('checkbox', { name: 'Mark people on all sites' });
    await global.uncheck();
    await expect.poll(async () => (await markTexts(page)).length).toBe(0);
    await global.check();
    await expect.poll(async () => (await markTexts(page)).length).toBeGreaterThan(0);
  });

  it('opens the notes page', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    const [notes] = await Promise.all([suite.browser.context.waitForEvent('page'), popup.getByTestId('open-notes-page').click()]);
    await notes.waitForLoadState();
    expect(new URL(notes.url()).pathname).toBe('/notes.html');
  });
});
