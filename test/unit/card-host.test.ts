// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { fakeFrameLoading, personCard, useLocale } from './card-fixtures';
import { asUserInput, userClick } from './trusted-events';
import { loadSettings } from '@/utils/settings';
import { NOTE_FRAME_HEIGHT } from '@/utils/notes/note-frame';
import type { PersonCard } from '@/data/schema';

const sendMessage = vi.hoisted(() => vi.fn());
/** The content script's `noteFrameEvent` listener, as the card registers it. */
const frameEvents = vi.hoisted(() => ({ handler: null as null | ((message: { data: unknown; sender: unknown }) => void) }));
vi.mock('@/utils/messaging', () => ({
  backgroundMessenger: { sendMessage },
  tabMessenger: {
    onMessage: (_type: string, handler: (message: { data: unknown; sender: unknown }) => void) => {
      frameEvents.handler = handler;
      return () => (frameEvents.handler = null);
    },
  },
}));
const SESSION = 'c0ffee'.padEnd(32, '0');
/** The background relaying an event about the card's notes frame. */
const relay = (event: string, sessionId = SESSION) =>
  frameEvents.handler?.({ data: { sessionId, event }, sender: { id: browser.runtime.id } });

const { createCardController } = await import('@/content/card/host');
const { UI_HOST_TAG: HOST_TAG } = await import('@/content/ui-host');

/** The controller with a shadow root the test can see into (the real one is closed to everyone). */
function setup(fetchCard: (id: string) => Promise<PersonCard | null> = async () => personCard()) {
  const roots: ShadowRoot[] = [];
  const fetch = vi.fn(fetchCard);
  const controller = createCardController({
    fetchCard: fetch,
    attachShadow: (element) => {
      const root = element.attachShadow({ mode: 'closed' });
      roots.push(root);
      return root;
    },
  });
  const root = () => roots[roots.length - 1]!;
  const host = () => document.querySelector<HTMLElement>(HOST_TAG);
  const visible = () => host()?.style.getPropertyValue('display') === 'block';
  return { controller, fetch, root, host, visible };
}

