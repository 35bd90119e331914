/**
 * "Not this person" in Chromium (issue #13; Firefox: firefox-not-this-person.e2e.ts): the card says why
 * a name is marked, its button removes every mark of that alias for that person at once, the choice
 * survives a reload, and the notes page's Undo brings the mark back (on the open tab at once, and
 * after a reload). The marks are read from CSS.highlights (page-helpers' snapshotMarks).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { boxInCard, cardVisible, clickInCard, hover, inCard, waitForMark } from './card-helpers';
import { markTexts } from './page-helpers';

const FIXTURE = '/pages/en-news.html';

describe('Not this person (Chromium)', () => {
  const suite = useExtensionSuite();

  const altmanMarks = async (page: Page) => (await markTexts(page)).filter((text) => text.includes('Altman'));
  const whyLine = (page: Page) => inCard(page, (root) => root.querySelector('[data-testid="card-why"]')?.textContent ?? null);

  it('hover, the why line, "Not this person": the marks of that alias go at once and stay gone; Undo on the notes page brings them back', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(FIXTURE));
    await waitForMark(page, 'Sam Altman');
    const surname = await waitForMark(page, 'Altman');
    const before = await altmanMarks(page);
    expect(before.filter((text) => text === 'Altman').length).toBeGreaterThan(0);
    expect(before).toContain('Sam Altman');

    await hover(page, surname);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect.poll(() => whyLine(page), { timeout: 5000 }).toBe('Named in full on this page: Sam Altman');
    await expect.poll(() => boxInCard(page, '[data-testid="not-this-person"]'), { timeout: 5000 }).not.toBeNull();
    await clickInCard(page, '[data-testid="not-this-person"]');

    // At once: every "Altman" mark for Sam Altman is gone, the full name stays, the card closes.
    await expect.poll(() => altmanMarks(page), { timeout: 2000 }).toEqual(before.filter((text) => text !== 'Altman'));
    await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(false);

    // Remembered for the site: a reload draws the page without it.
    await page.reload();
    await waitForMark(page, 'Sam Altman');
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before.filter((text) => text !== 'Altman'));

    // The notes page lists it; Undo forgets it.
    const notes = await suite.browser.openExtensionPage('notes.html');
    const row = notes.locator('[data-testid="rejection"]', { hasText: 'Altman' });
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([new URL(suite.server.url(FIXTURE)).host, 'Altman', 'Sam Altman']);
    await row.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => notes.locator('[data-testid="rejection"]').count(), { timeout: 5000 }).toBe(0);
    await notes.close();

    // The open tab was told: the marks come back without a reload, and after one.
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before);
    await page.reload();
    await waitForMark(page, 'Sam Altman');
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before);
    await page.close();
  });
});
