import type { MarkLook } from '@/utils/mark-style';

/**
 * How mentions are drawn. Two engines behind one interface, picked at run time:
 * - highlight-engine.ts: the CSS Custom Highlight API. Paints Ranges without
 *   touching the page's DOM, so frameworks and editors never see us.
 * - element-engine.ts: wraps text in <talent-lens-mark> elements, only where
 *   the Highlight API is missing (older Firefox and Safari).
 */
export interface TextSegment {
  node: Text;
  /** Offsets in node.data; end exclusive. */
  start: number;
  end: number;
}

export interface MarkRequest {
  /** The mention's text (it may span several text nodes: `Mark <b>Chen</b>`); a StaticRange where available (ranges.ts). */
  range: AbstractRange;
  /** The same text as per-node pieces, left to right. */
  segments: TextSegment[];
  /** A possible match (utils/match/why.ts): drawn visibly weaker than a plain mark. */
  possible?: boolean;
}

export interface Mark {
  /** The mention's text: a StaticRange (highlight engine) or a live Range (element engine); see ranges.ts. */
  readonly range: AbstractRange;
  /** An element that can take keyboard focus for this mark (element engine only). */
  readonly focusTarget: HTMLElement | null;
}

export interface MarkEngine {
  readonly kind: 'highlight' | 'element';
  /** Draws marks; requests must not overlap each other or existing marks. */
  mark(requests: readonly MarkRequest[]): Mark[];
  unmark(marks: readonly Mark[]): void;
  /** Outlines the mention the keyboard shortcut selected (null: none). */
  setActive(mark: Mark | null): void;
  /** The mark under an element the pointer is over (element engine), or null. */
  markOfElement(element: Element | null): Mark | null;
  /**
   * Called at the end of every scan: shows the marks drawn since the last
   * call (the highlight engine paints them all at once). How marks look is
   * assets/marks.css, which the manifest injects into every page.
   */
  refresh(): void;
  /** Tint and underline, or the underline alone (Settings): applies to the marks drawn and to come. */
  setLook(look: MarkLook): void;
  /** Removes every mark. */
  destroy(): void;
}

/** The names assets/marks.css styles (test/unit/marks-css.test.ts holds the two together). */
export const HIGHLIGHT_NAME = 'talent-lens';
/** The same marks when the reader chose the underline alone: the highlight is registered under this name instead. */
export const UNDERLINE_HIGHLIGHT_NAME = 'talent-lens-underline';
export const ACTIVE_HIGHLIGHT_NAME = 'talent-lens-active';
/** The highlight of possible matches, drawn weaker (registered only once it has one). */
export const POSSIBLE_HIGHLIGHT_NAME = 'talent-lens-possible';
/** The element engine's mark of a possible match carries this attribute. */
export const POSSIBLE_ATTRIBUTE = 'data-possible';
/** The element engine's marks carry this attribute when the reader chose the underline alone. */
export const UNDERLINE_ATTRIBUTE = 'data-underline';
export const MARK_TAG = 'talent-lens-mark';

/** Whether this browser can paint Ranges (CSS Custom Highlight API). */
export function highlightApiAvailable(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    typeof (CSS as { highlights?: unknown }).highlights === 'object' &&
    typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
  );
}
