/**
 * Chinese word boundaries around a candidate name, with Intl.Segmenter: 王亮 is not a name in
 * 新机皇王亮相 (the words there are 王 and 亮相), nor 陈钢 in 陈钢铁. Only a small window around
 * the candidate is segmented, never the page, and only for the Chinese candidates that need it
 * (shared and partial aliases; the matcher decides), so the cost is per candidate, not per page.
 *
 * The segmenter is built on first use: a page without such a candidate never builds it. Where
 * the runtime has no Intl.Segmenter (or no Chinese word data), every candidate passes, which is
 * the behaviour before this check existed.
 */

/** Characters segmented on each side of the candidate: enough for the dictionary to see the words around it. */
const WINDOW = 6;

let segmenter: Intl.Segmenter | null | undefined;

const FORMAT = /\p{Cf}/gu;
const HAN = /\p{Script=Han}/u;

let HAN_BEFORE_SET: ReadonlySet<string> | undefined;
let HAN_AFTER_SET: ReadonlySet<string> | undefined;

/** Whether the character at i (outside the candidate) cannot be glued to it into one word. */
function certainEdge(text: string, i: number, particles: ReadonlySet<string> | undefined): boolean {
  if (i < 0 || i >= text.length) return true;
  const ch = text[i]!;
  if (!HAN.test(ch)) return true;
  return particles?.has(ch) ?? false;
}

/** The matcher's one-character particles (HAN_BEFORE, HAN_AFTER), read once on first use. */
export function useParticles(before: string, after: readonly string[]): void {
  HAN_BEFORE_SET ??= new Set(before);
  HAN_AFTER_SET ??= new Set(after.filter((word) => word.length === 1));
}

function chineseSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/**
 * Whether text[start, end) starts and ends on a word boundary: no word the segmenter sees crosses
 * either edge. The candidate itself may be several words (ICU splits most names into characters);
 * what matters is that its first and last characters are not glued to the text around them.
 */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  // Most candidates need no segmenter: an edge next to punctuation, a space or Latin, or next to
  // a particle that cannot start or end a word with a name's character, is a boundary already.
  if (certainEdge(text, start - 1, HAN_BEFORE_SET) && certainEdge(text, end, HAN_AFTER_SET)) return true;
  const words = chineseSegmenter();
  if (!words) return true;
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(text.length, end + WINDOW);
  // Invisible format characters (bidi marks, zero-width spaces) glue to the character before them
  // in Unicode word breaking; the matcher reads them as nothing, so here they separate, as spaces.
  const window = text.slice(from, to).replace(FORMAT, (ch) => ' '.repeat(ch.length));
  const left = start - from;
  const right = end - from;
  let startOk = left === 0;
  let endOk = right === window.length;
  for (const { index } of words.segment(window)) {
    if (index === left) startOk = true;
    if (index === right) endOk = true;
    if (index > right) break;
  }
  return startOk && endOk;
}
