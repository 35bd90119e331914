/**
 * Text normalization for name matching, keeping a map back to the original.
 *
 * Aliases and page text go through the same function, so "Łukasz" finds
 * "LUKASZ", "萨姆·奥尔特曼" finds "薩姆・奧爾特曼" and "萨姆奥尔特曼", and
 * "Sam\u00A0\nAltman" finds "Sam Altman". Every normalized code unit comes from
 * exactly one original code unit (folds are 1:1; some units are dropped,
 * none are expanded), so a match in normalized text maps back to an exact
 * span of the page text that can become a DOM Range.
 *
 * Speed: this runs over whole pages, so the hot loop is two table lookups per
 * code unit (a 64 Ki-entry kind table, and a 64 Ki-entry Uint16Array fold
 * built once per alias index) and typed-array writes, no allocation; the
 * Unicode machinery (String.normalize, \p{…} regexes) only runs while
 * building the tables and at the few places a decision needs a neighbour.
 */

/** Per-code-unit folding, one per alias index ({@link createFolding}). */
export interface Folding {
  /**
   * Folded code unit for each UTF-16 code unit, filled in the first time a
   * character is seen ({@link foldTable}): 0 means "not computed yet" (U+0000
   * folds to itself and is simply recomputed). {@link DROP} removes the unit.
   * A page uses a few hundred distinct characters; computing all 65,536
   * entries up front cost several ms of every page's start.
   */
  readonly fold: Uint16Array;
  /** Traditional → Simplified, for the characters of the index's aliases. */
  readonly t2s: ReadonlyMap<number, number>;
}

/** The result of {@link normalize}. */
export interface Normalized {
  /** The normalized text. */
  text: string;
  /** The same text as code units (what the automaton scans). */
  units: Uint16Array;
  /**
   * map[i] is the original index of normalized unit i; map[units.length] is
   * the original length. Use {@link originalSpan} to map a match back: it ends
   * the span right after the last matched unit instead of at map[e], which
   * would swallow a collapsed space or dropped joiner that follows the match.
   */
  map: Uint32Array;
  /** Per normalized unit: what was dropped right before it ({@link DOT_BEFORE}, {@link GAP_BEFORE}). */
  flags: Uint8Array;
}

/** A middle dot (or '.', '-') between two Han characters was dropped before this unit. */
export const DOT_BEFORE = 1;
/** Whitespace between two Han characters was dropped before this unit. */
export const GAP_BEFORE = 2;

/** Fold-table value meaning "drop this code unit" (U+FFFF is a noncharacter). */
const DROP = 0xffff;
const SPACE = 0x20;
const MIDDLE_DOT = 0xb7;

// Code unit kinds that need more than a table lookup.
const K_PLAIN = 0;
const K_SPACE = 1;
/** A middle-dot variant: dropped between Han characters, even with spaces around it. */
const K_DOT = 2;
/** '.', '-' and their variants: a name joiner only when directly between two Han characters. */
const K_WEAK_DOT = 3;

const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const DOTS = [0xb7, 0x387, 0x2022, 0x2027, 0x2219, 0x22c5, 0x30fb, 0xff0e, 0xff65];
const WEAK_DOTS = [0x2e, 0x2d, 0x2010, 0x2011, 0xff0d];
const APOSTROPHES = [0x2019, 0x2018, 0x02bc, 0xff07];
/**
 * Invisible units that only get in the way: zero-width (non-)joiners and
 * spaces, BOM, soft hyphen, bidi controls, and variation selectors (an emoji's
 * U+FE0F is a combining mark that would otherwise glue it to a Latin name).
 */
const INVISIBLE = [
  0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
  0xfe00, 0xfe01, 0xfe02, 0xfe03, 0xfe04, 0xfe05, 0xfe06, 0xfe07, 0xfe08, 0xfe09, 0xfe0a, 0xfe0b, 0xfe0c, 0xfe0d, 0xfe0e, 0xfe0f,
];
/** Latin letters with a stroke or bar that NFD does not decompose. */
const STROKES: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ŧ: 't',
  Ŧ: 't',
  ƀ: 'b',
  ɨ: 'i',
  ƶ: 'z',
};
/** Blocks whose letters get case and diacritic folding: Latin, Greek, Cyrillic and Latin extensions. */
const CASED_RANGES: Array<[number, number]> = [
  [0x0041, 0x024f],
  [0x0370, 0x052f],
  [0x1e00, 0x1fff],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];
/** Combining marks that decorate Latin letters (dropped: "Jose\u0301" is "Jose"). */
const COMBINING_RANGES: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

const SPACE_SET = new Set(SPACES);
const DOT_SET = new Set(DOTS);
const WEAK_DOT_SET = new Set(WEAK_DOTS);
const APOSTROPHE_SET = new Set(APOSTROPHES);
const INVISIBLE_SET = new Set(INVISIBLE);

function inRanges(c: number, ranges: Array<[number, number]>): boolean {
  for (const [from, to] of ranges) if (c >= from && c <= to) return true;
  return false;
}

