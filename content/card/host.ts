/**
 * The card's browser glue: a `<talent-lens-ui>` host element with a CLOSED
 * shadow root, Preact rendering into it, hover intent, positioning and focus.
 *
 * Privacy: page scripts can see that the host exists and where it is, nothing
 * else. The shadow root is closed (host.shadowRoot is null to the page), the
 * host carries no attributes but its inline position, and no card or note text
 * is ever written into the light DOM. Keyboard and input events from inside the
 * card stop at the shadow root, so the page's bubbling listeners (shortcuts)
 * do not see them; capture-phase listeners on window or document still run
 * before ours and cannot be stopped from here. That is why the notes are not
 * in the shadow root at all but in an extension-origin frame inside it
 * (components/card/CardNotes.tsx): keys typed there are never dispatched in
 * the page's document, and the page cannot read the frame's.
 */
import { h, render } from 'preact';
import type { PersonCard } from '@/data/schema';
import { HoverCard, focusables, type CardActions, type CardState } from '@/components/card/HoverCard';
import { CARD_CSS } from '@/components/card/card-css';
import { cardLang } from '@/components/card/text';
import { backgroundMessenger } from '@/utils/messaging';
import { trimOrigin } from '@/utils/notes/note-frame';
import type { NoteOrigin } from '@/utils/notes/records';
import type { Rejection } from '@/utils/notes/rejections';
import type { DisplayNames } from '@/utils/dataset/person-card';
import { setSiteEnabled, siteKey } from '@/utils/settings';
import { createHoverIntent, type Timers } from './hover-intent';
import { anchorRect, cardRoom, isFarOutOfView, placeCard } from './position';
import type { CardController, MentionTarget } from './mention-target';
import { PERF_MARKS, perfMark } from '@/content/perf-marks';
import { onlyTrusted } from '@/content/trusted';
import { adoptStyles, containEvents, hostStyle } from './shadow-host';
import { dataScript, type DataScript } from '@/utils/data-script';
import { t2s } from '@/data/generated/t2s.json';
import { showTurnedOffNotice } from './turned-off-notice';

export const HOST_TAG = 'talent-lens-ui';
export const MARK_HOVER_START = PERF_MARKS.hoverStart;
export const MARK_SHOW_START = PERF_MARKS.cardShowStart;
export const MARK_CARD_SHOWN = PERF_MARKS.cardShown;

/** The background answers in milliseconds; past this it is not going to (worker crashed, extension reloaded). */
const LOAD_TIMEOUT_MS = 5000;

// Captured when the content script loads. Content scripts run in an isolated
// world, so a page's patch of Element.prototype.attachShadow is not visible
// here; should that ever not hold, refuse to build the card rather than hand
// our shadow root to the page.
const pristineAttachShadow = (() => {
  try {
    const fn = Element.prototype.attachShadow;
    return /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn)) ? fn : null;
  } catch {
    return null;
  }
})();

export interface CardControllerOptions {
  timers?: Timers;
  /** Creates the closed shadow root; defaults to the browser's own attachShadow (tests without one inject it). */
  attachShadow?(host: HTMLElement): ShadowRoot;
  fetchCard?(personId: string, script: DataScript): Promise<PersonCard | null>;
  /** Names for a context explanation's ids; defaults to the background's `getDisplayNames`. */
  fetchNames?(query: { organizations: string[]; people: string[] }): Promise<DisplayNames>;
  /**
   * "Not this person" on the open card's mention: the content script removes its marks and has the
   * choice kept for the site. Without it the card offers no such button.
   */
  notThisPerson?(rejection: Rejection): Promise<void>;
}

interface OpenCard {
  target: MentionTarget;
  state: CardState;
  origin: NoteOrigin;
  viaKeyboard: boolean;
  /** Where focus goes when the card closes, if focus was in the card. */
  returnFocusTo: HTMLElement | null;
}

interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

const log = (what: string, cause: unknown) => console.error(`[talent-lens] ${what}`, cause);

/** Runs `fn`, logging instead of throwing: nothing the card does may raise an error in the page. */
function guarded<A extends unknown[]>(what: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (cause) {
      log(what, cause);
    }
  };
}

