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
  hoverStart: 'talent-lens:hover-start',
  cardShowStart: 'talent-lens:card-show-start',
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

export function perfMark(name: (typeof PERF_MARKS)[keyof typeof PERF_MARKS], detail?: unknown): void {
  try {
    performance.clearMarks(name);
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Marks are diagnostics only.
  }
}
