/**
 * Hostile frames in Firefox ESR (issue #17; Chromium: hostile-frames.e2e.ts; the scenario:
 * frames-scenario.ts): frames that forge our message shapes, look-alike events and keys get nothing,
 * and a page that makes 200 frames at once keeps running with its article frames marked and its pixels
 * never read.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';
import { namedFrames } from './firefox-probe';
import { slowPoll } from './setup';
import { NOTHING_HAPPENS_MS, expectNeverWithin, highlightTexts } from './page-helpers';
import * as scenario from './frames-scenario';

describe('hostile frames (Firefox)', () => {
  const suite = firefoxSuite();
  const otherSite = scenario.useOtherSite();

  it('frames that forge our messages, events and keys get nothing: no card, no selection, nothing posted to the page', async () => {
    const page = await suite.firefox.newPage(suite.server.url(scenario.forgeryPage(otherSite.url(scenario.FORGER_FRAME))));
    await slowPoll(() => highlightTexts(page)).toEqual(scenario.FORGERY_PAGE_MARKS);
    // Firefox's runtime id is the public add-on id, which any page can know.
    const postedToTop = await scenario.forgeFromEveryForger(namedFrames(page), suite.firefox.addonId);
    await expectNeverWithin(
      () => scenario.anythingOpened(page.frames()),
      NOTHING_HAPPENS_MS,
      'a forged message, event or key opened a card',
    );
    expect(await page.evaluate(scenario.messagesHeard)).toBe(postedToTop);
    await page.close();
  });

  it('a page that makes 200 frames at once keeps running; the article frames are marked, the pixels are not read', async () => {
    const page = await suite.firefox.newPage(suite.server.url(scenario.MANY_FRAMES_PAGE));
    await slowPoll(() => highlightTexts(page)).toEqual(scenario.MANY_FRAMES_PAGE_MARKS);
    expect(await page.evaluate(scenario.makeFrames)).toBe(200);
    const before = await page.evaluate(scenario.pageTicks);
    // Firefox reads 200 frames more slowly than Chromium, and each look asks every frame its name.
    await slowPoll(() => scenario.markedArticles(namedFrames(page)), { timeout: 90_000 }).toBe(scenario.ARTICLE_FRAMES);
    // The page's own clock ran on while the frames loaded and were read.
    expect(await page.evaluate(scenario.pageTicks)).toBeGreaterThan(before);
    await scenario.expectPixelsUnmarked(namedFrames(page));
    await page.close();
  });
});
