/**
 * Which mention is at a (text node, offset) position: the pointer's caret
 * position is looked up here on hover. Each text node keeps its mention
 * segments sorted by start, so a lookup is a binary search in one node's list.
 *
 * Generic over the node type so the logic is tested without a DOM.
 */
export interface Segment<M> {
  /** Offsets inside the node; end exclusive. */
  start: number;
  end: number;
  mention: M;
}

export class MentionIndex<N extends object, M> {
  private readonly byNode = new Map<N, Segment<M>[]>();

  /** Registers the part [start, end) of `node` as belonging to `mention`. */
  add(node: N, start: number, end: number, mention: M): void {
    if (end <= start) return;
    let list = this.byNode.get(node);
    if (!list) this.byNode.set(node, (list = []));
    const segment = { start, end, mention };
    // Segments mostly arrive in order (a block is scanned left to right): append is the common case.
    let at = list.length;
    while (at > 0 && list[at - 1]!.start > start) at--;
    list.splice(at, 0, segment);
  }

  /** Forgets every segment of the mentions for which `drop` returns true, in the given nodes. */
  remove(nodes: Iterable<N>, drop: (mention: M) => boolean): void {
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const kept = list.filter((s) => !drop(s.mention));
      if (kept.length === 0) this.byNode.delete(node);
      else if (kept.length !== list.length) this.byNode.set(node, kept);
    }
  }

  clear(): void {
    this.byNode.clear();
  }

  get nodeCount(): number {
    return this.byNode.size;
  }

  /**
   * The mentions whose segment in `node` touches `offset`. A caret position
   * sits between characters, so a pointer over the last character of a name
   * may report the offset just after it: `end` counts as touching, and the
   * caller confirms with the mention's on-screen rectangles.
   */
  at(node: N, offset: number): M[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    // First segment with start > offset; candidates are before it.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const found: M[] = [];
    // Segments of different spans never overlap (the matcher's hits do not), so
    // ends grow with starts; one span may stand for several people, hence a walk back.
    for (let i = lo - 1; i >= 0 && list[i]!.end >= offset; i--) found.push(list[i]!.mention);
    return found.reverse();
  }
}
