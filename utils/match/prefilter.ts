/**
 * A fast first pass over a page's text that answers, per block: could an alias
 * end here? Only blocks with such candidates go through the exact matcher
 * (matcher.ts: normalization with offsets, boundary rules, leftmost-longest),
 * and only around the candidates. On a news page most text is read once, as
 * it streams out of the DOM walk, and never copied.
 *
 * The pass may report candidates the matcher then rejects, but must never miss
 * an occurrence the matcher would accept. It reads the text as a stream of
 * units:
 * - each code unit goes through normalize.ts's fold (case, width,
 *   diacritics, Traditional→Simplified), exactly as normalize does;
 * - units normalize drops outright (zero-width, soft hyphen, combining marks)
 *   are skipped;
 * - units normalize may drop or collapse depending on their neighbours
 *   (whitespace, middle dots, '.', '-') are skipped too, but remembered as a
 *   gap;
 * - a word boundary unit (WORD_EDGE) is inserted wherever a Latin word (letters,
 *   digits) starts or ends: between a word unit and a non-word unit, and
 *   between two word units with a gap between them.
 * The patterns are the matcher's normalized aliases read the same way, with WORD_EDGE
 * at the start and end when they begin or end with a word unit. Inside an
 * occurrence the text and the alias give the same stream (the same units, and
 * gaps only where the alias has a space or dot, or between Han characters,
 * where gaps insert nothing); at a word edge that the matcher accepts, the
 * neighbour is a non-word unit, a gap or the end of the block, each of which
 * gives a WORD_EDGE. So "Ren" is not a candidate in "current", nor "Mark" in
 * "remarkable", while "Ren," is.
 *
 * Two automata read the stream: one over every pattern (the candidates of a
 * block), built on first use, and one over the full names without word edges
 * (the page gate, {@link Prefilter.mayContain}: "markchen" for "Mark Chen"),
 * which most pages are settled by.
 */
import { Automaton, Trie } from './automaton';
import { foldTable, isDroppedBySieve, type Folding } from './normalize';

/** The inserted word-boundary unit (U+0000; a NUL in page text counts as a gap instead). */
const WORD_EDGE = 0;
const EDGE = String.fromCharCode(WORD_EDGE);
/**
 * Sieve values above every kept unit: a gap, a dropped unit. 0 in the sieve
 * means "not computed yet" (no unit is kept as 0: U+0000 is a gap).
 */
const GAP_MARK = 0xffff;
const DROPPED_MARK = 0xfffd;
/** normalize.ts's fold-table value for a dropped unit. */
const FOLD_DROP = 0xffff;

/**
 * The state of a stream between two pieces of text (e.g. two text nodes of
 * one block): automaton state, whether the last kept unit was a word unit,
 * and whether a gap followed it. Start every block from {@link BLOCK_START}.
 */
export type StreamState = number;

/**
 * 1 for the folded units the stream treats as word characters: ASCII letters
 * and digits and the Latin letters up to U+024F. Every one of them is a word
 * character for the matcher too (C_WORD: a letter, digit or mark outside
 * Han); the reverse need not hold. A word character of another script
 * (Greek, Cyrillic…) read as a non-word only inserts more word edges: more
 * candidates, never fewer. A fixed table, where the matcher's classes need a
 * Unicode-property regex per character: the prefilter runs on every page.
 */
