/**
 * A hostile page against the card's notes frame, in Chromium (issue #12; Firefox: firefox-hostile-frame.e2e.ts).
 *
 * The page (test/fixtures/hostile/frame-attacks.html) listens to every message and tries to navigate every
 * frame it can get hold of to a look-alike editor. Where the page cannot even reach the frame, the test
 * plays the attacker who could, through the DevTools protocol, to prove the defence behind the first one:
 * a frame navigated away, or a session presented by a second frame, is removed at once with a notice.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slowPoll, useExtensionSuite } from './setup';
import { storedNoteTexts } from './sync-helpers';
import * as scenario from './hostile-frame-scenario';
import { cardVisible, frameNotes, hover, inCard, inContentScript, noteFrame, pressInCard, waitForMark } from './card-helpers';
import { NOTE_FRAME_HEIGHT } from '../../utils/notes/note-frame';

/** What the card shows of its notes: the frame (visible or not, and its height), the notice, or nothing. */
const notesState = (page: Page) =>
  inCard(page, (root) => {
    const frame = root.querySelector<HTMLIFrameElement>('[data-testid="card-notes-frame"]');
    return {
      frame: frame
        ? { visibility: getComputedStyle(frame).visibility, height: frame.getBoundingClientRect().height, src: frame.src }
        : null,
      tampered: root.querySelector('[data-testid="card-notes-tampered"]')?.textContent ?? null,
    };
  });

