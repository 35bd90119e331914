/**
 * The drawn mentions of a page: which block holds which marks, the engine that paints them, the
 * hit test from a viewport point back to a mention, and the reader's "Not this person" choices
 * (those marks are never drawn).
 *
 * It knows nothing of scanning: the scanner hands it each block's resolved mentions, and it
 * replaces what that block had.
 */
import type { AliasIndex } from '@/data/schema';
import type { Mention } from '@/utils/match/resolve';
import { rejectionKey, type Rejection } from '@/utils/notes/rejections';
import { locate, type TextBlock } from '@/content/scan/segments';
import { HighlightEngine } from './highlight-engine';
import { ElementEngine } from './element-engine';
import { highlightApiAvailable, type Mark, type MarkEngine, type MarkRequest, type TextSegment } from './mark-engine';
import { MentionIndex } from './mention-index';
import { caretAt, rangeContainsPoint } from './hit-test';
import { liveRange, markRange, startComparer } from './ranges';
import { DEFAULT_MARK_STYLE, mentionsInScope, type MarkStyle } from '@/utils/mark-style';
import { marksShowIn } from './shadow-styles';

/** One drawn mention. */
export interface PageMention {
  block: TextBlock;
  mention: Mention;
  personId: string;
  mark: Mark;
  segments: TextSegment[];
}

export interface MarkLayerOptions {
  people: AliasIndex['people'];
  /** Force an engine (tests); by default the Highlight API where available. */
  engine?: 'highlight' | 'element';
  /** Which mentions are drawn and how they look (Settings); by default all, filled. */
  style?: MarkStyle;
  /** Runs a DOM change of the element engine so the page's observer does not take it for the page's. */
  mute(change: () => void): void;
  /** These mentions are no longer drawn (the navigator lets go of them). */
  onRemoved(gone: ReadonlySet<PageMention>): void;
}

export class MarkLayer {
  private engine: MarkEngine | null = null;
  private readonly drawn = new Map<TextBlock, PageMention[]>();
  private readonly byMark = new Map<Mark, PageMention>();
  /** Text position → mention, for the highlight engine's hit test. */
  private readonly positions = new MentionIndex<Text, PageMention>();
  private sorted: PageMention[] | null = null;
  /** "Not this person" (rejectionKey of person and alias text): these marks are not drawn. */
  private readonly rejected = new Set<string>();
  private style: MarkStyle;
  /** Open shadow roots with marks drawn in them (the hit test looks into them). */
  private readonly shadowRoots = new Set<ShadowRoot>();

  constructor(private readonly options: MarkLayerOptions) {
    this.style = options.style ?? DEFAULT_MARK_STYLE;
  }

  get kind(): MarkEngine['kind'] | null {
    return this.engine?.kind ?? null;
  }

  /** How many mentions are drawn. */
  get size(): number {
    return this.byMark.size;
  }

  /**
   * Takes the reader's mark style. The look applies at once; returns whether the scope changed, in
   * which case every block must be drawn again (the layer keeps only what it drew).
   */
  setStyle(style: MarkStyle): boolean {
    const scopeChanged = style.scope !== this.style.scope;
    this.style = style;
    this.engine?.setLook(style.look);
    return scopeChanged;
  }

  /**
   * Replaces the drawn mentions of one block with `resolved` (but those the reader said are not
   * their person, and under the "first mention" style each person's later ones). The engine is
   * made with the first mark: a page with no mention never gets ours.
   */
  draw(block: TextBlock, resolved: readonly Mention[]): void {
    const mentions = mentionsInScope(
      this.rejected.size === 0 ? resolved : resolved.filter((m) => !this.isRejected(block, m)),
      this.style.scope,
    );
    const engine = mentions.length > 0 ? this.ensureEngine() : this.engine;
    if (!engine) return;
    this.erase(block, engine);
    if (mentions.length === 0) return;
    // Text in a shadow root: drawn only where our marks' styles reach (adopted there if need be).
    const root = shadowRootOf(block);
    if (root) {
      if (!marksShowIn(root, block.nodes[0]!.parentElement ?? root.host, engine.kind)) return;
      this.shadowRoots.add(root);
    }
    const requests: MarkRequest[] = [];
    const kept: Mention[] = [];
    for (const mention of mentions) {
      const request = markRequest(block, mention);
      if (!request) continue;
      if (mention.explanation.confidence === 'possible') request.possible = true;
      requests.push(request);
      kept.push(mention);
    }
    const page: PageMention[] = [];
    engine.mark(requests).forEach((mark, i) => {
      const mention = kept[i]!;
      const person = this.options.people[mention.person];
      if (!person) return;
      const segments = requests[i]!.segments;
      const pageMention: PageMention = { block, mention, personId: person.id, mark, segments };
      page.push(pageMention);
      this.byMark.set(mark, pageMention);
      if (engine.kind === 'highlight') for (const s of segments) this.positions.add(s.node, s.start, s.end, pageMention);
    });
    if (page.length > 0) this.drawn.set(block, page);
    this.sorted = null;
  }

  /** Removes a block's marks. */
  clear(block: TextBlock): void {
    if (this.engine) this.erase(block, this.engine);
  }

