/**
 * Reading the page layer's marks from a test, in the page's main world (CSS.highlights is shared
 * with it). Marks are StaticRanges (content/marks/ranges.ts); snapshotMarks reads each through a live
 * Range made in the page and returns plain data, for Playwright (Chromium) and puppeteer (Firefox)
 * alike.
 */
import type { Frame as PlaywrightFrame, Page } from 'playwright-core';
import type { Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

/** A page or a frame, of Chromium's driver (Playwright) or Firefox's (puppeteer): what a shared scenario evaluates in. */
export type InPage = Page | PlaywrightFrame | PuppeteerPage | PuppeteerFrame;

/**
 * Runs `fn(arg)` in `target` (a self-contained function: it is serialized into the page). Both drivers
 * evaluate a function with one argument alike; only their type declarations differ.
 */
export function evaluateIn<A, R>(target: InPage, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (target as unknown as { evaluate(f: (arg: A) => R, a: A): Promise<Awaited<R>> }).evaluate(fn, arg);
}

/** The texts of one highlight's marks in a page or frame, in document order (empty: none drawn, no highlight, or the frame is gone). */
export async function highlightTexts(target: InPage, name: string = HIGHLIGHT_NAME): Promise<string[]> {
  const marks = await evaluateIn(target, snapshotMarks, { name }).catch(() => null);
  return (marks ?? []).filter((m) => !m.collapsed).map((m) => m.text);
}

/** One mark as the page shows it. */
export interface MarkSnapshot {
  text: string;
  collapsed: boolean;
  /** Both ends are still in the document. */
  connected: boolean;
  /** The first line box of the mark, in viewport coordinates (null: not laid out). */
  rect: Box | null;
  /** The box around all of the mark. */
  bounds: Box | null;
  /** Its first line box is entirely inside the viewport, with a width. */
  inView: boolean;
  /** The id of the nearest element with an id around the mark's start ('' if none). */
  ownerId: string;
  /** With `within`: the index, in document.querySelectorAll(within), of the nearest such element around the mark (-1: none). */
  within: number;
  /** With `forbidden`: some element around the mark matches it. */
  forbidden: boolean;
  /** The mark is inside a shadow root. */
  inShadow: boolean;
  /** The mark's three nearest elements, for messages ("b<p#en<div"). */
  where: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface SnapshotQuery {
  /** The highlight's name. */
  name: string;
  /**
   * A global where a hostile page kept the real CSS.highlights and the createRange/setStart it
   * replaced (test/fixtures/hostile/prototypes.js): reading marks then never calls the replacements.
   */
  registry?: string | null;
  /** Selector of elements a mark may sit in (see MarkSnapshot.within). */
  within?: string;
  /** Selector of elements no mark may sit in (see MarkSnapshot.forbidden). */
  forbidden?: string;
}

/**
 * Runs in the page: pass it to page.evaluate with a SnapshotQuery. Marks come in document order;
 * null when the highlight is not registered. Self-contained: it is serialized into the page.
 */
export function snapshotMarks(query: SnapshotQuery): MarkSnapshot[] | null {
  type Kept = { highlights: HighlightRegistry; createRange: () => Range; setStart: (node: Node, offset: number) => void };
  const kept = query.registry ? (window as unknown as Record<string, Kept>)[query.registry]! : null;
  const registry = kept ? kept.highlights : typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  const highlight = registry?.get(query.name);
  if (!highlight) return null;
  const live = (r: AbstractRange): Range | null => {
    if (!r.startContainer.isConnected || !r.endContainer.isConnected) return null;
    const range = (kept?.createRange ?? Document.prototype.createRange).call(document);
    (kept?.setStart ?? Range.prototype.setStart).call(range, r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };
  const box = (rect: DOMRect | undefined): Box | null =>
    rect ? { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } : null;
  const candidates = query.within ? Array.from(document.querySelectorAll(query.within)) : [];
  const marks = [...(highlight as unknown as Iterable<AbstractRange>)].map((mark) => ({ mark, range: live(mark) }));
  // Ranges in different trees (a shadow root's and the document's) cannot be compared: kept as they came.
  const order = (a: Range, b: Range): number => {
    try {
      return a.compareBoundaryPoints(Range.START_TO_START, b);
    } catch {
      return 0;
    }
  };
  marks.sort((a, b) => (a.range && b.range ? order(a.range, b.range) : 0));
  return marks.map(({ mark, range }) => {
    // The elements around the mark, out through shadow roots.
    const chain: Element[] = [];
    let inShadow = false;
    for (let n: Node | null = mark.startContainer; n;) {
      if (n.nodeType === Node.ELEMENT_NODE) chain.push(n as Element);
      if (n.parentNode) n = n.parentNode;
      else if (n instanceof ShadowRoot) {
        inShadow = true;
        n = n.host;
      } else n = null;
    }
    const rect = box(range?.getClientRects()[0]);
    const holder = query.within ? chain.find((el) => el.matches(query.within!)) : undefined;
    return {
      text: range?.toString() ?? '',
      collapsed: mark.collapsed,
      connected: range !== null,
      rect,
      bounds: range ? box(range.getBoundingClientRect()) : null,
      inView: !!rect && rect.right > rect.left && rect.top >= 0 && rect.bottom <= innerHeight,
      ownerId: chain.find((el) => el.id)?.id ?? '',
      within: holder ? candidates.indexOf(holder) : -1,
      forbidden: query.forbidden ? chain.some((el) => el.matches(query.forbidden!)) : false,
      inShadow,
      where: chain
        .slice(0, 3)
        .map((el) => el.localName + (el.id ? `#${el.id}` : ''))
        .join('<'),
    };
  });
}

/** The marks of our highlight on a Chromium page (empty when none is registered). */
export async function marksOf(page: Page, query: Partial<SnapshotQuery> = {}): Promise<MarkSnapshot[]> {
  return (await page.evaluate(snapshotMarks, { name: 'talent-lens', ...query })) ?? [];
}

/** The text of every mark on the page, in document order. */
export async function markTexts(page: Page): Promise<string[]> {
  return (await marksOf(page)).filter((m) => !m.collapsed).map((m) => m.text);
}

/**
 * Runs in the page (pass it to evaluate): whether a card is showing, i.e. some <talent-lens-ui> host
 * is displayed at a card's size (the screen-reader announcer shares the tag but is 1 px).
 */
export function cardShown(): boolean {
  return Array.from(document.querySelectorAll('talent-lens-ui')).some((host) => {
    const box = host.getBoundingClientRect();
    return getComputedStyle(host).display !== 'none' && box.width > 50 && box.height > 30;
  });
}

/** The viewport centre of a box. */
export function centreOf(box: Box): { x: number; y: number } {
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/** How long a test watches for what must not happen (a card opening on forged input): longer than the card's show delay (500 ms), with room for a busy machine. */
export const NOTHING_HAPPENS_MS = 2000;

/**
 * Fails as soon as `probe` answers true, and passes once it has answered false for `ms`: for what
 * must NOT happen (a card opening after a forged event), where there is no end state to poll for.
 * `ms` must outlast the delay the thing would take if it did happen (the card shows 500 ms after a hover).
 */
export async function expectNeverWithin(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  let checks = 0;
  do {
    expect(await probe(), `${what} (after ${checks} checks)`).toBe(false);
    checks++;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < deadline);
  expect(await probe(), what).toBe(false);
}

/**
 * Runs in the card's notes frame (pass it to evaluate): the scheme the card handed the frame, and what
 * the frame drew with it; null until the frame has drawn its notes.
 */
export function noteFrameColours(): { scheme: string | null; colorScheme: string; text: string } | null {
  if (!document.querySelector('[data-testid="note-frame"]')) return null;
  return {
    scheme: document.documentElement.dataset.scheme ?? null,
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
    text: getComputedStyle(document.body).color,
  };
}

/** What the notes frame shows in each of the card's schemes (components/pages/styles). */
export const NOTE_FRAME_COLOURS = {
  dark: { scheme: 'dark', colorScheme: 'dark', text: 'rgb(230, 232, 235)' },
  light: { scheme: 'light', colorScheme: 'light', text: 'rgb(31, 35, 40)' },
} as const;

/**
 * Runs in the page (pass it to evaluate): where the card's host is (its parent's id, or its tag) and
 * whether it is what the page draws at the centre of its box; null with no card host.
 */
export function cardHostPlace(): { parent: string | undefined; onTop: boolean } | null {
  const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])');
  if (!host) return null;
  const r = host.getBoundingClientRect();
  const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return { parent: host.parentElement?.id || host.parentElement?.localName, onTop: top === host };
}

/**
 * The forged-input fixture (test/fixtures/hostile/forged-input.html) forges pointer and mouse events
 * resting on every mark in view: `expected` marks are there, and no card opens.
 */
export async function forgedHoverOpensNothing(target: InPage, expected: number): Promise<void> {
  const marks = (await evaluateIn(target, snapshotMarks, { name: HIGHLIGHT_NAME })) ?? [];
  const points = marks.filter((m) => m.inView && m.rect).map((m) => centreOf(m.rect!));
  expect(points.length).toBe(expected);
  const fired = await evaluateIn(
    target,
    (at) => (window as unknown as { __forge: { hover(p: unknown): number } }).__forge.hover(at),
    points,
  );
  expect(fired).toBeGreaterThan(0);
  await expectNeverWithin(() => evaluateIn(target, cardShown, undefined), NOTHING_HAPPENS_MS, 'a card opened on a forged hover');
}
