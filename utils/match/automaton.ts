/**
 * Aho–Corasick over UTF-16 code units: one pass over a page finds every
 * occurrence of every alias, at a cost per character that does not grow with
 * the number of aliases.
 *
 * Why our own: the matcher needs (1) every occurrence, overlapping ones
 * included, so that it can apply script-aware boundary rules (Latin word
 * edges, Chinese middle dots) BEFORE choosing leftmost-longest — choosing
 * first would let a rejected long match hide a valid short one; (2) to scan
 * the normalized, offset-mapped units of normalize.ts, not a string; and (3)
 * a compact table built once from tens of thousands of aliases. The npm
 * packages report matches after their own selection or on raw strings, and
 * keep one object or Map per state.
 *
 * Representation (all typed arrays, indexed by state; state 0 is the root):
 * - each state has exactly one incoming trie edge, so the edge is stored on
 *   its target: `parent[s]`, `label[s]`;
 * - transitions out of the root (the common case: most characters of a page
 *   start nothing) are a dense 64 Ki table `rootNext`;
 * - every other transition is found in one open-addressing hash table
 *   `slots` that stores the child state; a slot matches when the child's
 *   parent and label are the ones looked for, so no separate keys are kept;
 * - `fail` holds failure links, `term` the pattern ending at a state (+1),
 *   `dict` the nearest state on the failure chain that ends a pattern,
 *   `accepts` whether any pattern ends there or on its failure chain.
 */

export type MatchCallback = (pattern: number, end: number) => void;

/**
 * The trie of a pattern set, the one builder every automaton here starts from
 * (this class; the prefilter's dense table). A child is found through the
 * hash of (parent, unit); the edges are also chained per state
 * (`firstChild`, `nextSibling`) for the breadth-first passes. Built straight
 * into typed arrays with no Map and no 64 Ki root table (the automaton adds
 * that): the prefilter builds its automata at every page's start.
 */
export class Trie {
  private constructor(
    /** Number of states, root included. */
    readonly states: number,
    readonly parent: Int32Array,
    readonly label: Uint16Array,
    readonly firstChild: Int32Array,
    readonly nextSibling: Int32Array,
    /** The first pattern ending at a state (+1), or 0. */
    readonly term: Int32Array,
    readonly slots: Int32Array,
    readonly shift: number,
  ) {}

  static build(patterns: readonly string[]): Trie {
    let total = 1;
    for (const p of patterns) total += p.length;
    const parent = new Int32Array(total);
    const label = new Uint16Array(total);
    const firstChild = new Int32Array(total);
    const nextSibling = new Int32Array(total);
    const term = new Int32Array(total);
    let bits = 4;
    while (1 << bits < total * 2) bits++;
    const slots = new Int32Array(1 << bits);
    const shift = 32 - bits;
    const mask = slots.length - 1;
    let states = 1;
    for (let id = 0; id < patterns.length; id++) {
      const p = patterns[id]!;
      if (p.length === 0) continue;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = 0;
        let h = hash(s, c, shift);
        for (; slots[h] !== 0; h = (h + 1) & mask) {
          const u = slots[h]!;
          if (parent[u] === s && label[u] === c) {
            t = u;
            break;
          }
        }
        if (t === 0) {
          t = states++;
          parent[t] = s;
          label[t] = c;
          nextSibling[t] = firstChild[s]!;
          firstChild[s] = t;
          slots[h] = t;
        }
        s = t;
      }
      if (term[s] === 0) term[s] = id + 1;
    }
    return new Trie(states, parent, label, firstChild, nextSibling, term, slots, shift);
  }

  /** The child of s on c, or -1. */
  child(s: number, c: number): number {
    const { slots, parent, label } = this;
    const mask = slots.length - 1;
    for (let h = hash(s, c, this.shift); ; h = (h + 1) & mask) {
      const t = slots[h]!;
      if (t === 0) return -1;
      if (parent[t] === s && label[t] === c) return t;
    }
  }
}

/**
 * Aho–Corasick over a {@link Trie}: the matcher's (every occurrence of every
 * pattern, {@link scan}) and the prefilter's for large pattern sets (a
 * stream, {@link step} and {@link accepts}).
 */
export class Automaton {
  private constructor(
    private readonly trie: Trie,
    /** The root's transitions as a dense table: most characters of a page start nothing. */
    private readonly rootNext: Int32Array,
    private readonly fail: Int32Array,
    private readonly dict: Int32Array,
    /** 1 where some pattern ends at the state or on its failure chain. */
    readonly accepts: Uint8Array,
    private readonly lengths: Uint32Array,
  ) {}

  /** Number of trie states, root included. */
  get stateCount(): number {
    return this.trie.states;
  }

  /** Number of patterns the automaton was built from. */
  get patternCount(): number {
    return this.lengths.length;
  }

  /** Length in code units of a pattern. */
  patternLength(pattern: number): number {
    return this.lengths[pattern]!;
  }

  /**
   * Builds the automaton. Pattern ids are positions in `patterns`; an empty
   * pattern never matches; a duplicate reports the first id.
   */
  static build(patterns: readonly string[]): Automaton {
    const trie = Trie.build(patterns);
    const { states, firstChild, nextSibling, label, term } = trie;
    const lengths = new Uint32Array(patterns.length);
    for (let id = 0; id < patterns.length; id++) lengths[id] = patterns[id]!.length;
    // Failure and output links, breadth first.
    const fail = new Int32Array(states);
    const dict = new Int32Array(states);
    const accepts = new Uint8Array(states);
    const rootNext = new Int32Array(0x10000);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let t = firstChild[0]!; t !== 0; t = nextSibling[t]!) {
      rootNext[label[t]!] = t;
      queue[tail++] = t;
      if (term[t] !== 0) accepts[t] = 1;
    }
    while (head < tail) {
      const s = queue[head++]!;
      for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
        const c = label[t]!;
        let f = fail[s]!;
        let g = trie.child(f, c);
        while (g < 0 && f !== 0) {
          f = fail[f]!;
          g = trie.child(f, c);
        }
        if (g < 0) g = 0;
        fail[t] = g;
        dict[t] = term[g] !== 0 ? g : dict[g]!;
        if (term[t] !== 0 || accepts[g] === 1) accepts[t] = 1;
        queue[tail++] = t;
      }
    }
    return new Automaton(trie, rootNext, fail, dict, accepts, lengths);
  }

  /** The goto function with failure links: the state after unit c from state s. */
  step(state: number, c: number): number {
    const { trie, fail } = this;
    let s = state;
    for (;;) {
      if (s === 0) return this.rootNext[c]!;
      const t = trie.child(s, c);
      if (t >= 0) return t;
      s = fail[s]!;
    }
  }

  /**
   * Reports every occurrence of every pattern in units[from, to), overlapping
   * ones included, as (pattern id, end index exclusive), in order of end and,
   * for one end, longest first.
   */
  scan(units: Uint16Array, onMatch: MatchCallback, from = 0, to = units.length): void {
    const { dict, rootNext } = this;
    const { term } = this.trie;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = units[i]!;
      s = s === 0 ? rootNext[c]! : this.step(s, c);
      if (s === 0) continue;
      for (let o = term[s] !== 0 ? s : dict[s]!; o !== 0; o = dict[o]!) onMatch(term[o]! - 1, i + 1);
    }
  }
}

/** Fibonacci hashing of (state, code unit) to a slot index. */
function hash(s: number, c: number, shift: number): number {
  return Math.imul((s << 16) ^ (s >>> 16) ^ c, 0x9e3779b1) >>> shift;
}
