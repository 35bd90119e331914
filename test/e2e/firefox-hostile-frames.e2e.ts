/**
 * Hostile frames in Firefox ESR (issue #17; Chromium: hostile-frames.e2e.ts): frames that forge our
 * message shapes, look-alike events and keys get nothing, and a page that makes 200 frames at once
 * keeps running with its article frames marked and its pixels never read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './harness';
import { firefoxSuite } from './firefox-harness';
import { cardShown, expectNeverWithin, snapshotMarks } from './page-helpers';

const NOTHING_HAPPENS_MS = 2000;
const poll = <T>(probe: () => Promise<T>, timeout = 15_000) => expect.poll(probe, { timeout });

async function frameMarks(frame: Frame, name = 'talent-lens'): Promise<string[]> {
  const marks = await frame.evaluate(snapshotMarks, { name }).catch(() => null);
  return (marks ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

/** The page's frames by window name ('top' for the page itself). */
async function framesByName(page: Page): Promise<Map<string, Frame>> {
  const named = new Map<string, Frame>();
  for (const frame of page.frames()) {
    const name = await frame.evaluate(() => (window === window.top ? 'top' : window.name)).catch(() => '');
    if (name) named.set(name, frame);
  }
  return named;
}

async function anythingOpened(page: Page): Promise<boolean> {
  for (const frame of page.frames()) {
    if (await frame.evaluate(cardShown).catch(() => false)) return true;
    if ((await frameMarks(frame, 'talent-lens-active')).length > 0) return true;
  }
  return false;
}

interface Tried {
  posted: number;
  keys: number;
  runtime: string;
}

describe('hostile frames (Firefox)', () => {
  const suite = firefoxSuite();
  let otherSite: FixtureServer | undefined;
  beforeAll(async () => {
    otherSite = await startFixtureServer('127.0.0.2');
  });
  afterAll(async () => {
    await otherSite?.close();
  });

  it('frames that forge our messages, events and keys get nothing: no card, no selection, nothing posted to the page', async () => {
    const forger = encodeURIComponent(otherSite!.url('/hostile/frame-forger.html'));
    const page = await suite.firefox.newPage(suite.server.url(`/hostile/frame-forgery.html?forger=${forger}`));
    await poll(async () => frameMarks((await framesByName(page)).get('top')!)).toEqual(['Sam Altman', 'Mark Chen']);
    let postedToTop = 0;
    for (const name of ['forger', 'same-forger']) {
      await poll(async () => {
        const frame = (await framesByName(page)).get(name);
        return frame ? frameMarks(frame) : [];
      }).toEqual(['Greg Brockman']);
      const frame = (await framesByName(page)).get(name)!;
      await poll(() => frame.evaluate(() => (window as unknown as { __forgeReady?: boolean }).__forgeReady === true)).toBe(true);
      const tried = await frame.evaluate((id) => (window as unknown as { __forge(id: string): Tried }).__forge(id), suite.firefox.addonId);
      expect(tried.posted).toBeGreaterThan(0);
      expect(tried.keys).toBeGreaterThan(0);
      expect(tried.runtime).toBe('none');
      postedToTop += (tried.posted / 3) * 2;
    }
    await expectNeverWithin(() => anythingOpened(page), NOTHING_HAPPENS_MS, 'a forged message, event or key opened a card');
    expect(await page.evaluate(() => (window as unknown as { received: string[] }).received.length)).toBe(postedToTop);
    await page.close();
  });

  it('a page that makes 200 frames at once keeps running; the article frames are marked, the pixels are not read', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/hostile/many-frames.html'));
    await poll(() => frameMarks(page.mainFrame())).toEqual(['Sam Altman']);
    const ticks = () => page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    expect(await page.evaluate(() => (window as unknown as { __makeFrames(): number }).__makeFrames())).toBe(200);
    const index = (name: string) => (/^f\d+$/.test(name) ? Number(name.slice(1)) : -1);
    const before = await ticks();
    await poll(async () => {
      let marked = 0;
      for (const [name, frame] of await framesByName(page)) {
        if (index(name) % 20 === 19 && (await frameMarks(frame)).includes('Mark Zuckerberg')) marked++;
      }
      return marked;
    }, 90_000).toBe(10);
    // The page's own clock ran on while the frames loaded and were read.
    expect(await ticks()).toBeGreaterThan(before);
    const pixels = [...(await framesByName(page))].filter(([name]) => index(name) >= 0 && index(name) % 5 !== 4);
    expect(pixels.length).toBe(160);
    for (const [, frame] of pixels) expect(await frameMarks(frame)).toEqual([]);
    await page.close();
  });
});