describe('a hostile page against the notes frame (Chromium)', () => {
  const suite = useExtensionSuite();

  /** The attack page with the card open on Mark Chen and its notes frame shown. */
  async function openCard(fixture = scenario.ATTACK_PAGE): Promise<Page> {
    const page = await suite.open(fixture);
    const mark = await waitForMark(page, scenario.CARD_PERSON);
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect.poll(async () => (await notesState(page)).frame?.visibility, { timeout: 10_000 }).toBe('visible');
    return page;
  }

  async function writeNote(page: Page, text: string) {
    const frame = await noteFrame(page);
    await frame.fill('textarea', text);
    await frame.click('button[type="submit"]');
    await expect.poll(() => frameNotes(frame), { timeout: 5000 }).toContain(text);
  }

  it('listening to every message and navigating every frame it can reach, the page gets nothing while a note is written', async () => {
    const page = await openCard();
    const before = await page.evaluate(scenario.cardHostHeight);
    const secret = `frame-attack note ${Date.now()}`;
    await writeNote(page, secret);
    await writeNote(page, `${secret} (2)`);
    // The card's box, which the page does see, is the same with two more notes.
    expect(await page.evaluate(scenario.cardHostHeight)).toBe(before);
    await scenario.expectPageLearntNothing(page);
    // The frame holds its fixed height whatever it lists: its size says nothing about the notes.
    expect((await notesState(page)).frame?.height).toBe(NOTE_FRAME_HEIGHT);
    await scenario.expectNoteHiddenFromPage(page, secret);
    await page.close();
  });

  it.each(['look-alike.html', 'look-alike-never-loads.html'])(
    'a frame navigated away (to %s) is removed at once with a notice; "show again" brings the notes back',
    async (lookAlike) => {
      const page = await openCard();
      const secret = `before the takeover ${Date.now()}`;
      await writeNote(page, secret);
      // The attacker who got hold of the frame's window (here through DevTools, in the page's own world). The
      // second look-alike never finishes loading: the card must not wait for a load event that never comes.
      await inCard(
        page,
        (root, url) => void (root.querySelector<HTMLIFrameElement>('[data-testid="card-notes-frame"]')!.contentWindow!.location.href = url),
        suite.server.url(`/hostile/${lookAlike}`),
      );
      await expect
        .poll(async () => (await notesState(page)).tampered, { timeout: 5000 })
        .toContain('This page tried to take over the notes box');
      expect((await notesState(page)).frame).toBeNull();
      // Gone, not hidden or moved elsewhere. The card usually removes the frame before the look-alike commits; a
      // look-alike that did get to run must find its own window closed. Asked of the browser, not of the driver:
      // Playwright's frame list can keep a frame that was removed while it was moving between processes.
      const lookAlikesOpen = () =>
        page.evaluate(() => ((window as { lookAlikeWindows?: Window[] }).lookAlikeWindows ?? []).filter((w) => !w.closed).length);
      await expect.poll(lookAlikesOpen, { timeout: 5000 }).toBe(0);

      await pressInCard(page, '[data-testid="card-notes-tampered"] button');
      await expect.poll(async () => (await notesState(page)).frame?.visibility, { timeout: 10_000 }).toBe('visible');
      expect(await frameNotes(await noteFrame(page))).toContain(secret);
      await page.close();
    },
  );

  it('a second frame presenting the card’s session ends it: the card removes its frame, the copy shows nothing', async () => {
    // A quiet page: the attack page would navigate the copy (it sits in the page's own DOM) before it shows anything.
    const page = await openCard(scenario.QUIET_PAGE);
    const src = (await notesState(page)).frame!.src;
    expect(new URL(src).hash).toMatch(/^#[0-9a-f]{32}(\.(light|dark))?$/);
    expect(new URL(src).search).toBe('');
    // A page cannot load our frame at all (use_dynamic_url refuses it the fixed address), so the copy is made
    // from the content script's world: the strongest position a copied URL could be used from.
    await inContentScript(
      page,
      suite.browser.extensionId,
      `(() => { const f = document.createElement('iframe'); f.id = 'copy'; f.src = ${JSON.stringify(src)}; document.body.append(f); })()`,
    );
    await expect
      .poll(async () => (await notesState(page)).tampered, { timeout: 10_000 })
      .toContain('This page tried to take over the notes box');
    // Found afresh on each look, through its element: the browser may move the extension's frame to another
    // process, and the driver then hands out a new frame object for it (its frame list may still hold the old one).
    const findCopy = async () => (await page.$('#copy'))?.contentFrame() ?? null;
    const copyShows = async (selector: string) => {
      const copy = await findCopy();
      return copy
        ? copy
            .locator(selector)
            .count()
            .catch(() => null)
        : null;
    };
    await expect.poll(() => copyShows('[data-testid="note-frame-unconnected"]'), { timeout: 10_000 }).toBe(1);
    expect(await copyShows('textarea, button, [data-testid="note-text"]')).toBe(0);
    await page.close();
  });

  it('our content script, which shares the page, gets no note from the background: only a session for its card', async () => {
    const page = await openCard();
    await writeNote(page, `not for content scripts ${Date.now()}`);
    const replies = await inContentScript<Record<string, unknown>>(
      page,
      suite.browser.extensionId,
      `(async () => {
        const ask = (type, data) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
        const session = (await ask('openNoteSession', { personId: 'mark-chen', origin: { url: location.href, title: '' } })).res;
        return {
          listNotes: await ask('listNotes', {}),
          listDrafts: await ask('listDrafts', { personId: 'mark-chen' }),
          deleteNote: await ask('deleteNote', { id: 'x' }),
          session: typeof session?.sessionId,
          frameListNotes: await ask('frameListNotes', { sessionId: session.sessionId }),
          frameStart: await ask('frameStart', { sessionId: session.sessionId }),
        };
      })()`,
    );
    for (const type of ['listNotes', 'listDrafts', 'deleteNote', 'frameListNotes']) {
      expect(replies[type], type).toMatchObject({
        err: { message: expect.stringContaining('refused a request from a content-script sender') },
      });
    }
    expect(replies.frameStart).toEqual({ res: null });
    expect(replies.session).toBe('string');
    await page.close();
  });

  it('note-frame.html opened by anyone but the card, with a made-up session, shows a notice and nothing else', async () => {
    const page = await suite.browser.openExtensionPage(`note-frame.html#${'ab'.repeat(16)}`);
    await expect.poll(() => page.locator('[data-testid="note-frame-unconnected"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('textarea, button, [data-testid="note-text"]').count()).toBe(0);
    await page.close();
  });

  it('typed text survives the card closing on a click in the page, and comes back when it reopens', async () => {
    const page = await openCard();
    const frame = await noteFrame(page);
    await frame.click('textarea');
    await page.keyboard.type('half a thought about Mark Chen');
    // Each change is written as it is typed, one write at a time: the click below must come after the
    // last one has landed, as it would after a reader's pause (the frame is gone once the card closes).
    // Read in the service worker: the notes frame, framed by a web page, gets no storage of its own.
    await slowPoll(() => suite.browser.worker.evaluate(storedNoteTexts, 'drafts')).toContain('half a thought about Mark Chen');
    // A click elsewhere on the page closes the card without a word to the frame.
    const filler = (await page.locator('#filler').boundingBox())!;
    await page.mouse.click(filler.x + 5, filler.y + 5);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(false);
    await hover(page, await waitForMark(page, scenario.CARD_PERSON));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    // The new frame is found afresh on each look: the browser may move it to another process, and the
    // driver then hands out a new frame object for it.
    await slowPoll(async () => (await noteFrame(page)).inputValue('textarea')).toBe('half a thought about Mark Chen');
    expect(await (await noteFrame(page)).locator('[data-testid="note-draft-restored"]').count()).toBe(1);
    await page.close();
  });
});
