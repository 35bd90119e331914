/**
 * Hover intent for the card, as a framework-free state machine with injected
 * timers so the timings can be tested with fake clocks.
 *
 * Timings follow Wikipedia's Page Previews, whose numbers come from user
 * research: a pointer that merely crosses a name must not pop a card up, and a
 * pointer heading for the card must be given time to reach it.
 * - details start loading 150 ms after the pointer enters a mention;
 * - the card shows 500 ms after it entered, never sooner, even when cached
 *   (a card that appears at different delays feels erratic);
 * - leaving before the card shows cancels everything;
 * - leaving the mention or the card leaves a 300 ms grace period, which
 *   entering the card (or the mention again) cancels;
 * - a keyboard open is immediate and stays until dismissed; only one card
 *   exists at a time.
 */
import type { Timers } from '@/content/scheduling';

export interface HoverTimings {
  loadAfter: number;
  showAfter: number;
  closeGrace: number;
}

export const HOVER_TIMINGS: HoverTimings = { loadAfter: 150, showAfter: 500, closeGrace: 300 };

/**
 * The timings for a card delay the reader chose in Settings: the card shows `showAfter` ms after
 * the pointer entered; details still start loading at 150 ms, or at once with the card if that
 * is sooner. The grace period does not change.
 */
export function hoverTimingsFor(showAfter: number): HoverTimings {
  return { ...HOVER_TIMINGS, showAfter, loadAfter: Math.min(HOVER_TIMINGS.loadAfter, showAfter) };
}

export interface HoverIntentEffects<T> {
  /** Start loading the details for `target` (may be called again for a cached target). */
  load(target: T): void;
  /** Show the card for `target`; `viaKeyboard` decides whether focus moves into it. */
  show(target: T, viaKeyboard: boolean): void;
  /** Hide the card that `show` displayed. */
  hide(): void;
}

export type HoverPhase = 'idle' | 'pending' | 'shown';

export interface HoverIntent<T> {
  /** The pointer entered a mention. */
  enterMention(target: T): void;
  leaveMention(): void;
  /** The pointer entered the card itself. */
  enterCard(): void;
  leaveCard(): void;
  /** Open at once (keyboard, shortcut, popup). */
  openNow(target: T, viaKeyboard: boolean): void;
  /** The user started working in the card (focus moved into it): pointer movement no longer closes it. */
  pin(): void;
  close(): void;
  readonly phase: HoverPhase;
  readonly target: T | null;
}

export interface HoverIntentOptions<T> {
  /** Fixed timings, or a function read at each hover (a setting the reader may change while the page is open). */
  timings?: HoverTimings | (() => HoverTimings);
  /** Whether two targets are the same mention (the page layer may hand over a fresh object each time). */
  isSame?: (a: T, b: T) => boolean;
}

export function createHoverIntent<T>(
  effects: HoverIntentEffects<T>,
  timers: Timers,
  { timings: given = HOVER_TIMINGS, isSame = Object.is }: HoverIntentOptions<T> = {},
): HoverIntent<T> {
  const current = typeof given === 'function' ? given : () => given;
  let phase: HoverPhase = 'idle';
  let target: T | null = null;
  let loadTimer: unknown = null;
  let showTimer: unknown = null;
  let closeTimer: unknown = null;
  // A card opened on purpose (keyboard, popup) is not closed by pointer movement:
  // the pointer may be anywhere when it opens. Escape, close() or another hover end it.
  let sticky = false;
  // The page layer reports leaving the mention when its hit test next runs, which
  // can come after the pointer has already entered the card: that must not close it.
  let inCard = false;

  const clear = (handle: unknown) => {
    if (handle !== null) timers.clearTimeout(handle);
  };
  const clearAll = () => {
    clear(loadTimer);
    clear(showTimer);
    clear(closeTimer);
    loadTimer = showTimer = closeTimer = null;
  };
  const cancelClose = () => {
    clear(closeTimer);
    closeTimer = null;
  };
  const reset = () => {
    clearAll();
    const wasShown = phase === 'shown';
    phase = 'idle';
    target = null;
    sticky = false;
    inCard = false;
    if (wasShown) effects.hide();
  };
  const scheduleClose = () => {
    cancelClose();
    closeTimer = timers.setTimeout(() => {
      closeTimer = null;
      reset();
    }, current().closeGrace);
  };

  return {
    get phase() {
      return phase;
    },
    get target() {
      return target;
    },
    enterMention(next) {
      if (phase !== 'idle' && target !== null && isSame(target, next)) {
        // Back on the same mention: the grace period ends, nothing restarts.
        cancelClose();
        return;
      }
      reset();
      phase = 'pending';
      target = next;
      const timings = current();
      loadTimer = timers.setTimeout(() => {
        loadTimer = null;
        effects.load(next);
      }, timings.loadAfter);
      showTimer = timers.setTimeout(() => {
        showTimer = null;
        phase = 'shown';
        effects.show(next, false);
      }, timings.showAfter);
    },
    leaveMention() {
      if (phase === 'pending') reset();
      else if (phase === 'shown' && !sticky && !inCard) scheduleClose();
    },
    enterCard() {
      if (phase !== 'shown') return;
      inCard = true;
      cancelClose();
    },
    leaveCard() {
      inCard = false;
      if (phase === 'shown' && !sticky) scheduleClose();
    },
    openNow(next, viaKeyboard) {
      reset();
      target = next;
      phase = 'shown';
      sticky = true;
      effects.load(next);
      effects.show(next, viaKeyboard);
    },
    pin() {
      if (phase !== 'shown') return;
      cancelClose();
      sticky = true;
    },
    close: reset,
  };
}
