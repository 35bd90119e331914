/**
 * Mentions are held as StaticRanges where the browser has them. The browser
 * keeps every live Range up to date on every change to the DOM, so thousands
 * of live ranges tax each change the page makes: on the benchmark's
 * 100,000-node page, with its 7,762 marks as live Ranges, 2,000 text-node
 * insertions and removals by the page took 645 ms instead of 1.6 ms; as
 * StaticRanges, 3.8 ms (`npm run bench`, "page's DOM changes" column).
 * A StaticRange does not follow the page, and need not: the annotator rescans
 * and redraws what changes. A live Range is made only where one is used, for
 * one mention at a time: hit testing, the card's anchor, scrolling, the
 * popup's report.
 */

/** A range over page text for a mark: a StaticRange, or a live Range where StaticRange is missing. */
export function markRange(start: Node, startOffset: number, end: Node, endOffset: number, doc: Document = document): AbstractRange {
  if (typeof StaticRange === 'function') {
    return new StaticRange({ startContainer: start, startOffset, endContainer: end, endOffset });
  }
  const range = doc.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return range;
}

/** A live Range over the same text, or null when the page has changed so that it no longer fits. */
export function liveRange(range: AbstractRange, doc: Document = document): Range | null {
  if (range instanceof Range) return range;
  if (!range.startContainer.isConnected || !range.endContainer.isConnected) return null;
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    // An offset past the end of a node whose text got shorter.
    return null;
  }
}

/**
 * The top of each range's box in the viewport (Infinity where the page no
 * longer fits the range), through one live Range of its own rather than one
 * per mark.
 */
export function viewportTops(ranges: readonly AbstractRange[], doc: Document = document): number[] {
  const scratch = doc.createRange();
  return ranges.map((range) => {
    if (!range.startContainer.isConnected || !range.endContainer.isConnected) return Infinity;
    try {
      scratch.setStart(range.startContainer, range.startOffset);
      scratch.setEnd(range.endContainer, range.endOffset);
      return scratch.getBoundingClientRect().top;
    } catch {
      return Infinity;
    }
  });
}

/**
 * A comparator of ranges' starts in document order (negative: a starts first), for sorting many.
 * It sets two live Ranges of its own to the two starts and lets the browser compare them: about
 * 4 µs per comparison on the benchmark's 100,000-node page, where Node.compareDocumentPosition
 * took about 30 µs, walking long sibling lists (7,693 marks sorted from a shuffled order: 416 ms
 * against 3,173 ms, headless Chromium 156). Only these two live Ranges exist, however many marks.
 */
export function startComparer(doc: Document = document): (a: AbstractRange, b: AbstractRange) => number {
  const first = doc.createRange();
  const second = doc.createRange();
  return (a, b) => {
    if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
    // A mark whose text left the page: its place no longer matters.
    if (!a.startContainer.isConnected || !b.startContainer.isConnected) return 0;
    try {
      first.setStart(a.startContainer, a.startOffset);
      second.setStart(b.startContainer, b.startOffset);
      return first.compareBoundaryPoints(Range.START_TO_START, second);
    } catch {
      // An offset past the end of a node whose text got shorter.
      return 0;
    }
  };
}
