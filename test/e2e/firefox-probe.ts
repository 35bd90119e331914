/**
 * Finding marks and opening the card in Firefox (puppeteer-core over WebDriver BiDi), shared by the
 * Firefox suites. Marks are read in the page's main world: with the Highlight API (Firefox 140+) they
 * are ranges in CSS.highlights, which the document shares between the content script's sandbox and
 * the page; where it is missing the page layer wraps <talent-lens-mark> elements instead. Both count.
 */
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { cardShown, centreOf, snapshotMarks } from './page-helpers';
import { framesByName } from './frames-scenario';

/** The marks on a page: kind of engine, texts, and the viewport centre of the first visible one. */
export async function readMarks(page: Page) {
  const marks = await page.evaluate(snapshotMarks, { name: 'talent-lens' });
  if (marks) {
    const shown = marks.filter((m) => !m.collapsed);
    const visible = shown.find((m) => m.inView);
    return { engine: 'highlight', texts: shown.map((m) => m.text), point: visible ? centreOf(visible.rect!) : null };
  }
  // Element marks, where Firefox has no Highlight API.
  const elements = await page.evaluate(() =>
    Array.from(document.querySelectorAll('talent-lens-mark')).map((el) => {
      const r = el.getClientRects()[0];
      return {
        text: el.textContent ?? '',
        rect:
          r && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
      };
    }),
  );
  const visible = elements.find((e) => e.rect);
  return {
    engine: elements.length > 0 ? 'element' : 'none',
    texts: elements.map((e) => e.text),
    point: visible ? centreOf(visible.rect!) : null,
  };
}

/** Moves the pointer onto a mark as a user would and waits for the card's host to show (its code loads on demand). */
export async function hoverOpensCard(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await expect.poll(() => page.evaluate(cardShown), { timeout: 10_000 }).toBe(true);
}

/**
 * The card's notes frame (note-frame.html, an extension page framed in the card's closed shadow root).
 * puppeteer over BiDi reports its URL as about:blank, so frames are told apart by their own location.
 */
export async function noteFrameOf(page: Page): Promise<Frame | null> {
  for (const frame of page.frames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (/^moz-extension:\/\/[^/]+\/note-frame\.html/.test(href)) return frame;
  }
  return null;
}

/** The marks on a page: kind of engine, texts, and the viewport centre of the first visible one. */

/**
 * Presses Alt+Shift+`key` (a KeyboardEvent code, e.g. 'KeyN'). puppeteer over BiDi takes no chord in
 * one press, so the modifiers are held down around it as a hand would.
 */
export async function pressShortcut(page: Page, key: 'KeyN' | 'KeyP'): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** The page's frames by their window's name ('top': the page), each asked: puppeteer over BiDi gives no frame names (see frames-scenario.ts NamedFrames). */
export const namedFrames = (page: Page) => (): Promise<Map<string, Frame>> => framesByName(page.frames());
