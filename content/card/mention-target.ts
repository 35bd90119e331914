/**
 * The seam between the page layer (which finds and marks mentions) and the
 * card (which explains them). The page layer only ever talks to a
 * CardController; the card never reads the page's marks.
 */
import type { MentionExplanation } from '@/utils/match/why';

export interface MentionTarget {
  personId: string;
  /** Why this mention names the person and how sure that is; absent where the page layer has none to give. */
  explanation?: MentionExplanation;
  /** The alias as the page writes it (its text), the key a "Not this person" choice is kept under for the site. */
  aliasText?: string;
  /** The mention's text on the page; the card positions itself next to it. */
  range: Range;
  /** Where focus goes back to when a keyboard-opened card closes. */
  returnFocusTo?: HTMLElement | null;
}

export interface CardController {
  /** The pointer entered a mention: hover intent starts (details load at ~150 ms, card shows at ~500 ms). */
  pointerEnter(target: MentionTarget): void;
  /** The pointer left the mention: the card closes after a grace period unless the pointer reaches it. */
  pointerLeave(): void;
  /** Open at once (keyboard focus, the next-mention shortcut, the popup's "show on page"). */
  open(target: MentionTarget, options: { viaKeyboard: boolean }): void;
  close(): void;
  /** Removes the card's host element and listeners (settings switched off, context invalidated). */
  destroy(): void;
}
