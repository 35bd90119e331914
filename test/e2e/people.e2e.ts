/**
 * Your own people in Chromium (issue #16): a name selected on a page is added through the
 * context menu's "Track with Talent Lens" and is marked in another open tab without a reload;
 * a selected sentence becomes the source of a role ("Add as a source for…").
 *
 * A browser's own context menu cannot be opened by a test, so the test calls what a click on
 * our item calls: the background's onPeopleMenuClicked, which the service worker exposes on its
 * own global scope (entrypoints/background.ts), through playwright's serviceWorker.evaluate, with
 * the click data Chromium would give (menu item id, selection text, page URL, frame) and the tab.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { cardText, cardVisible, hover, noteFrame, waitForMark } from './card-helpers';
import { markTexts } from './page-helpers';

const FIXTURE = '/pages/people-news.html';

describe('Your own people (Chromium)', () => {
  const suite = useExtensionSuite();

  /** What a click on one of our context-menu items does, for the selection on `page`. */
  async function menuClick(page: Page, menuItemId: string, selectionText: string): Promise<Page> {
    const tabId = await suite.browser.tabIdOf(page);
    const opened = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/people.html') });
    await suite.browser.worker.evaluate(
      ([menuItemId, selectionText, pageUrl, tabId]) =>
        (globalThis as unknown as { talentLensPeopleMenuClicked(info: object, tab: object): Promise<void> }).talentLensPeopleMenuClicked(
          { menuItemId, selectionText, pageUrl, frameId: 0 },
          { id: tabId, index: 0 },
        ),
      [menuItemId, selectionText, page.url(), tabId] as const,
    );
    const form = await opened;
    await form.waitForLoadState('domcontentloaded');
    return form;
  }

  /** The reader's people as stored, read from the extension's own IndexedDB in one of its pages. */
  async function storedPeople(
    page: Page,
  ): Promise<Array<{ id: string; name: { primary: string }; facts: Array<Record<string, unknown>> }>> {
    return page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('talent-lens-notes');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('people').objectStore('people').getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
    );
  }

  it('"Add a person" in the popup and on the notes page opens an empty form', async () => {
    const formUrl = `chrome-extension://${suite.browser.extensionId}/people.html`;
    const popup = await suite.browser.openExtensionPage('popup.html');
    const fromPopup = suite.browser.context.waitForEvent('page', { predicate: (p) => p.url() === formUrl });
    await popup.getByTestId('open-people-page').click();
    const form = await fromPopup;
    await expect.poll(() => form.getByLabel('Name, as written').count(), { timeout: 10_000 }).toBe(1);
    expect(await form.getByLabel('Name, as written').inputValue()).toBe('');
    await form.close();

    const notes = await suite.browser.openExtensionPage('notes.html');
    await notes.getByTestId('nav-people').click();
    await notes.waitForURL(formUrl);
    await expect.poll(() => notes.getByLabel('Name, as written').count(), { timeout: 10_000 }).toBe(1);
    await notes.close();
  });

  it('adds a person from a selected name; another open tab marks them without a reload; a selected sentence sources a role', async () => {
    const reading = await suite.open(FIXTURE);
    const other = await suite.open(FIXTURE);
    await waitForMark(other, 'Alexandr Wang');
    expect(await markTexts(other)).not.toContain('Ruoming Pang');

    const form = await menuClick(reading, 'talent-lens-track', 'Ruoming Pang');
    await expect.poll(() => form.getByLabel('Name, as written').inputValue(), { timeout: 10_000 }).toBe('Ruoming Pang');
    // The suggestions: the other order, and both words as possible surnames; the wrong one is unticked.
    await expect.poll(() => form.getByRole('checkbox').count(), { timeout: 10_000 }).toBe(3);
    await expect(form.getByRole('checkbox', { name: /Pang Ruoming/ }).isChecked()).resolves.toBe(true);
    await form.getByRole('checkbox', { name: /^Ruoming surname/ }).uncheck();
    await form.getByLabel('The name in the other script (optional)').fill('庞若鸣');
    await expect.poll(() => form.getByRole('checkbox', { name: /龐若鳴/ }).count(), { timeout: 5000 }).toBe(1);
    await expect(form.getByText(/Marks can be read by the page’s own scripts/).count()).resolves.toBe(1);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 5000 }).toBe('Saved. Open tabs mark them now.');

    // The other tab, untouched since it loaded: the full name, the surname after it, and the Chinese name.
    await expect.poll(() => markTexts(other), { timeout: 5000 }).toEqual(expect.arrayContaining(['Ruoming Pang', 'Pang', '庞若鸣']));
    expect(await markTexts(other)).toContain('Alexandr Wang');
    const [person] = await storedPeople(form);
    expect(person?.name.primary).toBe('Ruoming Pang');

    // The same name again is offered as that person, never created twice.
    const again = await menuClick(reading, 'talent-lens-track', 'Pang Ruoming');
    await expect.poll(() => again.getByRole('note').textContent(), { timeout: 10_000 }).toBe('Ruoming Pang is already in Talent Lens.');
    await again.close();

    // A sourced role from a selected sentence.
    const sentence = "Ruoming Pang, who led Apple's foundation models team, is leaving for Meta's superintelligence lab.";
    const sourceForm = await menuClick(reading, 'talent-lens-source', sentence);
    await expect.poll(() => sourceForm.getByRole('option', { name: 'Ruoming Pang' }).count(), { timeout: 10_000 }).toBe(1);
    await sourceForm.getByLabel('Source for').selectOption({ label: 'Ruoming Pang' });
    await sourceForm.getByLabel('The role or move, in your words').fill('Superintelligence lab, Meta');
    await sourceForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => sourceForm.getByRole('status').textContent(), { timeout: 5000 }).toBe('Source added.');
    const [sourced] = await storedPeople(sourceForm);
    expect(sourced?.facts).toEqual([
      expect.objectContaining({
        kind: 'role',
        text: 'Superintelligence lab, Meta',
        source: expect.objectContaining({
          url: suite.server.url(FIXTURE),
          title: "Apple's model chief leaves for Meta — Talent Lens sample page",
          quote: sentence,
        }),
      }),
    ]);
    // The card on the other tab: the role with its source, marked as the reader's, inside the extension-origin notes frame only.
    await hover(other, await waitForMark(other, 'Ruoming Pang'));
    await expect.poll(() => cardVisible(other), { timeout: 5000 }).toBe(true);
    await expect.poll(() => cardText(other), { timeout: 5000 }).toContain('One of your people.');
    const frame = await noteFrame(other);
    const fact = frame.locator('[data-testid="user-fact"]');
    await expect.poll(() => fact.count(), { timeout: 5000 }).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(await fact.textContent()).toBe(`Superintelligence lab, Meta${sentence}added by you, from 127.0.0.1, ${today}`);
    // Nothing the reader wrote reaches the page's document (the card's own shadow root included).
    expect(await cardText(other)).not.toContain('Superintelligence lab');
    expect(await other.evaluate(() => document.documentElement.outerHTML.includes('Superintelligence lab'))).toBe(false);
    for (const page of [reading, other, form, sourceForm]) await page.close();
  });
});
