/**
 * Which keys scroll the card's body, and to where. The card scrolls its own body for these keys
 * (and keeps them from the page) because the page scrolling under an open card moves the mention
 * away from it, which closes the card: Page Down used to close the card it was meant to read.
 */

/** The scroll metrics of an element, as the DOM reports them. */
export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** One arrow press: about two lines of the card's 20 px text. */
export const LINE_PX = 40;

/** The scrollTop `key` moves `box` to, clamped to its range; null for a key that does not scroll. */
export function keyScrollTop(key: string, box: ScrollBox): number | null {
  const max = Math.max(0, box.scrollHeight - box.clientHeight);
  // A page keeps one line of the last view in sight, as browsers do.
  const page = Math.max(LINE_PX, box.clientHeight - LINE_PX);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = box.scrollTop + LINE_PX;
      break;
    case 'ArrowUp':
      to = box.scrollTop - LINE_PX;
      break;
    case 'PageDown':
      to = box.scrollTop + page;
      break;
    case 'PageUp':
      to = box.scrollTop - page;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = max;
      break;
    default:
      return null;
  }
  return Math.min(max, Math.max(0, to));
}
