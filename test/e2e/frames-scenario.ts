/**
 * The frames scenarios (issue #17), stated once for Chromium (frames.e2e.ts, hostile-frames.e2e.ts) and
 * Firefox (firefox-frames.e2e.ts, firefox-hostile-frames.e2e.ts): the fixture pages, what each frame must
 * show, the in-page probes, and the checks. The suites add only their driver's glue (opening pages,
 * pointer and keys, the popup).
 *
 * Frames are known by their window's name ('top': the page itself) and found afresh on each look (a
 * driver hands out a new frame object when the browser moves a frame to another process): each suite
 * passes a `NamedFrames` of its driver. Playwright knows each frame's name; puppeteer over BiDi does not,
 * so Firefox's asks each frame (framesByName), which is slower over 200 frames.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { startFixtureServer, type FixtureServer } from './harness';
import { cardShown, evaluateIn, highlightTexts, snapshotMarks, type Box, type InPage } from './page-helpers';
import { slowPoll } from './setup';
import { ACTIVE_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

/** The frames page (test/fixtures/frames/page.html), its `cross` frame loaded from `crossUrl` (another site). */
export const framesPage = (crossUrl: string) => `/frames/page.html?cross=${encodeURIComponent(crossUrl)}`;
/** Served by the second fixture server (127.0.0.2), for the frames of another site. */
export const CROSS_FRAME = '/frames/cross.html';
export const OTHER_SITE_HOST = '127.0.0.2';

/** For the enclosing describe block: a second fixture server on OTHER_SITE_HOST, for the frames of another site. */
export function useOtherSite(): { url(pathname: string): string } {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(OTHER_SITE_HOST);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    url(pathname) {
      if (!server) throw new Error('the other site is not running: use it inside tests');
      return server.url(pathname);
    },
  };
}

/** The marks of each frame of the frames page that is read ('top': the page itself). */
export const FRAME_MARKS = {
  top: ['Sam Altman', 'Mark Zuckerberg'],
  same: ['Shengjia Zhao', 'Andrej Karpathy'],
  srcdoc: ['Alexandr Wang', 'Sam Altman'],
  cross: ['Lucas Beyer'],
} as const;

/** The 1×1 `pixel` and 728×90 `banner` frames name Shengjia Zhao: too small to be read. */
const TINY_FRAMES = ['pixel', 'banner'] as const;
/** The banner's marks once it has grown to an article's size. */
const GROWN_BANNER_MARKS = ['Shengjia Zhao'];
/** Runs in the frames page: grows the banner frame to an article's height. */
export function growBanner(): void {
  document.getElementById('banner')!.setAttribute('height', '200');
}

/** The tiny frames have had as long as the others and show nothing; grown (by `grow`) to an article's size, the banner is read. */
export async function expectTinyFramesReadOnceGrown(frames: NamedFrames, grow: () => Promise<unknown>): Promise<void> {
  for (const name of TINY_FRAMES) expect(await marksOfFrame(frames, name), name).toEqual([]);
  await grow();
  await slowPoll(() => marksOfFrame(frames, 'banner')).toEqual(GROWN_BANNER_MARKS);
  expect(await marksOfFrame(frames, 'pixel')).toEqual([]);
}

/** Presses the shortcut (`press`) once for each step of `walk`, and sees that step's mention selected, and no other. */
export async function expectShortcutWalk(frames: NamedFrames, press: () => Promise<unknown>, walk: readonly string[]): Promise<void> {
  for (const expected of walk) {
    await press();
    await slowPoll(() => selectedMentions(frames)).toEqual([expected]);
  }
}

/** The driver's keys for the turn-off scenario: the shortcut, Shift+Tab and Enter. */
export interface TurnOffKeys {
  shortcut(): Promise<unknown>;
  shiftTab(): Promise<unknown>;
  enter(): Promise<unknown>;
}

/**
 * "Turn off" on the card of the other site's frame, reached by the keyboard alone: it turns off the
 * site the reader sees (the tab's, `tabHost`), not the frame's, and the page and every frame, the
 * other site's too, lose their marks. `disabledSites` reads the stored settings.
 */