function foldOne(c: number): number {
  const s = String.fromCharCode(c);
  const stroke = STROKES[s];
  if (stroke) return stroke.charCodeAt(0);
  const decomposed = s.normalize('NFD');
  // Keep the base letter when the rest is combining marks (é → e, İ → i).
  const base = /^.\p{M}*$/u.test(decomposed) ? decomposed[0]! : s;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The fold of one code unit (see {@link normalize} for the rules). */
function computeFold(c: number, t2s: ReadonlyMap<number, number>): number {
  const simplified = t2s.get(c);
  if (simplified !== undefined) return simplified;
  // CJK ideographs (Extension A and the unified block), most of a Chinese page: nothing else applies.
  if (c >= 0x3400 && c <= 0x9fff) return c;
  if (WEAK_DOT_SET.has(c)) return c === 0x2e ? c : 0x2d;
  if (DOT_SET.has(c)) return c === 0xff0e ? 0x2e : MIDDLE_DOT;
  if (SPACE_SET.has(c)) return SPACE;
  if (APOSTROPHE_SET.has(c)) return 0x27;
  if (INVISIBLE_SET.has(c) || inRanges(c, COMBINING_RANGES)) return DROP;
  // Fullwidth ASCII (Ａ → a, （ → ( ), folded like its ASCII twin.
  if (c >= 0xff01 && c <= 0xff5e) return foldOne(c - 0xfee0);
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c < 0x80) return c;
  return inRanges(c, CASED_RANGES) ? foldOne(c) : c;
}

let kinds: Uint8Array | undefined;

/** Code unit kinds (K_SPACE, K_DOT, K_WEAK_DOT; 0 for the rest). */
function kindTable(): Uint8Array {
  if (kinds) return kinds;
  const k = new Uint8Array(0x10000);
  for (const c of SPACES) k[c] = K_SPACE;
  for (const c of DOTS) k[c] = K_DOT;
  for (const c of WEAK_DOTS) k[c] = K_WEAK_DOT;
  return (kinds = k);
}

/**
 * The folding for one alias index: the shared Latin/width/punctuation folds
 * plus the index's Traditional→Simplified pairs ("趙赵爾尔…"). Pairs outside
 * the BMP are ignored (the fold is per code unit; no alias needs one).
 */
export function createFolding(t2s = ''): Folding {
  const pairs = new Map<number, number>();
  const chars = Array.from(t2s);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i]!;
    const to = chars[i + 1]!;
    if (from.length === 1 && to.length === 1) pairs.set(from.charCodeAt(0), to.charCodeAt(0));
  }
  return { fold: new Uint16Array(0x10000), t2s: pairs };
}

/** The fold of code unit c, computed on first use and kept in the folding's table. */
export function foldTable(folding: Folding, c: number): number {
  const f = folding.fold[c]!;
  return f !== 0 ? f : (folding.fold[c] = computeFold(c, folding.t2s));
}

/**
 * Whether a folded unit is one that normalize may drop or collapse: a dropped
 * unit, whitespace, a middle dot, '.' or '-'. The prefilter (prefilter.ts)
 * skips all of them, in page text and in patterns alike.
 */
export function isDroppedBySieve(folded: number): boolean {
  return folded === DROP || folded === SPACE || folded === MIDDLE_DOT || folded === 0x2e || folded === 0x2d;
}

// ---------------------------------------------------------------------------
// Character classes, shared with the matcher's boundary rules.

/** Neither a letter, digit nor mark: punctuation, symbols, spaces. */
export const C_OTHER = 1;
/** A letter, digit or combining mark of a script other than Han. */
export const C_WORD = 2;
/** A Han character. */
export const C_HAN = 3;

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Lazily filled class cache for BMP code units (0 = not computed yet). */
const bmpClass = new Uint8Array(0x10000);

function computeClass(cp: number): number {
  const s = String.fromCodePoint(cp);
  return HAN.test(s) ? C_HAN : WORD.test(s) ? C_WORD : C_OTHER;
}

/** The class of a code point ({@link C_OTHER}, {@link C_WORD} or {@link C_HAN}). */
export function charClass(cp: number): number {
  if (cp > 0xffff) return computeClass(cp);
  let c = bmpClass[cp]!;
  if (c === 0) c = bmpClass[cp] = computeClass(cp);
  return c;
}

