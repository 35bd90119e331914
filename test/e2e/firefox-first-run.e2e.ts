/**
 * The first-run pages in Firefox ESR: the welcome page (which the install opened) and the
 * options page open and render, the options page with Firefox's way to change a shortcut; its
 * mark style and card delay are stored and reach a tab that is already open.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';
import { hoverOpensCard, noteFrameOf, readMarks } from './firefox-probe';

describe('first-run pages in Firefox ESR', () => {
  // The first test is of the welcome tab the install opens.
  const suite = firefoxSuite({ welcomeTab: 'keep' });

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

  it('the options page changes the marks of an open tab and its card delay, and keeps the choices', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/pages/en-news.html'));
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 20_000 }).toContain('Altman');
    const before = await readMarks(page);
    const options = await suite.firefox.openExtensionPage('options.html', '[data-testid="mark-scope-first"]');
    await expect.poll(() => options.$eval('[data-testid="mark-scope-all"]', (el) => (el as HTMLInputElement).checked)).toBe(true);

    await options.click('[data-testid="mark-scope-first"]');
    // Each person's later mentions in a paragraph go: "Chen" and "Altman" after their full names, the caption's second Zhao.
    const firstOnly = before.texts.filter((text) => !['Chen', 'Altman', 'Zhao Shengjia'].includes(text));
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 15_000 }).toEqual(firstOnly);

    await options.click('[data-testid="card-delay-1200"]');
    await options.click('[data-testid="mark-look-underline"]');
    // Settings reach the tab in order: once the look has changed, so has the delay.
    const registered = () => page.evaluate(() => [CSS.highlights.has('talent-lens'), CSS.highlights.has('talent-lens-underline')]);
    await expect.poll(registered, { timeout: 15_000 }).toEqual([false, true]);
    await hoverOpensCard(page, before.point!);
    const waited = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
      return at('talent-lens:card-show-start') - at('talent-lens:hover-start');
    });
    // The page's own clock, and a timer never fires early: this holds on a loaded machine too.
    expect(waited).toBeGreaterThanOrEqual(1200);
    await options.close();

    // Stored: a new options page shows the choices, and putting them back restores the page's marks.
    const again = await suite.firefox.openExtensionPage('options.html', '[data-testid="mark-scope-first"]');
    await expect.poll(() => again.$eval('[data-testid="mark-scope-first"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await again.$eval('[data-testid="card-delay-1200"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await again.click('[data-testid="mark-scope-all"]');
    await again.click('[data-testid="mark-look-fill"]');
    await again.click('[data-testid="card-delay-500"]');
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 15_000 }).toEqual(before.texts);
    // The delay shows on no page: it is read back from storage before the page that set it closes.
    const storedDelay = () =>
      again.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { cardDelayMs?: number }).cardDelayMs);
    await expect.poll(storedDelay, { timeout: 15_000 }).toBe(500);
    await again.close();
    await page.close();
  });

  it('the language chosen in the options page reaches the notes frame of a card on a page', async () => {
    const options = await suite.firefox.openExtensionPage('options.html', '[data-testid="language-zh_CN"]');
    await options.click('[data-testid="language-zh_CN"]');
    // The page reloads itself in the chosen language.
    await expect.poll(() => options.$eval('h1', (el) => el.textContent).catch(() => null), { timeout: 15_000 }).toBe('设置');
    const page = await suite.firefox.newPage(suite.server.url('/pages/en-news.html'));
    await expect.poll(async () => (await readMarks(page)).point, { timeout: 20_000 }).not.toBeNull();
    await hoverOpensCard(page, (await readMarks(page)).point!);
    // The notes frame is found afresh on each look: the driver replaces a frame object when the browser
    // moves the frame to another process, and the object found first may still answer for the old one.
    const frameLang = async () => (await noteFrameOf(page))?.evaluate(() => document.documentElement.lang).catch(() => null);
    await expect.poll(frameLang, { timeout: 10_000 }).toBe('zh-CN');
    await page.close();
    await options.click('[data-testid="language-browser"]');
    await expect.poll(() => options.$eval('h1', (el) => el.textContent).catch(() => null), { timeout: 15_000 }).toBe('Settings');
    await options.close();
  });

  it('the about page lists the sources', async () => {
    const about = await suite.firefox.openExtensionPage('about.html', '[data-testid="source"]');
    await expect.poll(() => about.$$eval('[data-testid="source"]', (els) => els.length)).toBe(5);
    await about.close();
  });
});