export async function expectTurnOffFromOtherSitesCard(
  frames: NamedFrames,
  keys: TurnOffKeys,
  disabledSites: () => Promise<string[]>,
  tabHost: string,
): Promise<void> {
  // The shortcut to the 127.0.0.2 frame's mention: its card opens with focus on its first control.
  await expectShortcutWalk(frames, keys.shortcut, SHORTCUT_WALK.slice(0, SHORTCUT_WALK.indexOf('cross:Lucas Beyer') + 1));
  await slowPoll(async () => {
    const cross = (await frames()).get('cross');
    return cross ? evaluateIn(cross, cardInFrame, undefined).catch(() => null) : null;
  }).not.toBeNull();
  // Shift+Tab from the first control wraps to the card's last: "Turn off on this tab’s site".
  await keys.shiftTab();
  await keys.enter();
  await slowPoll(disabledSites).toEqual([tabHost]);
  // The page and every frame in it stop, the other site's frame too: it follows the tab's switch as well as its own.
  await slowPoll(() => marksOfFrame(frames, 'cross')).toEqual([]);
  await slowPoll(() => marksOfFrame(frames, 'top')).toEqual([]);
}

/** The frame whose mention sits on its last line, and that mention: its card must open above it, inside the frame. */
export const BOTTOM_EDGE_FRAME = 'same';
const BOTTOM_EDGE_MENTION = 'Andrej Karpathy';

/** The first line box of the bottom-edge mention, in its frame's viewport. */
async function bottomEdgeMark(frame: InPage): Promise<Box> {
  const marks = await evaluateIn(frame, snapshotMarks, { name: HIGHLIGHT_NAME });
  const rect = marks?.find((m) => m.text === BOTTOM_EDGE_MENTION)?.rect ?? null;
  expect(rect, `the mark of ${BOTTOM_EDGE_MENTION}`).not.toBeNull();
  return rect!;
}

/** Alt+Shift+N from a fresh page: the top page's mentions, then each frame's in frame order, then round again. */
export const SHORTCUT_WALK = [
  'top:Sam Altman',
  'top:Mark Zuckerberg',
  'same:Shengjia Zhao',
  'same:Andrej Karpathy',
  'srcdoc:Alexandr Wang',
  'srcdoc:Sam Altman',
  'cross:Lucas Beyer',
  'top:Sam Altman',
];
/** Alt+Shift+P after SHORTCUT_WALK: back across the frames. */
export const SHORTCUT_WALK_BACK = ['cross:Lucas Beyer', 'srcdoc:Sam Altman', 'srcdoc:Alexandr Wang', 'same:Andrej Karpathy'];

/** The popup's "On this page" for the frames page: every frame's people, by id. */
export const POPUP_PEOPLE = ['alexandr-wang', 'andrej-karpathy', 'lucas-beyer', 'mark-zuckerberg', 'sam-altman', 'shengjia-zhao'];
/** Mention counts the popup shows: Sam Altman is named in the page and in its srcdoc frame. */
export const POPUP_COUNTS: Record<string, RegExp> = { 'sam-altman': /\b2\b/, 'lucas-beyer': /\b1\b/ };

/** Runs in a frame: its window's name, 'top' for the page itself. */
export function windowName(): string {
  return window === window.top ? 'top' : window.name;
}

/** A page's frames by their window's name ('top': the page), as they are now. */
export type NamedFrames = () => Promise<Map<string, InPage>>;

/** The page's frames by their window's name, asking each frame ('top': the page). Frames that cannot answer (gone, loading) are left out. */
export async function framesByName<F extends InPage>(frames: readonly F[]): Promise<Map<string, F>> {
  const named = new Map<string, F>();
  for (const frame of frames) {
    const name = await evaluateIn(frame, windowName, undefined).catch(() => '');
    if (name) named.set(name, frame);
  }
  return named;
}

