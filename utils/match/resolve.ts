/**
 * Page-level ambiguity rules: which hits become marks.
 *
 * 1. A full-name hit (safety 0) always counts, and names its person "in
 *    full" for the whole page, in either script.
 * 2. A surname or given-name hit (safety 1: "Altman", "Zhao", 奥特曼) counts
 *    only when the page names that person in full somewhere.
 * 3. A span that several people's aliases share ("Wang": Alexandr Wang and
 *    Jason Wang, one alias row each) goes to the one person the page names
 *    in full; to nobody when none or several of them are. So a page about a
 *    badminton player Wang, or 王曼昱, gets no mark.
 * 4. Known limit: people who share a FULL name cannot be told apart from
 *    text. The mention goes to the first of them (alias-row order) and lists
 *    them all in `candidates`, so a caller can show "ambiguous"; and all of
 *    them count as named in full.
 *
 * The rules are global to a page but the page changes (infinite scroll,
 * SPAs), so {@link PageResolver} keeps the hits per block and re-resolves
 * incrementally: a new full-name mention can validate surname hits in blocks
 * scanned earlier, and removing it can invalidate them.
 */
import type { Hit } from './matcher';

export interface Mention extends Hit {
  /** Present when several people share this full name: all of them; `person` is the first. */
  candidates?: number[];
}

/** The hits that share one span of one block, one per person. */
interface Span {
  start: number;
  end: number;
  rows: Hit[];
}

/** Groups hits by span, in order of start. */
function spansOf(hits: readonly Hit[]): Span[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Span[] = [];
  for (const hit of sorted) {
    const last = spans[spans.length - 1];
    if (last && last.start === hit.start && last.end === hit.end) last.rows.push(hit);
    else spans.push({ start: hit.start, end: hit.end, rows: [hit] });
  }
  return spans;
}

function resolveSpan(span: Span, namedInFull: (person: number) => boolean): Mention | undefined {
  const full = span.rows.filter((r) => r.safety === 0);
  if (full.length > 0) {
    const mention: Mention = { ...full[0]! };
    if (full.length > 1) mention.candidates = full.map((r) => r.person);
    return mention;
  }
  const named = span.rows.filter((r) => namedInFull(r.person));
  return named.length === 1 ? { ...named[0]! } : undefined;
}

