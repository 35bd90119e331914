/**
 * Hostile frames in Chromium (issue #17; Firefox: firefox-hostile-frames.e2e.ts; the scenario:
 * frames-scenario.ts). Now that the content script runs in every frame:
 * - a frame, of the page's own site or another's, that posts our message shapes to every window it can
 *   reach, dispatches look-alike events and forged Alt+Shift+N keys, and tries runtime messaging, gets
 *   nothing: no card opens, no mention is selected anywhere, and no message of ours reaches the page;
 * - a page that makes 200 frames at once (pixels, box ads, a few articles) keeps running: its own
 *   clock keeps ticking and it answers while the frames load; the article frames are marked and the
 *   pixels never are.
 * The fixtures (test/fixtures/hostile/frame-forgery.*, many-frames.html) do the forging in the page.
 */
import { describe, expect, it } from 'vitest';
import { within } from './harness';
import { namedFrames, slowPoll, useExtensionSuite } from './setup';
import { NOTHING_HAPPENS_MS, expectNeverWithin, highlightTexts } from './page-helpers';
import { ACTIVE_HIGHLIGHT_NAME } from '@/content/marks/mark-engine';
import * as scenario from './frames-scenario';

describe('hostile frames (Chromium)', () => {
  const suite = useExtensionSuite();
  const otherSite = scenario.useOtherSite();

  it('frames that forge our messages, events and keys get nothing: no card, no selection, nothing posted to the page', async () => {
    const page = await suite.open(scenario.forgeryPage(otherSite.url(scenario.FORGER_FRAME)));
    await slowPoll(() => highlightTexts(page)).toEqual(scenario.FORGERY_PAGE_MARKS);
    const postedToTop = await scenario.forgeFromEveryForger(namedFrames(page), suite.browser.extensionId);
    await expectNeverWithin(
      () => scenario.anythingOpened(page.frames()),
      NOTHING_HAPPENS_MS,
      'a forged message, event or key opened a card',
    );
    // The page heard exactly what the forgers posted to it: nothing of ours.
    expect(await page.evaluate(scenario.messagesHeard)).toBe(postedToTop);
    // The listeners are alive: the reader's own shortcut still works, across the frames.
    await page.keyboard.press('Alt+Shift+N');
    await slowPoll(() => highlightTexts(page, ACTIVE_HIGHLIGHT_NAME)).toEqual([scenario.FORGERY_PAGE_MARKS[0]]);
    await page.close();
  });

  it('a page that makes 200 frames at once keeps running; the article frames are marked, the pixels are not read', async () => {
    const page = await suite.open(scenario.MANY_FRAMES_PAGE);
    await slowPoll(() => highlightTexts(page)).toEqual(scenario.MANY_FRAMES_PAGE_MARKS);
    const ticks = () => within(page.evaluate(scenario.pageTicks), 10_000, 'reading the page clock');
    expect(await page.evaluate(scenario.makeFrames)).toBe(200);
    const before = await ticks();
    // While the frames load and get read, the page answers every poll.
    await slowPoll(() => scenario.markedArticles(namedFrames(page)), { timeout: 60_000 }).toBe(scenario.ARTICLE_FRAMES);
    // The page's own clock ran on while the frames loaded and were read.
    expect(await ticks()).toBeGreaterThan(before);
    await scenario.expectPixelsUnmarked(namedFrames(page));
    await page.close();
  });
});