/** The marks of the frame named `name` (empty while it is missing). */
export async function marksOfFrame(frames: NamedFrames, name: string): Promise<string[]> {
  const frame = (await frames()).get(name);
  return frame ? highlightTexts(frame) : [];
}

/** Waits until every read frame of the frames page shows its marks (FRAME_MARKS). */
export async function expectEveryFrameMarked(frames: NamedFrames): Promise<void> {
  for (const [name, texts] of Object.entries(FRAME_MARKS)) await slowPoll(() => marksOfFrame(frames, name)).toEqual(texts);
}

/** The keyboard-selected mention of every frame, as "frame:text". */
export async function selectedMentions(frames: NamedFrames): Promise<string[]> {
  const found: string[] = [];
  for (const [name, frame] of await frames()) {
    for (const text of await highlightTexts(frame, ACTIVE_HIGHLIGHT_NAME)) found.push(`${name}:${text}`);
  }
  return found;
}

/** The card's host in a frame as the frame's page sees it (null: not shown), with the frame's viewport. */
interface CardInFrame {
  box: Box;
  viewport: { width: number; height: number };
}

/** Runs in a frame (pass it to evaluate). */
export function cardInFrame(): CardInFrame | null {
  const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])');
  if (!host || getComputedStyle(host).display === 'none' || getComputedStyle(host).visibility !== 'visible') return null;
  const r = host.getBoundingClientRect();
  return { box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, viewport: { width: innerWidth, height: innerHeight } };
}

/** A frame's content box in its page. */
export interface FrameBox {
  x: number;
  y: number;
  height: number;
}

/**
 * The pointer comes to rest on the bottom-edge mention (`move` moves the real pointer to a point of the
 * page), and its card opens inside the frame, whole, above the mention; the top page shows no card.
 */
export async function expectBottomEdgeCard(
  page: InPage,
  frame: InPage,
  frameBox: FrameBox,
  move: (x: number, y: number, steps: number) => Promise<unknown>,
): Promise<void> {
  const mark = await bottomEdgeMark(frame);
  // The mention sits on the frame's last line.
  expect(frameBox.height - mark.bottom).toBeLessThan(40);
  const x = frameBox.x + (mark.left + mark.right) / 2;
  const y = frameBox.y + (mark.top + mark.bottom) / 2;
  await move(x - 40, y - 60, 1);
  await move(x, y, 4);
  await slowPoll(() => evaluateIn(frame, cardInFrame, undefined)).not.toBeNull();
  const card = (await evaluateIn(frame, cardInFrame, undefined))!;
  expect(card.box.top).toBeGreaterThanOrEqual(0);
  expect(card.box.left).toBeGreaterThanOrEqual(0);
  expect(card.box.bottom).toBeLessThanOrEqual(card.viewport.height);
  expect(card.box.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.box.bottom).toBeLessThanOrEqual(mark.top);
  expect(await evaluateIn(page, cardInFrame, undefined)).toBeNull();
}

// ---- Hostile frames (test/fixtures/hostile/frame-forgery.*, many-frames.html) ----

/** The page whose frames forge our messages, events and keys; its `forger` frame comes from `forgerUrl` (another site). */
export const forgeryPage = (forgerUrl: string) => `/hostile/frame-forgery.html?forger=${encodeURIComponent(forgerUrl)}`;
export const FORGER_FRAME = '/hostile/frame-forger.html';
/** The forging frames: one of another site, one of the page's own. */
const FORGERS = ['forger', 'same-forger'] as const;
export const FORGERY_PAGE_MARKS = ['Sam Altman', 'Mark Chen'];
const FORGER_MARKS = ['Greg Brockman'];

/** What a forger frame reports it tried (frame-forgery.js). */
export interface Tried {
  posted: number;
  keys: number;
  runtime: string;
}

/** Runs in a forger frame: whether its script is ready to forge. */
function forgeReady(): boolean {
  return (window as unknown as { __forgeReady?: boolean }).__forgeReady === true;
}

