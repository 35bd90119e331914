/**
 * The page layer: finds the people on a page, marks them, keeps the marks in
 * step with the page as it changes, and connects the marks to the card
 * (hover, focus, the next-mention shortcut) and to the popup (listMentions,
 * revealMention).
 *
 * Never breaks the page: with the Highlight API the DOM is not touched at all;
 * every listener and callback catches its own errors; all work is split into
 * tasks of ~10 ms that yield to the page in between.
 */
import type { AliasIndex } from '@/data/schema';
import type { Matcher } from '@/utils/match/matcher';
import type { Prefilter } from '@/utils/match/prefilter';
import { PageResolver, resolveContextOf, standsAlone, type Mention } from '@/utils/match/resolve';
import { emptyEvidence, EvidenceScanner, type PageEvidence } from '@/utils/match/evidence';
import { blockContainer, collectBlocksIn, isBlockElement, locate, type TextBlock } from './scan/segments';
import type { CardController, MentionTarget } from './card/mention-target';
import type { MentionSummary, MentionsReport } from './navigation/mentions-report';
import { HighlightEngine } from './marks/highlight-engine';
import { ElementEngine } from './marks/element-engine';
import { highlightApiAvailable, MARK_TAG, type Mark, type MarkEngine, type MarkRequest, type TextSegment } from './marks/mark-engine';
import { MentionIndex } from './marks/mention-index';
import { nextMentionIndex, type Direction } from './navigation/mention-order';
import { planWindows, scanWindow } from './scan/text-windows';
import { TaskBudget } from './scheduling';
import { collectCandidateBlocks, mayNameSomeone, type CandidateBlock } from './scan/candidate-walk';
import { createDebouncer, type Debouncer } from './scan/debounce';
import { changesOf } from './scan/mutations';
import { ScanQueue } from './scan/scan-queue';
import { LiveRegion, UI_HOST_TAG } from './navigation/live-region';
import { caretAt, rangeContainsPoint } from './marks/hit-test';
import { liveRange, markRange, startComparer, viewportTops } from './marks/ranges';
import { PERF_MARKS, perfMark, type ScanFigures } from './perf-marks';
import { onlyTrusted } from './trusted';
import { siteKey } from '@/utils/settings';
import { explainFallback } from '@/utils/match/explain-fallback';
import { rejectionKey, type Rejection } from '@/utils/notes/rejections';
import { STANDALONE } from '@/utils/match/alias-safety';

/** What the annotator needs from its surroundings (WXT's ctx in the content script). */
export interface AnnotatorHost {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  /** Adds a listener that goes away with the content script's lifetime (or earlier, with `options.signal`). */
  listen<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Whether the content script still runs (the extension was not reloaded or removed). */
  readonly alive: boolean;
  /** Localized text (t() in the content script). */
  text(key: 'pageMentionAnnouncement', substitutions: string[]): string;
}

export interface AnnotatorOptions {
  index: AliasIndex;
  /** The first pass over all text (cheap to build). */
  prefilter: Prefilter;
  /** The exact matcher, built on first call: a page that names nobody never needs it. */
  matcher: () => Matcher;
  createController: () => CardController;
  host: AnnotatorHost;
  /**
   * This site's "Not this person" choices. Asked once, when a scan first has a mention to draw (a page
   * that names nobody never asks); those marks are not drawn. A failure counts as none.
   */
  loadRejections?: () => Promise<Rejection[]>;
  /** Force an engine (tests); by default the Highlight API where available. */
  engine?: 'highlight' | 'element';
}

/** One drawn mention. */
export interface PageMention {
  block: TextBlock;
  mention: Mention;
  personId: string;
  mark: Mark;
  segments: TextSegment[];
}

