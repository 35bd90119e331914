/**
 * Which mention the next-mention shortcut goes to. Mentions are in document
 * order; the cycle wraps at both ends. Without a current mention (first press,
 * or the current one vanished in a re-render) it starts from what the reader
 * sees: the first mention at or below the top of the viewport going forward,
 * the last one above the bottom going back.
 */
export type Direction = 1 | -1;

export function nextMentionIndex(
  count: number,
  current: number | null,
  direction: Direction,
  /** Viewport-relative top of each mention, in document order (only used without a current mention). */
  tops?: readonly number[],
  viewportHeight = Infinity,
): number | null {
  if (count <= 0) return null;
  if (current !== null && current >= 0 && current < count) return (current + direction + count) % count;
  if (!tops || tops.length !== count) return direction === 1 ? 0 : count - 1;
  if (direction === 1) {
    const below = tops.findIndex((top) => top >= 0);
    return below === -1 ? 0 : below;
  }
  for (let i = count - 1; i >= 0; i--) if (tops[i]! < viewportHeight) return i;
  return count - 1;
}
