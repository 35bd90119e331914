/**
 * Only the user drives the extension. A page can dispatch any event it likes on its own nodes,
 * window and document (a keydown for our shortcut, pointer events over a mark, a pointerdown that
 * would close the card), and our listeners there cannot tell those apart by type or fields: only
 * `isTrusted`, which the browser sets for its own input and a page cannot forge (it is unforgeable
 * on the event, and content scripts read the browser's value, not the page's). Every listener the
 * content script or the card adds to a target the page can reach goes through this one function.
 */
export function onlyTrusted<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === true) listener(event);
  };
}