/** Rescans wait for the page to settle, but never more than this after its first change. */
const DEBOUNCE = { wait: 200, maxWait: 1000, leading: true };
/** Work per task before yielding. */
const BUDGET_MS = 10;
/** Characters of one block the matcher scans per step. */
const WINDOW_SIZE = 32_768;
/** Characters the matcher looks at beyond a hit for its boundary rules (the word next to a Latin surname: 40). */
const MATCH_CONTEXT = 48;
/** Characters of page text read for evidence terms at once (budget checks come between such chunks). */
const EVIDENCE_SLICE = 16_384;

export class Annotator {
  private engine: MarkEngine | null = null;
  private controller: CardController | null = null;
  private resolver: PageResolver<TextBlock>;
  /** Reads the page's evidence terms; built the first time a page has a shared name (null: the index has none). */
  private evidenceScanner: EvidenceScanner | null = null;
  private readonly blocks = new Set<TextBlock>();
  private readonly blocksByElement = new Map<Element, Set<TextBlock>>();
  private readonly drawn = new Map<TextBlock, PageMention[]>();
  private readonly byMark = new Map<Mark, PageMention>();
  private readonly index = new MentionIndex<Text, PageMention>();
  private sorted: PageMention[] | null = null;
  private observer: MutationObserver | null = null;
  private readonly debouncer: Debouncer;
  private pending = new Set<Node>();
  private pendingRemovals = false;
  private needFullScan = false;
  /** The last full scan found no full name on the page, and so read no block (see mayNameSomeone). */
  private unnamed = false;
  /** One-time builds done in steps of their own (see buildStep). */
  private readonly built = new Set<'prefilter' | 'matcher' | 'evidence'>();
  private readonly queue: ScanQueue;
  /** Bumped on stop: a pass from an earlier run stops at its next yield. */
  private generation = 0;
  private active = false;
  private hovered: PageMention | null = null;
  private current: PageMention | null = null;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private frameRequested = false;
  private lastKeyboardStep = 0;
  private readonly liveRegion = new LiveRegion();
  private readonly longest: number;
  /** Removes the current set of page listeners (see listen). */
  private listeners: AbortController | null = null;
  /** The document element our listeners and scans belong to; another one means document.open() ran. */
  private root: Element | null = null;
  /** "Not this person" (rejectionKey of person and alias text): these marks are not drawn. */
  private readonly rejected = new Set<string>();
  /** The site's rejections, asked once, before the first mark is drawn. */
  private rejectionsLoad: Promise<void> | null = null;

  constructor(private readonly options: AnnotatorOptions) {
    const longestAlias = options.index.aliases.reduce((max, [text]) => Math.max(max, text.length), 0);
    // An occurrence in the page can be longer than its alias (several spaces, a line break, another dot).
    this.longest = longestAlias * 4 + 16;
    this.resolver = new PageResolver(resolveContextOf(options.index));
    this.queue = new ScanQueue(
      () => this.active && (this.needFullScan || this.pending.size > 0 || this.pendingRemovals),
      () => this.pass(this.generation),
      (error) => console.error('[talent-lens] scan failed', error),
    );
    this.debouncer = createDebouncer(() => this.guard('rescan', () => this.queue.request()), DEBOUNCE, {
      setTimeout: (fn, ms) => options.host.setTimeout(fn, ms),
      clearTimeout: (handle) => options.host.clearTimeout(handle as number),
      now: () => performance.now(),
    });
  }

  get enabled(): boolean {
    return this.active;
  }

  get engineKind(): MarkEngine['kind'] | null {
    return this.engine?.kind ?? null;
  }

