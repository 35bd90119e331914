/**
 * Where the card goes, as a pure function of the mention's rectangles, the
 * card's size and the viewport (all in CSS px, viewport coordinates, since the
 * card is position: fixed).
 *
 * Placement follows Wikipedia's Page Previews: below the mention and aligned
 * with its left edge; flipped to align with its right edge when the mention is
 * right of the viewport's middle or the card would overflow the right edge;
 * flipped above the mention when it would overflow the bottom and there is
 * more room above. Whatever happens, the card is clamped inside the viewport.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  /** Which mention edge the card is aligned with. */
  horizontal: 'start' | 'end';
  vertical: 'below' | 'above';
}

/** Space between the mention and the card, and between the card and the viewport's edges. */
export const CARD_GAP = 8;

/**
 * The rectangle to anchor on. A mention broken over two lines has two; the card
 * goes next to the one under the pointer (or nearest to it), else the first.
 */
export function anchorRect(rects: readonly Rect[], pointer?: { x: number; y: number }): Rect | null {
  const visible = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  if (visible.length === 0) return null;
  if (!pointer) return visible[0] ?? null;
  const distance = (r: Rect) => {
    const dx = Math.max(r.left - pointer.x, 0, pointer.x - r.right);
    const dy = Math.max(r.top - pointer.y, 0, pointer.y - r.bottom);
    return dx * dx + dy * dy;
  };
  return visible.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

export function placeCard(anchor: Rect, card: Size, viewport: Size, gap = CARD_GAP): CardPlacement {
  const overflowsRight = anchor.left + card.width > viewport.width - gap;
  const rightOfMiddle = (anchor.left + anchor.right) / 2 > viewport.width / 2;
  const horizontal = overflowsRight || rightOfMiddle ? 'end' : 'start';
  const rawLeft = horizontal === 'start' ? anchor.left : anchor.right - card.width;

  const spaceBelow = viewport.height - anchor.bottom - gap;
  const spaceAbove = anchor.top - gap;
  const fitsBelow = card.height + gap <= spaceBelow;
  const vertical = !fitsBelow && spaceAbove > spaceBelow ? 'above' : 'below';
  const rawTop = vertical === 'below' ? anchor.bottom + gap : anchor.top - gap - card.height;

  return {
    left: clamp(rawLeft, gap, viewport.width - gap - card.width),
    top: clamp(rawTop, gap, viewport.height - gap - card.height),
    horizontal,
    vertical,
  };
}

const MIN_ROOM = 160;

/** The tallest the card may be: the room on the roomier side of the mention, less the gaps. */
export function cardRoom(anchor: Rect, viewport: Size, gap = CARD_GAP): number {
  const below = viewport.height - anchor.bottom - 2 * gap;
  const above = anchor.top - 2 * gap;
  // A card squeezed below this is useless: it may then overlap the mention instead.
  return Math.max(below, above, MIN_ROOM);
}

/** Is the mention so far out of view that a card next to it makes no sense any more? */
export function isFarOutOfView(anchor: Rect, viewport: Size): boolean {
  return anchor.bottom < 0 || anchor.top > viewport.height || anchor.right < 0 || anchor.left > viewport.width;
}

/** Clamps to [min, max]; when the card is larger than the viewport, its start edge wins (min). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
