/**
 * Reads the page for the page layer: a full scan at start, then follows the page's changes
 * (MutationObserver, debounced) and rescans the blocks they touch. Each pass reads blocks, runs the
 * matcher over them, resolves the mentions against the whole page (PageResolver, with the page's
 * evidence terms where a shared name needs them) and hands every block whose mentions changed to
 * the mark layer.
 *
 * All work is split into tasks of ~10 ms that yield to the page in between; a pass from an earlier
 * run (before stop()) ends at its next yield.
 */
import type { AliasIndex } from '@/data/schema';
import type { Matcher } from '@/utils/match/matcher';
import type { Prefilter } from '@/utils/match/prefilter';
import { PageResolver, resolveContextOf, standsAlone, type Mention } from '@/utils/match/resolve';
import { emptyEvidence, EvidenceScanner, type PageEvidence } from '@/utils/match/evidence';
import type { ScanFigures } from '@/content/perf-marks';
import { collectBlocksIn, type CollectOptions, type TextBlock } from './segments';
import { blockContainer, isBlockElement, type WalkFinds } from './text-walk';
import { collectCandidateBlocks, mayNameSomeone, type CandidateBlock } from './candidate-walk';
import { ShadowRoots } from './shadow-roots';
import { createDebouncer, type Debouncer } from './debounce';
import { TaskBudget, type Timers } from '@/content/scheduling';
import { changesOf } from './mutations';
import { planWindows, scanWindow } from './text-windows';
import { ScanQueue } from './scan-queue';
import { logError } from '@/utils/log';

/** Where a scan's results go (the coordinator: the mark layer, the rejections, the card). */
export interface ScanSink {
  /** The page removed text: marks on it go now, before the rescan. */
  textRemoved(): void;
  /** These blocks are read again: marks that split their text nodes (element engine) come out first. */
  release(blocks: readonly TextBlock[]): void;
  /** Called once, before the first mention is drawn (the site's "Not this person" choices load). */
  beforeFirstDraw(): Promise<void>;
  /** A block's mentions changed (empty: it has none, or it left the page). */
  draw(block: TextBlock, mentions: readonly Mention[]): void;
  /** A pass drew its changes; `figures` after a full scan (the sink counts the mentions). */
  drawn(figures: Omit<ScanFigures, 'mentions'> | null): void;
  /** document.open() replaced the page's document. */
  documentReplaced(): void;
}

export interface ScannerOptions {
  index: AliasIndex;
  /** The first pass over all text (cheap to build). */
  prefilter: Prefilter;
  /** The exact matcher, built on first call: a page that names nobody never needs it. */
  matcher: () => Matcher;
  timers: Timers;
  /** Whether the content script still runs. */
  alive(): boolean;
  /** Whether a node is, or is inside, our own UI (its changes are not the page's). */
  isOurs(node: Node): boolean;
  sink: ScanSink;
}

/** What the observer follows, in the document and in each open shadow root. */
const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };
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

type FreshBlock = CandidateBlock | { block: TextBlock; ends?: undefined };

export class Scanner {
  private active = false;
  /** Bumped on stop: a pass from an earlier run stops at its next yield. */
  private generation = 0;
  private observer: MutationObserver | null = null;
  private readonly debouncer: Debouncer;
  private readonly queue: ScanQueue;
  /** The page's changes since the last pass. */
  private pending = new Set<Node>();
  private pendingRemovals = false;
  private needFullScan = false;
  /** The last full scan found no full name on the page, and so read no block (see mayNameSomeone). */
  private unnamed = false;
  /** One-time builds done in steps of their own (see buildStep). */
  private readonly built = new Set<'prefilter' | 'matcher' | 'evidence'>();
  private readonly blocks = new Set<TextBlock>();
  private readonly blocksByElement = new Map<Element, Set<TextBlock>>();
  private resolver: PageResolver<TextBlock>;
  /** Reads the page's evidence terms; built the first time a page has a shared name (null: the index has none). */
  private evidenceScanner: EvidenceScanner | null = null;
  /** Asked once, before the first mention is drawn. */
  private firstDraw: Promise<void> | null = null;
  /** The document element our scans belong to; another one means document.open() ran. */
  private root: Element | null = null;
  /** The longest text a match can cover in the page. */
  private readonly longest: number;
  /** The open shadow roots read so far (each observed), and custom elements that may attach one. */
  private readonly shadows: ShadowRoots;
  /** What the walks tell the shadow roots: a root met, a custom element without one. */
  private readonly finds: WalkFinds & Pick<CollectOptions, 'onShadowRoot' | 'onCustomElement'>;

