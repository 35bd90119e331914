/**
 * Firefox helpers for tests of the marks and the card (puppeteer-core over WebDriver BiDi): read the
 * marks as the page's main world sees them, hover one as a user would, and find the card's notes frame.
 */
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { snapshotMarks, type Box } from './page-helpers';

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
export async function readMarks(page: Page) {
  const centre = (r: Box) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });
  const marks = await page.evaluate(snapshotMarks, { name: 'talent-lens' });
  if (marks) {
    const shown = marks.filter((m) => !m.collapsed);
    const visible = shown.find((m) => m.inView);
    return { engine: 'highlight', texts: shown.map((m) => m.text), point: visible ? centre(visible.rect!) : null };
  }
  // Element marks, where Firefox has no Highlight API.
  const elements = await page.evaluate(() =>
    Array.from(document.querySelectorAll('talent-lens-mark')).map((el) => {
      const r = el.getClientRects()[0];
      return { text: el.textContent ?? '', rect: r && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null };
    }),
  );
  const visible = elements.find((e) => e.rect);
  return { engine: elements.length > 0 ? 'element' : 'none', texts: elements.map((e) => e.text), point: visible ? centre(visible.rect!) : null };
}

/** Moves the pointer onto a mark as a user would and waits for the card's host to show (its code loads on demand). */
export async function hoverOpensCard(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('talent-lens-ui')).some((host) => {
            const box = host.getBoundingClientRect();
            return getComputedStyle(host).display !== 'none' && box.width > 50 && box.height > 30;
          }),
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

