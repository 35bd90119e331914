/**
 * Notes in real Chromium: written on one site, seen from another, kept across a
 * reload and a browser restart with the same profile, exported and imported on
 * the notes page, and never visible to a page's own scripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

const NOTE = 'Private e2e note <img src=x onerror="window.__pwned=1"> about Altman';

describe('notes in Chromium', () => {
  let browser: ExtensionBrowser;
  let siteA: FixtureServer;
  let siteB: FixtureServer;
  let profileDir: string;
  let work: string;

  beforeAll(async () => {
    siteA = await startFixtureServer('127.0.0.1');
    siteB = await startFixtureServer('127.0.0.2');
    profileDir = await mkdtemp(path.join(tmpdir(), 'talent-lens-notes-profile-'));
    work = await mkdtemp(path.join(tmpdir(), 'talent-lens-notes-files-'));
    browser = await launchChromium({ profileDir });
  });
  afterAll(async () => {
    await browser?.close();
    await siteA?.close();
    await siteB?.close();
    await rm(profileDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  async function popupFor(server: FixtureServer, person?: string): Promise<{ page: Page; popup: Page }> {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/en-news.html'));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}${person ? `&person=${person}` : ''}`);
    return { page, popup };
  }

  const notesOf = (popup: Page) => popup.getByTestId('person-view').getByTestId('note-text');

  it('writes a note from the popup for a tab on site A, with that page as its origin', async () => {
    const { popup } = await popupFor(siteA);
    // Wait for the content script to answer, so the note gets the page as its origin.
    await expect.poll(() => popup.getByTestId('page-host').textContent()).toBe(new URL(siteA.origin).host);
    await popup.getByRole('combobox', { name: 'Search people' }).fill('Altmann');
    await popup.keyboard.press('Enter');
    await popup.getByRole('textbox', { name: 'Note text' }).fill(NOTE);
    await popup.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
    // Text, never markup: the <img> in the note made no element and ran nothing.
    expect(await popup.locator('[data-testid="note-text"] img').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const origin = await popup.getByTestId('note').locator('.tl-note-meta a').getAttribute('href');
    expect(origin).toBe(siteA.url('/pages/en-news.html'));
  });

  it('shows the note from another site, after a reload, and on the notes page', async () => {
    const { popup } = await popupFor(siteB, 'sam-altman');
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
    await popup.reload();
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
    const notesPage = await browser.openExtensionPage('notes.html');
    await expect.poll(() => notesPage.getByTestId('note-text').allTextContents()).toEqual([NOTE]);
  });

  it('keeps the note across a browser restart with the same profile (a new service worker)', async () => {
    await browser.close();
    browser = await launchChromium({ profileDir });
    const { popup } = await popupFor(siteB, 'sam-altman');
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
  });

  it('two tabs editing the same note: the stale save is refused as a conflict, nothing is lost', async () => {
    const tab1 = (await popupFor(siteA, 'sam-altman')).popup;
    const tab2 = (await popupFor(siteB, 'sam-altman')).popup;
    for (const tab of [tab1, tab2]) {
      await expect.poll(() => notesOf(tab).allTextContents()).toEqual([NOTE]);
      await tab.getByTestId('note').getByRole('button', { name: 'Edit' }).click();
    }
    await tab1.getByTestId('note').getByRole('textbox', { name: 'Note text' }).fill('edit from tab 1');
    await tab1.getByTestId('note').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notesOf(tab1).allTextContents()).toEqual(['edit from tab 1']);

    await tab2.getByTestId('note').getByRole('textbox', { name: 'Note text' }).fill('edit from tab 2');
    await tab2.getByTestId('note').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => tab2.getByTestId('note-conflict-stored').textContent()).toBe('edit from tab 1');
    // Tab 2 takes the stored version: both tabs agree and tab 1's edit survived.
    await tab2.getByRole('button', { name: 'Use stored version' }).click();
    await expect.poll(() => notesOf(tab2).allTextContents()).toEqual(['edit from tab 1']);

    // Put the original text back for the tests that follow.
    await tab1.getByTestId('note').getByRole('button', { name: 'Edit' }).click();
    await tab1.getByTestId('note').getByRole('textbox', { name: 'Note text' }).fill(NOTE);
    await tab1.getByTestId('note').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notesOf(tab1).allTextContents()).toEqual([NOTE]);
  });

  it('a save after the service worker was stopped wakes it and is kept', async () => {
    const { popup } = await popupFor(siteA, 'sam-altman');
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
    const cdp = await browser.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.getByRole('textbox', { name: 'Note text' }).fill('written after a worker stop');
    await popup.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual(['written after a worker stop', NOTE]);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.reload();
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual(['written after a worker stop', NOTE]);
    // Leave only the first note for the export test.
    await popup.getByTestId('note').first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notesOf(popup).allTextContents()).toEqual([NOTE]);
  });

  it('a script on the page finds no note in any storage it can reach', async () => {
    const { page } = await popupFor(siteA);
    const found = await page.evaluate(async () => {
      const dumps: string[] = [];
      const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          dumps.push(JSON.stringify(rows));
        }
        db.close();
      }
      dumps.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
      return { names, text: dumps.join('\n') };
    });
    expect(found.text).not.toContain('Private e2e note');
    expect(found.names).not.toContain('talent-lens-notes');
  });

  it('exports JSON, re-imports it after the notes are gone, and a malformed file leaves the notes intact', async () => {
    const notesPage = await browser.openExtensionPage('notes.html');
    await expect.poll(() => notesPage.getByTestId('note-text').allTextContents()).toEqual([NOTE]);

    const [download] = await Promise.all([
      notesPage.waitForEvent('download'),
      notesPage.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = path.join(work, 'export.json');
    await download.saveAs(exported);
    const data = JSON.parse(await readFile(exported, 'utf8'));
    expect(data).toMatchObject({
      format: 'talent-lens-notes',
      version: 2,
      people: [],
      additions: [],
      notes: [{ personId: 'sam-altman', text: NOTE }],
    });

    const [markdownDownload] = await Promise.all([
      notesPage.waitForEvent('download'),
      notesPage.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = path.join(work, 'export.md');
    await markdownDownload.saveAs(markdown);
    // The note as a Markdown paragraph, its HTML escaped so a Markdown viewer shows it as typed.
    expect(await readFile(markdown, 'utf8')).toContain(
      '\n\nPrivate e2e note \\<img src=x onerror="window.\\_\\_pwned=1"\\> about Altman\n',
    );

    // Delete the note (no undo), then import the export: a deletion is remembered, so the old export does
    // not bring the note back unasked; it says so, and brings it back when asked.
    await notesPage.getByTestId('note').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notesPage.getByTestId('note-text').count()).toBe(0);
    await notesPage.getByTestId('import-file').setInputFiles(exported);
    await expect
      .poll(() => notesPage.getByTestId('notes-message').textContent())
      .toBe('Imported: 0 added, 0 updated, 0 already up to date. 1 note you deleted was not brought back: Sam Altman.Bring it back');
    expect(await notesPage.getByTestId('note-text').count()).toBe(0);
    await notesPage.getByRole('button', { name: 'Bring it back' }).click();
    await expect.poll(() => notesPage.getByTestId('note-text').allTextContents()).toEqual([NOTE]);

    // The same file again adds nothing.
    await notesPage.getByTestId('import-file').setInputFiles(exported);
    await expect
      .poll(() => notesPage.getByTestId('notes-message').textContent())
      .toBe('Imported: 0 added, 0 updated, 1 already up to date.');

    const malformed = path.join(work, 'malformed.json');
    await writeFile(malformed, '{"format": "talent-lens-notes", "version": 1, "notes": [{"id": 5}');
    await notesPage.getByTestId('import-file').setInputFiles(malformed);
    await expect
      .poll(() => notesPage.getByTestId('notes-message').textContent())
      .toMatch(/^This file is not a Talent Lens export \(it is not JSON\)\./);

    const unknown = path.join(work, 'unknown.json');
    await writeFile(unknown, JSON.stringify({ ...data, notes: [{ ...data.notes[0], id: 'other', personId: 'nobody-here' }] }));
    await notesPage.getByTestId('import-file').setInputFiles(unknown);
    await expect.poll(() => notesPage.getByTestId('notes-message').textContent()).toContain('nobody-here');

    await notesPage.reload();
    await expect.poll(() => notesPage.getByTestId('note-text').allTextContents()).toEqual([NOTE]);
  });
});
