/**
 * The language chosen in Settings reaches what the extension shows inside pages, in real Chromium
 * (an English browser): the card's labels and its notes frame follow the setting, while the card's
 * Chinese data keeps the page's script (a Traditional page gets Traditional names and roles); on an
 * English page the data takes the script of the chosen language. Open tabs follow a change at the
 * next card, without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { slowPoll, useExtensionSuite } from './setup';
import { cardVisible, hover, inCard, noteFrame, waitForMark } from './card-helpers';

describe('the UI language setting on pages, in Chromium', () => {
  const suite = useExtensionSuite();

  async function chooseLanguage(label: string) {
    const options = await suite.browser.openExtensionPage('options.html');
    await options.getByRole('radio', { name: label }).check();
    // Read back through the options page: a service worker handle can go stale when the worker is stopped for idleness.
    const stored = () =>
      options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { language?: string }).language);
    await slowPoll(stored).toBe({ 简体中文: 'zh_CN', 繁體中文: 'zh_TW', English: 'en' }[label]);
    await options.close();
  }

  /** Hovers `name` and reads the card once its details are in (several steps: each test gets two minutes on a busy machine). */
  async function readCard(page: Page, name: string) {
    await page.mouse.move(0, 0);
    await slowPoll(() => cardVisible(page)).toBe(false);
    await hover(page, await waitForMark(page, name));
    await slowPoll(() => cardVisible(page)).toBe(true);
    await slowPoll(() => inCard(page, (root) => root.querySelector('[data-testid="role"]') !== null)).toBe(true);
    return inCard(page, (root) => ({
      heading: root.querySelector('h2')?.textContent ?? '',
      role: root.querySelector('[data-testid="role"]')?.textContent ?? '',
      text: root.querySelector('[role="dialog"]')?.textContent ?? '',
    }));
  }

  it('a Traditional page keeps Traditional data while the labels follow the chosen language', async () => {
    await chooseLanguage('简体中文');
    const page = await suite.open('/pages/zh-hant.html');
    const card = await readCard(page, '趙晟佳');
    expect(card.heading).toBe('趙晟佳');
    expect(card.role).toContain('超級智慧實驗室');
    expect(card.text).toContain('职业变动');
    expect(card.text).not.toContain('職業變動');
    // The notes frame in the card (an extension page of its own) follows the setting too.
    const frame = await noteFrame(page);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // A change reaches the open tab at the next card.
    await chooseLanguage('繁體中文');
    await slowPoll(async () => (await readCard(page, '趙晟佳')).text).toContain('職業變動');
    await page.close();
  }, 120_000);

  it('on an English page the card takes the chosen language, its Chinese data in that language’s script', async () => {
    await chooseLanguage('繁體中文');
    const page = await suite.open('/pages/en-news.html');
    const traditional = await readCard(page, 'Shengjia Zhao');
    expect(traditional.heading).toBe('趙晟佳');
    expect(traditional.text).toContain('職業變動');

    await chooseLanguage('English');
    await slowPoll(async () => (await readCard(page, 'Shengjia Zhao')).heading).toBe('Shengjia Zhao');
    expect((await readCard(page, 'Shengjia Zhao')).text).toContain('Career moves');
    await page.close();
  }, 120_000);
});
