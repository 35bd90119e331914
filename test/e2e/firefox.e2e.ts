/**
 * The core path in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi):
 * the popup reaches the background, a news page gets marks, hovering a mark
 * opens the card, a note written in the card (its notes frame) and one
 * written in the popup are read back from IndexedDB on the notes page and in
 * a fresh popup; two hostile pages (strict CSP, replaced DOM prototypes) are
 * marked and keep working.
 *
 * Marks are read in the page's main world. With the Highlight API (Firefox
 * 140+) they are ranges in CSS.highlights, which the document shares between
 * the content script's sandbox and the page; where it is missing the page
 * layer wraps <talent-lens-mark> elements instead. Both are accepted.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { snapshotMarks } from './page-helpers';
import { hoverOpensCard, noteFrameOf, readMarks } from './firefox-probe';

const NOTE = `Firefox e2e note ${Date.now()} <b>not markup</b>`;
const CARD_NOTE = `Written in the card in Firefox ${Date.now()}`;

interface PageCheck {
  ok: boolean;
  details: Array<{ check: string; ok: boolean; result?: string }>;
}

/** Waits for a hostile fixture's own check script (test/fixtures/hostile/check.js) to be ready. */
async function waitPageReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __pageReady?: boolean }).__pageReady === true), { timeout: 20_000 })
    .toBe(true);
}

describe('Firefox ESR with the extension', () => {
  const suite = firefoxSuite();

  it('the popup gets an answer from the background', async () => {
    const popup = await suite.firefox.openExtensionPage('popup.html', '[data-testid="background-status"]');
    await expect
      .poll(() => popup.$eval('[data-testid="background-status"]', (el) => el.textContent), { timeout: 10_000 })
      .toMatch(/^v\d+\.\d+\.\d+$/);
    await popup.close();
  });

  it('marks a news page, opens the card on hover, and saves a note in the card', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/pages/en-news.html'));
    await expect
      .poll(async () => (await readMarks(page)).texts, { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Sam Altman', 'Mark Zuckerberg']));
    const marks = await readMarks(page);
    console.info(`[firefox] engine=${marks.engine}, ${marks.texts.length} marks`);
    // None of the decoys in the page's aside (chenille, Wangari, Wang Zhiyi) is marked.
    expect(marks.texts.filter((t) => /chenille|Wangari|Zhiyi/i.test(t))).toEqual([]);
    expect(marks.point).not.toBeNull();

    await hoverOpensCard(page, marks.point!);

    // The card's notes: an extension page in a frame, written to like a user would.
    await expect.poll(async () => (await noteFrameOf(page)) !== null, { timeout: 10_000 }).toBe(true);
    const frame = (await noteFrameOf(page))!;
    await frame.waitForSelector('[data-testid="note-frame"] textarea', { timeout: 10_000 });
    await frame.type('[data-testid="note-frame"] textarea', CARD_NOTE);
    await frame.click('[data-testid="note-frame"] button[type="submit"]');
    await expect
      .poll(() => frame.$$eval('[data-testid="note-text"]', (els) => els.map((el) => el.textContent)), { timeout: 10_000 })
      .toContain(CARD_NOTE);
    await page.close();

    // Read back from the extension's storage on the notes page.
    const notesPage = await suite.firefox.openExtensionPage('notes.html', '[data-testid="notes-count"]');
    await expect
      .poll(() => notesPage.$$eval('[data-testid="note-text"]', (els) => els.map((el) => el.textContent)), { timeout: 10_000 })
      .toContain(CARD_NOTE);
    await notesPage.close();
  });

  it('saves a note in the popup and reads it back on the notes page and in a new popup', async () => {
    const editor = '[data-testid="person-view"] textarea.tl-note-input';
    const popup = await suite.firefox.openExtensionPage('popup.html?person=sam-altman', editor);
    await popup.type(editor, NOTE);
    await popup.click('[data-testid="person-view"] .tl-note-editor button[type="submit"]');
    const notesIn = (page: Page) => page.$$eval('[data-testid="note-text"]', (els) => els.map((el) => el.textContent));
    await expect.poll(() => notesIn(popup), { timeout: 10_000 }).toContain(NOTE);
    await popup.close();

    const notesPage = await suite.firefox.openExtensionPage('notes.html', '[data-testid="notes-count"]');
    await expect.poll(() => notesIn(notesPage), { timeout: 10_000 }).toEqual(expect.arrayContaining([NOTE, CARD_NOTE]));
    // Text, never markup.
    expect(await notesPage.$$eval('[data-testid="note-text"] b', (els) => els.length)).toBe(0);
    await notesPage.close();

    const again = await suite.firefox.openExtensionPage('popup.html?person=sam-altman', editor);
    await expect.poll(() => notesIn(again), { timeout: 10_000 }).toContain(NOTE);
    await again.close();
  });

  // Firefox content scripts see the page through Xray wrappers rather than a separate world: the page's
  // replaced prototypes must be just as invisible, and its CSP must block neither our styles nor the card.
  it.each([
    ['csp.html', null],
    ['prototypes.html', '__real'],
  ] as const)('hostile page %s: marked, and its own check passes', async (file, registry) => {
    const errors: string[] = [];
    const page = await suite.firefox.browser.newPage();
    page.on('console', (msg) => {
      if ((msg.type() === 'error' || msg.type() === 'warn') && /talent-lens|moz-extension:/i.test(msg.text())) errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(suite.server.url(`/hostile/${file}`), { waitUntil: 'load' });
    await waitPageReady(page);
    const required = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-must-mark]')).flatMap((el) => el.getAttribute('data-must-mark')!.split('|')),
    );
    const texts = async (registryPath: string | null) =>
      ((await page.evaluate(snapshotMarks, { name: 'talent-lens', registry: registryPath })) ?? [])
        .filter((m) => !m.collapsed)
        .map((m) => m.text);
    await expect.poll(() => texts(registry), { timeout: 20_000 }).toEqual(expect.arrayContaining(required));
    // Nothing marked in the page's form field.
    expect((await texts(registry)).filter((t) => t.includes('Greg Brockman') || t.includes('Ilya Sutskever'))).toEqual([]);
    // The card's code, imported on demand, loads under the page's CSP too.
    const visible = ((await page.evaluate(snapshotMarks, { name: 'talent-lens', registry })) ?? []).find((m) => m.inView && !m.collapsed);
    expect(visible, 'a visible mark to hover').toBeDefined();
    await hoverOpensCard(page, {
      x: (visible!.rect!.left + visible!.rect!.right) / 2,
      y: (visible!.rect!.top + visible!.rect!.bottom) / 2,
    });
    // Read before the page check: its last step violates the CSP on purpose, which Firefox reports as a page error.
    expect(errors).toEqual([]);
    const check = await page.evaluate(() => (window as unknown as { __runPageCheck(): Promise<PageCheck> }).__runPageCheck());
    expect(
      check.details.filter((d) => !d.ok),
      JSON.stringify(check.details, null, 1),
    ).toEqual([]);
    await page.close();
  });
});