  /** Starts marking: a full scan, then follows the page's changes. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.root = document.documentElement;
    if (!this.listeners) this.listen();
    this.observer = new MutationObserver((records) => this.guard('observer', () => this.onRecords(records)));
    this.observer.observe(document, { childList: true, characterData: true, subtree: true });
    this.needFullScan = true;
    this.queue.request();
  }

  /** Removes every mark and stops following the page; listeners stay, idle, for a later start(). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.generation++;
    this.debouncer.cancel();
    this.observer?.disconnect();
    this.observer = null;
    this.controller?.destroy();
    this.controller = null;
    this.engine?.destroy();
    this.engine = null;
    this.blocks.clear();
    this.blocksByElement.clear();
    this.drawn.clear();
    this.byMark.clear();
    this.index.clear();
    this.resolver = new PageResolver(resolveContextOf(this.options.index));
    this.sorted = null;
    this.hovered = this.current = null;
    this.pending.clear();
    this.needFullScan = false;
  }

  destroy(): void {
    this.stop();
    this.listeners?.abort();
    this.listeners = null;
    this.liveRegion.destroy();
  }

  /** Resolves once every scheduled scan has finished (tests and the popup's report). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  // ---------------------------------------------------------------------------
  // Scanning

  private onRecords(records: MutationRecord[]): void {
    if (!this.active) return;
    if (document.documentElement !== this.root) {
      this.onDocumentReplaced();
      return;
    }
    const { changed, removals } = changesOf(records, isOurs, isBlockElement);
    if (changed.size === 0 && !removals) return;
    for (const node of changed) this.pending.add(node);
    this.pendingRemovals ||= removals;
    if (removals) this.dropDetachedMarks();
    this.debouncer.trigger();
  }

  /**
   * Takes down at once (in the observer's callback, before the page's next task) the highlights
   * whose text the page removed; the rescan that draws the new text comes after the debounce. A
   * StaticRange on a removed node would otherwise stay in our highlight until then, as a mention
   * that is no longer on the page. (The element engine's marks leave with the page's nodes.)
   */
  private dropDetachedMarks(): void {
    if (this.engine?.kind !== 'highlight') return;
    for (const [block, drawn] of this.drawn) {
      if (drawn.some(({ mark: { range } }) => !range.startContainer.isConnected || !range.endContainer.isConnected)) this.redraw(block, []);
    }
  }

  /**
   * The page called document.open() (then write/close): the browser erased every event listener on
   * the document and window, ours included, and replaced all of the DOM (our observer on the document
   * itself survives, which is how we get here). Treat the new document as a new page: listeners
   * again, the card closed (its mention is gone), and a full scan that drops every stale mark.
   */
  private onDocumentReplaced(): void {
    this.root = document.documentElement;
    this.listen();
    this.controller?.close();
    this.pending.clear();
    this.pendingRemovals = false;
    this.needFullScan = true;
    this.debouncer.trigger();
  }

  private stale(generation: number): boolean {
    return !this.active || generation !== this.generation || !this.options.host.alive;
  }