const LATIN_WORD = new Uint8Array(0x250);
for (let u = 0; u < LATIN_WORD.length; u++) {
  const alnum = (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
  LATIN_WORD[u] = alnum || (u >= 0xc0 && u !== 0xd7 && u !== 0xf7) ? 1 : 0;
}

/** Kinds of code units for {@link Prefilter.kindOf}: read, a gap, skipped without a trace. */
export const KEPT_UNIT = 0;
export const GAP_UNIT = 1;
export const DROPPED_UNIT = 2;
export const BLOCK_START: StreamState = 0;

/**
 * An Aho–Corasick automaton as a full table: the next state for every state
 * and every symbol, where a symbol is one of the units the patterns use, or
 * "any other unit" (symbol 0). One table read per unit of text, with no
 * hashing and no failure links to follow: the page gate reads every unit of
 * every page the user opens, once and cold, and most of it in states other
 * than the root (most Latin letters begin some full name). The table has
 * states × symbols entries, so only small pattern sets get one (the shipped
 * dataset's full names); larger ones fall back to the hashed
 * {@link Automaton}. Both start from the same {@link Trie}.
 */
class DenseAutomaton {
  /** Above this many table entries the hashed automaton is used instead. */
  static readonly MAX_ENTRIES = 1 << 21;

  private constructor(
    /** Per unit: its symbol (0: a unit no pattern uses). */
    readonly symbols: Uint16Array,
    readonly symbolCount: number,
    /** next[state * symbolCount + symbol]. */
    readonly next: Uint16Array,
    /** 1 where some pattern ends at the state or on its failure chain. */
    readonly accepts: Uint8Array,
  ) {}

  /** The state after unit u from state s. */
  step(s: number, u: number): number {
    return this.next[s * this.symbolCount + this.symbols[u]!]!;
  }

  static build(patterns: readonly string[]): DenseAutomaton | null {
    const symbols = new Uint16Array(0x10000);
    let symbolCount = 1;
    let total = 1;
    for (const p of patterns) {
      total += p.length;
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        if (symbols[u] === 0) symbols[u] = symbolCount++;
      }
    }
    if (total >= 0xffff || total * symbolCount > DenseAutomaton.MAX_ENTRIES) return null;
    const { states, firstChild, nextSibling, label, term } = Trie.build(patterns);
    const next = new Uint16Array(states * symbolCount);
    const accepts = new Uint8Array(states);
    for (let t = 1; t < states; t++) if (term[t] !== 0) accepts[t] = 1;
    // Breadth first, so a state's failure state (shallower) has its row complete before the
    // state's own. A row starts as a copy of its failure state's row (one native copy, not a loop
    // over every symbol: this runs at every page's start), then takes the state's own edges.
    const fail = new Uint16Array(states);
    const queue = new Uint16Array(states);
    let head = 0;
    let tail = 0;
    for (let t = firstChild[0]!; t !== 0; t = nextSibling[t]!) {
      next[symbols[label[t]!]!] = t;
      queue[tail++] = t;
    }
    while (head < tail) {
      const s = queue[head++]!;
      const row = s * symbolCount;
      const failRow = fail[s]! * symbolCount;
      next.copyWithin(row, failRow, failRow + symbolCount);
      for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
        const a = symbols[label[t]!]!;
        fail[t] = next[failRow + a]!;
        if (accepts[fail[t]!]) accepts[t] = 1;
        next[row + a] = t;
        queue[tail++] = t;
      }
    }
    return new DenseAutomaton(symbols, symbolCount, next, accepts);
  }
}

export class Prefilter {
  private constructor(
    /** The matcher's folding (its table fills in as characters are first seen). */
    readonly folding: Folding,
    /** Per code unit: its fold, or GAP_MARK / DROPPED_MARK; filled in on first sight of each unit (0: not yet). */
    private readonly sieve: Uint16Array,
    /** The patterns, word edges included: the candidates of a block ({@link whole} builds their automaton). */
    private readonly patterns: readonly string[],
    /**
     * The full names without word edges: found in any text that holds a
     * block with a full-name candidate, whatever stands around the block and
     * however its words are spaced (the gate for a whole page, {@link mayContain}).
     */
    private readonly cores: DenseAutomaton | Automaton,
  ) {}

  /**
   * The prefilter for the matcher's folding and its stream patterns
   * ({@link streamPatterns}, which the data build writes into the alias index).
   */
  static build(folding: Folding, patterns: StreamPatterns): Prefilter {
    // Edges are taken out here as well, so that cores written by an older data build still work.
    const cores = patterns.cores.map((core) => core.replaceAll(EDGE, ''));
    return new Prefilter(folding, new Uint16Array(0x10000), patterns.patterns, DenseAutomaton.build(cores) ?? Automaton.build(cores));
  }

  private wholeAutomaton: DenseAutomaton | Automaton | null = null;

