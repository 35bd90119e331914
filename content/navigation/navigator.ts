/**
 * The reader's ways to a mention: the pointer (hover), keyboard focus on a mark (element engine),
 * the next-mention shortcut (Alt+Shift+N/P, or the manifest command the background forwards) and
 * the popup's "show on page". Each opens the card through the CardController.
 *
 * Its page listeners take only the user's own input (onlyTrusted): a page's synthetic keydown,
 * pointer or focus events must not open or close cards.
 */
import type { AliasIndex } from '@/data/schema';
import { explainFallback } from '@/utils/match/explain-fallback';
import { STANDALONE } from '@/utils/match/alias-safety';
import type { CardController, MentionTarget } from '@/content/card/mention-target';
import type { MarkLayer, PageMention } from '@/content/marks/mark-layer';
import { MARK_TAG } from '@/content/marks/mark-engine';
import { liveRange, viewportTops } from '@/content/marks/ranges';
import { onlyTrusted } from '@/content/trusted';
import { PointerSpeed } from '@/utils/pointer-speed';
import { LiveRegion } from './live-region';
import { nextMentionIndex, type Direction } from './mention-order';

/** The listening the navigator needs (the content script's lifetime-bound listeners). */
export interface NavigatorHost {
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
  /** Localized text (t() in the content script). */
  text(key: 'pageMentionAnnouncement', substitutions: string[]): string;
}

export interface NavigatorOptions {
  people: AliasIndex['people'];
  marks: MarkLayer;
  host: NavigatorHost;
  createController(): CardController;
  /** Whether marking is on: listeners stay through a stop, idle. */
  active(): boolean;
  /** Runs a listener's work, logging instead of throwing into the page. */
  guard(what: string, fn: () => void): void;
  /** Whether a node is inside our own UI (focus moving into the card keeps it open). */
  isOurs(node: Node): boolean;
  /**
   * The shortcut leaves this frame's mentions at an end (or finds none here): offers the selection to
   * the tab's other frames (through the background). Resolves false when none took it, and the
   * selection then wraps round this frame's own. Without it, the selection always wraps.
   */
  handOff?(direction: Direction): Promise<boolean>;
}

/** A manifest command right after the same keys reached the page is the same keypress: ignored within this many ms. */
const COMMAND_ECHO_MS = 150;
/** A pointer moving fast over a mention is looked at again this long after, in case it stopped there. */
const SETTLE_CHECK_MS = 60;

export class Navigator {
  private controller: CardController | null = null;
  private hovered: PageMention | null = null;
  private current: PageMention | null = null;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private frameRequested = false;
  /** How fast the pointer moves: no new card starts while it sweeps across the page. */
  private readonly speed = new PointerSpeed();
  private settleTimer = 0;
  private lastKeyboardStep = 0;
  private readonly liveRegion = new LiveRegion();
  /** Removes the current set of page listeners (see listen). */
  private listeners: AbortController | null = null;

  constructor(private readonly options: NavigatorOptions) {}

  /** The card's controller, made on first use (the first scan with a mention loads the card's code early). */
  ensureController(): CardController {
    return (this.controller ??= this.options.createController());
  }

  /** These mentions are gone from the page: no hover or selection stays on them. */
  forget(gone: ReadonlySet<PageMention>): void {
    if (this.current && gone.has(this.current)) this.current = null;
    if (this.hovered && gone.has(this.hovered)) this.hovered = null;
  }

  /** Closes the card (its mention is gone, e.g. after document.open()). */
  closeCard(): void {
    this.controller?.close();
  }

  /** Marking stopped: the card goes; the listeners stay, idle, for a later start. */
  reset(): void {
    this.controller?.destroy();
    this.controller = null;
    this.hovered = this.current = null;
  }

  destroy(): void {
    this.reset();
    clearTimeout(this.settleTimer);
    this.listeners?.abort();
    this.listeners = null;
    this.liveRegion.destroy();
  }