  /** One scan of whatever changed (or the whole page), then redraws the blocks whose mentions changed. */
  private async pass(generation: number): Promise<void> {
    const budget = new TaskBudget(BUDGET_MS);
    const began = performance.now();
    const full = this.needFullScan;
    this.needFullScan = false;
    const changed = this.pending;
    this.pending = new Set();
    const removals = this.pendingRemovals;
    this.pendingRemovals = false;

    const connected = full ? [] : [...changed].filter((node) => node.isConnected);
    const replaced = full ? [...this.blocks] : this.blocksUnder(connected);
    if (removals && !full) for (const block of this.blocks) if (!blockConnected(block)) replaced.push(block);
    // Wrapper elements split the page's text nodes: take them out before reading the text again,
    // so the new blocks hold the page's own nodes.
    if (this.engine?.kind === 'element') for (const block of replaced) this.redraw(block, []);
    let fresh: CandidateBlock[] | Array<{ block: TextBlock; ends?: undefined }> | null;
    if (full) {
      const stale = () => this.stale(generation);
      const named = await mayNameSomeone(document, this.options.prefilter, budget, stale);
      if (named === null) return;
      this.unnamed = !named;
      if (named) {
        // The block automaton and then the matcher are built once, each in a step of its own:
        // with the gate and a walk, cold, they could add up to one long task.
        if (!this.built.has('prefilter')) await this.buildStep(budget, 'prefilter', () => this.options.prefilter.prepare());
        if (stale()) return;
        fresh = await collectCandidateBlocks(document, this.options.prefilter, budget, stale);
        if (fresh && fresh.length > 0 && !this.built.has('matcher')) await this.buildStep(budget, 'matcher', () => this.options.matcher());
      } else fresh = [];
    } else fresh = collectBlocksIn(connected).blocks.map((block) => ({ block }));
    if (!fresh) return;
    if (budget.spentNow()) await budget.yield();
    if (this.stale(generation)) return;

    for (const block of replaced) this.forgetBlock(block);
    for (const { block, ends } of fresh) {
      this.rememberBlock(block);
      const hits = [];
      if (block.text.length <= WINDOW_SIZE) {
        const candidates = ends ?? this.options.prefilter.candidates(block.text);
        if (candidates.length > 0) hits.push(...this.options.matcher().scan(block.text, candidates));
      } else {
        // A huge block (one 5 MB text node) in windows, one per step.
        for (const window of planWindows(block.text.length, { size: WINDOW_SIZE, longest: this.longest, context: MATCH_CONTEXT })) {
          hits.push(...scanWindow(block.text, window, (slice) => this.options.matcher().scan(slice)));
          if (budget.spentNow()) {
            await budget.yield();
            if (this.stale(generation)) return;
          }
        }
      }
      this.resolver.set(block, hits);
      // The first scan skipped a page that named nobody in full; now someone is, so the
      // surnames and given names it skipped may count: read the whole page.
      if (this.unnamed && hits.some(standsAlone)) {
        this.unnamed = false;
        this.needFullScan = true;
      }
      if (budget.spent()) {
        await budget.yield();
        if (this.stale(generation)) return;
      }
    }

    // Only a page with a shared name (汪滔, Altman) pays for reading its evidence terms.
    if (this.resolver.needsEvidence) {
      if (!this.built.has('evidence'))
        await this.buildStep(budget, 'evidence', () => {
          this.evidenceScanner = EvidenceScanner.build(this.options.index, this.options.prefilter.folding);
        });
      if (this.stale(generation)) return;
      const evidence = await this.pageEvidence(budget, () => this.stale(generation));
      if (!evidence) return;
      this.resolver.setEvidence(evidence);
    }
    // Blocks are resolved one by one as they are drawn: on a long page, resolving all at once is one long task.
    for (const [block, mentions] of this.resolver.changes()) {
      // The site's rejections arrive before the first mark is drawn, so a rejected mark never shows.
      if (!this.rejectionsLoad && mentions.length > 0) {
        await budget.wait(this.loadRejections());
        if (this.stale(generation)) return;
      }
      this.redraw(block, mentions);
      if (budget.spent()) {
        await budget.yield();
        // A stop() in between already removed every mark.
        if (this.stale(generation)) return;
      }
    }
    this.engine?.refresh();
    budget.finish();
    if (full) {
      const figures: ScanFigures = {
        blocks: fresh.length,
        // A count: mentions() sorts, which a scan does not need.
        mentions: this.byMark.size,
        elapsedMs: performance.now() - began,
        longestStepMs: budget.longest,
      };
      perfMark(PERF_MARKS.marksApplied, figures);
      // The card's code loads now, before the first hover, and only on pages that need it.
      if (figures.mentions > 0) this.ensureController();
    }
  }

  private loadRejections(): Promise<void> {
    const load = this.options.loadRejections;
    return (this.rejectionsLoad ??= (async () => {
      if (!load) return;
      try {
        for (const rejection of await load()) this.rejected.add(rejectionKey(rejection));
      } catch (error) {
        console.error('[talent-lens] reading "Not this person" choices failed', error);
      }
    })());
  }

  /**
   * "Not this person" from the card: every mark of this person under this alias text goes at once,
   * and stays gone while the page is open (the content script stores the choice for the site).
   */
  reject(rejection: Rejection): void {
    this.guard('reject', () => {
      this.rejected.add(rejectionKey(rejection));
      this.redrawFor(rejection);
    });
  }

