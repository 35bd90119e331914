/**
 * The page layer's coordinator: finds the people on a page, marks them, keeps the marks in step
 * with the page as it changes, and connects the marks to the card (hover, focus, the next-mention
 * shortcut) and to the popup (listMentions, revealMention). The work is done by three collaborators:
 * - the Scanner (scan/scanner.ts) reads the page and follows its changes;
 * - the MarkLayer (marks/mark-layer.ts) draws each block's mentions and hit-tests them;
 * - the Navigator (navigation/navigator.ts) takes the reader's pointer, focus and keys to a mention
 *   and opens its card.
 *
 * Never breaks the page: with the Highlight API the DOM is not touched at all; every listener and
 * callback catches its own errors; all work is split into tasks of ~10 ms that yield to the page.
 */
import type { AliasIndex } from '@/data/schema';
import type { Matcher } from '@/utils/match/matcher';
import type { Prefilter } from '@/utils/match/prefilter';
import type { Rejection } from '@/utils/notes/rejections';
import type { Mention } from '@/utils/match/resolve';
import type { CardController } from './card/mention-target';
import type { MarkEngine } from './marks/mark-engine';
import { MarkLayer, type PageMention } from './marks/mark-layer';
import { Scanner } from './scan/scanner';
import { Navigator, type NavigatorHost, type NavigatorOptions } from './navigation/navigator';
import { mentionsReport, type MentionsReport } from './navigation/mentions-report';
import type { Direction } from './navigation/mention-order';
import { isInsideOurUi } from './ui-host';
import { PERF_MARKS, perfMark } from './perf-marks';
import { logError } from '@/utils/log';
import type { MarkStyle } from '@/utils/mark-style';

export type { PageMention } from './marks/mark-layer';

/** What the annotator needs from its surroundings (WXT's ctx in the content script). */
export interface AnnotatorHost extends Pick<NavigatorHost, 'listen'> {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
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
  /** The reader's mark style at start; {@link Annotator.setMarkStyle} changes it later. */
  markStyle?: MarkStyle;
  /** Called once, when the page first has a mark (a child frame tells the background so). */
  firstMarked?: () => void;
  /** The shortcut leaves this frame's mentions: the tab's other frames (see NavigatorOptions.handOff). */
  handOff?: NavigatorOptions['handOff'];
}

export class Annotator {
  private readonly scanner: Scanner;
  private readonly marks: MarkLayer;
  private readonly navigator: Navigator;
  /** The navigator's page listeners were added (they stay through stop(), idle, for a later start()). */
  private listening = false;
  /** The page has had a mark (firstMarked was called). */
  private marked = false;

