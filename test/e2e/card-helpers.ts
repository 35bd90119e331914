/**
 * Chromium helpers for tests of the card: find and hover marks as a user would, see the card's host as
 * the page sees it, read inside its closed shadow root through the DevTools protocol (test-only), and
 * reach its notes frame.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { within } from './harness';
import { marksOf, type Box } from './page-helpers';
import { inCard } from './card-probe';

/** The box of the first mark reading `text`, in viewport coordinates (Highlight API or element marks). */
export async function markBox(page: Page, text: string): Promise<Box | null> {
  const mark = (await marksOf(page)).find((m) => m.text === text);
  if (mark) return mark.bounds;
  // Element marks, where the page has no Highlight API.
  return page.evaluate((wanted) => {
    const el = [...document.querySelectorAll('talent-lens-mark')].find((e) => e.textContent === wanted);
    const r = el?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
  }, text);
}

export async function waitForMark(page: Page, text: string): Promise<Box> {
  await expect.poll(() => markBox(page, text), { timeout: 10_000 }).not.toBeNull();
  return (await markBox(page, text))!;
}

export async function hover(page: Page, box: Box) {
  // Come from outside, then settle on the name like a hand would.
  await page.mouse.move(box.left - 40, box.top - 40);
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2, { steps: 4 });
}

/** The card's host as the page sees it: only its box and whether it shows. */
export function cardHost(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])');
    if (!host) return null;
    const r = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    return {
      visible: style.display !== 'none' && style.visibility === 'visible',
      opacity: style.opacity,
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    };
  });
}

export const cardVisible = async (page: Page) => (await cardHost(page))?.visible ?? false;

/** How long one read of the page, the card or the notes frame may take before it counts as stuck. */
export const READ_MS = 10_000;

export { inCard };

/** The box of an element inside the card, for a real click. */
export function boxInCard(page: Page, selector: string): Promise<Box | null> {
  return inCard(
    page,
    (root, sel) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      // The card's body scrolls: bring the element into its visible part first.
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    },
    selector,
  );
}

export async function clickInCard(page: Page, selector: string) {
  const box = await boxInCard(page, selector);
  if (!box) throw new Error(`nothing in the card matches ${selector}`);
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

/**
 * A real click on a button of the open card, the way a reader makes it from the mention: the pointer
 * comes into the card above the button first, so it never leaves the card on its way there.
 */
export async function pressInCard(page: Page, selector: string) {
  const box = await boxInCard(page, selector);
  if (!box) throw new Error(`nothing in the card matches ${selector}`);
  await page.mouse.move(box.left + 5, box.top - 30, { steps: 3 });
  await clickInCard(page, selector);
}

export const cardText = (page: Page) => inCard(page, (root) => root.querySelector('[role="dialog"]')?.textContent ?? '');

/** The card's notes frame (an extension page), once its editor is there and the notes have loaded. */
export async function noteFrame(page: Page): Promise<Frame> {
  // Each candidate is asked, newest first: the driver's frame list can keep a frame the browser removed
  // while moving it between processes, and that one never answers.
  const candidates = () =>
    page
      .frames()
      .filter((f) => !f.isDetached() && new URL(f.url()).pathname === '/note-frame.html')
      .reverse();
  let found: Frame | undefined;
  const loaded = async () => {
    for (const frame of candidates()) {
      const editor = await within(
        frame.$('[data-testid="note-editor"] ~ :is(.tl-note-empty, .tl-note-items:not(:empty))'),
        READ_MS,
        'querying the notes frame',
      ).catch(() => null);
      if (editor != null) {
        found = frame;
        return true;
      }
    }
    return false;
  };
  await expect.poll(loaded, { timeout: 10_000 }).toBe(true);
  return found!;
}

export const frameNotes = (frame: Frame) =>
  within(
    frame.$$eval('[data-testid="note-text"]', (nodes) => nodes.map((n) => n.textContent ?? '')),
    READ_MS,
    'reading the notes in the notes frame',
  );
export const frameFocus = (frame: Frame) =>
  within(
    frame.evaluate(() =>
      document.hasFocus() && document.activeElement ? `${document.activeElement.localName}.${document.activeElement.className}` : null,
    ),
    READ_MS,
    'reading focus in the notes frame',
  );

/**
 * Evaluates `expression` (awaited) in our content script's isolated world on `page`, found through the
 * DevTools protocol: what a script of ours in the page can do, beside the page. Test-only.
 */
export async function inContentScript<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const contexts: number[] = [];
    // The content script's world in the top frame; the notes frame, an extension page, has a default world of the same origin.
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; frameId?: string } | undefined;
      if (context.origin === `chrome-extension://${extensionId}` && aux?.type === 'isolated' && aux.frameId === frameTree.frame.id)
        contexts.push(context.id);
    });
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const reply = await within(
      cdp.send('Runtime.evaluate', { contextId: contexts[0], expression, awaitPromise: true, returnByValue: true }),
      READ_MS,
      'evaluating in the content script',
    );
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  } finally {
    await cdp.detach();
  }
}