  /** The choice was undone (the notes page): the marks come back. */
  unreject(rejection: Rejection): void {
    this.guard('unreject', () => {
      if (this.rejected.delete(rejectionKey(rejection))) this.redrawFor(rejection);
    });
  }

  /** Redraws the blocks that hold a mention of this person (their resolved mentions, filtered by redraw). */
  private redrawFor({ personId }: Rejection): void {
    if (!this.active) return;
    for (const block of this.blocks) {
      const mentions = this.resolver.mentions(block);
      if (mentions.some((m) => this.options.index.people[m.person]?.id === personId)) this.redraw(block, mentions);
    }
    this.engine?.refresh();
  }

  private isRejected(block: TextBlock, mention: Mention): boolean {
    if (this.rejected.size === 0) return false;
    const personId = this.options.index.people[mention.person]?.id;
    return !!personId && this.rejected.has(rejectionKey({ personId, aliasText: block.text.slice(mention.start, mention.end) }));
  }

  /**
   * The organizations and topic terms of the whole page (not only the blocks that may hold a name:
   * "OpenAI" is evidence wherever it is written). Its text nodes are read in slices, yielding
   * between them: on the 100,000-node benchmark page, a walk with a filter callback per node took
   * 2.5 s in one task, and one read of the body's textContent ~0.5 s. Script and style text is
   * read too (a filter would cost a callback per node); it can only add terms.
   */
  private async pageEvidence(budget: TaskBudget, stale: () => boolean): Promise<PageEvidence | null> {
    const evidence = emptyEvidence();
    const scanner = this.evidenceScanner;
    const root = document.body ?? document.documentElement;
    if (!scanner || !root) return evidence;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // Text nodes are read joined, as inline text reads, so a term split over two nodes (Open<b>AI</b>) is found too.
    let chunk = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      chunk += (node as Text).data;
      if (chunk.length < EVIDENCE_SLICE) continue;
      scanner.collect(chunk, evidence);
      chunk = '';
      if (budget.spentNow()) {
        await budget.yield();
        if (stale()) return null;
        // The page may have changed while we waited; a node removed meanwhile ends the walk early (a rescan follows).
        if (!walker.currentNode.isConnected) break;
      }
    }
    scanner.collect(chunk, evidence);
    return evidence;
  }

  /** Runs a one-time build in a task of its own. */
  private async buildStep(budget: TaskBudget, what: 'prefilter' | 'matcher' | 'evidence', build: () => unknown): Promise<void> {
    await budget.yield();
    build();
    this.built.add(what);
    await budget.yield();
  }

  /** Known blocks that a rescan of the block containers around `nodes` replaces. */
  private blocksUnder(nodes: readonly Node[]): TextBlock[] {
    const replaced = new Set<TextBlock>();
    const containers = new Set<Element>();
    for (const node of nodes) {
      const container = blockContainer(node.nodeType === Node.ELEMENT_NODE ? node : (node.parentNode ?? node));
      if (container) containers.add(container);
    }
    for (const container of containers) {
      for (const block of this.blocksByElement.get(container) ?? []) replaced.add(block);
      const inside = container.getElementsByTagName('*');
      for (let i = 0; i < inside.length; i++) {
        for (const block of this.blocksByElement.get(inside[i]!) ?? []) replaced.add(block);
      }
    }
    return [...replaced];
  }

  private rememberBlock(block: TextBlock): void {
    this.blocks.add(block);
    let set = this.blocksByElement.get(block.element);
    if (!set) this.blocksByElement.set(block.element, (set = new Set()));
    set.add(block);
  }

  private forgetBlock(block: TextBlock): void {
    if (!this.blocks.delete(block)) return;
    const set = this.blocksByElement.get(block.element);
    set?.delete(block);
    if (set?.size === 0) this.blocksByElement.delete(block.element);
    this.resolver.delete(block);
  }

  /**
   * The engine, made when the first mark is drawn: a page with no mention never
   * gets our highlights.
   */
  private ensureEngine(): MarkEngine {
    if (this.engine) return this.engine;
    const useHighlights = this.options.engine ? this.options.engine === 'highlight' : highlightApiAvailable();
    return (this.engine = useHighlights ? new HighlightEngine() : new ElementEngine((change) => this.mute(change)));
  }

  /** Replaces the drawn mentions of one block (but those the reader said are not their person). */
  private redraw(block: TextBlock, resolved: readonly Mention[]): void {
    const mentions = this.rejected.size === 0 ? resolved : resolved.filter((m) => !this.isRejected(block, m));
    const engine = mentions.length > 0 && this.active ? this.ensureEngine() : this.engine;
    if (!engine) return;
    const old = this.drawn.get(block);
    if (old) {
      const gone = new Set(old);
      this.index.remove(block.nodes, (m) => gone.has(m));
      engine.unmark(old.map((m) => m.mark));
      for (const m of old) this.byMark.delete(m.mark);
      if (this.current && gone.has(this.current)) this.current = null;
      if (this.hovered && gone.has(this.hovered)) this.hovered = null;
      this.drawn.delete(block);
      this.sorted = null;
    }
    if (mentions.length === 0 || !this.blocks.has(block)) return;
    const requests: MarkRequest[] = [];
    const kept: Array<{ mention: Mention; segments: TextSegment[] }> = [];
    for (const mention of mentions) {
      const request = this.request(block, mention);
      if (!request) continue;
      if (mention.explanation.confidence === 'possible') request.possible = true;
      requests.push(request);
      kept.push({ mention, segments: request.segments });
    }
    const marks = engine.mark(requests);
    const page: PageMention[] = [];
    marks.forEach((mark, i) => {
      const { mention, segments } = kept[i]!;
      const person = this.options.index.people[mention.person];
      if (!person) return;
      const pageMention: PageMention = { block, mention, personId: person.id, mark, segments };
      page.push(pageMention);
      this.byMark.set(mark, pageMention);
      if (engine.kind === 'highlight') for (const s of segments) this.index.add(s.node, s.start, s.end, pageMention);
    });
    if (page.length > 0) this.drawn.set(block, page);
    this.sorted = null;
  }

  /** The Range and per-node pieces of a mention, or null when the page changed under the block. */
  private request(block: TextBlock, mention: Mention): MarkRequest | null {
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

  // ---------------------------------------------------------------------------
  // Pointer, focus and keyboard

  private ensureController(): CardController {
    return (this.controller ??= this.options.createController());
  }

  /**
   * (Re)adds our page listeners, removing any earlier set: listeners stay through stop() for a later
   * start(), and come back after document.open() erased them. Each takes only the user's own input
   * (onlyTrusted): a page's synthetic keydown, pointer or focus events must not open or close cards.
   */
  private listen(): void {
    this.listeners?.abort();
    const { signal } = (this.listeners = new AbortController());
    const { host } = this.options;
    host.listen(
      document,
      'pointermove',
      onlyTrusted((event: PointerEvent) => this.guard('pointermove', () => this.onPointerMove(event))),
      { passive: true, capture: true, signal },
    );
    host.listen(
      document,
      'pointerleave',
      onlyTrusted(() => this.guard('pointerleave', () => this.setHovered(null))),
      { passive: true, signal },
    );
    host.listen(
      window,
      'keydown',
      onlyTrusted((event: KeyboardEvent) => this.guard('keydown', () => this.onKeyDown(event))),
      { capture: true, signal },
    );
    host.listen(
      document,
      'focusin',
      onlyTrusted((event: FocusEvent) => this.guard('focusin', () => this.onFocusIn(event))),
      { capture: true, signal },
    );
    host.listen(
      document,
      'focusout',
      onlyTrusted((event: FocusEvent) => this.guard('focusout', () => this.onFocusOut(event))),
      { capture: true, signal },
    );
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.active || event.pointerType === 'touch') return;
    if (this.drawn.size === 0 && !this.hovered) return;
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (this.frameRequested) return;
    this.frameRequested = true;
    // One hit test per frame, however fast the pointer events come.
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.guard('hit test', () => {
        const pointer = this.pointer;
        if (pointer && this.active) this.setHovered(this.mentionAt(pointer.x, pointer.y, pointer.target));
      });
    });
  }

  /** The mention under a viewport point. */
  mentionAt(x: number, y: number, target: EventTarget | null = null): PageMention | null {
    const engine = this.engine;
    if (!engine) return null;
    if (engine.kind === 'element') {
      const mark = engine.markOfElement(target instanceof Element ? target : document.elementFromPoint(x, y));
      return (mark && this.byMark.get(mark)) ?? null;
    }
    const caret = caretAt(x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    for (const candidate of this.index.at(caret.node as Text, caret.offset)) {
      const range = liveRange(candidate.mark.range);
      if (range && rangeContainsPoint(range, x, y)) return candidate;
    }
    return null;
  }

  private setHovered(mention: PageMention | null): void {
    if (mention === this.hovered) return;
    const controller = this.hovered || mention ? this.ensureController() : null;
    if (this.hovered) controller?.pointerLeave();
    this.hovered = mention;
    const target = mention && this.targetOf(mention, null);
    if (target) controller?.pointerEnter(target);
  }

  /** What the card needs of a mention, with a live Range of its own (null: the page changed under it). */
  private targetOf(mention: PageMention, returnFocusTo: HTMLElement | null): MentionTarget | null {
    const range = liveRange(mention.mark.range);
    if (!range) return null;
    const { block, mention: hit } = mention;
    const aliasText = block.text.slice(hit.start, hit.end);
    // The resolver's own account; what it already knows where it gave none (see explainFallback).
    const explanation = hit.explanation ?? explainFallback(hit, this.fullNameOnPage(mention));
    return { personId: mention.personId, explanation, aliasText, range, returnFocusTo };
  }

  /** How the page names a mention's person in full: the first full-name mention's text, else the dataset's name. */
  private fullNameOnPage(mention: PageMention): string {
    if (mention.mention.safety === STANDALONE) return mention.block.text.slice(mention.mention.start, mention.mention.end);
    const full = this.mentions().find((m) => m.personId === mention.personId && m.mention.safety === STANDALONE);
    if (full) return full.block.text.slice(full.mention.start, full.mention.end).replace(/\s+/g, ' ').trim();
    const person = this.options.index.people[mention.mention.person];
    return person?.en ?? mention.personId;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.active || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    // By physical key: with Alt held, `key` is a different character on some layouts (macOS).
    const direction: Direction | null = event.code === 'KeyN' ? 1 : event.code === 'KeyP' ? -1 : null;
    if (direction === null || isEditable(event.target)) return;
    if (this.mentions().length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    this.lastKeyboardStep = performance.now();
    this.step(direction);
  }

  /** The manifest command, forwarded by the background. Ignored right after the same key reached the page. */
  focusNext(direction: Direction = 1): boolean {
    if (performance.now() - this.lastKeyboardStep < 150) return true;
    return this.step(direction);
  }

  /** Moves the selection to the next/previous mention, shows it and opens its card. */
  step(direction: Direction): boolean {
    if (!this.active) return false;
    const list = this.mentions();
    const currentIndex = this.current ? list.indexOf(this.current) : -1;
    const tops = currentIndex >= 0 ? undefined : viewportTops(list.map((m) => m.mark.range));
    const next = nextMentionIndex(list.length, currentIndex >= 0 ? currentIndex : null, direction, tops, window.innerHeight);
    const mention = next === null ? undefined : list[next];
    if (!mention || next === null) return false;
    this.select(mention);
    const name = this.options.index.people[mention.mention.person]?.en ?? mention.personId;
    this.liveRegion.announce(this.options.host.text('pageMentionAnnouncement', [name, String(next + 1), String(list.length)]));
    return true;
  }

  /** The popup's "show on page": the person's first mention. */
  reveal(personId: string): boolean {
    const mention = this.mentions().find((m) => m.personId === personId);
    if (!mention) return false;
    this.select(mention);
    return true;
  }

  private select(mention: PageMention): void {
    this.current = mention;
    const engine = this.engine;
    engine?.setActive(mention.mark);
    const range = liveRange(mention.mark.range);
    if (range) scrollRangeIntoView(range);
    const active = document.activeElement;
    const returnFocusTo = active instanceof HTMLElement && active !== document.body ? active : null;
    if (mention.mark.focusTarget) mention.mark.focusTarget.focus({ preventScroll: true });
    else {
      const target = this.targetOf(mention, returnFocusTo);
      if (target) this.ensureController().open(target, { viaKeyboard: true });
    }
  }

  /** Element engine: a mark took keyboard focus (Tab, or our shortcut). */
  private onFocusIn(event: FocusEvent): void {
    if (!this.active || this.engine?.kind !== 'element') return;
    const mark = this.engine.markOfElement(event.target instanceof Element ? event.target : null);
    const mention = mark && this.byMark.get(mark);
    if (!mention) return;
    this.current = mention;
    this.engine.setActive(mention.mark);
    const target = this.targetOf(mention, mention.mark.focusTarget);
    if (target) this.ensureController().open(target, { viaKeyboard: true });
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.active || this.engine?.kind !== 'element') return;
    if (!(event.target instanceof Element) || !event.target.closest(MARK_TAG)) return;
    // Focus moving into the card keeps it open.
    if (event.relatedTarget instanceof Element && isOurs(event.relatedTarget)) return;
    this.controller?.close();
  }

  // ---------------------------------------------------------------------------
  // The popup's report

  report(enabled: boolean): MentionsReport {
    const people = new Map<string, MentionSummary>();
    if (enabled) {
      for (const m of this.mentions()) {
        const possible = m.mention.explanation.confidence === 'possible' ? 1 : 0;
        const summary = people.get(m.personId);
        if (summary) {
          summary.count++;
          if (possible) summary.possible = (summary.possible ?? 0) + 1;
          continue;
        }
        const range = liveRange(m.mark.range);
        const rect = range?.getBoundingClientRect();
        people.set(m.personId, {
          personId: m.personId,
          name: this.options.index.people[m.mention.person]?.en ?? m.personId,
          count: 1,
          ...(possible ? { possible } : {}),
          first: {
            text: range?.toString() ?? '',
            top: Math.round((rect?.top ?? 0) + window.scrollY),
            left: Math.round((rect?.left ?? 0) + window.scrollX),
          },
        });
      }
    }
    return { url: location.href, title: document.title, host: siteKey(location), enabled, people: [...people.values()] };
  }

  // ---------------------------------------------------------------------------

  /**
   * Runs a DOM change of our own (element engine) so the observer does not
   * take it for the page's: records already queued are handled first, the
   * ones our change produced are dropped.
   */
  private mute(change: () => void): void {
    const before = this.observer?.takeRecords() ?? [];
    try {
      change();
    } finally {
      this.observer?.takeRecords();
      if (before.length > 0) this.onRecords(before);
    }
  }

  private guard(what: string, fn: () => void): void {
    try {
      if (this.options.host.alive) fn();
    } catch (error) {
      console.error(`[talent-lens] ${what} failed`, error);
    }
  }
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!element?.closest(UI_HOST_TAG);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function blockConnected(block: TextBlock): boolean {
  for (const node of block.nodes) if (!node.isConnected) return false;
  return true;
}

/** Scrolls so the range is in view, inside nested scroll containers too, centred vertically if it was off screen. */
function scrollRangeIntoView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const visible = rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth;
  if (visible) return;
  // The element first, for scroll containers inside the page; then the window, by the mention's own
  // rectangle (centring a whole paragraph would miss a name deep inside a long one).
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const after = range.getBoundingClientRect();
  window.scrollBy({ top: after.top - (window.innerHeight - after.height) / 2 });
}
