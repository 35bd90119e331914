/**
 * A page must not be able to drive the extension (security issue #12), in Chromium:
 * - events it makes itself (isTrusted false) neither open the card (the Alt+Shift+N shortcut, a
 *   "hover" of pointer and mouse events over a mark, focus events) nor close an open one (pointerdown);
 * - it cannot switch the content script off by forging WXT's "a newer copy started" event;
 * - after it rewrites itself with document.open/write/close, the new content is marked and works.
 * The fixtures (test/fixtures/hostile/forged-input.*, rewrite.*) do the forging in the page's own world.
 * Also here, pages whose address names no site: on a file:// page the card's "Turn off on this site"
 * sticks; on an about:blank window a page opened and wrote, it turns off the page's site, which the window follows.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { FIXTURES } from './harness';
import { hoverMarkOpensCard, inCard } from './card-probe';
import { pressInCard } from './card-helpers';
import { cardShown, expectNeverWithin, forgedHoverOpensNothing, markTexts, marksOf, NOTHING_HAPPENS_MS } from './page-helpers';

type Forge = 'keys' | 'focus' | 'pointerDown';

/** Opens a fixture and waits for its marks (and for the page's own script). */
async function openMarked(suite: ReturnType<typeof useExtensionSuite>, pathname: string, names: string[]): Promise<Page> {
  const page = await suite.open(pathname);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __pageReady?: boolean }).__pageReady === true)).toBe(true);
  await expect.poll(() => markTexts(page), { timeout: 20_000 }).toEqual(expect.arrayContaining(names));
  return page;
}

const forge = (page: Page, what: Forge) =>
  page.evaluate((name) => (window as unknown as { __forge: Record<Forge, () => number> }).__forge[name](), what);

