/**
 * The card in fullscreen in Firefox ESR (Chromium: fullscreen.e2e.ts): a slide deck goes fullscreen
 * on a real click, hovering a name on it shows the card inside the fullscreen element, on top, and
 * the host goes back when fullscreen ends.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { cardHostPlace, centreOf, snapshotMarks } from './page-helpers';
import { hoverOpensCard } from './firefox-probe';
import { HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

const POLL = { timeout: 20_000 };

const hostPlace = (page: Page) => page.evaluate(cardHostPlace);

describe('the card in fullscreen (Firefox)', () => {
  const suite = firefoxSuite();

  it('hovering a name in a fullscreen element shows the card inside it, on top; it goes back when fullscreen ends', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/card/fullscreen.html'));
    const markOf = async (text: string) =>
      ((await page.evaluate(snapshotMarks, { name: HIGHLIGHT_NAME })) ?? []).find((m) => m.text === text && m.rect) ?? null;
    await expect.poll(() => markOf('Mark Zuckerberg'), POLL).not.toBeNull();
    // Only the tab in front may go fullscreen (the install's welcome tab may have opened over it).
    await page.bringToFront();
    const button = await page.evaluate(() => {
      const r = document.getElementById('go')!.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    });
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null), POLL).toBe('stage');
    // The slide fills the screen now: find the name where it is drawn.
    await expect.poll(async () => (await markOf('Mark Zuckerberg'))?.inView ?? false, POLL).toBe(true);
    await hoverOpensCard(page, centreOf((await markOf('Mark Zuckerberg'))!.rect!));
    await expect.poll(() => hostPlace(page), POLL).toEqual({ parent: 'stage', onTop: true });
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement), POLL).toBeNull();
    await expect.poll(async () => (await hostPlace(page))?.parent, POLL).toBe('html');
    await page.close();
  });
});
