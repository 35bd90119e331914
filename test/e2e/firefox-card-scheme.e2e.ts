/**
 * The card takes the colour scheme of the page behind the mention, in Firefox (Chromium:
 * card-scheme.e2e.ts). No test can read the card's closed shadow root here, so the card's notes
 * frame (an extension page the driver can read) shows the scheme the card chose and handed it:
 * its root's `data-scheme` and `color-scheme`, and its text colour.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { hoverOpensCard, noteFrameOf, readMarks } from './firefox-probe';

/** Opens the card on the page's name and reads its notes frame's colours once the frame has drawn its notes. */
async function frameColoursAfterHover(page: Page) {
  await expect.poll(async () => (await readMarks(page)).point, { timeout: 20_000 }).not.toBeNull();
  await hoverOpensCard(page, (await readMarks(page)).point!);
  const read = async () => {
    const frame = await noteFrameOf(page);
    return frame
      ?.evaluate(() =>
        document.querySelector('[data-testid="note-frame"]')
          ? {
              scheme: document.documentElement.dataset.scheme ?? null,
              colorScheme: getComputedStyle(document.documentElement).colorScheme,
              text: getComputedStyle(document.body).color,
            }
          : null,
      )
      .catch(() => null);
  };
  await expect.poll(read, { timeout: 15_000 }).toBeTruthy();
  return read();
}

describe('the card follows the page behind the mention (Firefox, light system)', () => {
  const suite = firefoxSuite({ colorScheme: 'light' });

  it('a dark page in a light system: the card is dark, and so is its notes frame', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/card/scheme.html?dark'));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
    expect(await frameColoursAfterHover(page)).toEqual({ scheme: 'dark', colorScheme: 'dark', text: 'rgb(230, 232, 235)' });
    await page.close();
  });
});

describe('the card follows the page behind the mention (Firefox, dark system)', () => {
  const suite = firefoxSuite({ colorScheme: 'dark' });

  it('a light page in a dark system: the card is light, and so is its notes frame', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/card/scheme.html?light'));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await frameColoursAfterHover(page)).toEqual({ scheme: 'light', colorScheme: 'light', text: 'rgb(31, 35, 40)' });
    await page.close();
  });
});
