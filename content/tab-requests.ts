/**
 * What the extension asks of this frame through the tab protocol (utils/messaging.ts TabProtocol): the
 * popup's list and "show on page", the next-mention command, the top frame's site, and an undone
 * "Not this person". The handlers are plain functions over the frame's state, so each is testable alone;
 * `registerTabRequests` only attaches them.
 */
import { tabMessenger, type TabProtocol } from '@/utils/messaging';
import type { Annotator } from '@/content/annotator';
import type { MentionsReport, MentionSummary } from '@/content/navigation/mentions-report';
import type { Direction } from '@/content/navigation/mention-order';

type Marking = Pick<Annotator, 'idle' | 'report' | 'reveal' | 'enter' | 'focusNext' | 'unreject'>;

export interface FrameState {
  /** The frame's annotator, null until marks were first switched on. */
  annotator(): Marking | null;
  /** Whether marks are switched on here now. */
  enabled(): boolean;
  /** The reader's find-only people found on the page (content/user-people.ts). */
  findOnly(): MentionSummary[];
  /** This document's site switch key (content/frame-gate.ts pageSiteKey). */
  pageSite(): string;
  /** The site this document's "Not this person" choices are kept under: the siteKey of its URL, as the background keys them. */
  choicesSite(): string;
  /** Whether the reader's focus is in this frame (content/navigation/reader-focus.ts). */
  hasReadersFocus(): boolean;
  /** Hands the selection to the tab's other frames (the background's stepAcrossFrames). */
  stepAcrossFrames(direction: Direction): Promise<boolean>;
}

type Handlers = {
  [K in keyof TabProtocol]?: (
    data: Parameters<TabProtocol[K]>[0] | undefined,
  ) => ReturnType<TabProtocol[K]> | Promise<ReturnType<TabProtocol[K]>>;
};

export function tabRequestHandlers(frame: FrameState) {
  /** The annotator while marks are on, once its pending scan is done; null while they are off. */
  const settled = async () => {
    const annotator = frame.annotator();
    if (!annotator || !frame.enabled()) return null;
    await annotator.idle();
    return annotator;
  };
  const emptyReport = (): MentionsReport => ({
    url: location.href,
    title: document.title,
    host: frame.pageSite(),
    enabled: frame.enabled(),
    people: [],
  });
  return {
    listMentions: async () => {
      const annotator = await settled();
      if (!annotator) return emptyReport();
      const report = annotator.report(frame.enabled());
      return { ...report, people: [...report.people, ...frame.findOnly()] };
    },
    revealMention: async (data) => {
      const annotator = await settled();
      return annotator !== null && typeof data?.personId === 'string' && annotator.reveal(data.personId);
    },
    // Asked of the top frame only (frame id 0), for a child frame's reader site.
    pageSite: () => frame.pageSite(),
    rejectionUndone: (data) => {
      // Sent to every frame of the tab: only a document of the choice's site marks the name again; a frame
      // of another site keeps its own choice of the same name.
      if (typeof data?.personId !== 'string' || typeof data.aliasText !== 'string' || data.site !== frame.choicesSite()) return;
      frame.annotator()?.unreject({ personId: data.personId, aliasText: data.aliasText });
    },
    focusNextMention: async (data) => {
      const direction: Direction = data?.direction === -1 ? -1 : 1;
      if (data?.enter === true) {
        const annotator = await settled();
        return annotator !== null && annotator.enter(direction);
      }
      // The command reaches every frame: the one with the reader's focus takes it.
      if (!frame.hasReadersFocus()) return false;
      const annotator = await settled();
      if (!annotator) return frame.stepAcrossFrames(direction);
      return annotator.focusNext(direction);
    },
  } satisfies Handlers;
}

/** Attaches the handlers; returns what detaches them. */
export function registerTabRequests(frame: FrameState): Array<() => void> {
  const handlers = tabRequestHandlers(frame);
  return [
    tabMessenger.onMessage('listMentions', () => handlers.listMentions()),
    tabMessenger.onMessage('revealMention', ({ data }) => handlers.revealMention(data)),
    tabMessenger.onMessage('pageSite', () => handlers.pageSite()),
    tabMessenger.onMessage('rejectionUndone', ({ data }) => handlers.rejectionUndone(data)),
    tabMessenger.onMessage('focusNextMention', ({ data }) => handlers.focusNextMention(data)),
  ];
}
