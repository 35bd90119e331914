/**
 * Reading and citing from the card in real Chromium, driven like a user: the body scrolled from the
 * keyboard, a quote's citation copied with a real click, and "Turn off on this site" undone from
 * the notice that replaces the card.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { boxInCard, cardVisible, clickInCard, hover, inCard, markBox, pressInCard, waitForMark } from './card-helpers';
import { inNotice } from './card-probe';

describe('reading the card', () => {
  const suite = useExtensionSuite();

  /** Opens Ilya Sutskever's card from the keyboard (focus inside it) and waits for its details. */
  async function openByKeyboard(page: Page) {
    await waitForMark(page, 'Ilya Sutskever');
    await page.focus('#before');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => inCard(page, (root) => root.querySelectorAll('[data-testid="quote"]').length), { timeout: 5000 })
      .toBeGreaterThan(0);
  }

  const body = (page: Page) =>
    inCard(page, (root) => {
      const region = root.querySelector<HTMLElement>('[role="region"]')!;
      return {
        focused: root.activeElement === region,
        label: region.getAttribute('aria-label'),
        scrollTop: region.scrollTop,
        max: region.scrollHeight - region.clientHeight,
      };
    });

  it('the body is a labelled region that Tab reaches; arrows and Page Up/Down scroll it, never the page, and the card stays', async () => {
    const page = await suite.open('/card/card.html');
    await openByKeyboard(page);
    // Tab from the close button to the region (the "why" line's button may come first).
    for (let i = 0; i < 4 && !(await body(page)).focused; i++) await page.keyboard.press('Tab');
    const start = await body(page);
    expect(start.focused).toBe(true);
    expect(start.label).toBe('Details on Ilya Sutskever');
    expect(start.max, 'a card long enough to scroll').toBeGreaterThan(100);
    const pageScroll = await page.evaluate(() => window.scrollY);

    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await body(page)).scrollTop).toBeGreaterThan(0);
    const afterPage = (await body(page)).scrollTop;
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await body(page)).scrollTop).toBeGreaterThan(afterPage);
    await page.keyboard.press('End');
    await expect.poll(async () => (await body(page)).scrollTop).toBe(start.max);
    // At the end, Page Down again must not scroll the page out from under the card.
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await body(page)).scrollTop).toBeLessThan(start.max);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await body(page)).scrollTop).toBe(0);

    expect(await cardVisible(page)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);
    await page.close();
  });

  it('on an English page the gloss comes first, then the article’s words; Copy citation puts both and the source on the clipboard', async () => {
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin });
    const page = await suite.open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => inCard(page, (root) => root.querySelectorAll('[data-testid="quote-gloss"]').length), { timeout: 5000 })
      .toBeGreaterThan(0);

    const quote = await inCard(page, (root) => {
      const item = root.querySelector('[data-testid="quote-gloss"]')!.closest('[data-testid="quote"]')!;
      const gloss = item.querySelector('[data-testid="quote-gloss"]')!;
      const original = item.querySelector('[data-testid="quote-text"]')!;
      return {
        glossFirst: !!(gloss.compareDocumentPosition(original) & Node.DOCUMENT_POSITION_FOLLOWING),
        gloss: gloss.querySelector('.tl-quote-gloss')!.textContent,
        original: original.textContent,
        labels: [...item.querySelectorAll('.tl-quote-label')].map((l) => l.textContent),
        title: item.querySelector('[data-testid="source-title"]')!.textContent,
        index: [...root.querySelectorAll('[data-testid="quote"]')].indexOf(item),
      };
    });
    expect(quote.glossFirst).toBe(true);
    expect(quote.labels).toEqual(['Our translation', "The article's words"]);

    // The pointer goes from the mark into the card, as a hand would, then clicks.
    const button = `[data-testid="quote"]:nth-child(${quote.index + 1}) [data-testid="copy-citation"]`;
    const box = (await boxInCard(page, button))!;
    await page.mouse.move(box.left + 5, box.top - 30, { steps: 3 });
    await clickInCard(page, button);
    await expect
      .poll(() =>
        inCard(page, (root, sel) => root.querySelector(sel)!.parentElement!.querySelector('[role="status"]')!.textContent, button),
      )
      .toBe('Citation copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`「${quote.original}」`);
    expect(copied).toContain(`Our translation: “${quote.gloss}”`);
    expect(copied).toContain(`Source: ${quote.title}`);
    await page.close();
  });

  it('"Turn off on this site" says so with Undo where the card was; Undo brings the marks back', async () => {
    const page = await suite.open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await pressInCard(page, '[data-testid="turn-off-site"]');
    await expect.poll(() => markBox(page, 'Mark Chen')).toBeNull();
    await expect
      .poll(() => inNotice(page, (root) => root.querySelector('[data-testid="turned-off-notice"]')?.textContent ?? null))
      .toBe('Turned off on this site.Undo');

    // A real click on Undo, found in the notice's box.
    const undo = await inNotice(page, (root) => {
      const r = root.querySelector('[data-testid="turned-off-undo"]')!.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    });
    await page.mouse.click(undo.x, undo.y);
    await expect.poll(() => markBox(page, 'Mark Chen'), { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => page.evaluate(() => document.querySelector('talent-lens-ui[data-role="notice"]') !== null)).toBe(false);
    const disabled = await suite.browser.worker.evaluate(
      async () => ((await chrome.storage.local.get('settings')).settings as { disabledSites: string[] }).disabledSites,
    );
    expect(disabled).toEqual([]);
    await page.close();
  });
});

describe('script follows the page', () => {
  const suite = useExtensionSuite({ locale: 'zh-TW' });

  async function cardOn(pathname: string, name: string) {
    const page = await suite.open(pathname);
    await hover(page, await waitForMark(page, name));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect.poll(() => inCard(page, (root) => root.querySelector('[data-testid="role"]') !== null), { timeout: 5000 }).toBe(true);
    const card = await inCard(page, (root) => ({
      heading: root.querySelector('h2')?.textContent ?? '',
      role: root.querySelector('[data-testid="role"]')?.textContent ?? '',
      text: root.querySelector('[role="dialog"]')?.textContent ?? '',
    }));
    await page.close();
    return card;
  }

  it('a Traditional page gets a Traditional card: name, role and UI text', async () => {
    const card = await cardOn('/pages/zh-hant.html', '趙晟佳');
    expect(card.heading).toBe('趙晟佳');
    expect(card.role).toContain('超級智慧實驗室');
    expect(card.text).toContain('職業變動');
    expect(card.text).not.toContain('超级智能');
  });

  it('a Simplified page in the same browser keeps the Simplified data', async () => {
    const card = await cardOn('/pages/zh-news.html', '赵晟佳');
    expect(card.heading).toBe('赵晟佳');
    expect(card.role).not.toContain('實驗室');
  });
});
