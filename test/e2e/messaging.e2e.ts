import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

describe('messaging in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the popup gets an answer from the background service worker', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const version = await browser.worker.evaluate(() => chrome.runtime.getManifest().version);
    await expect.poll(() => popup.getByTestId('background-status').textContent()).toBe(`v${version}`);
  });

  it('the popup reaches the content script of a page through the tab protocol', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/en-news.html'));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-host').textContent()).toBe(new URL(server.origin).host);
  });
});
