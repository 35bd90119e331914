/**
 * Frames in Firefox ESR (issue #17; Chromium: frames.e2e.ts), on the same page: a same-origin frame, a
 * srcdoc frame, another site's frame (127.0.0.2) and two ad-sized frames. Each frame marks its own
 * text and the tiny ones are not read; the card opens inside its frame, whole; the shortcut walks every
 * frame's mentions; the popup counts them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './harness';
import { firefoxSuite } from './firefox-harness';
import { snapshotMarks } from './page-helpers';

const poll = <T>(probe: () => Promise<T>) => expect.poll(probe, { timeout: 15_000 });

/** The marks' texts in one frame, in document order (empty: none drawn, or no highlight). */
async function frameMarks(frame: Frame, name = 'talent-lens'): Promise<string[]> {
  const marks = await frame.evaluate(snapshotMarks, { name }).catch(() => null);
  return (marks ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

/** The page's frames by their window name ('top' for the page itself). */
async function framesByName(page: Page): Promise<Map<string, Frame>> {
  const named = new Map<string, Frame>();
  for (const frame of page.frames()) {
    const name = await frame.evaluate(() => (window === window.top ? 'top' : window.name)).catch(() => '');
    if (name) named.set(name, frame);
  }
  return named;
}

async function frameNamed(page: Page, name: string): Promise<Frame> {
  const frame = (await framesByName(page)).get(name);
  if (!frame) throw new Error(`no frame named ${name}`);
  return frame;
}

/** The keyboard-selected mention of every frame, as "frame:text". */
async function selected(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const [name, frame] of await framesByName(page)) {
    for (const text of await frameMarks(frame, 'talent-lens-active')) found.push(`${name}:${text}`);
  }
  return found;
}

describe('frames (Firefox)', () => {
  const suite = firefoxSuite();
  let otherSite: FixtureServer | undefined;
  beforeAll(async () => {
    otherSite = await startFixtureServer('127.0.0.2');
  });
  afterAll(async () => {
    await otherSite?.close();
  });

  async function openFramesPage(): Promise<Page> {
    const cross = encodeURIComponent(otherSite!.url('/frames/cross.html'));
    const page = await suite.firefox.newPage(suite.server.url(`/frames/page.html?cross=${cross}`));
    await poll(async () => frameMarks(await frameNamed(page, 'top'))).toEqual(['Sam Altman', 'Mark Zuckerberg']);
    await poll(async () => frameMarks(await frameNamed(page, 'same'))).toEqual(['Shengjia Zhao', 'Andrej Karpathy']);
    await poll(async () => frameMarks(await frameNamed(page, 'srcdoc'))).toEqual(['Alexandr Wang', 'Sam Altman']);
    await poll(async () => frameMarks(await frameNamed(page, 'cross'))).toEqual(['Lucas Beyer']);
    return page;
  }

  it('marks the same-origin, srcdoc and other site’s frames; tiny frames are not read until they grow', async () => {
    const page = await openFramesPage();
    const cross = await frameNamed(page, 'cross');
    expect(await cross.evaluate(() => location.hostname)).toBe('127.0.0.2');
    expect(await frameMarks(await frameNamed(page, 'pixel'))).toEqual([]);
    expect(await frameMarks(await frameNamed(page, 'banner'))).toEqual([]);
    await page.evaluate(() => document.getElementById('banner')!.setAttribute('height', '200'));
    await poll(async () => frameMarks(await frameNamed(page, 'banner'))).toEqual(['Shengjia Zhao']);
    expect(await frameMarks(await frameNamed(page, 'pixel'))).toEqual([]);
    await page.close();
  });

  it('the card of a mention on a frame’s bottom edge opens inside the frame, whole, above the mention', async () => {
    const page = await openFramesPage();
    const frame = await frameNamed(page, 'same');
    const mark = (await frame.evaluate(snapshotMarks, { name: 'talent-lens' }))!.find((m) => m.text === 'Andrej Karpathy')!.rect!;
    const frameBox = await page.evaluate(() => {
      const r = document.getElementById('same')!.getBoundingClientRect();
      // The frame's content starts inside its 1 px border.
      return { x: r.left + 1, y: r.top + 1, height: r.height - 2 };
    });
    expect(frameBox.height - mark.bottom).toBeLessThan(40);
    const x = frameBox.x + (mark.left + mark.right) / 2;
    const y = frameBox.y + (mark.top + mark.bottom) / 2;
    await page.mouse.move(x - 40, y - 60);
    await page.mouse.move(x, y, { steps: 4 });
    const cardIn = (target: Frame) =>
      target.evaluate(() => {
        const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])');
        if (!host || getComputedStyle(host).display === 'none' || getComputedStyle(host).visibility !== 'visible') return null;
        const r = host.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight };
      });
    await poll(() => cardIn(frame)).not.toBeNull();
    const card = (await cardIn(frame))!;
    expect(card.top).toBeGreaterThanOrEqual(0);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.bottom).toBeLessThanOrEqual(card.height);
    expect(card.right).toBeLessThanOrEqual(card.width);
    expect(card.bottom).toBeLessThanOrEqual(mark.top);
    expect(await cardIn(await frameNamed(page, 'top'))).toBeNull();
    await page.close();
  });

  it('Alt+Shift+N walks the top page’s mentions, then each frame’s in frame order, and wraps', async () => {
    const page = await openFramesPage();
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
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyN');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      await poll(() => selected(page)).toEqual([expected]);
    }
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
    await poll(people).toEqual(['alexandr-wang', 'andrej-karpathy', 'lucas-beyer', 'mark-zuckerberg', 'sam-altman', 'shengjia-zhao']);
    const count = (id: string) => popup.$eval(`[data-person-id="${id}"] [data-testid="mention-count"]`, (el) => el.textContent ?? '');
    expect(await count('sam-altman')).toMatch(/\b2\b/);
    expect(await count('lucas-beyer')).toMatch(/\b1\b/);
    await popup.close();
    await page.close();
  });
});
