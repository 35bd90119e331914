import { fireEvent } from '@testing-library/preact';

/**
 * Unit tests stand in for the browser: they mark an event as the user's own input (isTrusted true),
 * which only the browser can do in a real page (there isTrusted is unforgeable). Node's and
 * happy-dom's events either say false or have no isTrusted at all, so an event left alone stays untrusted.
 */
export function asUserInput<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click on `element` as the reader makes it (trusted); `element.click()` and fireEvent make one a script could. */
export function userClick(element: Element): void {
  // Through testing-library, so Preact renders what the click changed before the test reads it.
  fireEvent(element, asUserInput(new MouseEvent('click', { bubbles: true, cancelable: true })));
}
