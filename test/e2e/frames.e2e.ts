/**
 * Frames in real Chromium (issue #17; Firefox: firefox-frames.e2e.ts). The page
 * (test/fixtures/frames/page.html) holds a same-origin frame, a srcdoc frame, a frame from another
 * loopback host (127.0.0.2: another site), and two ad-sized frames whose text names someone: each
 * frame marks its own text, the tiny ones are not read until they grow, the card opens inside its
 * frame without being cut off, the shortcut walks every frame's mentions and the popup counts them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './harness';
import { slowPoll, useExtensionSuite } from './setup';
import { snapshotMarks, type Box } from './page-helpers';

/** The marks' texts in one frame, in document order (empty: none drawn, or no highlight). */
async function frameMarks(frame: Frame, name = 'talent-lens'): Promise<string[]> {
  const marks = await frame.evaluate(snapshotMarks, { name }).catch(() => null);
  return (marks ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

const frameNamed = (page: Page, name: string): Frame => {
  const frame = page.frames().find((f) => f.name() === name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
};

/** The keyboard-selected mention of every frame, as "frame:text" (top: the page). */
async function selected(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    for (const text of await frameMarks(frame, 'talent-lens-active')) found.push(`${frame.name() || 'top'}:${text}`);
  }
  return found;
}

/** The card's host in a frame, as the frame's page sees it, with the frame's viewport. */
function cardIn(frame: Frame) {
  return frame.evaluate(() => {
    const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])');
    if (!host || getComputedStyle(host).display === 'none' || getComputedStyle(host).visibility !== 'visible') return null;
    const r = host.getBoundingClientRect();
    return { box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, viewport: { width: innerWidth, height: innerHeight } };
  });
}

