/** Which text position is under a viewport point, and whether a Range covers that point. */

/**
 * The caret position at (x, y): Firefox and Chrome 128+ have caretPositionFromPoint, older Chrome
 * caretRangeFromPoint. Text in a shadow root is found only in the `shadowRoots` given (otherwise
 * the position is the host's, outside the root).
 */
export function caretAt(
  x: number,
  y: number,
  doc: Document = document,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0 ? withPosition.caretPositionFromPoint(x, y, { shadowRoots }) : withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const range = withRange.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * Whether the point is on the range's text. The caret position alone is not
 * enough: past the end of a line it snaps to the nearest character.
 */
export function rangeContainsPoint(range: Range, x: number, y: number, slop = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
