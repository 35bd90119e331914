/**
 * A hostile page against the card's notes frame, in Firefox ESR (issue #12; Chromium: hostile-frame.e2e.ts).
 *
 * Firefox gives each install a random moz-extension:// host, and its web-accessible files answer any
 * page that knows it; the harness fixes that host, so these tests play a page that learnt it.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { hoverOpensCard, noteFrameOf, readMarks } from './firefox-probe';
import { evaluateIn } from './page-helpers';
import { slowPoll } from './setup';
import { storedNoteTexts } from './sync-helpers';
import * as scenario from './hostile-frame-scenario';

describe('a hostile page against the notes frame (Firefox)', () => {
  const suite = firefoxSuite();

  /** The page with the card open and its notes frame rendered. */
  async function openCard(fixture: string): Promise<{ page: Page; frame: Frame; point: { x: number; y: number } }> {
    const page = await suite.firefox.newPage(suite.server.url(fixture));
    await expect.poll(async () => (await readMarks(page)).texts, { timeout: 20_000 }).toContain(scenario.CARD_PERSON);
    const point = (await readMarks(page)).point!;
    await hoverOpensCard(page, point);
    await expect.poll(async () => (await noteFrameOf(page)) !== null, { timeout: 10_000 }).toBe(true);
    const frame = (await noteFrameOf(page))!;
    await frame.waitForSelector('[data-testid="note-frame"] textarea', { timeout: 10_000 });
    return { page, frame, point };
  }

  const notesIn = (frame: Frame) => frame.$$eval('[data-testid="note-text"]', (els) => els.map((el) => el.textContent));

  it('listening to every message and navigating every frame it can reach, the page gets nothing while a note is written', async () => {
    const { page, frame } = await openCard(scenario.ATTACK_PAGE);
    const before = await page.evaluate(scenario.cardHostHeight);
    const secret = `firefox frame-attack note ${Date.now()}`;
    await frame.type('[data-testid="note-frame"] textarea', secret);
    await frame.click('[data-testid="note-frame"] button[type="submit"]');
    await expect.poll(() => notesIn(frame), { timeout: 10_000 }).toContain(secret);
    // The card's box, which the page does see, is the same with one more note.
    expect(await page.evaluate(scenario.cardHostHeight)).toBe(before);
    await scenario.expectPageLearntNothing(page);
    await scenario.expectNoteHiddenFromPage(page, secret);
    await page.close();
  });

  it('the page framing every web-accessible file of ours, invisibly, gets nothing to read or click', async () => {
    // A quiet page: the attack page would navigate these frames (they sit in its own DOM) to its look-alike.
    const page = await suite.firefox.newPage(suite.server.url(scenario.QUIET_PAGE));
    const origin = suite.firefox.extensionOrigin;
    // A made-up session, the old URL shape with a person, and no session at all, each under a decoy.
    const urls = [
      `${origin}/note-frame.html#${'ab'.repeat(16)}`,
      `${origin}/note-frame.html?person=mark-chen&frame=${'cd'.repeat(16)}`,
      `${origin}/note-frame.html`,
    ];
    await page.evaluate((list) => {
      for (const url of list) {
        const frame = document.createElement('iframe');
        frame.src = url;
        frame.style.cssText = 'opacity: 0.0001; position: absolute; top: 0; left: 0; width: 400px; height: 300px';
        document.body.append(frame);
      }
    }, urls);
    let framed: Frame[] = [];
    await expect
      .poll(
        async () => {
          framed = [];
          for (const frame of page.frames()) {
            const href = await frame.evaluate(() => location.href).catch(() => '');
            if (href.startsWith(`${origin}/note-frame.html`)) framed.push(frame);
          }
          const notices = await Promise.all(framed.map((f) => f.$('[data-testid="note-frame-unconnected"]').catch(() => null)));
          return notices.filter(Boolean).length;
        },
        { timeout: 15_000 },
      )
      .toBe(urls.length);
    for (const frame of framed) {
      expect(await frame.$$eval('textarea, button, [data-testid="note-text"], [data-testid="note"]', (els) => els.length)).toBe(0);
    }
    await page.close();
  });

  it('a frame navigated away, even to a page that never finishes loading, is removed at once with a notice', async () => {
    const { page, frame } = await openCard(scenario.QUIET_PAGE);
    const countFrames = async () => {
      let count = 0;
      for (const f of page.frames()) if ((await f.evaluate(() => location.href).catch(() => '')).includes('note-frame.html')) count++;
      return count;
    };
    expect(await countFrames()).toBe(1);
    const lookAlike = suite.server.url('/hostile/look-alike-never-loads.html');
    // The frame's window is navigated (here from inside it; a page holding the window would do the same).
    await frame.evaluate((url) => void setTimeout(() => (location.href = url), 0), lookAlike).catch(() => undefined);
    await expect.poll(countFrames, { timeout: 10_000 }).toBe(0);
    const lookAlikeShown = async () => {
      for (const f of page.frames()) if ((await f.evaluate(() => location.href).catch(() => '')).includes('look-alike')) return true;
      return false;
    };
    await expect.poll(lookAlikeShown, { timeout: 10_000 }).toBe(false);
    await page.close();
  });

  it('typed text survives the card closing on a click in the page, and comes back when it reopens', async () => {
    const { page, frame, point } = await openCard(scenario.QUIET_PAGE);
    const text = `half a thought in Firefox ${Date.now()}`;
    await frame.type('[data-testid="note-frame"] textarea', text);
    // Each change is written as it is typed, one write at a time: the click below must come after the
    // last one has landed, as it would after a reader's pause (the frame is gone once the card closes).
    await slowPoll(() => evaluateIn(frame, storedNoteTexts, 'drafts')).toContain(text);
    // A click on the page outside the card.
    const outside = await page.evaluate(() => {
      const card = document.querySelector('talent-lens-ui')!.getBoundingClientRect();
      return { x: card.right + 20 < innerWidth ? card.right + 10 : card.left - 10, y: card.top + 10 };
    });
    await page.mouse.click(outside.x, outside.y);
    await expect.poll(async () => (await noteFrameOf(page)) === null, { timeout: 10_000 }).toBe(true);
    await hoverOpensCard(page, point);
    await expect.poll(async () => (await noteFrameOf(page)) !== null, { timeout: 10_000 }).toBe(true);
    const again = (await noteFrameOf(page))!;
    await expect
      .poll(() => again.$eval('[data-testid="note-frame"] textarea', (el) => (el as HTMLTextAreaElement).value).catch(() => ''), {
        timeout: 10_000,
      })
      .toBe(text);
    await page.close();
  });
});
