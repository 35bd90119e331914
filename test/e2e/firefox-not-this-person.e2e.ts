/**
 * "Not this person" in Firefox (Chromium: not-this-person.e2e.ts). The card is in a closed shadow root
 * no test can read here, so the test works as a keyboard user: Alt+Shift+N steps through the mentions
 * (the active one is read from the `talent-lens-active` highlight) and opens the card with focus on its
 * first control; Tab reaches "Not this person", Enter presses it. The marks and the notes page show
 * the rest: the alias's marks go at once and stay gone after a reload; Undo brings them back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './harness';
import { launchFirefox, type FirefoxWithExtension } from './firefox-harness';
import { pressShortcut, readMarks } from './firefox-probe';
import { slowPoll } from './setup';
import { cardShown, snapshotMarks } from './page-helpers';
import { ACTIVE_HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

const FIXTURE = '/pages/en-news.html';

describe('Not this person (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const altmanMarks = async (page: Page) => (await readMarks(page)).texts.filter((text) => text.includes('Altman'));
  /** The active mention (the one the shortcut selected): its text and where it is, or null. */
  const activeMention = async (page: Page) => {
    const mark = (await page.evaluate(snapshotMarks, { name: ACTIVE_HIGHLIGHT_NAME }))?.find((m) => !m.collapsed);
    return mark ? { text: mark.text, at: JSON.stringify(mark.bounds) } : null;
  };

  /** Alt+Shift+N until the active mention reads `text` (its card open, focus inside); at most once round the page. */
  async function stepTo(page: Page, text: string, mentions: number) {
    for (let i = 0; i <= mentions; i++) {
      const before = JSON.stringify(await activeMention(page));
      await pressShortcut(page, 'KeyN');
      // The step has happened once another mention is active (a scroll may move it: its box is part of the key).
      await slowPoll(async () => JSON.stringify(await activeMention(page)) !== before).toBe(true);
      await slowPoll(() => page.evaluate(cardShown)).toBe(true);
      if ((await activeMention(page))?.text === text) return;
    }
    throw new Error(`no mention reads ${text}`);
  }

  it('keyboard to an "Altman" card, Tab to "Not this person", Enter: its marks go at once and after a reload; Undo brings them back', async () => {
    const page = await firefox.newPage(server.url(FIXTURE));
    await expect.poll(() => altmanMarks(page), { timeout: 20_000 }).toContain('Altman');
    const before = await altmanMarks(page);
    expect(before).toContain('Sam Altman');
    const all = (await readMarks(page)).texts.length;

    // Firefox holds back focus events in a window that is not in front, and the card's keyboard
    // path runs on them: the page comes to the front before the keys.
    await page.bringToFront();
    await stepTo(page, 'Altman', all);
    // The card takes focus on its first control (Close) once it shows: the page sees focus go to the
    // card's host (its shadow root is closed). Only then does Tab move from Close to "Not this person".
    await slowPoll(() => page.evaluate(() => document.activeElement?.localName)).toBe('talent-lens-ui');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await slowPoll(() => altmanMarks(page)).toEqual(before.filter((text) => text !== 'Altman'));
    await slowPoll(() => page.evaluate(cardShown)).toBe(false);

    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => altmanMarks(page), { timeout: 20_000 }).toContain('Sam Altman');
    // The site's choices are read before the first mark is drawn, so the full name's mark means the surname's pass is done.
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before.filter((text) => text !== 'Altman'));

    const notes = await firefox.openExtensionPage('notes.html', '[data-testid="rejection"]');
    const cells = await notes.$$eval('[data-testid="rejection"] td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(0, 3)).toEqual([new URL(server.url(FIXTURE)).host, 'Altman', 'Sam Altman']);
    await notes.click('[data-testid="rejection-undo"]');
    await expect.poll(() => notes.$$('[data-testid="rejection"]').then((rows) => rows.length), { timeout: 5000 }).toBe(0);
    await notes.close();

    // Told at once, and after a reload.
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => altmanMarks(page), { timeout: 20_000 }).toEqual(before);
    await page.close();
  });
});
