import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './setup';

describe('messaging in Chromium', () => {
  const suite = useExtensionSuite();

  it('the popup gets an answer from the background service worker', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    const version = await suite.browser.worker.evaluate(() => chrome.runtime.getManifest().version);
    await expect.poll(() => popup.getByTestId('background-status').textContent()).toBe(`v${version}`);
  });

  it('the popup reaches the content script of a page through the tab protocol', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/en-news.html'));
    const tabId = await suite.browser.tabIdOf(page);
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-host').textContent()).toBe(new URL(suite.server.origin).host);
  });
});
