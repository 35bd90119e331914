/**
 * The first-run pages in Firefox ESR: the welcome page (which the install opened) and the
 * options page open and render, the options page with Firefox's way to change a shortcut.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';

describe('first-run pages in Firefox ESR', () => {
  const suite = firefoxSuite();

  it('installing opened the welcome page, and it renders with the sample, the privacy promise and the shortcuts', async () => {
    const welcomeUrl = `${suite.firefox.extensionOrigin}/welcome.html`;
    // Over BiDi, puppeteer reports moz-extension tabs as about:blank: ask each tab where it is.
    const tabUrls = async () =>
      Promise.all((await suite.firefox.browser.pages()).map((page) => page.evaluate(() => location.href).catch(() => '')));
    await expect.poll(tabUrls, { timeout: 15_000 }).toContain(welcomeUrl);
    const welcome = await suite.firefox.openExtensionPage('welcome.html', '[data-testid="welcome-sample"]');
    await expect.poll(() => welcome.$eval('h1', (el) => el.textContent)).toBe('Welcome to Talent Lens');
    expect(await welcome.$eval('[data-testid="shortcuts"]', (el) => el.textContent)).toContain('Alt+Shift+N');
    expect(await welcome.$eval('[data-testid="privacy-promise"]', (el) => el.textContent)).toMatch(/sends nothing anywhere/);
    await welcome.click('[data-testid="sample-name"][data-person-id="sam-altman"]');
    await expect
      .poll(() => welcome.$eval('[data-testid="sample-card"] [data-testid="person-name"]', (el) => el.textContent).catch(() => null))
      .toBe('Sam Altman');
    await welcome.close();
  });

  it('the options page renders the language choice and says where Firefox changes shortcuts', async () => {
    const options = await suite.firefox.openExtensionPage('options.html', '[data-testid="language-choices"]');
    await expect.poll(() => options.$eval('[data-testid="language-browser"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await options.$eval('[data-testid="shortcut-help"]', (el) => el.textContent)).toContain('about:addons');
    expect(await options.$('[data-testid="open-shortcuts"]')).toBeNull();
    await options.close();
  });

  it('the about page lists the sources', async () => {
    const about = await suite.firefox.openExtensionPage('about.html', '[data-testid="source"]');
    await expect.poll(() => about.$$eval('[data-testid="source"]', (els) => els.length)).toBe(5);
    await about.close();
  });
});
