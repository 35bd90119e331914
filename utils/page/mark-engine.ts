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
  /** The mention as a Range (it may span several text nodes: `Mark <b>Chen</b>`). */
  range: Range;
  /** The same text as per-node pieces, left to right. */
  segments: TextSegment[];
}

export interface Mark {
  /** The mention's text as it is on the page now. */
  readonly range: Range;
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
   * call (the highlight engine paints them all at once), and puts back our
   * stylesheet if the page replaced document.adoptedStyleSheets.
   */
  refresh(): void;
  /** Removes every mark and our stylesheet. */
  destroy(): void;
}

export const HIGHLIGHT_NAME = 'talent-lens';
export const ACTIVE_HIGHLIGHT_NAME = 'talent-lens-active';
export const MARK_TAG = 'talent-lens-mark';

/**
 * One palette for both engines. A blue underline and a faint tint read on
 * light and dark pages alike; the dark-scheme variant only lifts the contrast.
 * ::highlight() accepts only colours, text-decoration and text-shadow.
 */
export const MARK_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgba(59, 130, 246, 0.12);
  text-decoration: underline dotted rgba(37, 99, 235, 0.9);
}
::highlight(${ACTIVE_HIGHLIGHT_NAME}) {
  background-color: rgba(59, 130, 246, 0.32);
  text-decoration: underline solid rgb(37, 99, 235);
}
${MARK_TAG} {
  background-color: rgba(59, 130, 246, 0.12);
  text-decoration: underline dotted rgba(37, 99, 235, 0.9);
  color: inherit;
  font: inherit;
}
${MARK_TAG}[data-active] {
  background-color: rgba(59, 130, 246, 0.32);
  outline: 2px solid rgb(37, 99, 235);
  outline-offset: 1px;
}
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAME}) {
    background-color: rgba(96, 165, 250, 0.18);
    text-decoration: underline dotted rgba(147, 197, 253, 0.95);
  }
  ::highlight(${ACTIVE_HIGHLIGHT_NAME}) {
    background-color: rgba(96, 165, 250, 0.4);
    text-decoration: underline solid rgb(147, 197, 253);
  }
  ${MARK_TAG} {
    background-color: rgba(96, 165, 250, 0.18);
    text-decoration: underline dotted rgba(147, 197, 253, 0.95);
  }
  ${MARK_TAG}[data-active] {
    background-color: rgba(96, 165, 250, 0.4);
    outline-color: rgb(147, 197, 253);
  }
}
`;

/**
 * Our stylesheet, adopted by the document: no <style> element enters the page
 * (its DOM stays as written) and a CSP that forbids inline styles does not
 * apply to constructed stylesheets.
 */
export class AdoptedSheet {
  private readonly sheet: CSSStyleSheet | null;

  constructor(cssText: string, private readonly doc: Document = document) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
    } catch (error) {
      console.warn('[talent-lens] constructed stylesheets are unavailable; marks are unstyled', error);
      sheet = null;
    }
    this.sheet = sheet;
    this.attach();
  }

  /** Adds the sheet unless the document already has it (the page may have replaced the list). */
  attach(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const sheets = this.doc.adoptedStyleSheets;
      if (sheets.includes(sheet)) return;
      this.doc.adoptedStyleSheets = [...sheets, sheet];
    } catch (error) {
      console.warn('[talent-lens] could not adopt the mark stylesheet', error);
    }
  }

  detach(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const sheets = this.doc.adoptedStyleSheets;
      if (sheets.includes(sheet)) this.doc.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
    } catch (error) {
      console.warn('[talent-lens] could not remove the mark stylesheet', error);
    }
  }
}

/** Whether this browser can paint Ranges (CSS Custom Highlight API). */
export function highlightApiAvailable(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    typeof (CSS as { highlights?: unknown }).highlights === 'object' &&
    typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
  );
}
