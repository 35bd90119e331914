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
  const compare = (aNode: Node, aOffset: number, bNode: Node, bOffset: number): number => {
    first.setStart(aNode, aOffset);
    second.setStart(bNode, bOffset);
    return first.compareBoundaryPoints(Range.START_TO_START, second);
  };
  return (a, b) => {
    if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
    // A mark whose text left the page: its place no longer matters.
    if (!a.startContainer.isConnected || !b.startContainer.isConnected) return 0;
    try {
      const aRoot = a.startContainer.getRootNode();
      if (aRoot === b.startContainer.getRootNode()) return compare(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
      return composedCompare(a, b, compare);
    } catch {
      // An offset past the end of a node whose text got shorter.
      return 0;
    }
  };
}

/**
 * Two starts in different trees (a shadow root's and the document's, or two shadow roots'):
 * each is taken out to the hosts around it, and they are compared where they first share a
 * tree. A shadow root's text counts as at the start of its host, before the host's own children.
 */
function composedCompare(
  a: AbstractRange,
  b: AbstractRange,
  compare: (aNode: Node, aOffset: number, bNode: Node, bOffset: number) => number,
): number {
  const aChain = outward(a.startContainer, a.startOffset);
  const bChain = outward(b.startContainer, b.startOffset);
  // From the outermost tree (the document) in, while both are in the same tree.
  for (let i = aChain.length - 1, j = bChain.length - 1; i >= 0 && j >= 0; i--, j--) {
    const [aNode, aOffset, aRoot] = aChain[i]!;
    const [bNode, bOffset, bRoot] = bChain[j]!;
    if (aRoot !== bRoot) return 0;
    const order = aNode === bNode ? aOffset - bOffset : compare(aNode, aOffset, bNode, bOffset);
    if (order !== 0) return order;
    // The same place: the one that goes no further in (the host's own text) comes first.
    if (i === 0 || j === 0) return i - j;
  }
  return 0;
}

/** A boundary point and the same point taken out through each shadow root around it: [node, offset, tree root]. */
function outward(node: Node, offset: number): Array<[Node, number, Node]> {
  const chain: Array<[Node, number, Node]> = [];
  for (let at: Node | null = node, atOffset = offset; at;) {
    const root = at.getRootNode();
    chain.push([at, atOffset, root]);
    at = 'host' in root ? (root as ShadowRoot).host : null;
    atOffset = 0;
  }
  return chain;
}
