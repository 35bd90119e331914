/**
 * Unit tests stand in for the browser: they mark an event as the user's own input (isTrusted true),
 * which only the browser can do in a real page (there isTrusted is unforgeable). Node's and
 * happy-dom's events either say false or have no isTrusted at all, so an event left alone stays untrusted.
 */
export function asUserInput<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
