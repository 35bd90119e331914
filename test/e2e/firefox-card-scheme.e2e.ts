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
import { NOTE_FRAME_COLOURS, noteFrameColours } from './page-helpers';

/** Opens the card on the page's name and reads its notes frame's colours once the frame has drawn its notes. */
async function frameColoursAfterHover(page: Page) {
  await expect.poll(async () => (await readMarks(page)).point, { timeout: 20_000 }).not.toBeNull();
  await hoverOpensCard(page, (await readMarks(page)).point!);
  // The frame is found afresh on each look: the card may replace it while it loads.
  const read = async () => (await noteFrameOf(page))?.evaluate(noteFrameColours).catch(() => null) ?? null;
  await expect.poll(read, { timeout: 15_000 }).toBeTruthy();
  return read();
}

// One browser per system scheme: Firefox takes it at launch. The page's own scheme wins both ways.
describe.each([
  { system: 'light', page: 'dark' },
  { system: 'dark', page: 'light' },
] as const)('the card follows the page behind the mention (Firefox, $system system)', ({ system, page: pageScheme }) => {
  const suite = firefoxSuite({ colorScheme: system });

  it(`a ${pageScheme} page in a ${system} system: the card is ${pageScheme}, and so is its notes frame`, async () => {
    const page = await suite.firefox.newPage(suite.server.url(`/card/scheme.html?${pageScheme}`));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(system === 'dark');
    expect(await frameColoursAfterHover(page)).toEqual(NOTE_FRAME_COLOURS[pageScheme]);
    await page.close();
  });
});