describe('frames (Chromium)', () => {
  const suite = useExtensionSuite();
  let otherSite: FixtureServer | undefined;
  beforeAll(async () => {
    otherSite = await startFixtureServer('127.0.0.2');
  });
  afterAll(async () => {
    await otherSite?.close();
  });

  async function openFramesPage(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(`/frames/page.html?cross=${encodeURIComponent(otherSite!.url('/frames/cross.html'))}`));
    await slowPoll(() => frameMarks(page.mainFrame())).toEqual(['Sam Altman', 'Mark Zuckerberg']);
    return page;
  }

  it('marks every frame’s own text: same-origin, srcdoc and another site’s; tiny frames are not read until they grow', async () => {
    const page = await openFramesPage();
    await slowPoll(() => frameMarks(frameNamed(page, 'same'))).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    await slowPoll(() => frameMarks(frameNamed(page, 'srcdoc'))).toEqual(['Alexandr Wang', 'Sam Altman']);
    const cross = frameNamed(page, 'cross');
    expect(new URL(cross.url()).hostname).toBe('127.0.0.2');
    await slowPoll(() => frameMarks(cross)).toEqual(['Lucas Beyer']);
    // The 1×1 and 728×90 frames name Shengjia Zhao too, and have had as long as the others: nothing drawn.
    expect(await frameMarks(frameNamed(page, 'pixel'))).toEqual([]);
    expect(await frameMarks(frameNamed(page, 'banner'))).toEqual([]);
    // Grown to an article's size, the banner is read.
    await page.evaluate(() => document.getElementById('banner')!.setAttribute('height', '200'));
    await slowPoll(() => frameMarks(frameNamed(page, 'banner'))).toEqual(['Shengjia Zhao']);
    expect(await frameMarks(frameNamed(page, 'pixel'))).toEqual([]);
    await page.close();
  });

  it('the card of a mention on a frame’s bottom edge opens inside the frame, whole, above the mention', async () => {
    const page = await openFramesPage();
    const frame = frameNamed(page, 'same');
    await slowPoll(() => frameMarks(frame)).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    const mark = (await frame.evaluate(snapshotMarks, { name: 'talent-lens' }))!.find((m) => m.text === 'Andrej Karpathy')!.rect!;
    const frameBox = (await (await frame.frameElement()).boundingBox())!;
    // The mention sits on the frame's last line.
    expect(frameBox.height - mark.bottom).toBeLessThan(40);
    const x = frameBox.x + (mark.left + mark.right) / 2;
    const y = frameBox.y + (mark.top + mark.bottom) / 2;
    await page.mouse.move(x - 40, y - 60);
    await page.mouse.move(x, y, { steps: 4 });
    await slowPoll(() => cardIn(frame)).not.toBeNull();
    const card = (await cardIn(frame))!;
    const box: Box = card.box;
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(card.viewport.height);
    expect(box.right).toBeLessThanOrEqual(card.viewport.width);
    expect(box.bottom).toBeLessThanOrEqual(mark.top);
    // The top page shows no card of its own.
    expect(await cardIn(page.mainFrame())).toBeNull();
    await page.close();
  });

  it('Alt+Shift+N walks the top page’s mentions, then each frame’s in frame order, and wraps; Alt+Shift+P walks back', async () => {
    const page = await openFramesPage();
    await slowPoll(() => frameMarks(frameNamed(page, 'cross'))).toEqual(['Lucas Beyer']);
    await slowPoll(() => frameMarks(frameNamed(page, 'srcdoc'))).toEqual(['Alexandr Wang', 'Sam Altman']);
    await slowPoll(() => frameMarks(frameNamed(page, 'same'))).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    const walk = [
      'top:Sam Altman',
      'top:Mark Zuckerberg',
      'same:Shengjia Zhao',
      'same:Andrej Karpathy',
      'srcdoc:Alexandr Wang',
      'srcdoc:Sam Altman',
      'cross:Lucas Beyer',
      'top:Sam Altman',
    ];
    for (const expected of walk) {
      await page.keyboard.press('Alt+Shift+N');
      await slowPoll(() => selected(page)).toEqual([expected]);
    }
    for (const expected of ['cross:Lucas Beyer', 'srcdoc:Sam Altman', 'srcdoc:Alexandr Wang', 'same:Andrej Karpathy']) {
      await page.keyboard.press('Alt+Shift+P');
      await slowPoll(() => selected(page)).toEqual([expected]);
    }
    await page.close();
  });

  it('the popup’s "On this page" counts the people of every frame', async () => {
    const page = await openFramesPage();
    await slowPoll(() => frameMarks(frameNamed(page, 'cross'))).toEqual(['Lucas Beyer']);
    await slowPoll(() => frameMarks(frameNamed(page, 'srcdoc'))).toEqual(['Alexandr Wang', 'Sam Altman']);
    await slowPoll(() => frameMarks(frameNamed(page, 'same'))).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    const tabId = await suite.browser.tabIdOf(page);
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    // The popup lists them by name.
    const people = () => popup.getByTestId('mention').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person-id')).sort());
    await slowPoll(people).toEqual(['alexandr-wang', 'andrej-karpathy', 'lucas-beyer', 'mark-zuckerberg', 'sam-altman', 'shengjia-zhao']);
    // Sam Altman is named in the page and in its srcdoc frame.
    expect(await popup.locator('[data-person-id="sam-altman"] [data-testid="mention-count"]').textContent()).toMatch(/\b2\b/);
    expect(await popup.locator('[data-person-id="lucas-beyer"] [data-testid="mention-count"]').textContent()).toMatch(/\b1\b/);
    // "Show on page" for a person in another site's frame selects their mention there.
    await popup.locator('[data-person-id="lucas-beyer"] .tl-mention-reveal').click();
    await slowPoll(() => selected(page)).toEqual(['cross:Lucas Beyer']);
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it('"Turn off" on a card in another site’s frame turns off the site the reader sees (the tab’s), and the frame follows it', async () => {
    const page = await openFramesPage();
    await slowPoll(() => frameMarks(frameNamed(page, 'cross'))).toEqual(['Lucas Beyer']);
    await slowPoll(() => frameMarks(frameNamed(page, 'srcdoc'))).toEqual(['Alexandr Wang', 'Sam Altman']);
    await slowPoll(() => frameMarks(frameNamed(page, 'same'))).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    // The keyboard to the 127.0.0.2 frame's mention: its card opens with focus on its first control.
    for (const expected of ['top:Sam Altman', 'top:Mark Zuckerberg', 'same:Shengjia Zhao', 'same:Andrej Karpathy']) {
      await page.keyboard.press('Alt+Shift+N');
      await slowPoll(() => selected(page)).toEqual([expected]);
    }
    for (const expected of ['srcdoc:Alexandr Wang', 'srcdoc:Sam Altman', 'cross:Lucas Beyer']) {
      await page.keyboard.press('Alt+Shift+N');
      await slowPoll(() => selected(page)).toEqual([expected]);
    }
    const cross = frameNamed(page, 'cross');
    await slowPoll(() => cardIn(cross)).not.toBeNull();
    // Shift+Tab from the first control wraps to the card's last: "Turn off on this tab’s site".
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const disabled = () =>
      suite.browser.worker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { disabledSites?: string[] } };
        return settings?.disabledSites ?? [];
      });
    await slowPoll(disabled).toEqual([new URL(suite.server.origin).host]);
    // The page and every frame in it stop, the other site's frame too: it follows the tab's switch as well as its own.
    await slowPoll(() => frameMarks(cross)).toEqual([]);
    await slowPoll(() => frameMarks(page.mainFrame())).toEqual([]);
    await suite.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });
});
