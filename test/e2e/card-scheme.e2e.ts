/**
 * The card takes the colour scheme of the page behind the mention, not only the system's
 * (content/card/page-scheme.ts): a dark page in a light system gets a dark card, a light page in a
 * dark system a light one, and the card's notes frame follows the card. Firefox:
 * firefox-card-scheme.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionSuite } from './setup';
import { cardVisible, hover, inCard, noteFrame, waitForMark } from './card-helpers';
import { NOTE_FRAME_COLOURS, noteFrameColours } from './page-helpers';

/** The card's own colours, read inside its closed shadow root (test-only, through DevTools). */
const cardColours = (page: Page) =>
  inCard(page, (root) => {
    const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
    const style = getComputedStyle(card);
    return { scheme: card.dataset.scheme ?? null, background: style.backgroundColor, text: style.color, colorScheme: style.colorScheme };
  });

/** The notes frame's colours once it has drawn its notes: its root's scheme and its text. */
async function frameColours(page: Page) {
  const read = async () => (await noteFrame(page)).evaluate(noteFrameColours).catch(() => null);
  await expect.poll(read, { timeout: 15_000 }).toBeTruthy();
  return read();
}

const CARD_COLOURS = {
  dark: { scheme: 'dark', background: 'rgb(30, 34, 39)', text: 'rgb(230, 232, 235)', colorScheme: 'dark' },
  light: { scheme: 'light', background: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', colorScheme: 'light' },
} as const;

async function openCard(page: Page) {
  await hover(page, await waitForMark(page, 'Shengjia Zhao'));
  await expect.poll(() => cardVisible(page), { timeout: 10_000 }).toBe(true);
}

describe('the card follows the page behind the mention', () => {
  const suite = useExtensionSuite({ colorScheme: 'light' });

  // The page's own scheme wins both ways.
  for (const { system, page: pageScheme } of [
    { system: 'light', page: 'dark' },
    { system: 'dark', page: 'light' },
  ] as const)
    it(`a ${pageScheme} page in a ${system} system: a ${pageScheme} card, and a ${pageScheme} notes frame`, async () => {
      const page = await suite.browser.context.newPage();
      await page.emulateMedia({ colorScheme: system });
      await page.goto(suite.server.url(`/card/scheme.html?${pageScheme}`));
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(system === 'dark');
      // Written as hsl(): the browser gives it as rgb().
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
      await openCard(page);
      expect(await cardColours(page)).toEqual(CARD_COLOURS[pageScheme]);
      expect(await frameColours(page)).toEqual(NOTE_FRAME_COLOURS[pageScheme]);
      await page.close();
    });

  it('a page that follows the system (the sample page in a dark system): a dark card', async () => {
    const page = await suite.browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(suite.server.url('/card/card.html'));
    await hover(page, await waitForMark(page, 'Ilya Sutskever'));
    await expect.poll(() => cardVisible(page), { timeout: 10_000 }).toBe(true);
    expect(await cardColours(page)).toEqual(CARD_COLOURS.dark);
    await page.close();
  });
});