  constructor(private readonly options: ScannerOptions) {
    const longestAlias = options.index.aliases.reduce((max, [text]) => Math.max(max, text.length), 0);
    // An occurrence in the page can be longer than its alias (several spaces, a line break, another dot).
    this.longest = longestAlias * 4 + 16;
    this.resolver = new PageResolver(resolveContextOf(options.index));
    this.queue = new ScanQueue(
      () => this.active && this.options.alive() && (this.needFullScan || this.pending.size > 0 || this.pendingRemovals),
      () => this.pass(this.generation),
      (error) => logError('scan failed', error),
    );
    this.debouncer = createDebouncer(() => this.queue.request(), DEBOUNCE, { ...options.timers, now: () => performance.now() });
    this.shadows = new ShadowRoots({
      observe: (root) => this.observer?.observe(root, OBSERVED),
      attached: (host) => {
        this.pending.add(host);
        this.debouncer.trigger();
      },
      timers: options.timers,
    });
    const shadowRoot = (root: ShadowRoot) => this.shadows.add(root);
    const customElement = (element: Element) => this.shadows.wait(element);
    this.finds = { shadowRoot, customElement, onShadowRoot: shadowRoot, onCustomElement: customElement };
  }

  get running(): boolean {
    return this.active;
  }

  /** A full scan, then the page's changes. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.root = document.documentElement;
    this.observer = new MutationObserver((records) => this.onRecords(records));
    this.observer.observe(document, OBSERVED);
    this.needFullScan = true;
    this.queue.request();
  }

  /** Stops following the page and forgets what it read (the caller removes the marks). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.generation++;
    this.debouncer.cancel();
    this.observer?.disconnect();
    this.observer = null;
    this.shadows.clear();
    this.blocks.clear();
    this.blocksByElement.clear();
    this.resolver = new PageResolver(resolveContextOf(this.options.index));
    this.pending.clear();
    this.pendingRemovals = false;
    this.needFullScan = false;
  }

  /** Resolves once every scheduled pass has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Every known block with its resolved mentions, for which `wanted` holds (a redraw after "Not this person"). */
  *resolved(wanted: (mentions: readonly Mention[]) => boolean): Generator<[TextBlock, readonly Mention[]]> {
    for (const block of this.blocks) {
      const mentions = this.resolver.mentions(block);
      if (wanted(mentions)) yield [block, mentions];
    }
  }

  /**
   * Runs a DOM change of our own (element engine) so the observer does not take it for the page's:
   * records already queued are handled first, the ones our change produced are dropped.
   */
  mute(change: () => void): void {
    const before = this.observer?.takeRecords() ?? [];
    try {
      change();
    } finally {
      this.observer?.takeRecords();
      if (before.length > 0) this.onRecords(before);
    }
  }

  private onRecords(records: MutationRecord[]): void {
    if (!this.active || !this.options.alive()) return;
    try {
      if (document.documentElement !== this.root) {
        this.onDocumentReplaced();
        return;
      }
      // A custom element met without a shadow root may have attached one meanwhile.
      this.shadows.recheck();
      const { changed, removals } = changesOf(records, this.options.isOurs, isBlockElement);
      if (changed.size === 0 && !removals) return;
      for (const node of changed) this.pending.add(node);
      this.pendingRemovals ||= removals;
      if (removals) this.options.sink.textRemoved();
      this.debouncer.trigger();
    } catch (error) {
      logError('observer failed', error);
    }
  }

  /**
   * The page called document.open() (then write/close): the browser replaced all of the DOM (our
   * observer on the document itself survives, which is how we get here). A full scan of the new
   * document drops every stale mark.
   */
  private onDocumentReplaced(): void {
    this.root = document.documentElement;
    this.options.sink.documentReplaced();
    this.pending.clear();
    this.pendingRemovals = false;
    this.needFullScan = true;
    this.debouncer.trigger();
  }

  private stale(generation: number): boolean {
    return !this.active || generation !== this.generation || !this.options.alive();
  }

