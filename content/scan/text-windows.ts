/**
 * Splitting one long text into windows the matcher can scan one at a time, so
 * a single 5 MB text node never becomes one long main-thread task.
 *
 * Each window OWNS a disjoint span [ownStart, ownEnd) of the text, and a hit
 * belongs to the window that owns its start. The window SCANS a wider span,
 * `longest + context` characters on each side: after, so a name starting just
 * before the seam is seen whole with the character that follows it (word
 * boundaries); before, so a longer name that starts in the previous window
 * ("Mark Chen") is seen whole and the matcher does not report its tail ("Chen")
 * as a hit of its own. Hits starting outside the owned span are dropped: the
 * neighbour owns them. Together the windows report each hit exactly once.
 */
export interface TextWindow {
  scanStart: number;
  scanEnd: number;
  ownStart: number;
  ownEnd: number;
}

export interface WindowOptions {
  /** Characters each window owns (the last one may own fewer). */
  size: number;
  /** Upper bound on a hit's length in the original text. */
  longest: number;
  /** Characters of context the matcher needs on each side of a hit. */
  context: number;
}

export function planWindows(length: number, options: WindowOptions): TextWindow[] {
  const size = Math.max(1, Math.floor(options.size));
  const windows: TextWindow[] = [];
  for (let ownStart = 0; ownStart < length || (length === 0 && windows.length === 0); ownStart += size) {
    const ownEnd = Math.min(length, ownStart + size);
    windows.push({
      ownStart,
      ownEnd,
      scanStart: Math.max(0, ownStart - options.longest - options.context),
      scanEnd: Math.min(length, ownEnd + options.longest + options.context),
    });
    if (length === 0) break;
  }
  return windows;
}

/**
 * Scans `text[window.scanStart, window.scanEnd)` with `scan` and returns the
 * hits this window owns, with offsets in the whole text.
 */
export function scanWindow<H extends { start: number; end: number }>(text: string, window: TextWindow, scan: (slice: string) => H[]): H[] {
  const whole = window.scanStart === 0 && window.scanEnd === text.length;
  const hits = scan(whole ? text : text.slice(window.scanStart, window.scanEnd));
  const owned: H[] = [];
  for (const hit of hits) {
    const start = hit.start + window.scanStart;
    if (start < window.ownStart || start >= window.ownEnd) continue;
    owned.push(window.scanStart === 0 ? hit : { ...hit, start, end: hit.end + window.scanStart });
  }
  return owned;
}