/** Runs in a forger frame: posts our message shapes (aimed at extension `id`), look-alike events and keys, and tries runtime messaging. */
function forge(id: string): Tried {
  return (window as unknown as { __forge(id: string): Tried }).__forge(id);
}

/**
 * Checks what a forger tried, and returns how many of its messages the page itself heard: each shape is
 * posted to three windows, of which window.parent and window.top are both the page.
 */
function expectForgeryTried(tried: Tried): number {
  expect(tried.posted).toBeGreaterThan(0);
  expect(tried.keys).toBeGreaterThan(0);
  // A web page has no runtime messaging to our extension at all.
  expect(tried.runtime).toBe('none');
  return (tried.posted / 3) * 2;
}

/**
 * Waits for each forger frame to be marked and ready, has it forge (aiming at extension `runtimeId`),
 * checks what it tried, and returns how many messages the page itself should have heard.
 */
export async function forgeFromEveryForger(frames: NamedFrames, runtimeId: string): Promise<number> {
  let postedToTop = 0;
  for (const name of FORGERS) {
    await slowPoll(() => marksOfFrame(frames, name)).toEqual(FORGER_MARKS);
    const forger = (await frames()).get(name)!;
    await slowPoll(() => evaluateIn(forger, forgeReady, undefined)).toBe(true);
    if (name === 'forger') expect(await evaluateIn(forger, () => location.hostname, undefined)).toBe(OTHER_SITE_HOST);
    postedToTop += expectForgeryTried(await evaluateIn(forger, forge, runtimeId));
  }
  return postedToTop;
}

/** Runs in the forgery page: how many messages it has heard. */
export function messagesHeard(): number {
  return (window as unknown as { received: string[] }).received.length;
}

/** Whether any frame of the page shows a card or has a keyboard-selected mention. */
export async function anythingOpened(frames: readonly InPage[]): Promise<boolean> {
  for (const frame of frames) {
    if (await evaluateIn(frame, cardShown, undefined).catch(() => false)) return true;
    if ((await highlightTexts(frame, ACTIVE_HIGHLIGHT_NAME)).length > 0) return true;
  }
  return false;
}

export const MANY_FRAMES_PAGE = '/hostile/many-frames.html';
export const MANY_FRAMES_PAGE_MARKS = ['Sam Altman'];

/** Runs in the many-frames page: makes its 200 frames at once and says how many. */
export function makeFrames(): number {
  return (window as unknown as { __makeFrames(): number }).__makeFrames();
}

/** Runs in the many-frames page: its own clock, which must keep ticking while the frames load. */
export function pageTicks(): number {
  return (window as unknown as { ticks: number }).ticks;
}

/** Frame `fN`'s N (-1: not one of the 200). */
const frameIndex = (name: string) => (/^f\d+$/.test(name) ? Number(name.slice(1)) : -1);
/** Every 20th frame is an article naming Mark Zuckerberg: 10 of them. */
export const isArticleFrame = (name: string) => frameIndex(name) % 20 === 19;
/** Four in five frames are 1×1 tracking pixels naming Shengjia Zhao: 160 of them. */
export const isPixelFrame = (name: string) => frameIndex(name) >= 0 && frameIndex(name) % 5 !== 4;
export const ARTICLE_FRAMES = 10;
export const PIXEL_FRAMES = 160;
export const ARTICLE_MENTION = 'Mark Zuckerberg';

/** How many article frames are marked. */
export async function markedArticles(frames: NamedFrames): Promise<number> {
  let marked = 0;
  for (const [name, frame] of await frames()) {
    if (isArticleFrame(name) && (await highlightTexts(frame)).includes(ARTICLE_MENTION)) marked++;
  }
  return marked;
}

/** The pixels are never read, so never marked. */
export async function expectPixelsUnmarked(frames: NamedFrames): Promise<void> {
  const pixels = [...(await frames())].filter(([name]) => isPixelFrame(name));
  expect(pixels.length).toBe(PIXEL_FRAMES);
  for (const [name, frame] of pixels) expect(await highlightTexts(frame), name).toEqual([]);
}
