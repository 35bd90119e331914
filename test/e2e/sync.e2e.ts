/**
 * Sync in real Chromium, one profile: the notes page's switch turns it on, a
 * note written in the popup is pushed to storage.sync, and after a relaunch
 * with the same profile it is still in storage.sync and still in IndexedDB.
 * A second browser account cannot be used here: the cross-machine cases are
 * the unit simulation's (test/unit/sync-engine.test.ts). Chromium runs with
 * --disable-sync, in which case storage.sync keeps its data locally, as it does
 * for a reader who is not signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { inContentScript } from './card-helpers';
import { storedNoteTexts, syncedNoteTexts } from './sync-helpers';

const NOTE = 'Synced e2e note about Altman';

describe('sync in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let profileDir: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    profileDir = await mkdtemp(path.join(tmpdir(), 'talent-lens-sync-profile-'));
    browser = await launchChromium({ profileDir });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  /** Every item of storage.sync, read in the service worker. */
  const syncItems = () => browser.worker.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, unknown>>;
  const syncedTexts = async () => syncedNoteTexts(await syncItems());

  it('is off until the reader turns it on, and then shows the use of sync storage', async () => {
    const notesPage = await browser.openExtensionPage('notes.html');
    const toggle = notesPage.getByRole('checkbox', { name: 'Sync my notes and people' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await syncedTexts()).toEqual([]);
    await toggle.focus();
    await notesPage.keyboard.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(() => notesPage.getByTestId('sync-usage').textContent(), { timeout: 20_000 }).toMatch(/^\d+ KB of 100 KB/);
    await notesPage.close();
  });

  it('pushes a note written in the popup to storage.sync', async () => {
    const popup = await browser.openExtensionPage('popup.html?person=sam-altman');
    await popup.getByRole('textbox', { name: 'Note text' }).fill(NOTE);
    await popup.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => popup.getByTestId('note-text').allTextContents()).toEqual([NOTE]);
    await expect.poll(syncedTexts, { timeout: 20_000 }).toEqual([NOTE]);
    await popup.close();
  });

  it("keeps sync storage (which now holds notes) from our content script, which shares the page's process", async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/en-news.html'));
    const read = await inContentScript<string>(
      page,
      browser.extensionId,
      `chrome.storage.sync.get(null).then((items) => 'read ' + Object.keys(items).length, (error) => 'refused: ' + error.message)`,
    );
    expect(read).toMatch(/^refused: /);
    // The same content script still reads its settings from storage.local.
    expect(await inContentScript<string>(page, browser.extensionId, `chrome.storage.local.get('settings').then(() => 'ok')`)).toBe('ok');
    await page.close();
  });

  it('syncs a changed setting as a difference from the defaults only', async () => {
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({ settings: { enabled: true, disabledSites: ['example.org'], language: 'browser' } }),
    );
    await expect.poll(async () => (await syncItems())['tl.settings'], { timeout: 20_000 }).toEqual({ disabledSites: ['example.org'] });
  });

  it('after a relaunch with the same profile, the note is still in storage.sync and in IndexedDB, and sync is still on', async () => {
    await browser.close();
    browser = await launchChromium({ profileDir });
    expect(await syncedTexts()).toEqual([NOTE]);
    const notesPage = await browser.openExtensionPage('notes.html');
    expect(await notesPage.evaluate(storedNoteTexts)).toEqual([NOTE]);
    await expect.poll(() => notesPage.getByTestId('note-text').allTextContents()).toEqual([NOTE]);
    const toggle = notesPage.getByRole('checkbox', { name: 'Sync my notes and people' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The background took up sync again: the status it writes after its first reconcile names the use.
    await expect.poll(() => notesPage.getByTestId('sync-usage').textContent(), { timeout: 20_000 }).toMatch(/^\d+ KB of 100 KB/);
  });
});