  /** Built on first use: a page that names nobody in full only ever needs the gate's. */
  private get whole(): DenseAutomaton | Automaton {
    return (this.wholeAutomaton ??= DenseAutomaton.build(this.patterns) ?? Automaton.build(this.patterns));
  }

  /** Builds the block automaton now (the matcher does: it will need it, and its build is the time to pay). */
  prepare(): this {
    void this.whole;
    return this;
  }

  /**
   * Feeds text[from, to) to the stream. Pushes to `ends`, as `offset + index`,
   * the end of every candidate: the index after the unit where a pattern
   * ended, or, for a pattern ending in a word edge, the index of the unit
   * that showed the edge (the occurrence ends at or before it). Returns the
   * state to continue with in the next piece of the same block.
   */
  feed(text: string, from: number, to: number, state: StreamState, offset: number, ends: number[]): StreamState {
    return this.run(this.whole, text, from, to, state, offset, ends, Infinity);
  }

  /**
   * Whether text[from, to) may hold a full name in any of its blocks, for a
   * text that joins many blocks with no boundary between them (an element's
   * textContent): no core there means no block in it has a full-name
   * candidate. And a page that names nobody in full has no mention at all
   * (a surname counts only after a full name: resolve.ts). `state` and the
   * return value chain pieces of one such text, as with {@link feed}; the
   * result is -1 once a core was found.
   */
  mayContain(text: string, from: number, to: number, state: StreamState): StreamState | -1 {
    // Its own loops rather than run(): cores have no word edges, so this stream inserts none, and
    // on most pages this is the only loop that runs, once and cold (a smaller body leaves the
    // interpreter sooner). The state is run()'s, with the word and gap bits left at 0.
    const { sieve } = this;
    const automaton = this.cores;
    let s = state >>> 2;
    const end = Math.min(to, text.length);
    // The table read inline, not through step(): one loop calling step() for both automata
    // measured none-1k at 10.2–10.5 ms against 8.0–8.9 ms (two pairs of 5 profiled runs).
    if (automaton instanceof DenseAutomaton) {
      const { symbols, symbolCount, next, accepts } = automaton;
      for (let i = from; i < end; i++) {
        const c = text.charCodeAt(i);
        let u = sieve[c]!;
        if (u === 0) u = this.resolve(c);
        if (u >= DROPPED_MARK) continue;
        s = next[s * symbolCount + symbols[u]!]!;
        if (accepts[s] === 1) return -1;
      }
      return s << 2;
    }
    const { accepts } = automaton;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      let u = sieve[c]!;
      if (u === 0) u = this.resolve(c);
      if (u >= DROPPED_MARK) continue;
      s = automaton.step(s, u);
      if (accepts[s] === 1) return -1;
    }
    return s << 2;
  }

  /**
   * The stream loop. Without `ends`, stops at the first candidate (-1);
   * with them, pushes each and stops (-1) once there are `cap` of them.
   */
  private run(
    automaton: DenseAutomaton | Automaton,
    text: string,
    from: number,
    to: number,
    state: StreamState,
    offset: number,
    ends: number[] | null,
    cap: number,
  ): StreamState | -1 {
    const { sieve } = this;
    const { accepts } = automaton;
    let s = state >>> 2;
    let word = (state >>> 1) & 1;
    let gap = state & 1;
    const end = Math.min(to, text.length);
    for (let i = from; i < end; i++) {
      let u = sieve[text.charCodeAt(i)]!;
      if (u === 0) u = this.resolve(text.charCodeAt(i));
      if (u >= DROPPED_MARK) {
        if (u === GAP_MARK) gap = 1;
        continue;
      }
      const isWord = u < LATIN_WORD.length ? LATIN_WORD[u]! : 0;
      if ((word | isWord) !== 0 && ((word ^ isWord) | gap) !== 0) {
        s = automaton.step(s, WORD_EDGE);
        if (accepts[s] === 1) {
          if (!ends) return -1;
          if (ends.push(offset + i) >= cap) return -1;
        }
      }
      // One automaton per page, so the call is monomorphic: a table read (DenseAutomaton) or, for
      // large pattern sets, the root's dense row and a hash probe beyond it (Automaton).
      s = automaton.step(s, u);
      if (accepts[s] === 1) {
        if (!ends) return -1;
        if (ends.push(offset + i + 1) >= cap) return -1;
      }
      word = isWord;
      gap = 0;
    }
    return (s << 2) | (word << 1) | gap;
  }

  /** Ends a block: a word running to its end is followed by a word edge. `end` is the block's length. */
  finish(state: StreamState, end: number, ends: number[]): void {
    if (((state >>> 1) & 1) === 0) return;
    if (this.whole.accepts[this.whole.step(state >>> 2, WORD_EDGE)] === 1) ends.push(end);
  }

  /**
   * The candidates of a whole block. With a cap: null once there are that
   * many (the caller searches such a text whole and needs no more of them).
   */
  candidates(text: string): number[];
  candidates(text: string, cap: number): number[] | null;
  candidates(text: string, cap = Infinity): number[] | null {
    const ends: number[] = [];
    const state = this.run(this.whole, text, 0, text.length, BLOCK_START, 0, ends, cap);
    if (state === -1) return null;
    this.finish(state, text.length, ends);
    return ends;
  }

  /** How the stream reads a code unit of page text: {@link KEPT_UNIT}, {@link GAP_UNIT} or {@link DROPPED_UNIT}. */
  kindOf(c: number): number {
    let u = this.sieve[c]!;
    if (u === 0) u = this.resolve(c);
    return u === GAP_MARK ? GAP_UNIT : u === DROPPED_MARK ? DROPPED_UNIT : KEPT_UNIT;
  }

  private resolve(c: number): number {
    const v = sieveValue(foldTable(this.folding, c));
    this.sieve[c] = v;
    return v;
  }
}

