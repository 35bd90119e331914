/**
 * Performance marks the content script leaves in the page's timeline, so the
 * benchmark and the tests can time it from outside (content scripts share the
 * document's performance timeline), and the notes page's marks in its own.
 * Diagnostics only: they never throw.
 */
export const PERF_MARKS = {
  /** The content script's main() began. */
  start: 'talent-lens:start',
  /** Every mark of the first full scan is applied; `detail` holds the scan's figures. */
  marksApplied: 'talent-lens:marks-applied',
  /** The content script starts importing the card's code (card-ui.js): once the page has a mark, before any hover. */
  cardUiLoadStart: 'talent-lens:card-ui-load-start',
  /** The card's code ran and its controller exists: from here a hover can open a card. */
  cardUiLoaded: 'talent-lens:card-ui-loaded',
  /** The pointer entered a mention it was not on: the hover-intent delay starts. */
  hoverStart: 'talent-lens:hover-start',
  /** Hover intent fired (the delay is over, or a keyboard open): our card-show work starts. */
  cardShowStart: 'talent-lens:card-show-start',
  /** The card's host element and closed shadow root are in place (made, in the fullscreen element if any, on the first show). */
  cardHostReady: 'talent-lens:card-host-ready',
  /** The card is rendered into its shadow root, not yet positioned. */
  cardRendered: 'talent-lens:card-rendered',
  /** The card is positioned (its layout read) and visible; `detail` holds its {@link CardShowFigures}. */
  cardShown: 'talent-lens:card-shown',
  /** The notes page's list is rendered with every note loaded (the benchmark's "first render"). */
  notesListRendered: 'talent-lens:notes-list-rendered',
  /** The notes page rendered the results of a changed search; `detail` holds the query's result count. */
  notesSearchRendered: 'talent-lens:notes-search-rendered',
} as const;

/** Figures of a full scan, in the marks-applied mark's `detail`. */
export interface ScanFigures {
  /** Blocks the prefilter kept for the matcher (blocks where a name may occur). */
  blocks: number;
  mentions: number;
  /** From the scan's start to the last mark, ms. */
  elapsedMs: number;
  /** Longest stretch of our work between two yields to the page, ms. */
  longestStepMs: number;
}

/** What the card-shown mark's `detail` says about the show. */
export interface CardShowFigures {
  /** The host element and its shadow root were made by this show (the page's first card, or the page removed ours). */
  madeHost: boolean;
  /** The card's details as the show found them: 'ready' when they arrived during the delay. */
  state: string;
}

export function perfMark(name: (typeof PERF_MARKS)[keyof typeof PERF_MARKS], detail?: unknown): void {
  try {
    performance.clearMarks(name);
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Marks are diagnostics only.
  }
}