function sameMentions(a: readonly Mention[] | undefined, b: readonly Mention[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((m, i) => {
    const n = b[i]!;
    return m.start === n.start && m.end === n.end && m.person === n.person && m.alias === n.alias;
  });
}

/**
 * Resolves a page's hits incrementally. Keys identify blocks (a TextBlock,
 * an element, a number: anything usable as a Map key).
 *
 * Usage: `set` each scanned block, `delete` the ones gone from the page, then
 * `flush` to get the blocks whose marks must be (re)drawn.
 */
export class PageResolver<K> {
  private readonly blocks = new Map<K, Span[]>();
  /** person → number of blocks that name them in full. */
  private readonly fullBlocks = new Map<number, number>();
  /** person → blocks with a surname/given-name hit that could be theirs. */
  private readonly partialBlocks = new Map<number, Set<K>>();
  private readonly resolvedBlocks = new Map<K, Mention[]>();
  private readonly dirty = new Set<K>();
  /** Who was named in full at the last flush. */
  private namedAtFlush = new Set<number>();

  /** Replaces the hits of one block (all of them: a block is always rescanned whole). */
  set(key: K, hits: readonly Hit[]): void {
    this.forget(key);
    const spans = spansOf(hits);
    this.blocks.set(key, spans);
    const full = new Set<number>();
    for (const span of spans) {
      for (const row of span.rows) {
        if (row.safety === 0) full.add(row.person);
        else {
          let keys = this.partialBlocks.get(row.person);
          if (!keys) this.partialBlocks.set(row.person, (keys = new Set()));
          keys.add(key);
        }
      }
    }
    for (const person of full) this.fullBlocks.set(person, (this.fullBlocks.get(person) ?? 0) + 1);
    this.dirty.add(key);
  }

  /** Removes a block that left the page. */
  delete(key: K): void {
    if (this.blocks.has(key)) {
      this.forget(key);
      this.dirty.add(key);
    }
  }

  /** Whether the page, as last set, names a person in full. */
  namesInFull(person: number): boolean {
    return (this.fullBlocks.get(person) ?? 0) > 0;
  }

  /**
   * Applies every change since the last flush. Returns the blocks whose
   * mentions must be redrawn: every block set or deleted since (a deleted
   * block maps to []), and every other block whose mentions changed because
   * someone became, or stopped being, named in full.
   */
  flush(): Map<K, Mention[]> {
    const named = new Set<number>();
    for (const [person, count] of this.fullBlocks) if (count > 0) named.add(person);
    const touched = new Set<K>();
    for (const person of symmetricDifference(named, this.namedAtFlush)) {
      for (const key of this.partialBlocks.get(person) ?? []) if (!this.dirty.has(key)) touched.add(key);
    }
    this.namedAtFlush = named;

    const changes = new Map<K, Mention[]>();
    for (const key of this.dirty) {
      const mentions = this.resolveBlock(key);
      changes.set(key, mentions);
      if (this.blocks.has(key)) this.resolvedBlocks.set(key, mentions);
      else this.resolvedBlocks.delete(key);
    }
    this.dirty.clear();
    for (const key of touched) {
      const mentions = this.resolveBlock(key);
      if (sameMentions(this.resolvedBlocks.get(key), mentions)) continue;
      this.resolvedBlocks.set(key, mentions);
      changes.set(key, mentions);
    }
    return changes;
  }

  /** The mentions of one block as of the last flush. */
  mentions(key: K): Mention[] {
    return this.resolvedBlocks.get(key) ?? [];
  }

  /** Every block with mentions as of the last flush, in insertion order. */
  all(): Map<K, Mention[]> {
    const out = new Map<K, Mention[]>();
    for (const [key, mentions] of this.resolvedBlocks) if (mentions.length > 0) out.set(key, mentions);
    return out;
  }

  private resolveBlock(key: K): Mention[] {
    const spans = this.blocks.get(key);
    if (!spans) return [];
    const named = (person: number): boolean => this.namesInFull(person);
    const mentions: Mention[] = [];
    for (const span of spans) {
      const mention = resolveSpan(span, named);
      if (mention) mentions.push(mention);
    }
    return mentions;
  }

  private forget(key: K): void {
    const spans = this.blocks.get(key);
    if (!spans) return;
    this.blocks.delete(key);
    const full = new Set<number>();
    for (const span of spans) {
      for (const row of span.rows) {
        if (row.safety === 0) full.add(row.person);
        else this.partialBlocks.get(row.person)?.delete(key);
      }
    }
    for (const person of full) {
      const count = (this.fullBlocks.get(person) ?? 1) - 1;
      if (count > 0) this.fullBlocks.set(person, count);
      else this.fullBlocks.delete(person);
    }
  }
}

function symmetricDifference(a: Set<number>, b: Set<number>): number[] {
  const out: number[] = [];
  for (const x of a) if (!b.has(x)) out.push(x);
  for (const x of b) if (!a.has(x)) out.push(x);
  return out;
}

/** Resolves one page's hits at once (the CLI and tests); mentions come in order of block, then start. */
export function resolveMentions(hits: ReadonlyArray<Hit & { block: number }>): Array<Mention & { block: number }> {
  const byBlock = new Map<number, Hit[]>();
  for (const hit of hits) {
    let list = byBlock.get(hit.block);
    if (!list) byBlock.set(hit.block, (list = []));
    list.push(hit);
  }
  const resolver = new PageResolver<number>();
  for (const [block, list] of byBlock) resolver.set(block, list);
  resolver.flush();
  const out: Array<Mention & { block: number }> = [];
  for (const block of [...byBlock.keys()].sort((a, b) => a - b)) {
    for (const mention of resolver.mentions(block)) out.push({ ...mention, block });
  }
  return out;
}
