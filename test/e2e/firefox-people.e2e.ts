/**
 * Your own people in Firefox ESR (Chromium: people.e2e.ts). Firefox's context menu cannot be driven
 * over WebDriver BiDi, so the person is added through the add form itself (people.html, as "Add a
 * person" opens it); a tab opened before marks them without a reload. Deleting them on the notes
 * page unmarks them, and Undo marks them again.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';
import { readMarks } from './firefox-probe';
import { slowPoll } from './setup';

const FIXTURE = '/pages/people-news.html';

describe('Your own people (Firefox)', () => {
  const suite = firefoxSuite();
  const texts = async (page: Parameters<typeof readMarks>[0]) => (await readMarks(page)).texts;

  it('a person added in the form is marked in an open tab without a reload; delete and Undo on the notes page follow', async () => {
    const reading = await suite.firefox.newPage(suite.server.url(FIXTURE));
    await expect.poll(() => texts(reading), { timeout: 20_000 }).toContain('Alexandr Wang');
    expect(await texts(reading)).not.toContain('Nat Friedman');

    const form = await suite.firefox.openExtensionPage('people.html', '.tl-people-form input');
    await form.type('.tl-people-form input', 'Nat Friedman');
    await form.click('.tl-people-form button[type="submit"]');
    await expect
      .poll(() => form.$eval('.tl-people-form [role="status"]', (el) => el.textContent), { timeout: 10_000 })
      .toBe('Saved. Open tabs mark them now.');
    await expect.poll(() => texts(reading), { timeout: 10_000 }).toContain('Nat Friedman');
    await form.close();

    const notes = await suite.firefox.openExtensionPage('notes.html', '[data-testid="own-person"]');
    expect(await notes.$$eval('[data-testid="own-person"]', (rows) => rows.map((row) => row.getAttribute('data-person-id')))).toHaveLength(
      1,
    );
    await notes.click('[data-testid="own-person-delete"]');
    // The pointer on the notice keeps it (and Undo) for as long as the checks below take on a busy machine.
    await notes.waitForSelector('[data-testid="own-people-undo"]', { timeout: 10_000 });
    await notes.hover('[data-testid="own-people-undo"]');
    // Focus moves to Undo once the notice renders (polled: it follows the delete, not the hover).
    await slowPoll(() => notes.evaluate(() => document.activeElement?.closest('[data-testid="own-people-undo"]') !== null)).toBe(true);
    // Firefox redraws a tab's marks once it is shown again: the reader looks at the tab.
    await reading.bringToFront();
    await expect.poll(() => texts(reading), { timeout: 10_000 }).toContain('Alexandr Wang');
    await expect.poll(() => texts(reading), { timeout: 10_000 }).not.toContain('Nat Friedman');
    await notes.bringToFront();
    await notes.keyboard.press('Enter');
    await expect.poll(() => notes.$$('[data-testid="own-people-undo"]').then((n) => n.length), { timeout: 5000 }).toBe(0);
    await reading.bringToFront();
    await expect.poll(() => texts(reading), { timeout: 10_000 }).toContain('Nat Friedman');
    await expect.poll(() => notes.$$('[data-testid="own-person"]').then((rows) => rows.length), { timeout: 5000 }).toBe(1);
    for (const page of [reading, notes]) await page.close();
  });
});
