import { describe, expect, it } from 'vitest';
import { anchorRect, CARD_GAP, cardRoom, isFarOutOfView, placeCard, type Rect } from '@/content/card/position';

const viewport = { width: 1280, height: 800 };
const card = { width: 360, height: 300 };
const rect = (left: number, top: number, width = 80, height = 20): Rect => ({ left, top, right: left + width, bottom: top + height });

describe('card position', () => {
  it('sits below the mention, aligned with its left edge, 8 px away', () => {
    const place = placeCard(rect(100, 100), card, viewport);
    expect(place).toEqual({ left: 100, top: 100 + 20 + CARD_GAP, horizontal: 'start', vertical: 'below' });
    expect(CARD_GAP).toBe(8);
  });

  it('flips to align with the right edge when the mention is right of the middle', () => {
    const place = placeCard(rect(700, 100), card, viewport);
    expect(place.horizontal).toBe('end');
    expect(place.left).toBe(780 - 360);
  });

  it('flips when the card would overflow the right edge, even left of the middle of a narrow viewport', () => {
    const narrow = { width: 500, height: 800 };
    const place = placeCard(rect(150, 100, 60), card, narrow);
    expect(place.horizontal).toBe('end');
    // 210 - 360 is off the left edge: clamped to the gap.
    expect(place.left).toBe(CARD_GAP);
  });

  it('a name at the far right keeps the card inside the viewport', () => {
    const place = placeCard(rect(1230, 100, 48), card, viewport);
    expect(place.left + card.width).toBeLessThanOrEqual(viewport.width - CARD_GAP);
    // Aligned with the name's right edge (1278) would touch the viewport edge: clamped to the 8 px gap.
    expect(place.horizontal).toBe('end');
    expect(place.left).toBe(1280 - CARD_GAP - 360);
  });

  it('flips above the mention near the bottom edge', () => {
    const place = placeCard(rect(100, 700), card, viewport);
    expect(place.vertical).toBe('above');
    expect(place.top).toBe(700 - CARD_GAP - 300);
  });

  it('stays below when there is room, even in the lower half', () => {
    const place = placeCard(rect(100, 420), card, viewport);
    expect(place.vertical).toBe('below');
    expect(place.top).toBe(448);
  });

  it('clamps inside the viewport when neither side fits', () => {
    const tall = { width: 360, height: 700 };
    const place = placeCard(rect(100, 380), tall, viewport);
    expect(place.top).toBeGreaterThanOrEqual(CARD_GAP);
    expect(place.top + tall.height).toBeLessThanOrEqual(viewport.height - CARD_GAP);
    const huge = { width: 2000, height: 2000 };
    expect(placeCard(rect(100, 380), huge, viewport)).toMatchObject({ left: CARD_GAP, top: CARD_GAP });
  });

  it('anchors on the line under the pointer for a mention broken over two lines', () => {
    const lines = [rect(1100, 100, 150), rect(20, 124, 40)];
    expect(anchorRect(lines)).toBe(lines[0]);
    expect(anchorRect(lines, { x: 30, y: 130 })).toBe(lines[1]);
    expect(anchorRect([{ left: 5, top: 5, right: 5, bottom: 5 }])).toBeNull();
    expect(anchorRect([])).toBeNull();
  });

  it('limits the card to the roomier side of the mention, with a floor', () => {
    expect(cardRoom(rect(100, 100), viewport)).toBe(800 - 120 - 16);
    expect(cardRoom(rect(100, 700), viewport)).toBe(700 - 16);
    expect(cardRoom(rect(100, 60), { width: 400, height: 150 })).toBe(160);
  });

  it('knows when the mention has scrolled out of view', () => {
    expect(isFarOutOfView(rect(100, -30), viewport)).toBe(true);
    expect(isFarOutOfView(rect(100, -10), viewport)).toBe(false);
    expect(isFarOutOfView(rect(100, 810), viewport)).toBe(true);
  });
});
