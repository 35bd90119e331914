/**
 * Sync in Firefox ESR, one profile: the notes page's switch turns it on, a
 * note written in the popup is pushed to storage.sync (which needs the explicit
 * add-on id of wxt.config.ts), and after a relaunch with the same profile it is
 * still in storage.sync and still in IndexedDB. Firefox keeps storage.sync
 * locally when no Firefox account is signed in, as here; the cross-machine
 * cases are the unit simulation's (test/unit/sync-engine.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from './firefox-harness';
import { storedNoteTexts, syncedNoteTexts } from './sync-helpers';

const NOTE = 'Synced Firefox note about Altman';
const editor = '[data-testid="person-view"] textarea.tl-note-input';
const toggle = '[data-testid="sync-switch"]';

/** Every item of storage.sync, read in an extension page. */
const syncItems = (page: Page) => page.evaluate(() => browser.storage.sync.get(null)) as Promise<Record<string, unknown>>;
const syncedTexts = async (page: Page) => syncedNoteTexts(await syncItems(page));
const checked = (page: Page) => page.$eval(toggle, (el) => (el as HTMLInputElement).checked);

describe('sync in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let profileDir: string;

  beforeAll(async () => {
    profileDir = await mkdtemp(path.join(tmpdir(), 'talent-lens-firefox-sync-'));
    firefox = await launchFirefox({ profileDir });
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('runs with an explicit add-on id, which storage.sync needs', () => {
    expect(firefox.addonId).toBe('talent-lens@talent-lens.dev');
  });

  it('turns on from the notes page and pushes a note written in the popup to storage.sync', async () => {
    const notesPage = await firefox.openExtensionPage('notes.html', `${toggle}:not([disabled])`);
    expect(await checked(notesPage)).toBe(false);
    await notesPage.focus(toggle);
    await notesPage.keyboard.press(' ');
    await expect.poll(() => checked(notesPage)).toBe(true);
    await expect
      .poll(() => notesPage.$eval('[data-testid="sync-usage"]', (el) => el.textContent).catch(() => ''), { timeout: 20_000 })
      .toMatch(/^\d+ KB of 100 KB/);

    const popup = await firefox.openExtensionPage('popup.html?person=sam-altman', editor);
    await popup.type(editor, NOTE);
    await popup.click('[data-testid="person-view"] .tl-note-editor button[type="submit"]');
    await expect.poll(() => popup.$$eval('[data-testid="note-text"]', (els) => els.map((el) => el.textContent))).toContain(NOTE);
    await popup.close();
    await expect.poll(() => syncedTexts(notesPage), { timeout: 20_000 }).toEqual([NOTE]);
    await notesPage.close();
  });

  it('after a relaunch with the same profile, the note is still in storage.sync and in IndexedDB, and sync is still on', async () => {
    await firefox.close();
    firefox = await launchFirefox({ profileDir });
    const notesPage = await firefox.openExtensionPage('notes.html', `${toggle}:not([disabled])`);
    expect(await syncedTexts(notesPage)).toEqual([NOTE]);
    expect(await notesPage.evaluate(storedNoteTexts)).toEqual([NOTE]);
    await expect.poll(() => checked(notesPage)).toBe(true);
  });
});