  /** One scan of whatever changed (or the whole page), then the blocks whose mentions changed are drawn. */
  private async pass(generation: number): Promise<void> {
    const budget = new TaskBudget(BUDGET_MS);
    const began = performance.now();
    const stale = () => this.stale(generation);
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
    this.options.sink.release(replaced);
    const fresh = full ? await this.readPage(budget, stale) : collectBlocksIn(connected, this.finds).blocks.map((block) => ({ block }));
    if (!fresh) return;
    if (budget.spentNow()) await budget.yield();
    if (stale()) return;

    for (const block of replaced) this.forgetBlock(block);
    if (!(await this.match(fresh, budget, stale))) return;

    // Only a page with a shared name (汪滔, Altman) pays for reading its evidence terms.
    if (this.resolver.needsEvidence) {
      if (!this.built.has('evidence'))
        await this.buildStep(budget, 'evidence', () => {
          this.evidenceScanner = EvidenceScanner.build(this.options.index, this.options.prefilter.folding);
        });
      if (stale()) return;
      const evidence = await this.pageEvidence(budget, stale);
      if (!evidence) return;
      this.resolver.setEvidence(evidence);
    }
    // Blocks are resolved one by one as they are drawn: on a long page, resolving all at once is one long task.
    if (!(await this.draw(this.resolver.changes(), budget, stale))) return;
    budget.finish();
    this.options.sink.drawn(full ? { blocks: fresh.length, elapsedMs: performance.now() - began, longestStepMs: budget.longest } : null);
  }

  /** The blocks of a full scan that may hold a name (none when the page names nobody in full); null once stale. */
  private async readPage(budget: TaskBudget, stale: () => boolean): Promise<FreshBlock[] | null> {
    const { prefilter } = this.options;
    const named = await mayNameSomeone(document, prefilter, budget, stale, this.finds);
    if (named === null) return null;
    this.unnamed = !named;
    if (!named) return [];
    // The block automaton and then the matcher are built once, each in a step of its own:
    // with the gate and a walk, cold, they could add up to one long task.
    if (!this.built.has('prefilter')) await this.buildStep(budget, 'prefilter', () => prefilter.prepare());
    if (stale()) return null;
    const fresh = await collectCandidateBlocks(document, prefilter, budget, stale, this.finds);
    // Then each open shadow root the walks met (those met in a root's walk too), as text of its own.
    const read = new Set<ShadowRoot>();
    for (let more = true; fresh && more;) {
      more = false;
      for (const root of this.shadows.roots()) {
        if (read.has(root)) continue;
        read.add(root);
        more = true;
        const inRoot = await collectCandidateBlocks(root, prefilter, budget, stale, this.finds);
        if (!inRoot) return null;
        fresh.push(...inRoot);
      }
    }
    if (fresh && fresh.length > 0 && !this.built.has('matcher')) await this.buildStep(budget, 'matcher', () => this.options.matcher());
    return fresh;
  }

  /** Runs the matcher over the fresh blocks and gives the resolver their hits; false once stale. */
  private async match(fresh: readonly FreshBlock[], budget: TaskBudget, stale: () => boolean): Promise<boolean> {
    const { prefilter, matcher } = this.options;
    for (const { block, ends } of fresh) {
      this.rememberBlock(block);
      const hits = [];
      if (block.text.length <= WINDOW_SIZE) {
        const candidates = ends ?? prefilter.candidates(block.text);
        if (candidates.length > 0) hits.push(...matcher().scan(block.text, candidates));
      } else {
        // A huge block (one 5 MB text node) in windows, one per step.
        for (const window of planWindows(block.text.length, { size: WINDOW_SIZE, longest: this.longest, context: MATCH_CONTEXT })) {
          hits.push(...scanWindow(block.text, window, (slice) => matcher().scan(slice)));
          if (budget.spentNow()) {
            await budget.yield();
            if (stale()) return false;
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
        if (stale()) return false;
      }
    }
    return true;
  }

  /** Hands the resolver's changes to the sink; false once stale. */
  private async draw(changes: Iterable<[TextBlock, Mention[]]>, budget: TaskBudget, stale: () => boolean): Promise<boolean> {
    const { sink } = this.options;
    for (const [block, mentions] of changes) {
      // The site's rejections arrive before the first mark is drawn, so a rejected mark never shows.
      if (!this.firstDraw && mentions.length > 0) {
        await budget.wait((this.firstDraw = sink.beforeFirstDraw()));
        if (stale()) return false;
      }
      sink.draw(block, this.blocks.has(block) ? mentions : []);
      if (budget.spent()) {
        await budget.yield();
        // A stop() in between already removed every mark.
        if (stale()) return false;
      }
    }
    return true;
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
    // Web components' text: a term in a shadow root is on the page too.
    for (const shadow of this.shadows.roots()) scanner.collect(shadow.textContent ?? '', evidence);
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
      // The shadow roots inside it are read again too.
      for (const root of this.shadows.under(container)) {
        const inRoot = root.querySelectorAll('*');
        for (let i = 0; i < inRoot.length; i++) {
          for (const block of this.blocksByElement.get(inRoot[i]!) ?? []) replaced.add(block);
        }
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
}

function blockConnected(block: TextBlock): boolean {
  for (const node of block.nodes) if (!node.isConnected) return false;
  return true;
}
