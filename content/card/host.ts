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
import { isTopFrame } from '@/content/frame-gate';
import { createHoverIntent, type HoverIntent, type HoverTimings } from './hover-intent';
import type { Timers } from '@/content/scheduling';
import { anchorRect, cardRoom, isFarOutOfView, placeCard } from './position';
import type { CardController, MentionTarget } from './mention-target';
import { PERF_MARKS, perfMark, type CardShowFigures } from '@/content/perf-marks';
import { onlyTrusted } from '@/content/trusted';
import { adoptStyles, containEvents, hostStyle } from './shadow-host';
import { dataScript, type DataScript } from '@/utils/data-script';
import { t2s } from '@/data/generated/t2s.json';
import { showTurnedOffNotice } from './turned-off-notice';
import { uiDataScript } from './card-language';
import { followFullscreen, holds, hostContainer } from './fullscreen';
import { logError } from '@/utils/log';
import { UI_HOST_TAG } from '@/content/ui-host';
import type { ColorScheme } from '@/utils/color-scheme';
import { mentionColorScheme } from './page-scheme';

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
  /** The hover timings, read at each hover: the card delay is a setting that may change while the page is open. */
  hoverTimings?(): HoverTimings;
}

interface OpenCard {
  target: MentionTarget;
  state: CardState;
  origin: NoteOrigin;
  viaKeyboard: boolean;
  /** The page's colour scheme behind the mention, read once as the card opens. */
  scheme: ColorScheme;
  /** Where focus goes when the card closes, if focus was in the card. */
  returnFocusTo: HTMLElement | null;
}

interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