/** The class of the code point starting at index i of units (0 past the end). */
export function classAt(units: Uint16Array, i: number): number {
  if (i >= units.length) return 0;
  const hi = units[i]!;
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < units.length) {
    const lo = units[i + 1]!;
    if (lo >= 0xdc00 && lo <= 0xdfff) return charClass(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return charClass(hi);
}

/** The class of the code point ending right before index i of units (0 at the start). */
export function classBefore(units: Uint16Array, i: number): number {
  if (i <= 0) return 0;
  const lo = units[i - 1]!;
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = units[i - 2]!;
    if (hi >= 0xd800 && hi <= 0xdbff) return charClass(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return charClass(lo);
}

function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && charClass(cp) === C_HAN;
}

// ---------------------------------------------------------------------------

const utf16 = new TextDecoder('utf-16le');

/**
 * Normalizes text (see the module comment for the rules):
 * - Latin/Greek/Cyrillic lowercased, Latin diacritics and strokes folded, combining marks dropped;
 * - fullwidth ASCII → ASCII, ideographic space → space;
 * - whitespace runs → one space; zero-width characters and soft hyphens dropped;
 * - apostrophe variants → ';
 * - Traditional → Simplified per character, from the index's t2s pairs;
 * - between two Han characters, a middle dot (any variant, spaces around it
 *   allowed), a '.'/'-' (directly between) or plain whitespace is dropped, so
 *   "萨姆·奥尔特曼", "萨姆 · 奥尔特曼" and "萨姆奥尔特曼" are all "萨姆奥尔特曼";
 *   flags records what was dropped for the matcher's boundary rules;
 * - elsewhere, middle-dot variants become U+00B7 and '．' becomes '.'.
 */
export function normalize(text: string, folding: Folding, scratch?: NormalizeScratch): Normalized {
  const { fold } = folding;
  const kind = kindTable();
  const n = text.length;
  const { units, map, flags } = scratch
    ? scratch.reserve(n)
    : { units: new Uint16Array(n), map: new Uint32Array(n + 1), flags: new Uint8Array(n + 1) };
  let o = 0;
  /** What was dropped before the next emitted unit (DOT_BEFORE, GAP_BEFORE). */
  let pending = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = kind[c]!;
    let j = i + 1;
    if (k !== K_PLAIN) {
      // Whitespace or a dot: dropped between two Han characters, else emitted below.
      let dots = k === K_SPACE ? 0 : 1;
      if (k !== K_WEAK_DOT) {
        // A run of whitespace and middle dots ('.' and '-' only join when directly between Han).
        for (let kj = kind[text.charCodeAt(j)]; j < n && (kj === K_SPACE || kj === K_DOT); kj = kind[text.charCodeAt(++j)]) {
          if (kj === K_DOT) dots++;
        }
      }
      const between = o > 0 && units[o - 1]! >= 0x2e80 && classBefore(units, o) === C_HAN && isHanAt(text, j);
      if (between) {
        pending |= dots > 0 ? DOT_BEFORE : GAP_BEFORE;
        i = j;
        continue;
      }
    }
    // Emit units i..j-1, folded; whitespace collapses to one space.
    for (; i < j; i++) {
      const c = text.charCodeAt(i);
      let f = fold[c]!;
      if (f === 0) f = foldTable(folding, c);
      if (f === DROP || (f === SPACE && o > 0 && units[o - 1] === SPACE)) continue;
      units[o] = f;
      map[o] = i;
      // Written every time, not only when set: a reused scratch holds an earlier text's flags.
      flags[o] = pending;
      pending = 0;
      o++;
    }
  }
  map[o] = n;
  flags[o] = 0;
  const out = units.subarray(0, o);
  let decoded: string | undefined;
  return {
    // Decoded on demand: the matcher only needs the units.
    get text() {
      return (decoded ??= utf16.decode(out));
    },
    units: out,
    map: map.subarray(0, o + 1),
    flags: flags.subarray(0, o + 1),
  };
}

/**
 * Buffers that {@link normalize} may reuse from one call to the next. A page
 * is normalized block by block (tens of thousands of calls on a long page), and
 * three fresh typed arrays per block cost more than the normalizing itself.
 * A result normalized into a scratch is valid until the next call with it.
 */
export class NormalizeScratch {
  private units = new Uint16Array(0);
  private map = new Uint32Array(0);
  private flags = new Uint8Array(0);

  /** Buffers for a text of n code units. */
  reserve(n: number): { units: Uint16Array; map: Uint32Array; flags: Uint8Array } {
    if (this.units.length < n) {
      const size = Math.max(n, this.units.length * 2, 1024);
      this.units = new Uint16Array(size);
      this.map = new Uint32Array(size + 1);
      this.flags = new Uint8Array(size + 1);
    }
    return { units: this.units, map: this.map, flags: this.flags };
  }
}

/**
 * Maps the normalized span [s, e) back to [start, end) in the original text.
 * The end is right after the last matched unit, extended over combining marks
 * that were dropped after it (so "José" written with U+0301 is marked whole),
 * but not over a collapsed space or a dropped joiner.
 */
export function originalSpan(original: string, norm: Normalized, s: number, e: number): [number, number] {
  const { map } = norm;
  if (e <= s) return [map[s]!, map[s]!];
  let end = map[e - 1]! + 1;
  const limit = map[e]!;
  while (end < limit && isCombining(original.charCodeAt(end))) end++;
  return [map[s]!, end];
}

function isCombining(c: number): boolean {
  for (const [from, to] of COMBINING_RANGES) if (c >= from && c <= to) return true;
  return false;
}

/** Normalizes an alias: like page text, then trimmed of surrounding spaces. */
export function normalizeAlias(alias: string, folding: Folding): string {
  return normalize(alias, folding).text.trim();
}
