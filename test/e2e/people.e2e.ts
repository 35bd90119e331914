/**
 * Your own people in Chromium (issue #16): a name selected on a page is added through the
 * context menu's "Track with Talent Lens" and is marked in another open tab without a reload;
 * a selected sentence becomes the source of a role ("Add as a source for…").
 *
 * A browser's own context menu cannot be opened by a test, so the test fires the menu's click event
 * itself: in the service worker (playwright's serviceWorker.evaluate), Chromium's
 * `contextMenus.onClicked.dispatch` runs the listeners the background registered, with the click
 * data Chromium would give (menu item id, selection text, page URL, frame) and the tab. Nothing
 * test-only is built into the extension.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { launchChromium } from './harness';
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
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void }).dispatch(
          { menuItemId, selectionText, pageUrl, frameId: 0, editable: false },
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

  /** Adds a person through the empty form (people.html), as "Add a person" does. */
  async function addThroughForm(name: string): Promise<void> {
    const form = await suite.browser.openExtensionPage('people.html');
    await form.getByLabel('Name, as written').fill(name);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Saved. Open tabs mark them now.');
    await form.close();
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
    // The background stored the matcher's tables with the index, for the tabs to revive rather than build.
    const stored = await suite.browser.worker.evaluate(async () => {
      const { userPeopleIndex } = (await chrome.storage.local.get('userPeopleIndex')) as {
        userPeopleIndex?: { marked?: { people?: unknown[] }; tables?: { matcher?: { texts?: unknown[] } } };
      };
      return { people: userPeopleIndex?.marked?.people?.length, texts: userPeopleIndex?.tables?.matcher?.texts?.length };
    });
    expect(stored.people).toBe(1);
    expect(stored.texts).toBeGreaterThan(0);
    // The popup's search finds them in either Chinese script, as it finds bundled people.
    const popup = await suite.browser.openExtensionPage('popup.html');
    for (const query of ['庞若鸣', '龐若鳴']) {
      await popup.getByTestId('search-input').fill(query);
      await expect
        .poll(() => popup.getByTestId('search-result').first().getAttribute('data-person-id'), { timeout: 10_000 })
        .toBe(person?.id);
    }
    await popup.close();

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

  it('deletes a person from the notes page from the keyboard: open tabs unmark them at once; Undo marks them again', async () => {
    const reading = await suite.open(FIXTURE);
    await waitForMark(reading, 'Alexandr Wang');
    await addThroughForm('Daniel Gross');
    await expect.poll(() => markTexts(reading), { timeout: 10_000 }).toContain('Daniel Gross');

    const notes = await suite.browser.openExtensionPage('notes.html');
    const row = notes.getByTestId('own-person').filter({ hasText: 'Daniel Gross' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    // Edit opens the people form for that person.
    await row.getByRole('link', { name: 'Edit Daniel Gross' }).click();
    await expect.poll(() => notes.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Edit Daniel Gross');
    await notes.goBack();

    await row.getByRole('button', { name: 'Delete Daniel Gross' }).focus();
    await notes.keyboard.press('Enter');
    const undo = notes.getByTestId('own-people-undo').getByRole('button', { name: 'Undo' });
    await expect.poll(() => notes.getByTestId('own-people-undo').textContent(), { timeout: 10_000 }).toContain('Daniel Gross deleted.');
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement), { timeout: 5000 }).toBe(true);
    // The pointer on the notice keeps it (and Undo) for as long as the checks below take on a busy machine.
    await notes.getByTestId('own-people-undo').hover();
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(0);
    // The tab that marked them, untouched since: the mark is gone, the dataset's people stay.
    await expect.poll(() => markTexts(reading), { timeout: 5000 }).not.toContain('Daniel Gross');
    expect(await markTexts(reading)).toContain('Alexandr Wang');

    await notes.keyboard.press('Enter');
    await expect.poll(() => markTexts(reading), { timeout: 5000 }).toContain('Daniel Gross');
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    expect(await notes.getByTestId('own-people-undo').count()).toBe(0);
    await expect
      .poll(() => row.getByRole('link', { name: 'Edit Daniel Gross' }).evaluate((link) => link === document.activeElement), {
        timeout: 5000,
      })
      .toBe(true);
    for (const page of [reading, notes]) await page.close();
  });

  it('nothing test-only ships: the service worker has no hook of the tests on its global scope', async () => {
    const names = await suite.browser.worker.evaluate(() => Object.getOwnPropertyNames(globalThis).filter((n) => /talentlens/i.test(n)));
    expect(names).toEqual([]);
  });

  it('exports people, additions and notes in one file; a wiped profile imports it and has everything back, marked again', async () => {
    const reading = await suite.open(FIXTURE);
    await addThroughForm('Nat Friedman');
    // An addition to a bundled person: a sourced role for Alexandr Wang from a selected sentence.
    const sentence = 'Pang joins Alexandr Wang and Shengjia Zhao, who left OpenAI this summer.';
    const sourceForm = await menuClick(reading, 'talent-lens-source', sentence);
    await expect.poll(() => sourceForm.getByRole('option', { name: /^Alexandr Wang/ }).count(), { timeout: 10_000 }).toBe(1);
    await sourceForm.getByLabel('Source for').selectOption({ value: 'alexandr-wang' });
    await sourceForm.getByLabel('The role or move, in your words').fill('Leads Meta Superintelligence Labs');
    await sourceForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => sourceForm.getByRole('status').textContent(), { timeout: 5000 }).toBe('Source added.');
    await sourceForm.close();
    // A note.
    const personPage = await suite.browser.openExtensionPage('notes.html?view=person&person=alexandr-wang');
    await personPage.getByLabel('Note text').fill('Export round trip note');
    await personPage.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => personPage.getByTestId('note-text').allTextContents(), { timeout: 10_000 }).toContain('Export round trip note');
    await personPage.close();

    const notes = await suite.browser.openExtensionPage('notes.html');
    await expect.poll(() => notes.getByTestId('own-person').filter({ hasText: 'Nat Friedman' }).count(), { timeout: 10_000 }).toBe(1);
    const work = await mkdtemp(path.join(tmpdir(), 'talent-lens-people-'));
    const [download] = await Promise.all([notes.waitForEvent('download'), notes.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = path.join(work, 'export.json');
    await download.saveAs(exported);
    const data = JSON.parse(await readFile(exported, 'utf8'));
    expect(data).toMatchObject({
      format: 'talent-lens-notes',
      version: 2,
      people: expect.arrayContaining([expect.objectContaining({ name: { primary: 'Nat Friedman' } })]),
      additions: expect.arrayContaining([
        expect.objectContaining({ id: 'alexandr-wang', facts: [expect.objectContaining({ text: 'Leads Meta Superintelligence Labs' })] }),
      ]),
      notes: expect.arrayContaining([expect.objectContaining({ personId: 'alexandr-wang', text: 'Export round trip note' })]),
    });
    for (const page of [reading, notes]) await page.close();

    // Wiped: a fresh profile (the extension installed anew, nothing stored) imports the file.
    const wiped = await launchChromium();
    try {
      const fresh = await wiped.context.newPage();
      await fresh.goto(suite.server.url(FIXTURE));
      await waitForMark(fresh, 'Alexandr Wang');
      expect(await markTexts(fresh)).not.toContain('Nat Friedman');
      const restored = await wiped.openExtensionPage('notes.html');
      await expect.poll(() => restored.getByTestId('own-people-empty').count(), { timeout: 10_000 }).toBe(1);
      await restored.getByTestId('import-file').setInputFiles(exported);
      await expect.poll(() => restored.getByTestId('notes-message').textContent(), { timeout: 10_000 }).toMatch(/^Imported: \d+ added/);
      await expect.poll(() => restored.getByTestId('own-person').filter({ hasText: 'Nat Friedman' }).count(), { timeout: 10_000 }).toBe(1);
      const additions = restored.getByTestId('own-person').filter({ hasText: 'Alexandr Wang' });
      await expect.poll(() => additions.textContent(), { timeout: 10_000 }).toContain('sourced facts: 1');
      await expect.poll(() => restored.getByTestId('note-text').allTextContents(), { timeout: 10_000 }).toContain('Export round trip note');
      // The tab opened before the import marks the imported person, without a reload.
      await expect.poll(() => markTexts(fresh), { timeout: 10_000 }).toContain('Nat Friedman');
    } finally {
      await wiped.close();
      await rm(work, { recursive: true, force: true });
    }
  });

  it('a sourced move added from a selection is in Explore as one of yours, with the cited page', async () => {
    const reading = await suite.open(FIXTURE);
    const sentence = "Ruoming Pang, who led Apple's foundation models team, is leaving for Meta's superintelligence lab.";
    const form = await menuClick(reading, 'talent-lens-source', sentence);
    await expect.poll(() => form.getByRole('option', { name: /^Shengjia Zhao/ }).count(), { timeout: 10_000 }).toBe(1);
    await form.getByLabel('Source for').selectOption({ value: 'shengjia-zhao' });
    await form.getByRole('radio', { name: 'a move' }).check();
    await form.getByLabel('The role or move, in your words').fill('Moved to Meta proper');
    await form.getByLabel('Organization (for a move: the one they joined; optional)').fill('Meta');
    await form.getByLabel('When (YYYY, YYYY-MM or YYYY-MM-DD, optional)').fill('2025-08');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 5000 }).toBe('Source added.');
    await form.close();

    const explore = await suite.browser.openExtensionPage('explore.html');
    await explore.getByTestId('filter-origin').selectOption('own');
    // The dataset's organization for "Meta", from where the data last has them.
    const flow = explore.locator('[data-testid="flow"][data-period="2025"][data-to="meta"]');
    await expect.poll(() => flow.count(), { timeout: 15_000 }).toBe(1);
    await flow.focus();
    const details = explore.getByTestId('flow-details');
    await expect.poll(() => details.getByTestId('own-move-source').textContent(), { timeout: 15_000 }).toContain('Moved to Meta proper');
    expect(await details.getByTestId('own-move-source').textContent()).toContain(`${sentence}added by you, from 127.0.0.1, `);
    await explore.getByTestId('view-table').click();
    await expect.poll(() => explore.getByTestId('move-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await explore.getByTestId('move-row').textContent()).toContain('Shengjia Zhao');
    for (const page of [reading, explore]) await page.close();
  });
});