  constructor(private readonly options: AnnotatorOptions) {
    const { host } = options;
    const guard = (what: string, fn: () => void) => this.guard(what, fn);
    // The index the page is read against: the scanner matches with it, the marks and the
    // navigator name its people. A change of index goes through here.
    const { index, prefilter, matcher } = options;
    this.marks = new MarkLayer({
      people: index.people,
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.markStyle ? { style: options.markStyle } : {}),
      mute: (change) => this.scanner.mute(change),
      onRemoved: (gone) => this.navigator.forget(gone),
    });
    this.navigator = new Navigator({
      people: index.people,
      marks: this.marks,
      host,
      createController: options.createController,
      active: () => this.scanner.running,
      guard,
      isOurs: isInsideOurUi,
      ...(options.handOff ? { handOff: options.handOff } : {}),
    });
    this.scanner = new Scanner({
      index,
      prefilter,
      matcher,
      timers: { setTimeout: (fn, ms) => host.setTimeout(fn, ms), clearTimeout: (handle) => host.clearTimeout(handle as number) },
      alive: () => host.alive,
      isOurs: isInsideOurUi,
      sink: {
        textRemoved: () => this.marks.dropDetached(),
        release: (blocks) => {
          if (this.marks.kind === 'element') for (const block of blocks) this.marks.clear(block);
        },
        beforeFirstDraw: () => this.loadRejections(),
        draw: (block, mentions) => this.marks.draw(block, mentions),
        drawn: (figures) => {
          this.marks.refresh();
          if (!figures) return;
          // A count: mentions() sorts, which a scan does not need.
          const mentions = this.marks.size;
          perfMark(PERF_MARKS.marksApplied, { ...figures, mentions });
          // The card's code loads now, before the first hover, and only on pages that need it.
          if (mentions > 0) this.navigator.ensureController();
          if (mentions > 0 && !this.marked) {
            this.marked = true;
            this.options.firstMarked?.();
          }
        },
        // document.open() erased every listener on the document and window, ours included: listen
        // again; the card's mention is gone.
        documentReplaced: () => {
          this.navigator.listen();
          this.navigator.closeCard();
        },
      },
    });
  }

  get enabled(): boolean {
    return this.scanner.running;
  }

  get engineKind(): MarkEngine['kind'] | null {
    return this.marks.kind;
  }

  /** Starts marking: a full scan, then follows the page's changes. */
  start(): void {
    if (this.scanner.running) return;
    if (!this.listening) this.navigator.listen();
    this.listening = true;
    this.scanner.start();
  }

  /** Removes every mark and stops following the page; listeners stay, idle, for a later start(). */
  stop(): void {
    if (!this.scanner.running) return;
    this.scanner.stop();
    this.navigator.reset();
    this.marks.destroy();
  }

  destroy(): void {
    this.stop();
    this.navigator.destroy();
  }

  /** Resolves once every scheduled scan has finished (tests and the popup's report). */
  idle(): Promise<void> {
    return this.scanner.idle();
  }

  /** Drawn mentions in document order. */
  mentions(): PageMention[] {
    return this.marks.mentions();
  }

  /** The mention under a viewport point. */
  mentionAt(x: number, y: number, target: EventTarget | null = null): PageMention | null {
    return this.marks.mentionAt(x, y, target);
  }

  /** The manifest command, forwarded by the background. */
  focusNext(direction: Direction = 1): boolean {
    return this.navigator.focusNext(direction);
  }

  /** The selection comes from another frame of the tab: this page's first (1) or last (-1) mention. */
  enter(direction: Direction): boolean {
    return this.navigator.enter(direction);
  }

  /** Moves the selection to the next/previous mention, shows it and opens its card. */
  step(direction: Direction): boolean {
    return this.navigator.step(direction);
  }

  /** The popup's "show on page": the person's first mention. */
  reveal(personId: string): boolean {
    return this.navigator.reveal(personId);
  }

  /** The popup's "On this page". */
  report(enabled: boolean): MentionsReport {
    return mentionsReport(enabled ? this.marks.mentions() : [], this.options.index.people, enabled);
  }

  /** The site's rejections, asked once, before the first mark is drawn (the scanner asks once). A failure counts as none. */
  private async loadRejections(): Promise<void> {
    const load = this.options.loadRejections;
    if (!load) return;
    try {
      for (const rejection of await load()) this.marks.reject(rejection);
    } catch (error) {
      logError('reading "Not this person" choices failed', error);
    }
  }

  /**
   * "Not this person" from the card: every mark of this person under this alias text goes at once,
   * and stays gone while the page is open (the content script stores the choice for the site).
   */
  reject(rejection: Rejection): void {
    this.guard('reject', () => {
      if (this.marks.reject(rejection)) this.redrawFor(rejection);
    });
  }

  /** The choice was undone (the notes page): the marks come back. */
  unreject(rejection: Rejection): void {
    this.guard('unreject', () => {
      if (this.marks.unreject(rejection)) this.redrawFor(rejection);
    });
  }

  /**
   * The reader changed the mark style in Settings: the look changes at once; a change between all
   * mentions and the first per paragraph redraws every block that has one, from what the scanner
   * resolved (nothing is read or matched again).
   */
  setMarkStyle(style: MarkStyle): void {
    this.guard('mark style', () => {
      if (this.marks.setStyle(style)) this.redraw((list) => list.length > 0);
    });
  }

  /** Redraws the blocks that hold a mention of this person (the mark layer leaves out rejected ones). */
  private redrawFor({ personId }: Rejection): void {
    const { people } = this.options.index;
    this.redraw((list) => list.some((m) => people[m.person]?.id === personId));
  }

  private redraw(wanted: (mentions: readonly Mention[]) => boolean): void {
    if (!this.scanner.running) return;
    for (const [block, mentions] of this.scanner.resolved(wanted)) this.marks.draw(block, mentions);
    this.marks.refresh();
  }

  private guard(what: string, fn: () => void): void {
    try {
      if (this.options.host.alive) fn();
    } catch (error) {
      logError(`${what} failed`, error);
    }
  }
}