  /** (Re)adds our page listeners, removing any earlier set (they come back after document.open() erased them). */
  listen(): void {
    this.listeners?.abort();
    const { signal } = (this.listeners = new AbortController());
    const { host, guard } = this.options;
    host.listen(
      document,
      'pointermove',
      onlyTrusted((event: PointerEvent) => guard('pointermove', () => this.onPointerMove(event))),
      { passive: true, capture: true, signal },
    );
    host.listen(
      document,
      'pointerleave',
      onlyTrusted(() => guard('pointerleave', () => this.setHovered(null))),
      { passive: true, signal },
    );
    host.listen(
      window,
      'keydown',
      onlyTrusted((event: KeyboardEvent) => guard('keydown', () => this.onKeyDown(event))),
      { capture: true, signal },
    );
    host.listen(
      document,
      'focusin',
      onlyTrusted((event: FocusEvent) => guard('focusin', () => this.onFocusIn(event))),
      { capture: true, signal },
    );
    host.listen(
      document,
      'focusout',
      onlyTrusted((event: FocusEvent) => guard('focusout', () => this.onFocusOut(event))),
      { capture: true, signal },
    );
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.options.active() || event.pointerType === 'touch') return;
    if (this.options.marks.size === 0 && !this.hovered) return;
    this.pointer = { x: event.clientX, y: event.clientY, target: innermostTarget(event) };
    this.speed.add(event.clientX, event.clientY, event.timeStamp);
    this.requestHitTest();
  }

  /** One hit test per frame, however fast the pointer events come. */
  private requestHitTest(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.options.guard('hit test', () => {
        const pointer = this.pointer;
        if (pointer && this.options.active()) this.hitTest(pointer);
      });
    });
  }

  /**
   * A pointer sweeping fast across the page hovers nothing: no card starts (nor does loading one),
   * not even for a mention it stays on (a wide headline scrubbed to and fro), and the card open
   * for another mention is left as if the pointer had gone elsewhere. Once the pointer slows down
   * on a mention, it counts as hovered.
   */
  private hitTest(pointer: { x: number; y: number; target: EventTarget | null }): void {
    const mention = this.options.marks.mentionAt(pointer.x, pointer.y, pointer.target);
    clearTimeout(this.settleTimer);
    if (mention && this.speed.isFast(performance.now())) {
      this.setHovered(null);
      this.settleTimer = window.setTimeout(() => this.requestHitTest(), SETTLE_CHECK_MS);
      return;
    }
    this.setHovered(mention);
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
  targetOf(mention: PageMention, returnFocusTo: HTMLElement | null): MentionTarget | null {
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
    const full = this.options.marks.mentions().find((m) => m.personId === mention.personId && m.mention.safety === STANDALONE);
    if (full) return full.block.text.slice(full.mention.start, full.mention.end).replace(/\s+/g, ' ').trim();
    return this.options.people[mention.mention.person]?.en ?? mention.personId;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.options.active() || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    // By physical key: with Alt held, `key` is a different character on some layouts (macOS).
    const direction: Direction | null = event.code === 'KeyN' ? 1 : event.code === 'KeyP' ? -1 : null;
    if (direction === null || isEditable(innermostTarget(event))) return;
    if (this.options.marks.size === 0) {
      // Nothing to go to here: the page keeps its keys, and the tab's other frames are asked.
      if (!this.options.handOff) return;
      this.lastKeyboardStep = performance.now();
      this.step(direction);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    this.lastKeyboardStep = performance.now();
    this.step(direction);
  }

  /** The manifest command, forwarded by the background. Ignored right after the same key reached the page. */
  focusNext(direction: Direction = 1): boolean {
    if (performance.now() - this.lastKeyboardStep < COMMAND_ECHO_MS) return true;
    return this.step(direction);
  }

  /** Moves the selection to the next/previous mention, shows it and opens its card. */
  step(direction: Direction): boolean {
    if (!this.options.active()) return false;
    const list = this.options.marks.mentions();
    const currentIndex = this.current ? list.indexOf(this.current) : -1;
    const { handOff } = this.options;
    if (handOff && (list.length === 0 || currentIndex === (direction === 1 ? list.length - 1 : 0))) {
      // At this frame's last (or first) mention the tab's other frames come next, in frame order.
      void handOff(direction).then(
        (taken) =>
          this.options.guard('stepping across frames', () => (taken ? this.leave() : this.stepWithin(list, currentIndex, direction))),
        () => this.options.guard('stepping across frames', () => this.stepWithin(list, currentIndex, direction)),
      );
      return true;
    }
    return this.stepWithin(list, currentIndex, direction);
  }

  /** The selection comes from another frame: this frame's first (1) or last (-1) mention; false when it has none. */
  enter(direction: Direction): boolean {
    if (!this.options.active()) return false;
    const list = this.options.marks.mentions();
    const index = direction === 1 ? 0 : list.length - 1;
    const mention = list[index];
    if (!mention) return false;
    this.select(mention);
    this.announce(mention, index, list.length);
    return true;
  }

  private stepWithin(list: PageMention[], currentIndex: number, direction: Direction): boolean {
    const tops = currentIndex >= 0 ? undefined : viewportTops(list.map((m) => m.mark.range));
    const next = nextMentionIndex(list.length, currentIndex >= 0 ? currentIndex : null, direction, tops, window.innerHeight);
    const mention = next === null ? undefined : list[next];
    if (!mention || next === null) return false;
    this.select(mention);
    this.announce(mention, next, list.length);
    return true;
  }

  /** Another frame took the selection: nothing stays selected here. */
  private leave(): void {
    this.current = null;
    this.options.marks.setActive(null);
    this.controller?.close();
  }

  private announce(mention: PageMention, index: number, count: number): void {
    const name = this.options.people[mention.mention.person]?.en ?? mention.personId;
    this.liveRegion.announce(this.options.host.text('pageMentionAnnouncement', [name, String(index + 1), String(count)]));
  }

  /** The popup's "show on page": the person's first mention. */
  reveal(personId: string): boolean {
    const mention = this.options.marks.mentions().find((m) => m.personId === personId);
    if (!mention) return false;
    this.select(mention);
    return true;
  }

  private select(mention: PageMention): void {
    this.current = mention;
    this.options.marks.setActive(mention);
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
    const { marks } = this.options;
    if (!this.options.active() || marks.kind !== 'element') return;
    const focused = innermostTarget(event);
    const mention = marks.mentionOfElement(focused instanceof Element ? focused : null);
    if (!mention) return;
    this.current = mention;
    marks.setActive(mention);
    const target = this.targetOf(mention, mention.mark.focusTarget);
    if (target) this.ensureController().open(target, { viaKeyboard: true });
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.options.active() || this.options.marks.kind !== 'element') return;
    const target = innermostTarget(event);
    if (!(target instanceof Element) || !target.closest(MARK_TAG)) return;
    // Focus moving into the card keeps it open.
    if (event.relatedTarget instanceof Element && this.options.isOurs(event.relatedTarget)) return;
    this.controller?.close();
  }
}

/**
 * Where the event really happened: inside an open shadow root, the target the document sees is
 * the host; the composed path starts at the element in the root (a mark of ours there).
 */
function innermostTarget(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
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