function mention(text = 'Shengjia Zhao') {
  const p = document.createElement('p');
  p.innerHTML = `Researcher <span tabindex="0">${text}</span> moved.`;
  document.body.append(p);
  const span = p.querySelector('span')!;
  const range = document.createRange();
  range.selectNodeContents(span);
  return { personId: 'shengjia-zhao', range, returnFocusTo: span as HTMLElement };
}

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  sendMessage.mockImplementation(async (type: string) => (type === 'openNoteSession' ? { sessionId: SESSION } : undefined));
  useLocale('en');
  fakeBrowser.reset();
  useLocale('en');
  // happy-dom has no layout: give every range a box in the viewport.
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
    { left: 100, top: 100, right: 200, bottom: 120, width: 100, height: 20, x: 100, y: 100 },
  ] as unknown as DOMRectList);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  fakeFrameLoading();
});

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelectorAll(HOST_TAG).forEach((el) => el.remove());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('card controller', () => {
  it('hover: loads at 150 ms, shows at 500 ms in a host that shows the page nothing', async () => {
    const { controller, fetch, root, host, visible } = setup();
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(149);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledWith('shengjia-zhao', 'Hans');
    await vi.advanceTimersByTimeAsync(349);
    expect(visible()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(visible()).toBe(true);
    expect(root().querySelector('[role="dialog"] h2')!.textContent).toBe('Shengjia Zhao');
    expect(root().querySelector('[data-testid="role"]')!.textContent).toContain('Chief scientist');

    const element = host()!;
    expect(element.parentElement).toBe(document.documentElement);
    expect(element.shadowRoot).toBeNull();
    expect(element.textContent).toBe('');
    expect(element.getAttributeNames()).toEqual(['style']);
    expect(element.getAttribute('style')).not.toContain('Shengjia');
    expect(element.style.getPropertyPriority('position')).toBe('important');
    controller.destroy();
    expect(host()).toBeNull();
  });

  it('a card already loaded still waits the full 500 ms, and is asked for once', async () => {
    const { controller, fetch, visible } = setup();
    const target = mention();
    controller.pointerEnter(target);
    await vi.advanceTimersByTimeAsync(500);
    controller.pointerLeave();
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(false);
    controller.pointerEnter(target);
    await vi.advanceTimersByTimeAsync(499);
    expect(visible()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(visible()).toBe(true);
    expect(fetch).toHaveBeenCalledOnce();
    controller.destroy();
  });

  it('the pointer moving into the card keeps it open; leaving it closes after 300 ms', async () => {
    const { controller, host, visible } = setup();
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    controller.pointerLeave();
    await vi.advanceTimersByTimeAsync(200);
    host()!.dispatchEvent(asUserInput(new PointerEvent('pointerenter')));
    await vi.advanceTimersByTimeAsync(2000);
    expect(visible()).toBe(true);
    host()!.dispatchEvent(asUserInput(new PointerEvent('pointerleave')));
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it('shows a loading state, then the details when they arrive', async () => {
    let resolve: (card: PersonCard) => void = () => {};
    const { controller, root } = setup(() => new Promise((r) => (resolve = r)));
    controller.pointerEnter(mention('Zhao Shengjia'));
    await vi.advanceTimersByTimeAsync(500);
    expect(root().querySelector('[data-testid="card-loading"]')).toBeTruthy();
    expect(root().querySelector('h2')!.textContent).toBe('Zhao Shengjia');
    resolve(personCard());
    await vi.advanceTimersByTimeAsync(0);
    expect(root().querySelector('[data-testid="card-loading"]')).toBeNull();
    expect(root().querySelectorAll('[data-testid="move"]')).toHaveLength(2);
    controller.destroy();
  });

  it('a background that fails shows a short message, never an exception; Retry asks again', async () => {
    const { controller, fetch, root } = setup(() => Promise.reject(new Error('Could not establish connection')));
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    expect(root().querySelector('[data-testid="card-error"]')).toBeTruthy();
    fetch.mockImplementation(async () => personCard());
    userClick(root().querySelector('[data-testid="card-error"] button')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(root().querySelector('[data-testid="role"]')).toBeTruthy();
    controller.destroy();
  });

  it('an unknown person gets the "no details" state', async () => {
    const { controller, root } = setup(async () => null);
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    expect(root().querySelector('[data-testid="card-missing"]')).toBeTruthy();
    controller.destroy();
  });

  it('keyboard open is immediate, moves focus into the card; Escape closes and returns focus', async () => {
    const { controller, root, visible } = setup();
    const target = mention();
    target.returnFocusTo.focus();
    controller.open(target, { viaKeyboard: true });
    expect(visible()).toBe(true);
    const close = root().querySelector('button[aria-label="Close"]');
    expect(root().activeElement).toBe(close);
    root().activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(visible()).toBe(false);
    expect(document.activeElement).toBe(target.returnFocusTo);
    controller.destroy();
  });

  it('focus coming back to the mention on close does not reopen the card', async () => {
    const { controller, root, visible } = setup();
    const target = mention();
    // What the page layer does: a focused mention opens its card.
    target.returnFocusTo.addEventListener('focus', () => controller.open(target, { viaKeyboard: true }));
    controller.open(target, { viaKeyboard: true });
    userClick(root().querySelector('button[aria-label="Close"]')!);
    expect(document.activeElement).toBe(target.returnFocusTo);
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it('Escape pressed on the page closes a hover card; a click elsewhere does too', async () => {
    const { controller, visible } = setup();
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    document.body.dispatchEvent(asUserInput(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(visible()).toBe(false);
    controller.pointerEnter(mention('Mark Chen'));
    await vi.advanceTimersByTimeAsync(500);
    expect(visible()).toBe(true);
    document.body.dispatchEvent(asUserInput(new PointerEvent('pointerdown', { bubbles: true })));
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it("the page's own synthetic Escape, pointerdown, scroll and pointer events on our host change nothing", async () => {
    const { controller, host, visible } = setup();
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    expect(visible()).toBe(true);
    // Untrusted, as every event a page dispatches is.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(50);
    expect(visible()).toBe(true);
    // A fake "pointer left the card" does not start the close either, nor a fake "entered" hold it open.
    host()!.dispatchEvent(new PointerEvent('pointerenter'));
    controller.pointerLeave();
    host()!.dispatchEvent(new PointerEvent('pointerleave'));
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it('keys in the card do not reach the page’s key listeners; notes are typed in a frame, not in the shadow root', async () => {
    const { controller, root } = setup();
    const seen: string[] = [];
    document.addEventListener('keydown', (event) => seen.push(event.key));
    const target = mention();
    document.body.append(Object.assign(document.createElement('span'), { textContent: 'a selected quote' }));
    const selected = document.createRange();
    selected.selectNodeContents(document.body.lastChild!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(selected);
    controller.open(target, { viaKeyboard: true });
    root().activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    expect(seen).toEqual([]);

    expect(root().querySelector('textarea, input, [contenteditable]')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    // The page and the selection go to the background with the session, not into the frame's URL.
    expect(sendMessage).toHaveBeenCalledWith('openNoteSession', {
      personId: 'shengjia-zhao',
      origin: { url: location.href, title: document.title, selection: 'a selected quote' },
    });
    const frame = root().querySelector<HTMLIFrameElement>('section[data-testid="card-notes"] iframe')!;
    // The session, and the card's colour scheme (this page paints nothing: the browser's light canvas).
    expect(frame.src).toBe(`${browser.runtime.getURL('/note-frame.html')}#${SESSION}.light`);
    expect(frame.title).toBe('Your private notes on this person');
    controller.destroy();
  });

  it('takes the colour scheme of the page behind the mention, on its own element, and gives it to its notes frame', async () => {
    const { controller, root, host } = setup();
    document.body.style.backgroundColor = 'rgb(22, 24, 28)';
    try {
      controller.open(mention(), { viaKeyboard: true });
      await vi.advanceTimersByTimeAsync(0);
      const card = root().querySelector<HTMLElement>('[role="dialog"]')!;
      expect(card.dataset.scheme).toBe('dark');
      const frame = root().querySelector<HTMLIFrameElement>('section[data-testid="card-notes"] iframe')!;
      expect(frame.src).toMatch(/#[0-9a-f]{32}\.dark$/);
      expect(frame.style.colorScheme).toBe('dark');
      // Nothing about it on the host the page sees.
      expect(host()!.getAttributeNames()).toEqual(['style']);
      controller.close();

      // A light box around the next mention, in the same dark page: what is behind the mention counts.
      const target = mention('Mark Chen');
      (target.range.startContainer.parentElement!.parentElement as HTMLElement).style.backgroundColor = 'rgba(255, 255, 255, 0.95)';
      controller.open({ ...target, personId: 'mark-chen' }, { viaKeyboard: true });
      await vi.advanceTimersByTimeAsync(0);
      expect(root().querySelector<HTMLElement>('[role="dialog"]')!.dataset.scheme).toBe('light');
    } finally {
      document.body.style.backgroundColor = '';
      controller.destroy();
    }
  });

  it('an Escape relayed from the notes frame closes the card, closes the session and returns focus to the mention', async () => {
    const { controller, root, visible } = setup();
    const target = mention();
    target.returnFocusTo.focus();
    controller.open(target, { viaKeyboard: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(root().querySelector('iframe')).not.toBeNull();
    // Another session's events, or ones not from the background, change nothing.
    relay('escape', 'f'.repeat(32));
    frameEvents.handler?.({ data: { sessionId: SESSION, event: 'escape' }, sender: { id: browser.runtime.id, tab: { id: 3 } } });
    expect(visible()).toBe(true);
    relay('escape');
    expect(visible()).toBe(false);
    expect(document.activeElement).toBe(target.returnFocusTo);
    expect(root().querySelector('iframe')).toBeNull();
    expect(sendMessage).toHaveBeenCalledWith('closeNoteSession', { sessionId: SESSION });
    controller.destroy();
  });

  it('the frame keeps its fixed height whatever it holds', async () => {
    const { controller, root } = setup();
    controller.open(mention(), { viaKeyboard: false });
    await vi.advanceTimersByTimeAsync(0);
    const frame = root().querySelector<HTMLIFrameElement>('iframe')!;
    frame.dispatchEvent(asUserInput(new Event('load')));
    relay('ready');
    await vi.advanceTimersByTimeAsync(0);
    expect(frame.style.height).toBe(`${NOTE_FRAME_HEIGHT}px`);
    controller.destroy();
  });

  it('the links: open in popup and turn off go through the background, which switches the site', async () => {
    sendMessage.mockResolvedValue(undefined);
    const { controller, root, visible } = setup();
    controller.open(mention(), { viaKeyboard: false });
    userClick(root().querySelector('[data-testid="open-popup"]')!);
    expect(sendMessage).toHaveBeenCalledWith('openExtensionPage', { page: 'popup', personId: 'shengjia-zhao' });
    userClick(root().querySelector('[data-testid="turn-off-site"]')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).toHaveBeenLastCalledWith('switchReaderSite', { on: false });
    // The content script writes no settings itself.
    expect((await loadSettings()).disabledSites).toEqual([]);
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it('after "Turn off on this site", says so where the card was, with an Undo that only the reader can press', async () => {
    useLocale('en');
    sendMessage.mockResolvedValue(undefined);
    const { controller, root } = setup();
    controller.open(mention(), { viaKeyboard: true });
    await vi.advanceTimersByTimeAsync(0);
    root().querySelector<HTMLButtonElement>('[data-testid="turn-off-site"]')!.focus();
    userClick(root().querySelector('[data-testid="turn-off-site"]')!);
    await vi.advanceTimersByTimeAsync(0);
    const notice = document.querySelector<HTMLElement>(`${HOST_TAG}[data-role="notice"]`)!;
    expect(notice.style.getPropertyValue('position')).toBe('fixed');
    const noticeRoot = root();
    expect(noticeRoot.querySelector('[data-testid="turned-off-notice"]')!.textContent).toBe('Turned off on this site.Undo');
    expect(noticeRoot.querySelector('[role="status"]')).not.toBeNull();
    // The reader was in the card: focus moves to Undo, so the keyboard reaches it.
    expect(noticeRoot.activeElement).toBe(noticeRoot.querySelector('[data-testid="turned-off-undo"]'));
    const undo = noticeRoot.querySelector<HTMLButtonElement>('[data-testid="turned-off-undo"]')!;
    expect(sendMessage).toHaveBeenLastCalledWith('switchReaderSite', { on: false });
    undo.click(); // made up, as a page could
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).toHaveBeenLastCalledWith('switchReaderSite', { on: false });
    undo.dispatchEvent(asUserInput(new MouseEvent('click', { bubbles: true })));
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).toHaveBeenLastCalledWith('switchReaderSite', { on: true });
    expect(document.querySelector(`${HOST_TAG}[data-role="notice"]`)).toBeNull();
    controller.destroy();
  });

  it('the notice goes by itself after a few seconds, but not while the pointer is on it', async () => {
    useLocale('en');
    sendMessage.mockResolvedValue(undefined);
    const { controller, root } = setup();
    controller.open(mention(), { viaKeyboard: false });
    userClick(root().querySelector('[data-testid="turn-off-site"]')!);
    await vi.advanceTimersByTimeAsync(0);
    const notice = () => document.querySelector<HTMLElement>(`${HOST_TAG}[data-role="notice"]`);
    notice()!.dispatchEvent(asUserInput(new Event('pointerenter')));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(notice()).not.toBeNull();
    notice()!.dispatchEvent(asUserInput(new Event('pointerleave')));
    await vi.advanceTimersByTimeAsync(7_000);
    expect(notice()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(notice()).toBeNull();
    // Going by itself is not an Undo.
    expect(sendMessage.mock.calls.filter(([type]) => type === 'switchReaderSite')).toEqual([['switchReaderSite', { on: false }]]);
    controller.destroy();
  });

  it('asks for Traditional data for a mention written in Traditional characters, and keeps the two apart', async () => {
    const { controller, fetch } = setup();
    controller.open(mention('趙晟佳'), { viaKeyboard: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenLastCalledWith('shengjia-zhao', 'Hant');
    controller.close();
    controller.open(mention('赵晟佳'), { viaKeyboard: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenLastCalledWith('shengjia-zhao', 'Hans');
    expect(fetch).toHaveBeenCalledTimes(2);
    controller.destroy();
  });

  it('closes when the mention leaves the page', async () => {
    const { controller, visible } = setup();
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(500);
    vi.mocked(Range.prototype.getClientRects).mockReturnValue([] as unknown as DOMRectList);
    window.dispatchEvent(asUserInput(new Event('resize')));
    await vi.advanceTimersByTimeAsync(50);
    expect(visible()).toBe(false);
    controller.destroy();
  });

  it('without the browser’s own attachShadow (happy-dom’s is not native) it stays off and throws nothing', async () => {
    const controller = createCardController({ fetchCard: async () => personCard() });
    controller.pointerEnter(mention());
    await vi.advanceTimersByTimeAsync(600);
    controller.open(mention(), { viaKeyboard: true });
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('[talent-lens]'), null);
    controller.destroy();
  });
});
