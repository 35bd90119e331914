/**
 * The "Turned off on this site" notice, in a host of its own: turning the site off stops marking
 * and so ends the card's controller and removes the card's host, while the notice must outlive
 * both for its few seconds. Same guarantees as the card's host (content/card/host.ts): a closed
 * shadow root, our stylesheet, typing contained; nothing in it is private.
 */
import { h, render } from 'preact';
import { CARD_CSS } from '@/components/card/card-css';
import { TurnedOffNotice } from '@/components/card/TurnedOffNotice';
import { onlyTrusted } from '@/content/trusted';
import type { Timers } from '@/content/scheduling';
import { adoptStyles, containEvents, hostStyle } from './shadow-host';
import { UI_HOST_TAG } from '@/content/ui-host';
import type { ColorScheme } from '@/utils/color-scheme';

/** How long the notice stays while the reader is not in it. */
export const NOTICE_MS = 8000;

export interface TurnedOffNoticeOptions {
  attach(host: HTMLElement): ShadowRoot;
  /** Where the card was, in viewport px; null: the bottom left of the viewport. */
  where: { left: number; top: number } | null;
  /** Focus Undo (the reader's focus was in the card). */
  focus: boolean;
  /** The card's colour scheme, which the notice keeps. */
  scheme?: ColorScheme;
  timers: Timers;
  undo(): Promise<unknown>;
}

let current: (() => void) | null = null;

/** Shows the notice (replacing one still shown); returns what takes it away. */
export function showTurnedOffNotice(options: TurnedOffNoticeOptions): () => void {
  current?.();
  const element = document.createElement(UI_HOST_TAG);
  element.setAttribute('data-role', 'notice');
  const root = options.attach(element);
  adoptStyles(root, CARD_CSS);
  containEvents(root);
  hostStyle(element, { all: 'initial' });
  hostStyle(element, {
    display: 'block',
    position: 'fixed',
    width: '360px',
    'max-width': 'calc(100vw - 16px)',
    'z-index': '2147483647',
    ...(options.where
      ? { left: `${Math.max(8, Math.round(options.where.left))}px`, top: `${Math.max(8, Math.round(options.where.top))}px` }
      : { left: '8px', bottom: '8px' }),
  });
  // Where focus goes back to when the notice leaves while holding it.
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;

  let timer: unknown = null;
  let pointerInside = false;
  const stopTimer = () => {
    if (timer !== null) options.timers.clearTimeout(timer);
    timer = null;
  };
  // The clock runs only while the reader is neither pointing at the notice nor focused in it.
  const startTimer = () => {
    stopTimer();
    if (!pointerInside && !root.activeElement) timer = options.timers.setTimeout(dismiss, NOTICE_MS);
  };

  function dismiss() {
    if (current !== dismiss) return;
    current = null;
    stopTimer();
    const hadFocus = !!root.activeElement;
    render(null, root);
    element.remove();
    if (hadFocus && returnTo?.isConnected) returnTo.focus();
  }
  current = dismiss;

  element.addEventListener(
    'pointerenter',
    onlyTrusted(() => ((pointerInside = true), stopTimer())),
  );
  element.addEventListener(
    'pointerleave',
    onlyTrusted(() => ((pointerInside = false), startTimer())),
  );
  root.addEventListener('focusin', stopTimer);
  // After focusout the active element is already the next one: start the clock once it has moved out.
  root.addEventListener('focusout', () => options.timers.setTimeout(startTimer, 0));

  document.documentElement.append(element);
  render(h(TurnedOffNotice, { focus: options.focus, scheme: options.scheme, undo: options.undo, dismiss }), root);
  startTimer();
  return dismiss;
}