/** Runs `fn`, logging instead of throwing: nothing the card does may raise an error in the page. */
function guarded<A extends unknown[]>(what: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (cause) {
      logError(what, cause);
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
/** The card's "Turn off on this site" (false) and its Undo (true), done by the background (background/site-switch.ts). */
function switchReaderSite(on: boolean): Promise<void> {
  return backgroundMessenger.sendMessage('switchReaderSite', { on });
}

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

/** The script of the card's Chinese data: a Traditional page gets a Traditional card. */
function scriptOf(target: MentionTarget): DataScript {
  return dataScript(target.range.toString(), document.documentElement.lang, t2s, uiDataScript());
}

/** A card load's key: person and script. */
function loadKey(target: MentionTarget): string {
  return `${target.personId} ${scriptOf(target)}`;
}

export function createCardController(options: CardControllerOptions = {}): CardController {
  return new HoverCardController(options);
}

/**
 * The card for the page layer: hover intent decides when it loads, shows and hides; the host
 * element and its closed shadow root are made on first show. Every entry point logs instead of
 * throwing, and does nothing once destroyed.
 */
class HoverCardController implements CardController {
  private readonly timers: Timers;
  private readonly fetchCard: (personId: string, script: DataScript) => Promise<PersonCard | null>;
  private readonly fetchNames: (query: { organizations: string[]; people: string[] }) => Promise<DisplayNames>;
  private readonly attach: ((host: HTMLElement) => ShadowRoot) | null;
  /** The data's language follows the UI's, which the reader may change while the page is open. */
  private get lang() {
    return cardLang();
  }
  private readonly intent: HoverIntent<MentionTarget>;
  private readonly actions: CardActions;
  /** Context names by the ids asked; null while asking or after a failure (the line then names none). */
  private readonly names = new Map<string, DisplayNames | null>();
  /** Settled loads by person and script; in-flight loads are shared so hovering twice asks once. */
  private readonly loaded = new Map<string, CardState>();
  private readonly loading = new Map<string, Promise<void>>();
  private host: Host | null = null;
  private shown: OpenCard | null = null;
  private destroyed = false;
  /** The pending repositioning frame (0: none). */
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;
  /**
   * Set while focus goes back to the mention on close: the page layer opens a card when a mention
   * gains focus, and that focus must not reopen this one.
   */
  private returningFocus = false;
  /** Stops moving the host in and out of fullscreen elements. */
  private readonly stopFollowingFullscreen: () => void;

  constructor(private readonly options: CardControllerOptions) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id as number),
    };
    this.fetchCard = options.fetchCard ?? fetchFromBackground;
    this.fetchNames = options.fetchNames ?? ((query) => backgroundMessenger.sendMessage('getDisplayNames', query));
    this.attach =
      options.attachShadow ??
      (pristineAttachShadow ? (element: HTMLElement) => pristineAttachShadow.call(element, { mode: 'closed' }) : null);
    this.intent = createHoverIntent<MentionTarget>(
      {
        load: guarded('loading the card', (target: MentionTarget) => this.load(target)),
        show: guarded('showing the card', (target: MentionTarget, viaKeyboard: boolean) => this.show(target, viaKeyboard)),
        hide: guarded('hiding the card', () => this.hide()),
      },
      this.timers,
      { isSame: sameMention, ...(options.hoverTimings ? { timings: () => options.hoverTimings!() } : {}) },
    );
    this.actions = this.cardActions();
    this.stopFollowingFullscreen = followFullscreen(
      () => this.host?.element ?? null,
      (container) => {
        // A mention the fullscreen element does not hold is out of sight: its card goes.
        if (this.shown && container !== document.documentElement && !holds(container, this.shown.target.range.startContainer))
          this.intent.close();
        else this.scheduleReposition();
      },
    );
  }

  pointerEnter = this.live('pointerEnter', (target: MentionTarget) => {
    // A new hover starts the clock; coming back to the same mention during the grace period does not.
    if (!this.intent.target || !sameMention(this.intent.target, target)) perfMark(MARK_HOVER_START);
    this.intent.enterMention(target);
  });

  pointerLeave = this.live('pointerLeave', () => this.intent.leaveMention());

  open = this.live('open', (target: MentionTarget, { viaKeyboard }: { viaKeyboard: boolean }) => {
    if (!this.returningFocus) this.intent.openNow(target, viaKeyboard);
  });

  close = this.live('close', () => this.intent.close());

  destroy = guarded('destroy', () => {
    if (this.destroyed) return;
    this.intent.close();
    this.destroyed = true;
    this.stopFollowingFullscreen();
    this.listen(false);
    this.resizeObserver = null;
    this.host?.element.remove();
    this.host = null;
    this.loaded.clear();
    this.loading.clear();
    this.names.clear();
  });

  /** An entry point of the page layer: logs instead of throwing, and does nothing once destroyed. */
  private live<A extends unknown[]>(what: string, fn: (...args: A) => void): (...args: A) => void {
    return guarded(what, (...args: A) => {
      if (!this.destroyed) fn(...args);
    });
  }

  private ensureHost(): Host | null {
    if (this.host?.element.isConnected) return this.host;
    if (!this.attach) {
      logError('attachShadow is not the browser’s own: the card stays off on this page', null);
      return null;
    }
    // A page script may have removed our host: start over with a fresh one.
    this.host?.element.remove();
    const element = document.createElement(UI_HOST_TAG);
    const root = this.attach(element);
    adoptStyles(root, CARD_CSS);
    containEvents(root);
    // Only the card's own nodes dispatch in the closed root, but pinning is acting: the user's focus only.
    root.addEventListener(
      'focusin',
      onlyTrusted(() => this.intent.pin()),
    );
    // The host element is in the page's DOM: the page can dispatch pointer events on it.
    element.addEventListener(
      'pointerenter',
      onlyTrusted(() => this.intent.enterCard()),
    );
    element.addEventListener(
      'pointerleave',
      onlyTrusted(() => {
        // While the user works in the card (focus inside), the pointer may wander off.
        if (!root.activeElement) this.intent.leaveCard();
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
    hostContainer().append(element);
    return (this.host = { element, root });
  }

  private load(target: MentionTarget): void {
    const { personId } = target;
    const script = scriptOf(target);
    const key = loadKey(target);
    if (this.loading.has(key)) return;
    // A failure is kept only until the next attempt (a new hover or Retry) asks again.
    if (this.loaded.get(key)?.status === 'error') this.loaded.delete(key);
    if (this.loaded.has(key)) return;
    const pending = this.fetchCard(personId, script)
      .then(
        (card): CardState => (card ? { status: 'ready', card } : { status: 'missing' }),
        (cause: unknown): CardState => {
          logError('loading the card failed', cause);
          return { status: 'error' };
        },
      )
      .then((state) => {
        this.loading.delete(key);
        this.loaded.set(key, state);
        if (this.shown && loadKey(this.shown.target) === key) {
          this.shown.state = state;
          this.paint();
        }
      });
    this.loading.set(key, pending);
  }

  /** The names a context explanation needs, asked once per set of ids; the card repaints when they arrive. */
  private namesFor(target: MentionTarget): DisplayNames | null {
    const why = target.explanation?.why;
    if (why?.kind !== 'context') return null;
    const query = { organizations: why.organizations, people: why.people };
    const key = JSON.stringify(query);
    if (!this.names.has(key)) {
      this.names.set(key, null);
      this.fetchNames(query).then(
        (answer) => {
          this.names.set(key, answer);
          if (this.shown?.target === target) this.paint();
        },
        (cause: unknown) => logError('loading names for the card failed', cause),
      );
    }
    return this.names.get(key) ?? null;
  }

  private show(target: MentionTarget, viaKeyboard: boolean): void {
    perfMark(MARK_SHOW_START);
    const madeHost = !this.host?.element.isConnected;
    const ui = this.ensureHost();
    if (!ui) return;
    perfMark(PERF_MARKS.cardHostReady);
    const active = document.activeElement;
    this.shown = {
      target,
      state: this.loaded.get(loadKey(target)) ?? { status: 'loading' },
      origin: noteOrigin(),
      viaKeyboard,
      scheme: mentionColorScheme(target.range),
      returnFocusTo: target.returnFocusTo ?? (active instanceof HTMLElement && active !== ui.element ? active : null),
    };
    hostStyle(ui.element, { display: 'block', visibility: 'hidden', left: '0px', top: '0px' });
    const { state } = this.shown;
    this.paint();
    perfMark(PERF_MARKS.cardRendered);
    this.listen(true);
    this.reposition();
    hostStyle(ui.element, { visibility: 'visible' });
    perfMark(MARK_CARD_SHOWN, { madeHost, state: state.status } satisfies CardShowFigures);
    if (viaKeyboard) {
      const dialog = ui.root.querySelector<HTMLElement>('[role="dialog"]');
      const first = dialog ? focusables(dialog)[0] : undefined;
      (first ?? dialog)?.focus();
    }
  }

  private hide(): void {
    const closing = this.shown;
    this.shown = null;
    this.listen(false);
    const host = this.host;
    if (!host) return;
    const hadFocus = !!host.root.activeElement;
    render(null, host.root);
    hostStyle(host.element, { display: 'none' });
    if (closing && (hadFocus || closing.viaKeyboard)) {
      const back = closing.returnFocusTo;
      if (back?.isConnected) {
        this.returningFocus = true;
        try {
          back.focus();
        } finally {
          this.returningFocus = false;
        }
      }
    }
  }

  private cardActions(): CardActions {
    const { notThisPerson } = this.options;
    return {
      close: () => this.intent.close(),
      retry: () => {
        if (!this.shown) return;
        this.shown.state = { status: 'loading' };
        this.paint();
        this.load(this.shown.target);
      },
      openPage: async (page) => {
        const personId = this.shown?.target.personId;
        await backgroundMessenger.sendMessage('openExtensionPage', { page, ...(personId ? { personId } : {}) });
      },
      turnOffSite: async () => {
        const where = this.host?.element.getBoundingClientRect() ?? null;
        const hadFocus = !!this.host?.root.activeElement;
        const scheme = this.shown?.scheme;
        // The background switches the site the reader sees (the tab's page: a card in a frame is about
        // the page around it too), and writes the settings; a content script never does.
        await switchReaderSite(false);
        this.intent.close();
        // Marking stops on this site (and this controller goes with it): say so where the card was, with Undo.
        const attach = this.attach;
        if (attach)
          showTurnedOffNotice({
            attach,
            where,
            focus: hadFocus,
            ...(scheme ? { scheme } : {}),
            timers: this.timers,
            undo: () => switchReaderSite(true),
          });
      },
      ...(notThisPerson
        ? {
            notThisPerson: async () => {
              const target = this.shown?.target;
              if (!target?.aliasText) return;
              // The card's mention is about to go: close first, so focus goes back to the page, not to a removed mark's card.
              this.intent.close();
              await notThisPerson({ personId: target.personId, aliasText: target.aliasText });
            },
          }
        : {}),
    };
  }

  private paint(): void {
    if (!this.host || !this.shown) return;
    const { target, state, origin, scheme } = this.shown;
    render(
      h(HoverCard, {
        // A new person is a new card: no expanded panel or half-typed note carries over.
        key: target.personId,
        personId: target.personId,
        mentionText: target.range.toString().trim(),
        state,
        lang: this.lang,
        origin,
        scheme,
        inFrame: !isTopFrame(),
        actions: this.actions,
        mention: {
          ...(target.explanation ? { explanation: target.explanation } : {}),
          ...(target.aliasText ? { aliasText: target.aliasText } : {}),
          names: this.namesFor(target),
        },
      }),
      this.host.root,
    );
  }

  private reposition(): void {
    this.frame = 0;
    if (!this.host || !this.shown) return;
    // clientWidth/Height leave out scrollbars; they are 0 in documents without layout (quirks, tests).
    const root = document.documentElement;
    const viewport = { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
    const anchor = anchorRect([...this.shown.target.range.getClientRects()]);
    if (!anchor || isFarOutOfView(anchor, viewport)) {
      // The mention was removed from the page or scrolled far away: a card pointing at nothing is noise.
      this.intent.close();
      return;
    }
    // Never taller than the roomier side of the mention, so the card never covers it.
    hostStyle(this.host.element, { '--tl-room': `${Math.floor(cardRoom(anchor, viewport))}px` });
    const box = this.host.element.getBoundingClientRect();
    const place = placeCard(anchor, { width: box.width, height: box.height }, viewport);
    hostStyle(this.host.element, { left: `${Math.round(place.left)}px`, top: `${Math.round(place.top)}px` });
  }

  private readonly scheduleReposition = () => {
    if (!this.frame) this.frame = requestAnimationFrame(guarded('positioning the card', () => this.reposition()));
  };

  // The page's window: only the user's own Escape, click or scroll may close or move the card.
  private readonly onKeyDown = onlyTrusted(
    guarded('handling a key', (event: KeyboardEvent) => {
      // Inside the card the card handles keys itself (and a note editor may keep its Escape).
      if (event.key === 'Escape' && this.host && event.target !== this.host.element) this.intent.close();
    }),
  );

  private readonly onPointerDown = onlyTrusted(
    guarded('handling a click', (event: PointerEvent) => {
      if (this.host && event.target !== this.host.element) this.intent.close();
    }),
  );

  private readonly onViewportChange = onlyTrusted(() => this.scheduleReposition());

  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', this.onViewportChange, { capture: true, passive: true } as AddEventListenerOptions);
    window[method]('resize', this.onViewportChange, { passive: true } as AddEventListenerOptions);
    window[method]('keydown', this.onKeyDown as EventListener, true);
    window[method]('pointerdown', this.onPointerDown as EventListener, true);
    if (on && this.host && typeof ResizeObserver === 'function') {
      // The card grows as details load, a conflict expands or a note is added.
      this.resizeObserver ??= new ResizeObserver(this.scheduleReposition);
      this.resizeObserver.observe(this.host.element);
    } else if (!on) {
      this.resizeObserver?.disconnect();
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
  }
}
