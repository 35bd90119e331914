/**
 * Frames in Firefox ESR (issue #17; Chromium: frames.e2e.ts; the scenario: frames-scenario.ts), on the
 * same page: a same-origin frame, a srcdoc frame, another site's frame (127.0.0.2) and two ad-sized
 * frames. Each frame marks its own text and the tiny ones are not read; the card opens inside its frame,
 * whole; the shortcut walks every frame's mentions; the popup counts them all; "Turn off" in the other
 * site's frame turns off the tab's site.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { namedFrames, pressShortcut } from './firefox-probe';
import { slowPoll } from './setup';
import * as scenario from './frames-scenario';

async function frameNamed(page: Page, name: string): Promise<Frame> {
  const frame = (await namedFrames(page)()).get(name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
}

describe('frames (Firefox)', () => {
  const suite = firefoxSuite();
  const otherSite = scenario.useOtherSite();

  async function openFramesPage(): Promise<Page> {
    const page = await suite.firefox.newPage(suite.server.url(scenario.framesPage(otherSite.url(scenario.CROSS_FRAME))));
    await scenario.expectEveryFrameMarked(namedFrames(page));
    return page;
  }

  it('marks the same-origin, srcdoc and other site’s frames; tiny frames are not read until they grow', async () => {
    const page = await openFramesPage();
    // puppeteer over BiDi reports no frame URL worth checking: the frame says where it is.
    expect(await (await frameNamed(page, 'cross')).evaluate(() => location.hostname)).toBe(scenario.OTHER_SITE_HOST);
    await scenario.expectTinyFramesReadOnceGrown(namedFrames(page), () => page.evaluate(scenario.growBanner));
    await page.close();
  });

  it('the card of a mention on a frame’s bottom edge opens inside the frame, whole, above the mention', async () => {
    const page = await openFramesPage();
    const frame = await frameNamed(page, scenario.BOTTOM_EDGE_FRAME);
    // puppeteer has no box for a frame element over BiDi: the page measures it.
    const frameBox = await page.evaluate((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      // The frame's content starts inside its 1 px border.
      return { x: r.left + 1, y: r.top + 1, height: r.height - 2 };
    }, scenario.BOTTOM_EDGE_FRAME);
    await scenario.expectBottomEdgeCard(page, frame, frameBox, (x, y, steps) => page.mouse.move(x, y, { steps }));
    await page.close();
  });

  it('Alt+Shift+N walks the top page’s mentions, then each frame’s in frame order, and wraps', async () => {
    const page = await openFramesPage();
    await scenario.expectShortcutWalk(namedFrames(page), () => pressShortcut(page, 'KeyN'), scenario.SHORTCUT_WALK);
    await page.close();
  });

  it('the popup’s "On this page" counts the people of every frame', async () => {
    const page = await openFramesPage();
    // The frames page's tab: the one tab that is not the extension page asking.
    const probe = await suite.firefox.openExtensionPage('popup.html', '[data-testid="background-status"]');
    const tabId = await probe.evaluate(async () => {
      const own = await browser.tabs.getCurrent();
      const tabs = await browser.tabs.query({});
      return tabs.filter((tab) => tab.id !== own?.id).at(-1)?.id;
    });
    await probe.close();
    expect(tabId).toBeTypeOf('number');
    const popup = await suite.firefox.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="on-this-page"]');
    const people = () => popup.$$eval('[data-testid="mention"]', (rows) => rows.map((r) => r.getAttribute('data-person-id') ?? '').sort());
    await slowPoll(people).toEqual(scenario.POPUP_PEOPLE);
    for (const [id, count] of Object.entries(scenario.POPUP_COUNTS)) {
      expect(await popup.$eval(`[data-person-id="${id}"] [data-testid="mention-count"]`, (el) => el.textContent ?? ''), id).toMatch(count);
    }
    await popup.close();
    await page.close();
  });

  it('"Turn off" on a card in another site’s frame turns off the site the reader sees (the tab’s), and the frame follows it', async () => {
    const page = await openFramesPage();
    await page.bringToFront();
    const keys = {
      shortcut: () => pressShortcut(page, 'KeyN'),
      shiftTab: async () => {
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
      },
      enter: () => page.keyboard.press('Enter'),
    };
    // Opened once the card's button is pressed: an extension page in front before it would take the keys.
    let settingsPage: Page | undefined;
    const disabled = async () => {
      settingsPage ??= await suite.firefox.openExtensionPage('options.html', '[data-testid="mark-scope-all"]');
      return settingsPage.evaluate(async () => {
        const { settings } = (await browser.storage.local.get('settings')) as { settings?: { disabledSites?: string[] } };
        return settings?.disabledSites ?? [];
      });
    };
    await scenario.expectTurnOffFromOtherSitesCard(namedFrames(page), keys, disabled, new URL(suite.server.origin).host);
    await settingsPage?.evaluate(() => browser.storage.local.remove('settings'));
    await settingsPage?.close();
    await page.close();
  });
});