describe('a hostile page cannot drive the extension (Chromium)', () => {
  const suite = useExtensionSuite();
  const NAMES = ['Sam Altman', 'Mark Chen', 'Greg Brockman', 'Alexandr Wang'];

  it('forged Alt+Shift+N / Alt+Shift+P keydowns open no card and move no focus', async () => {
    const page = await openMarked(suite, '/hostile/forged-input.html', NAMES);
    const focusBefore = await page.evaluate(() => document.activeElement?.localName);
    expect(await forge(page, 'keys')).toBeGreaterThan(0);
    await expectNeverWithin(() => page.evaluate(cardShown), NOTHING_HAPPENS_MS, 'a card opened on forged keys');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe(focusBefore);
    await page.close();
  });

  it('forged pointer and mouse events resting on every mark open no card; a real hover then does', async () => {
    const page = await openMarked(suite, '/hostile/forged-input.html', NAMES);
    await forgedHoverOpensNothing(page, NAMES.length);
    // The listeners are alive: the user's own pointer still opens it.
    await hoverMarkOpensCard(page);
    await page.close();
  });

  it('forged focus events open no card', async () => {
    const page = await openMarked(suite, '/hostile/forged-input.html', NAMES);
    expect(await forge(page, 'focus')).toBeGreaterThan(0);
    await expectNeverWithin(() => page.evaluate(cardShown), NOTHING_HAPPENS_MS, 'a card opened on forged focus');
    await page.close();
  });

  it('a forged pointerdown (and click, Escape) leaves an open card open', async () => {
    const page = await openMarked(suite, '/hostile/forged-input.html', NAMES);
    await hoverMarkOpensCard(page, { leave: false });
    expect(await forge(page, 'pointerDown')).toBeGreaterThan(0);
    await expectNeverWithin(async () => !(await page.evaluate(cardShown)), NOTHING_HAPPENS_MS, 'the open card closed on forged input');
    // A real click elsewhere still closes it.
    await page.mouse.click(5, 5);
    await expect.poll(() => page.evaluate(cardShown)).toBe(false);
    await page.close();
  });

  it("WXT's content-script-started event, forged with our extension id, does not switch the content script off", async () => {
    const page = await openMarked(suite, '/hostile/forged-input.html', NAMES);
    const id = suite.browser.extensionId;
    expect(
      await page.evaluate((runtimeId) => (window as unknown as { __forge: { stop(id: string): number } }).__forge.stop(runtimeId), id),
    ).toBeGreaterThan(0);
    await expectNeverWithin(
      async () => (await markTexts(page)).length < NAMES.length,
      NOTHING_HAPPENS_MS,
      'marks went away after the forged stop event',
    );
    await hoverMarkOpensCard(page);
    // And it still follows the page: new text is marked.
    await page.evaluate(() => document.getElementById('second')!.append(' Ilya Sutskever came later.'));
    await expect.poll(() => markTexts(page), { timeout: 10_000 }).toContain('Ilya Sutskever');
    await page.close();
  });

  it('after document.open/write/close the new content is marked, stale marks are gone, and hovering opens the card', async () => {
    const page = await openMarked(suite, '/hostile/rewrite.html', ['Greg Brockman']);
    expect(await page.evaluate(() => (window as unknown as { __rewrite(): boolean }).__rewrite())).toBe(true);
    await expect.poll(() => markTexts(page), { timeout: 20_000 }).toEqual(['Sam Altman', 'Mark Chen']);
    expect(
      (await marksOf(page)).filter((m) => m.collapsed || !m.connected),
      'stale marks',
    ).toEqual([]);
    await hoverMarkOpensCard(page);
    await page.close();
  });

  // Chromium runs the unpacked extension on file:// pages with the harness's flags (checked), so this is end to end.
  it('a file:// page: "Turn off on this site" in the card switches it off, and it stays off after a reload', async () => {
    const page = await suite.browser.context.newPage();
    const setSettings = (settings: unknown) =>
      suite.browser.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
    try {
      await page.goto(pathToFileURL(path.join(FIXTURES, 'hostile/forged-input.html')).href);
      await expect.poll(() => markTexts(page), { timeout: 20_000 }).toEqual(expect.arrayContaining(NAMES));
      await hoverMarkOpensCard(page, { leave: false });
      await expect.poll(() => inCard(page, (root) => root.querySelector('[data-testid="turn-off-site"]') !== null)).toBe(true);
      await pressInCard(page, '[data-testid="turn-off-site"]');
      await expect.poll(() => markTexts(page), { timeout: 10_000 }).toEqual([]);
      const stored = await suite.browser.worker.evaluate(() => chrome.storage.local.get('settings'));
      expect((stored.settings as { disabledSites: string[] }).disabledSites).toEqual(['file://']);
      await page.reload();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __pageReady?: boolean }).__pageReady === true)).toBe(true);
      await expectNeverWithin(
        async () => (await markTexts(page)).length > 0,
        NOTHING_HAPPENS_MS,
        'marks came back on the switched-off file page',
      );
    } finally {
      await setSettings({ enabled: true, disabledSites: [] });
      await page.close();
    }
  });

  it('an about:blank window a page opened and wrote: "Turn off on this site" turns off the opener’s site, and both stop', async () => {
    const page = await suite.open('/card/card.html');
    await expect.poll(() => markTexts(page), { timeout: 20_000 }).toContain('Mark Chen');
    const [written] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      page.evaluate(() => {
        const win = window.open('about:blank', '_blank')!;
        win.document.open();
        win.document.write('<!doctype html><p>OpenAI research chief Mark Chen spoke about the lab.</p>');
        win.document.close();
      }),
    ]);
    try {
      expect(written.url()).toBe('about:blank');
      await expect.poll(() => markTexts(written), { timeout: 20_000 }).toEqual(['Mark Chen']);
      await written.bringToFront();
      await hoverMarkOpensCard(written, { leave: false });
      await pressInCard(written, '[data-testid="turn-off-site"]');
      await expect.poll(() => markTexts(written), { timeout: 10_000 }).toEqual([]);
      await expect.poll(() => markTexts(page), { timeout: 10_000 }).toEqual([]);
      const stored = await suite.browser.worker.evaluate(() => chrome.storage.local.get('settings'));
      expect((stored.settings as { disabledSites: string[] }).disabledSites).toEqual([new URL(page.url()).host]);
    } finally {
      await suite.browser.worker.evaluate(() => chrome.storage.local.set({ settings: { enabled: true, disabledSites: [] } }));
      await written.close();
      await page.close();
    }
  });
});
