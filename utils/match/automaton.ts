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
 *   `dict` the nearest state on the failure chain that ends a pattern.
 */

export type MatchCallback = (pattern: number, end: number) => void;

export class Automaton {
  private constructor(
    private readonly rootNext: Int32Array,
    private readonly parent: Int32Array,
    private readonly label: Uint16Array,
    private readonly slots: Int32Array,
    private readonly shift: number,
    private readonly fail: Int32Array,
    private readonly term: Int32Array,
    private readonly dict: Int32Array,
    private readonly lengths: Uint32Array,
  ) {}

  /** Number of trie states, root included. */
  get stateCount(): number {
    return this.parent.length;
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
    let total = 1;
    for (const p of patterns) total += p.length;
    // Trie, with a Map for child look-ups while building only.
    let parent = new Int32Array(total);
    let label = new Uint16Array(total);
    let firstChild = new Int32Array(total);
    let nextSibling = new Int32Array(total);
    let term = new Int32Array(total);
    const children = new Map<number, number>();
    const lengths = new Uint32Array(patterns.length);
    let states = 1;
    for (let id = 0; id < patterns.length; id++) {
      const p = patterns[id]!;
      lengths[id] = p.length;
      if (p.length === 0) continue;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        const key = s * 0x10000 + c;
        let t = children.get(key);
        if (t === undefined) {
          t = states++;
          children.set(key, t);
          parent[t] = s;
          label[t] = c;
          nextSibling[t] = firstChild[s]!;
          firstChild[s] = t;
        }
        s = t;
      }
      if (term[s] === 0) term[s] = id + 1;
    }
    children.clear();
    parent = parent.slice(0, states);
    label = label.slice(0, states);
    firstChild = firstChild.subarray(0, states);
    nextSibling = nextSibling.subarray(0, states);
    term = term.slice(0, states);

    const rootNext = new Int32Array(0x10000);
    let bits = 1;
    while (1 << bits < states * 2) bits++;
    const slots = new Int32Array(1 << bits);
    const shift = 32 - bits;
    const mask = slots.length - 1;
    for (let t = 1; t < states; t++) {
      const s = parent[t]!;
      if (s === 0) {
        rootNext[label[t]!] = t;
        continue;
      }
      let h = hash(s, label[t]!, shift);
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = t;
    }

    // Failure and output links, breadth first.
    const fail = new Int32Array(states);
    const dict = new Int32Array(states);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let t = firstChild[0]!; t !== 0; t = nextSibling[t]!) queue[tail++] = t;
    const automaton = new Automaton(rootNext, parent, label, slots, shift, fail, term, dict, lengths);
    while (head < tail) {
      const s = queue[head++]!;
      for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
        const c = label[t]!;
        let f = fail[s]!;
        let g = automaton.next(f, c);
        while (g < 0) {
          f = fail[f]!;
          g = automaton.next(f, c);
        }
        fail[t] = g;
        dict[t] = term[g] !== 0 ? g : dict[g]!;
        queue[tail++] = t;
      }
    }
    return automaton;
  }

  /** The goto function: the child of s on c, or -1 (the root never fails: 0). */
  private next(s: number, c: number): number {
    if (s === 0) return this.rootNext[c]!;
    const { slots, parent, label } = this;
    const mask = slots.length - 1;
    for (let h = hash(s, c, this.shift); ; h = (h + 1) & mask) {
      const t = slots[h]!;
      if (t === 0) return -1;
      if (parent[t] === s && label[t] === c) return t;
    }
  }

  /**
   * Reports every occurrence of every pattern in units[from, to), overlapping
   * ones included, as (pattern id, end index exclusive), in order of end and,
   * for one end, longest first.
   */
  scan(units: Uint16Array, onMatch: MatchCallback, from = 0, to = units.length): void {
    const { fail, term, dict, rootNext } = this;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = units[i]!;
      let t = s === 0 ? rootNext[c]! : this.next(s, c);
      while (t < 0) {
        s = fail[s]!;
        t = this.next(s, c);
      }
      s = t;
      if (s === 0) continue;
      for (let o = term[s] !== 0 ? s : dict[s]!; o !== 0; o = dict[o]!) onMatch(term[o]! - 1, i + 1);
    }
  }
}

/** Fibonacci hashing of (state, code unit) to a slot index. */
function hash(s: number, c: number, shift: number): number {
  return Math.imul((s << 16) ^ (s >>> 16) ^ c, 0x9e3779b1) >>> shift;
}
