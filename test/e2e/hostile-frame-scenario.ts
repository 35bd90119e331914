/**
 * The hostile page against the card's notes frame (issue #12), stated once for Chromium
 * (hostile-frame.e2e.ts) and Firefox (firefox-hostile-frame.e2e.ts): the attack page, what it may learn,
 * and the in-page probes. The suites add their driver's glue (finding the notes frame, typing, clicking).
 */
import { expect } from 'vitest';
import { NOTHING_HAPPENS_MS, evaluateIn, expectNeverWithin, type InPage } from './page-helpers';

/** Listens to every message and navigates every frame it can reach (test/fixtures/hostile/frame-attacks.html). */
export const ATTACK_PAGE = '/hostile/frame-attacks.html';
/** A quiet page with the same person, for attacks the attack page would spoil by navigating what the test made. */
export const QUIET_PAGE = '/card/card.html';
/** The person both pages name, and a line of their card the page may find (it is the page's own card text). */
export const CARD_PERSON = 'Mark Chen';
export const CARD_ROLE_TEXT = 'Chief research officer';

/** What the attack page learnt (its window.spy). */
interface Spy {
  messages: Array<{ origin: string; fromSelf: boolean; data: string }>;
  reachedFrames: number;
  navigations: string[];
  lookAlikeLoaded?: number;
}

/** Runs in the attack page: what it has learnt so far. */
function pageSpy(): Spy {
  return (window as unknown as { spy: Spy }).spy;
}

/**
 * The attack page learns nothing: no message at all (nothing of ours, not even a height, and so no frame
 * window and no extension origin), no frame to reach, no navigation, no look-alike loaded. Watched for a
 * while, since a message would come after the notes were written, and failing at the first sign.
 */
export async function expectPageLearntNothing(page: InPage): Promise<void> {
  const learnt = (spy: Spy) => spy.messages.length > 0 || spy.reachedFrames > 0 || spy.navigations.length > 0 || 'lookAlikeLoaded' in spy;
  await expectNeverWithin(async () => learnt(await evaluateIn(page, pageSpy, undefined)), NOTHING_HAPPENS_MS, 'the page learnt something');
  const spy = await evaluateIn(page, pageSpy, undefined);
  expect(spy.messages).toEqual([]);
  expect(spy.reachedFrames).toBe(0);
  expect(spy.navigations).toEqual([]);
  expect(spy.lookAlikeLoaded).toBeUndefined();
}

/** Runs in a page: whether its window.find() finds `text` (what the page can read of its own document). */
export function pageFinds(text: string): boolean {
  return (window as unknown as { find(text: string): boolean }).find(text);
}

/** The note's text is in the extension's frame, out of the page's window.find(); the card's own text is not. */
export async function expectNoteHiddenFromPage(page: InPage, note: string): Promise<void> {
  expect(await evaluateIn(page, pageFinds, note)).toBe(false);
  expect(await evaluateIn(page, pageFinds, CARD_ROLE_TEXT)).toBe(true);
}

/** Runs in the page: the height of the card's host, the one box of the card the page does see. */
export function cardHostHeight(): number {
  return document.querySelector('talent-lens-ui:not([data-role])')!.getBoundingClientRect().height;
}
