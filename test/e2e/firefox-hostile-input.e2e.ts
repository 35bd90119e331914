/**
 * The cases of hostile-input.e2e.ts in Firefox ESR (puppeteer-core over WebDriver BiDi): a page's own
 * synthetic events open and close nothing, its forged WXT "content script started" event (under the
 * public add-on id, which is also our runtime id in Firefox) does not switch us off, and a page that
 * rewrites itself with document.open/write/close is marked again and works.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { hoverOpensCard, readMarks } from './firefox-probe';
import { cardShown, expectNeverWithin, forgedHoverOpensNothing, NOTHING_HAPPENS_MS, snapshotMarks } from './page-helpers';

const NAMES = ['Sam Altman', 'Mark Chen', 'Greg Brockman', 'Alexandr Wang'];

type Forge = 'keys' | 'focus' | 'pointerDown';

describe('a hostile page cannot drive the extension (Firefox)', () => {
  const suite = firefoxSuite();

  async function openMarked(pathname: string, names: string[]): Promise<Page> {
    const page = await suite.firefox.newPage(suite.server.url(pathname));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __pageReady?: boolean }).__pageReady === true), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 20_000 }).toEqual(expect.arrayContaining(names));
    return page;
  }

  const forge = (page: Page, what: Forge) =>
    page.evaluate((name) => (window as unknown as { __forge: Record<Forge, () => number> }).__forge[name](), what);

  /** Hovers the first visible mark with the real pointer (and leaves it there). */
  async function hoverFirstMark(page: Page): Promise<void> {
    const { point } = await readMarks(page);
    expect(point, 'a visible mark to hover').not.toBeNull();
    await hoverOpensCard(page, point!);
  }

  it('forged Alt+Shift+N / Alt+Shift+P keydowns open no card and move no focus', async () => {
    const page = await openMarked('/hostile/forged-input.html', NAMES);
    const focusBefore = await page.evaluate(() => document.activeElement?.localName);
    expect(await forge(page, 'keys')).toBeGreaterThan(0);
    await expectNeverWithin(() => page.evaluate(cardShown), NOTHING_HAPPENS_MS, 'a card opened on forged keys');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe(focusBefore);
    await page.close();
  });

  it('forged pointer and mouse events resting on every mark open no card; a real hover then does', async () => {
    const page = await openMarked('/hostile/forged-input.html', NAMES);
    await forgedHoverOpensNothing(page, NAMES.length);
    await hoverFirstMark(page);
    await page.close();
  });

  it('forged focus events open no card', async () => {
    const page = await openMarked('/hostile/forged-input.html', NAMES);
    expect(await forge(page, 'focus')).toBeGreaterThan(0);
    await expectNeverWithin(() => page.evaluate(cardShown), NOTHING_HAPPENS_MS, 'a card opened on forged focus');
    await page.close();
  });

  it('a forged pointerdown (and click, Escape) leaves an open card open', async () => {
    const page = await openMarked('/hostile/forged-input.html', NAMES);
    await hoverFirstMark(page);
    expect(await forge(page, 'pointerDown')).toBeGreaterThan(0);
    await expectNeverWithin(async () => !(await page.evaluate(cardShown)), NOTHING_HAPPENS_MS, 'the open card closed on forged input');
    await page.mouse.click(5, 5);
    await expect.poll(() => page.evaluate(cardShown), { timeout: 10_000 }).toBe(false);
    await page.close();
  });

  it("WXT's content-script-started event, forged with the public add-on id, does not switch the content script off", async () => {
    const page = await openMarked('/hostile/forged-input.html', NAMES);
    const fired = await page.evaluate(
      (runtimeId) => (window as unknown as { __forge: { stop(id: string): number } }).__forge.stop(runtimeId),
      suite.firefox.addonId,
    );
    expect(fired).toBeGreaterThan(0);
    await expectNeverWithin(
      async () => (await readMarks(page)).texts.length < NAMES.length,
      NOTHING_HAPPENS_MS,
      'marks went away after the forged stop event',
    );
    await hoverFirstMark(page);
    await page.evaluate(() => document.getElementById('second')!.append(' Ilya Sutskever came later.'));
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 10_000 }).toContain('Ilya Sutskever');
    await page.close();
  });

  it('after document.open/write/close the new content is marked, stale marks are gone, and hovering opens the card', async () => {
    const page = await openMarked('/hostile/rewrite.html', ['Greg Brockman']);
    expect(await page.evaluate(() => (window as unknown as { __rewrite(): boolean }).__rewrite())).toBe(true);
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 20_000 }).toEqual(['Sam Altman', 'Mark Chen']);
    const marks = (await page.evaluate(snapshotMarks, { name: 'talent-lens' })) ?? [];
    expect(
      marks.filter((m) => m.collapsed || !m.connected),
      'stale marks',
    ).toEqual([]);
    await hoverFirstMark(page);
    await page.close();
  });
});
