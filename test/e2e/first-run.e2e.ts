/**
 * The first run in real Chromium: the welcome page opens on install (that it does not on an
 * update is a unit test: Chromium reinstalls a --load-extension extension at every launch), the
 * popup on its own browses everyone, the card's "Open in popup" message lands on the
 * full-page person view, and the options page's language choice changes the popup's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './harness';

describe('first run in Chromium', () => {
  let browser: ExtensionBrowser;
  let profile: string;

  beforeAll(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'talent-lens-first-run-'));
    browser = await launchChromium({ profileDir: profile, welcomeTab: 'keep' });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const welcomeUrl = () => `chrome-extension://${browser.extensionId}/welcome.html`;

  it('opens the welcome page on install, with the sample, the privacy promise and the shortcuts', async () => {
    await expect.poll(() => browser.context.pages().some((page) => page.url() === welcomeUrl()), { timeout: 15_000 }).toBe(true);
    const welcome = browser.context.pages().find((page) => page.url() === welcomeUrl())!;
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Talent Lens');
    await expect.poll(() => welcome.title()).toBe('Welcome to Talent Lens');
    expect(await welcome.getByTestId('shortcuts').textContent()).toContain('Alt+Shift+P');
    await welcome.getByRole('button', { name: 'Shengjia Zhao' }).click();
    await expect.poll(() => welcome.getByTestId('sample-card').getByTestId('person-name').textContent()).toBe('Shengjia Zhao');
    await welcome.getByRole('link', { name: 'About the data' }).first().click();
    await expect.poll(() => welcome.getByTestId('source').count()).toBeGreaterThan(0);
    await welcome.close();
  });

  it('the popup with no tab browses everyone by organization and by name, with the keyboard', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('browse-person').count()).toBe(36);
    // Still the popup's 380 px column, the list scrolling inside it, with nothing sticking out sideways.
    const column = await popup
      .locator('.tl-popup')
      .evaluate((el) => ({ width: el.getBoundingClientRect().width, overflow: el.scrollWidth - el.clientWidth }));
    expect(column).toEqual({ width: 380, overflow: 0 });
    expect(await popup.getByTestId('browse-group').first().getByRole('heading').textContent()).toBe('Meta Superintelligence Labs');
    await popup.getByRole('button', { name: 'By name' }).click();
    await expect.poll(() => popup.getByTestId('browse-group').first().getByRole('heading').textContent()).toBe('A');
    await popup.getByTestId('browse-person').first().focus();
    await popup.keyboard.press('ArrowDown');
    const second = await popup.getByTestId('browse-person').nth(1).getAttribute('data-person-id');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-person-id'))).toBe(second);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('person-view').isVisible()).toBe(true);
    await popup.close();
  });

  it("'Open in popup' (the card's message) opens the full-page person view", async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('browse-person').count()).toBe(36);
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page', (page) => page.url().includes('view=person')),
      popup.evaluate(() =>
        chrome.runtime.sendMessage({
          id: 1,
          type: 'openExtensionPage',
          data: { page: 'popup', personId: 'mira-murati' },
          timestamp: Date.now(),
        }),
      ),
    ]);
    expect(new URL(opened.url()).pathname + new URL(opened.url()).search).toBe('/notes.html?view=person&person=mira-murati');
    await expect.poll(() => opened.getByTestId('person-name').textContent()).toBe('Mira Murati');
    await expect.poll(() => opened.title()).toBe('Mira Murati — Talent Lens');
    // A real page layout: a centred column wider than the popup's 380 px, not stuck to the left edge.
    const box = await opened.getByTestId('person-page').boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.x).toBeGreaterThan(100);
    await opened.close();
    await popup.close();
  });

  it("the options page's language switch changes the popup's language, and back", async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('radio', { name: '简体中文' }).check();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('设置');
    const popup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('combobox').getAttribute('aria-label')).toBe('搜索人物');
    await expect.poll(() => popup.getByTestId('browse-person').first().locator('.tl-browse-name').textContent()).toMatch(/\p{Script=Han}/u);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await options.getByRole('radio', { name: '繁體中文' }).check();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('設定');
    await popup.reload();
    await expect.poll(() => popup.getByRole('button', { name: '設定' }).count()).toBe(1);

    await options
      .getByRole('radio', { name: 'Follow the browser' })
      .or(options.getByRole('radio', { name: '跟隨瀏覽器' }))
      .check();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await popup.reload();
    await expect.poll(() => popup.getByRole('combobox').getAttribute('aria-label')).toBe('Search people');
    await options.close();
    await popup.close();
  });
});