  private erase(block: TextBlock, engine: MarkEngine): void {
    const old = this.drawn.get(block);
    if (!old) return;
    const gone = new Set(old);
    this.positions.remove(block.nodes, (m) => gone.has(m));
    engine.unmark(old.map((m) => m.mark));
    for (const m of old) this.byMark.delete(m.mark);
    this.drawn.delete(block);
    this.sorted = null;
    this.options.onRemoved(gone);
  }

  /**
   * Takes down at once the highlights whose text the page removed (a StaticRange on a removed node
   * would otherwise stay in our highlight until the rescan, as a mention no longer on the page).
   * The element engine's marks leave with the page's nodes.
   */
  dropDetached(): void {
    if (this.engine?.kind !== 'highlight') return;
    for (const [block, drawn] of this.drawn) {
      if (drawn.some(({ mark: { range } }) => !range.startContainer.isConnected || !range.endContainer.isConnected)) this.clear(block);
    }
  }

  /** Shows the marks drawn since the last call (the end of a scan). */
  refresh(): void {
    this.engine?.refresh();
  }

  /** Drawn mentions in document order. */
  mentions(): PageMention[] {
    if (this.sorted) return this.sorted;
    // Blocks are drawn in document order by a full scan (only rescans add some out of order), so the
    // sort sees runs that are in order already and compares about once per mention.
    const all = [...this.drawn.values()].flat();
    const compare = startComparer();
    all.sort((a, b) => compare(a.mark.range, b.mark.range));
    return (this.sorted = all);
  }

  /** The mention under a viewport point (`target`: the element the pointer event came from). */
  mentionAt(x: number, y: number, target: EventTarget | null = null): PageMention | null {
    const engine = this.engine;
    if (!engine) return null;
    if (engine.kind === 'element') return this.mentionOfElement(target instanceof Element ? target : document.elementFromPoint(x, y));
    const caret = caretAt(x, y, document, this.openShadowRoots());
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    for (const candidate of this.positions.at(caret.node as Text, caret.offset)) {
      const range = liveRange(candidate.mark.range);
      if (range && rangeContainsPoint(range, x, y)) return candidate;
    }
    return null;
  }

  /** The shadow roots with marks that are still on the page. */
  private openShadowRoots(): ShadowRoot[] {
    const roots: ShadowRoot[] = [];
    for (const root of this.shadowRoots) {
      if (root.host.isConnected) roots.push(root);
      else this.shadowRoots.delete(root);
    }
    return roots;
  }

  /** The mention whose mark holds an element (element engine), or null. */
  mentionOfElement(element: Element | null): PageMention | null {
    const mark = this.engine?.markOfElement(element);
    return (mark && this.byMark.get(mark)) ?? null;
  }

  /** Outlines the selected mention (null: none). */
  setActive(mention: PageMention | null): void {
    this.engine?.setActive(mention?.mark ?? null);
  }

  /** Keeps the site's "Not this person" choices; returns whether this one is new. Redraw with {@link draw}. */
  reject(rejection: Rejection): boolean {
    const key = rejectionKey(rejection);
    if (this.rejected.has(key)) return false;
    this.rejected.add(key);
    return true;
  }

  /** Forgets a choice (undone); returns whether it was kept. */
  unreject(rejection: Rejection): boolean {
    return this.rejected.delete(rejectionKey(rejection));
  }

  private isRejected(block: TextBlock, mention: Mention): boolean {
    const personId = this.options.people[mention.person]?.id;
    return !!personId && this.rejected.has(rejectionKey({ personId, aliasText: block.text.slice(mention.start, mention.end) }));
  }

  /** Removes every mark and the engine (marking stopped); the reader's choices stay. */
  destroy(): void {
    const all = new Set(this.byMark.values());
    this.engine?.destroy();
    this.engine = null;
    this.drawn.clear();
    this.byMark.clear();
    this.positions.clear();
    this.shadowRoots.clear();
    this.sorted = null;
    if (all.size > 0) this.options.onRemoved(all);
  }

  private ensureEngine(): MarkEngine {
    if (this.engine) return this.engine;
    const useHighlights = this.options.engine ? this.options.engine === 'highlight' : highlightApiAvailable();
    this.engine = useHighlights ? new HighlightEngine() : new ElementEngine((change) => this.options.mute(change));
    this.engine.setLook(this.style.look);
    return this.engine;
  }
}

/** The shadow root a block's text is in (null: the document). */
function shadowRootOf(block: TextBlock): ShadowRoot | null {
  const root = block.nodes[0]?.getRootNode();
  return root && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot) : null;
}

/** The Range and per-node pieces of a mention, or null when the page changed under the block. */
function markRequest(block: TextBlock, mention: Mention): MarkRequest | null {
  try {
    const from = locate(block, mention.start);
    const to = locate(block, mention.end, true);
    if (!from.node.isConnected || !to.node.isConnected) return null;
    const range = markRange(from.node, from.offset, to.node, to.offset);
    const segments: TextSegment[] = [];
    const first = block.nodes.indexOf(from.node);
    const last = block.nodes.indexOf(to.node, first);
    for (let i = first; i <= last && i >= 0; i++) {
      const node = block.nodes[i]!;
      const start = i === first ? from.offset : 0;
      const end = i === last ? to.offset : node.data.length;
      if (end > start) segments.push({ node, start, end });
    }
    return { range, segments };
  } catch {
    // A text node shrank since the block was read; the observer brings a rescan.
    return null;
  }
}
