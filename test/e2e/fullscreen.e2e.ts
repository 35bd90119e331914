/**
 * The card in fullscreen, in real Chromium: a slide deck goes fullscreen on a real click (the
 * browser asks for a user gesture); hovering a name on it shows the card inside the fullscreen
 * element, on top; the keyboard opens it there too; when fullscreen ends, the card's host goes back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slowPoll, useExtensionSuite } from './setup';
import { cardText, cardVisible, hover, inCard, waitForMark } from './card-helpers';
import { cardHostPlace } from './page-helpers';

/** Where the card's host is, and whether it is what the page draws at the centre of its box. */
const hostPlace = (page: Page) => page.evaluate(cardHostPlace);

async function goFullscreen(page: Page) {
  const box = (await page.locator('#go').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await slowPoll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('stage');
}

describe('the card in fullscreen (Chromium)', () => {
  const suite = useExtensionSuite();

  it('hovering a name in a fullscreen element shows the card inside it, on top; it goes back when fullscreen ends', async () => {
    const page = await suite.open('/card/fullscreen.html');
    await waitForMark(page, 'Mark Zuckerberg');
    await goFullscreen(page);
    await hover(page, await waitForMark(page, 'Mark Zuckerberg'));
    await slowPoll(() => cardVisible(page)).toBe(true);
    await slowPoll(() => hostPlace(page)).toEqual({ parent: 'stage', onTop: true });
    await slowPoll(() => cardText(page)).toContain('Zuckerberg');
    await page.evaluate(() => document.exitFullscreen());
    await slowPoll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await slowPoll(async () => (await hostPlace(page))?.parent).toBe('html');
    await page.close();
  });

  it('Alt+Shift+N in fullscreen opens the card inside the fullscreen element, with focus in it', async () => {
    const page = await suite.open('/card/fullscreen.html');
    await waitForMark(page, 'Mark Zuckerberg');
    await goFullscreen(page);
    // The first mention in view is on the slide (the page behind it is out of sight).
    await page.keyboard.press('Alt+Shift+KeyN');
    await slowPoll(() => cardVisible(page)).toBe(true);
    await slowPoll(() => hostPlace(page)).toEqual({ parent: 'stage', onTop: true });
    expect(await inCard(page, (root) => root.activeElement !== null)).toBe(true);
    await page.close();
  });
});