function fetchFromBackground(personId: string, script: DataScript): Promise<PersonCard | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the background did not answer')), LOAD_TIMEOUT_MS);
    backgroundMessenger.sendMessage('getPersonCard', { personId, script }).then(
      (card) => (clearTimeout(timer), resolve(card)),
      (cause: unknown) => (clearTimeout(timer), reject(cause)),
    );
  });
}

/** The same mention: same person, same text range. The page layer may hand over a fresh target object each time. */
function sameMention(a: MentionTarget, b: MentionTarget): boolean {
  if (a === b) return true;
  if (a.personId !== b.personId) return false;
  try {
    return (
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range) === 0 && a.range.compareBoundaryPoints(Range.END_TO_END, b.range) === 0
    );
  } catch {
    return false;
  }
}

/** The page and selection a note written in the card comes from (capped at the note store's limits). */
function noteOrigin(): NoteOrigin {
  return trimOrigin({ url: location.href, title: document.title, selection: window.getSelection()?.toString() ?? '' });
}

export function createCardController(options: CardControllerOptions = {}): CardController {
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id as number),
  };
  const fetchCard = options.fetchCard ?? fetchFromBackground;
  const lang = cardLang();
  const fetchNames = options.fetchNames ?? ((query) => backgroundMessenger.sendMessage('getDisplayNames', query));
  /** Context names by the ids asked; null while asking or after a failure (the line then names none). */
  const names = new Map<string, DisplayNames | null>();

  /** The script of the card's Chinese data: a Traditional page gets a Traditional card. */
  const scriptOf = (target: MentionTarget): DataScript => dataScript(target.range.toString(), document.documentElement.lang, t2s);
  const loadKey = (target: MentionTarget) => `${target.personId} ${scriptOf(target)}`;
  /** Settled loads by person and script; in-flight loads are shared so hovering twice asks once. */
  const loaded = new Map<string, CardState>();
  const loading = new Map<string, Promise<void>>();
  let host: Host | null = null;
  let open: OpenCard | null = null;
  let destroyed = false;
  let frame = 0;
  let resizeObserver: ResizeObserver | null = null;
  // Set while focus goes back to the mention on close: the page layer opens a
  // card when a mention gains focus, and that focus must not reopen this one.
  let returningFocus = false;

  const attach =
    options.attachShadow ??
    (pristineAttachShadow ? (element: HTMLElement) => pristineAttachShadow.call(element, { mode: 'closed' }) : null);

  function ensureHost(): Host | null {
    if (host?.element.isConnected) return host;
    if (!attach) {
      log('attachShadow is not the browser’s own: the card stays off on this page', null);
      return null;
    }
    // A page script may have removed our host: start over with a fresh one.
    host?.element.remove();
    const element = document.createElement(HOST_TAG);
    const root = attach(element);
    adoptStyles(root, CARD_CSS);
    containEvents(root);
    // Only the card's own nodes dispatch in the closed root, but pinning is acting: the user's focus only.
    root.addEventListener(
      'focusin',
      onlyTrusted(() => intent.pin()),
    );
    // The host element is in the page's DOM: the page can dispatch pointer events on it.
    element.addEventListener(
      'pointerenter',
      onlyTrusted(() => intent.enterCard()),
    );
    element.addEventListener(
      'pointerleave',
      onlyTrusted(() => {
        // While the user works in the card (focus inside), the pointer may wander off.
        if (!root.activeElement) intent.leaveCard();
      }),
    );
    // Inline and !important: the page's own rules on our tag (display:none, opacity…)
    // would otherwise beat the shadow root's :host rules. `all` first, then ours.
    hostStyle(element, { all: 'initial' });
    hostStyle(element, {
      display: 'none',
      position: 'fixed',
      left: '0px',
      top: '0px',
      width: '360px',
      'max-width': 'calc(100vw - 16px)',
      'z-index': '2147483647',
    });
    document.documentElement.append(element);
    host = { element, root };
    return host;
  }

  function load(target: MentionTarget) {
    const { personId } = target;
    const script = scriptOf(target);
    const key = loadKey(target);
    if (loading.has(key)) return;
    // A failure is kept only until the next attempt (a new hover or Retry) asks again.
    if (loaded.get(key)?.status === 'error') loaded.delete(key);
    if (loaded.has(key)) return;
    const pending = fetchCard(personId, script)
      .then(
        (card): CardState => (card ? { status: 'ready', card } : { status: 'missing' }),
        (cause: unknown): CardState => {
          log('loading the card failed', cause);
          return { status: 'error' };
        },
      )
      .then((state) => {
        loading.delete(key);
        loaded.set(key, state);
        if (open && loadKey(open.target) === key) {
          open.state = state;
          paint();
        }
      });
    loading.set(personId, pending);
  }

  /** The names a context explanation needs, asked once per set of ids; the card repaints when they arrive. */
  function namesFor(target: MentionTarget): DisplayNames | null {
    const why = target.explanation?.why;
    if (why?.kind !== 'context') return null;
    const query = { organizations: why.organizations, people: why.people };
    const key = JSON.stringify(query);
    if (!names.has(key)) {
      names.set(key, null);
      fetchNames(query).then(
        (answer) => {
          names.set(key, answer);
          if (open?.target === target) paint();
        },
        (cause: unknown) => log('loading names for the card failed', cause),
      );
    }
    return names.get(key) ?? null;
  }

  function show(target: MentionTarget, viaKeyboard: boolean) {
    perfMark(MARK_SHOW_START);
    const ui = ensureHost();
    if (!ui) return;
    const active = document.activeElement;
    open = {
      target,
      state: loaded.get(loadKey(target)) ?? { status: 'loading' },
      origin: noteOrigin(),
      viaKeyboard,
      returnFocusTo: target.returnFocusTo ?? (active instanceof HTMLElement && active !== ui.element ? active : null),
    };
    hostStyle(ui.element, { display: 'block', visibility: 'hidden', left: '0px', top: '0px' });
    paint();
    listen(true);
    reposition();
    hostStyle(ui.element, { visibility: 'visible' });
    perfMark(MARK_CARD_SHOWN);
    if (viaKeyboard) {
      const dialog = ui.root.querySelector<HTMLElement>('[role="dialog"]');
      const first = dialog ? focusables(dialog)[0] : undefined;
      (first ?? dialog)?.focus();
    }
  }

  function hide() {
    const closing = open;
    open = null;
    listen(false);
    if (!host) return;
    const hadFocus = !!host.root.activeElement;
    render(null, host.root);
    hostStyle(host.element, { display: 'none' });
    if (closing && (hadFocus || closing.viaKeyboard)) {
      const back = closing.returnFocusTo;
      if (back?.isConnected) {
        returningFocus = true;
        try {
          back.focus();
        } finally {
          returningFocus = false;
        }
      }
    }
  }

  const actions: CardActions = {
    close: () => intent.close(),
    retry: () => {
      if (!open) return;
      open.state = { status: 'loading' };
      paint();
      load(open.target);
    },
    openPage: async (page) => {
      const personId = open?.target.personId;
      await backgroundMessenger.sendMessage('openExtensionPage', { page, ...(personId ? { personId } : {}) });
    },
    turnOffSite: async () => {
      const where = host?.element.getBoundingClientRect() ?? null;
      const hadFocus = !!host?.root.activeElement;
      await setSiteEnabled(siteKey(location), false);
      intent.close();
      // Marking stops on this site (and this controller goes with it): say so where the card was, with Undo.
      if (attach) showTurnedOffNotice({ attach, where, focus: hadFocus, timers, undo: () => setSiteEnabled(siteKey(location), true) });
    },
    ...(options.notThisPerson
      ? {
          notThisPerson: async () => {
            const target = open?.target;
            if (!target?.aliasText) return;
            // The card's mention is about to go: close first, so focus goes back to the page, not to a removed mark's card.
            intent.close();
            await options.notThisPerson!({ personId: target.personId, aliasText: target.aliasText });
          },
        }
      : {}),
  };

  function paint() {
    if (!host || !open) return;
    const { target, state, origin } = open;
    render(
      h(HoverCard, {
        // A new person is a new card: no expanded panel or half-typed note carries over.
        key: target.personId,
        personId: target.personId,
        mentionText: target.range.toString().trim(),
        state,
        lang,
        origin,
        actions,
        mention: {
          ...(target.explanation ? { explanation: target.explanation } : {}),
          ...(target.aliasText ? { aliasText: target.aliasText } : {}),
          names: namesFor(target),
        },
      }),
      host.root,
    );
  }

  function reposition() {
    frame = 0;
    if (!host || !open) return;
    // clientWidth/Height leave out scrollbars; they are 0 in documents without layout (quirks, tests).
    const root = document.documentElement;
    const viewport = { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
    const anchor = anchorRect([...open.target.range.getClientRects()]);
    if (!anchor || isFarOutOfView(anchor, viewport)) {
      // The mention was removed from the page or scrolled far away: a card pointing at nothing is noise.
      intent.close();
      return;
    }
    // Never taller than the roomier side of the mention, so the card never covers it.
    hostStyle(host.element, { '--tl-room': `${Math.floor(cardRoom(anchor, viewport))}px` });
    const box = host.element.getBoundingClientRect();
    const place = placeCard(anchor, { width: box.width, height: box.height }, viewport);
    hostStyle(host.element, { left: `${Math.round(place.left)}px`, top: `${Math.round(place.top)}px` });
  }

  const scheduleReposition = () => {
    if (!frame) frame = requestAnimationFrame(guarded('positioning the card', reposition));
  };

  // The page's window: only the user's own Escape, click or scroll may close or move the card.
  const onKeyDown = onlyTrusted(
    guarded('handling a key', (event: KeyboardEvent) => {
      // Inside the card the card handles keys itself (and a note editor may keep its Escape).
      if (event.key === 'Escape' && host && event.target !== host.element) intent.close();
    }),
  );
  const onPointerDown = onlyTrusted(
    guarded('handling a click', (event: PointerEvent) => {
      if (host && event.target !== host.element) intent.close();
    }),
  );
  const onViewportChange = onlyTrusted(() => scheduleReposition());

  function listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', onViewportChange, { capture: true, passive: true } as AddEventListenerOptions);
    window[method]('resize', onViewportChange, { passive: true } as AddEventListenerOptions);
    window[method]('keydown', onKeyDown as EventListener, true);
    window[method]('pointerdown', onPointerDown as EventListener, true);
    if (on && host && typeof ResizeObserver === 'function') {
      // The card grows as details load, a conflict expands or a note is added.
      resizeObserver ??= new ResizeObserver(scheduleReposition);
      resizeObserver.observe(host.element);
    } else if (!on) {
      resizeObserver?.disconnect();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    }
  }

  const intent = createHoverIntent<MentionTarget>(
    {
      load: guarded('loading the card', load),
      show: guarded('showing the card', show),
      hide: guarded('hiding the card', hide),
    },
    timers,
    { isSame: sameMention },
  );

  const live = <A extends unknown[]>(what: string, fn: (...args: A) => void) =>
    guarded(what, (...args: A) => {
      if (!destroyed) fn(...args);
    });

  return {
    pointerEnter: live('pointerEnter', (target: MentionTarget) => {
      // A new hover starts the clock; coming back to the same mention during the grace period does not.
      if (!intent.target || !sameMention(intent.target, target)) perfMark(MARK_HOVER_START);
      intent.enterMention(target);
    }),
    pointerLeave: live('pointerLeave', () => intent.leaveMention()),
    open: live('open', (target: MentionTarget, { viaKeyboard }: { viaKeyboard: boolean }) => {
      if (!returningFocus) intent.openNow(target, viaKeyboard);
    }),
    close: live('close', () => intent.close()),
    destroy: guarded('destroy', () => {
      if (destroyed) return;
      intent.close();
      destroyed = true;
      listen(false);
      resizeObserver = null;
      host?.element.remove();
      host = null;
      loaded.clear();
      loading.clear();
      names.clear();
    }),
  };
}
