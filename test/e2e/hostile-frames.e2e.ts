/**
 * Hostile frames in Chromium (issue #17). Now that the content script runs in every frame:
 * - a frame, of the page's own site or another's, that posts our message shapes to every window it can
 *   reach, dispatches look-alike events and forged Alt+Shift+N keys, and tries runtime messaging, gets
 *   nothing: no card opens, no mention is selected anywhere, and no message of ours reaches the page;
 * - a page that makes 200 frames at once (pixels, box ads, a few articles) keeps running: its own
 *   clock keeps ticking and it answers while the frames load; the article frames are marked and the
 *   pixels never are.
 * The fixtures (test/fixtures/hostile/frame-forgery.*, many-frames.html) do the forging in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startFixtureServer, within, type FixtureServer } from './harness';
import { slowPoll, useExtensionSuite } from './setup';
import { cardShown, expectNeverWithin, snapshotMarks } from './page-helpers';

/** Longer than the card's show delay (500 ms) with room for a busy machine. */
const NOTHING_HAPPENS_MS = 2000;

async function frameMarks(frame: Frame, name = 'talent-lens'): Promise<string[]> {
  const marks = await frame.evaluate(snapshotMarks, { name }).catch(() => null);
  return (marks ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

const frameNamed = (page: Page, name: string): Frame => {
  const frame = page.frames().find((f) => f.name() === name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
};

/** Whether any frame of the page shows a card or has a keyboard-selected mention. */
async function anythingOpened(page: Page): Promise<boolean> {
  for (const frame of page.frames()) {
    if (await frame.evaluate(cardShown).catch(() => false)) return true;
    if ((await frameMarks(frame, 'talent-lens-active')).length > 0) return true;
  }
  return false;
}

interface Tried {
  posted: number;
  events: number;
  keys: number;
  runtime: string;
}

describe('hostile frames (Chromium)', () => {
  const suite = useExtensionSuite();
  let otherSite: FixtureServer | undefined;
  beforeAll(async () => {
    otherSite = await startFixtureServer('127.0.0.2');
  });
  afterAll(async () => {
    await otherSite?.close();
  });

  it('frames that forge our messages, events and keys get nothing: no card, no selection, nothing posted to the page', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(
      suite.server.url(`/hostile/frame-forgery.html?forger=${encodeURIComponent(otherSite!.url('/hostile/frame-forger.html'))}`),
    );
    await slowPoll(() => frameMarks(page.mainFrame())).toEqual(['Sam Altman', 'Mark Chen']);
    const forgers = [frameNamed(page, 'forger'), frameNamed(page, 'same-forger')];
    expect(new URL(forgers[0]!.url()).hostname).toBe('127.0.0.2');
    for (const forger of forgers) await slowPoll(() => frameMarks(forger)).toEqual(['Greg Brockman']);
    let postedToTop = 0;
    for (const forger of forgers) {
      await slowPoll(() => forger.evaluate(() => (window as unknown as { __forgeReady?: boolean }).__forgeReady === true)).toBe(true);
      const tried = await forger.evaluate(
        (id) => (window as unknown as { __forge(id: string): Tried }).__forge(id),
        suite.browser.extensionId,
      );
      expect(tried.posted).toBeGreaterThan(0);
      expect(tried.keys).toBeGreaterThan(0);
      // A web page has no runtime messaging to our extension at all.
      expect(tried.runtime).toBe('none');
      // Posted to window.parent and window.top, both the page: two shapes each.
      postedToTop += (tried.posted / 3) * 2;
    }
    await expectNeverWithin(() => anythingOpened(page), NOTHING_HAPPENS_MS, 'a forged message, event or key opened a card');
    // The page heard exactly what the forgers posted to it: nothing of ours.
    const received = await page.evaluate(() => (window as unknown as { received: string[] }).received);
    expect(received.length).toBe(postedToTop);
    // The listeners are alive: the reader's own shortcut still works, across the frames.
    await page.keyboard.press('Alt+Shift+N');
    await slowPoll(() => frameMarks(page.mainFrame(), 'talent-lens-active')).toEqual(['Sam Altman']);
    await page.close();
  });

  it('a page that makes 200 frames at once keeps running; the article frames are marked, the pixels are not read', async () => {
    const page = await suite.open('/hostile/many-frames.html');
    await slowPoll(() => frameMarks(page.mainFrame())).toEqual(['Sam Altman']);
    const ticks = () =>
      within(
        page.evaluate(() => (window as unknown as { ticks: number }).ticks),
        10_000,
        'reading the page clock',
      );
    expect(await page.evaluate(() => (window as unknown as { __makeFrames(): number }).__makeFrames())).toBe(200);
    // While the frames load and get read, the page answers every poll.
    const articles = () => page.frames().filter((f) => /^f\d+$/.test(f.name()) && Number(f.name().slice(1)) % 20 === 19);
    const before = await ticks();
    await slowPoll(
      async () => {
        let marked = 0;
        for (const frame of articles()) if ((await frameMarks(frame)).includes('Mark Zuckerberg')) marked++;
        return marked;
      },
      { timeout: 60_000 },
    ).toBe(10);
    // The page's own clock ran on while the frames loaded and were read.
    expect(await ticks()).toBeGreaterThan(before);
    // The pixels name Shengjia Zhao: never read, so never marked.
    const pixels = page.frames().filter((f) => /^f\d+$/.test(f.name()) && Number(f.name().slice(1)) % 5 !== 4);
    expect(pixels.length).toBe(160);
    for (const frame of pixels) expect(await frameMarks(frame)).toEqual([]);
    await page.close();
  });
});
