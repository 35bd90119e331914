/**
 * Frames in real Chromium (issue #17; Firefox: firefox-frames.e2e.ts; the scenario: frames-scenario.ts).
 * The page (test/fixtures/frames/page.html) holds a same-origin frame, a srcdoc frame, a frame from another
 * loopback host (127.0.0.2: another site), and two ad-sized frames whose text names someone: each
 * frame marks its own text, the tiny ones are not read until they grow, the card opens inside its
 * frame without being cut off, the shortcut walks every frame's mentions and the popup counts them all.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { namedFrames, slowPoll, useExtensionSuite } from './setup';
import * as scenario from './frames-scenario';

async function frameNamed(page: Page, name: string): Promise<Frame> {
  const frame = (await namedFrames(page)()).get(name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
}

describe('frames (Chromium)', () => {
  const suite = useExtensionSuite();
  const otherSite = scenario.useOtherSite();

  async function openFramesPage(): Promise<Page> {
    const page = await suite.open(scenario.framesPage(otherSite.url(scenario.CROSS_FRAME)));
    await scenario.expectEveryFrameMarked(namedFrames(page));
    return page;
  }

  it('marks every frame’s own text: same-origin, srcdoc and another site’s; tiny frames are not read until they grow', async () => {
    const page = await openFramesPage();
    expect(new URL((await frameNamed(page, 'cross')).url()).hostname).toBe(scenario.OTHER_SITE_HOST);
    await scenario.expectTinyFramesReadOnceGrown(namedFrames(page), () => page.evaluate(scenario.growBanner));
    await page.close();
  });

  it('the card of a mention on a frame’s bottom edge opens inside the frame, whole, above the mention', async () => {
    const page = await openFramesPage();
    const frame = await frameNamed(page, scenario.BOTTOM_EDGE_FRAME);
    // Playwright gives the frame's content box in the page.
    const frameBox = (await (await frame.frameElement()).boundingBox())!;
    await scenario.expectBottomEdgeCard(page, frame, frameBox, (x, y, steps) => page.mouse.move(x, y, { steps }));
    await page.close();
  });

  it('Alt+Shift+N walks the top page’s mentions, then each frame’s in frame order, and wraps; Alt+Shift+P walks back', async () => {
    const page = await openFramesPage();
    await scenario.expectShortcutWalk(namedFrames(page), () => page.keyboard.press('Alt+Shift+N'), scenario.SHORTCUT_WALK);
    await scenario.expectShortcutWalk(namedFrames(page), () => page.keyboard.press('Alt+Shift+P'), scenario.SHORTCUT_WALK_BACK);
    await page.close();
  });

  it('the popup’s "On this page" counts the people of every frame', async () => {
    const page = await openFramesPage();
    const tabId = await suite.browser.tabIdOf(page);
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    // The popup lists them by name.
    const people = () => popup.getByTestId('mention').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person-id')).sort());
    await slowPoll(people).toEqual(scenario.POPUP_PEOPLE);
    for (const [id, count] of Object.entries(scenario.POPUP_COUNTS)) {
      expect(await popup.locator(`[data-person-id="${id}"] [data-testid="mention-count"]`).textContent(), id).toMatch(count);
    }
    // "Show on page" for a person in another site's frame selects their mention there.
    await popup.locator('[data-person-id="lucas-beyer"] .tl-mention-reveal').click();
    await slowPoll(() => scenario.selectedMentions(namedFrames(page))).toEqual([`cross:${scenario.FRAME_MARKS.cross[0]}`]);
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it('"Turn off" on a card in another site’s frame turns off the site the reader sees (the tab’s), and the frame follows it', async () => {
    const page = await openFramesPage();
    const disabled = () =>
      suite.browser.worker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { disabledSites?: string[] } };
        return settings?.disabledSites ?? [];
      });
    const keys = {
      shortcut: () => page.keyboard.press('Alt+Shift+N'),
      shiftTab: () => page.keyboard.press('Shift+Tab'),
      enter: () => page.keyboard.press('Enter'),
    };
    await scenario.expectTurnOffFromOtherSitesCard(namedFrames(page), keys, disabled, new URL(suite.server.origin).host);
    await suite.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });
});