function sieveValue(folded: number): number {
  if (folded === FOLD_DROP) return DROPPED_MARK;
  return isGapUnit(folded) ? GAP_MARK : folded;
}

/**
 * A folded unit the stream reads as a gap: what normalize may drop or
 * collapse, and the units that double as the sieve's own markers (U+0000, the
 * inserted word edge; U+FFFD, U+FFFE), which are neither letters nor Han.
 */
function isGapUnit(u: number): boolean {
  return u === 0 || u >= DROPPED_MARK || isDroppedBySieve(u);
}

/**
 * A normalized alias as the stream reads it (see the module comment). Its
 * units are folded already and are not folded again: the fold is applied
 * once, to page text and aliases alike (a second Traditional→Simplified step
 * could take a character one step further than the page's text goes).
 */
function reduce(alias: string): string {
  let out = '';
  let word = 0;
  let gap = 0;
  for (let i = 0; i < alias.length; i++) {
    const u = alias.charCodeAt(i);
    if (isGapUnit(u)) {
      gap = 1;
      continue;
    }
    const isWord = u < LATIN_WORD.length ? LATIN_WORD[u]! : 0;
    if ((word | isWord) !== 0 && ((word ^ isWord) | gap) !== 0) out += EDGE;
    out += alias[i];
    word = isWord;
    gap = 0;
  }
  return word === 1 ? out + EDGE : out;
}

/** The patterns a prefilter is built from: the stream form of every alias, and the full names' cores. */
export interface StreamPatterns {
  /** Each searched form as the stream reads it, word edges as U+0000. */
  patterns: string[];
  /** The full names' patterns without word edges (the page gate). */
  cores: string[];
}

/**
 * The stream patterns of the matcher's searched forms (normalizeAlias);
 * `fullNames` are the forms that name someone in full (safety 0). Pure and
 * deterministic: the data build writes its result into the alias index, so
 * that a page does not compute it at start.
 */
export function streamPatterns(forms: readonly string[], fullNames: ReadonlySet<string>): StreamPatterns {
  const patterns: string[] = [];
  const cores: string[] = [];
  for (const form of forms) {
    const p = reduce(form);
    if (p.length === 0) continue;
    patterns.push(p);
    if (fullNames.has(form)) cores.push(p.replaceAll(EDGE, ''));
  }
  return { patterns, cores };
}
