/**
 * Shared pieces for the page layer's unit tests: two made-up people, a mention of one of them
 * in a collected block, a card controller that records what it was asked, and an annotator host
 * bound to a real lifetime.
 */
import { vi } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import type { Mention } from '@/utils/match/resolve';
import { STANDALONE } from '@/utils/match/alias-safety';
import type { TextBlock } from '@/content/scan/segments';
import type { CardController } from '@/content/card/mention-target';
import type { AnnotatorHost } from '@/content/annotator';
import { createLifetime } from '@/content/lifetime';

export const TWO_PEOPLE = [
  { id: 'ada', en: 'Ada Lovelace' },
  { id: 'alan', en: 'Alan Turing' },
] as unknown as AliasIndex['people'];

/** A mention of people[person] at the first occurrence of `text` in the block, named in full. */
export function mentionOf(block: TextBlock, text: string, person: number): Mention {
  const start = block.text.indexOf(text);
  return {
    start,
    end: start + text.length,
    person,
    safety: STANDALONE,
    alias: 0,
    explanation: { confidence: 'marked', why: { kind: 'named-in-full', fullName: text } },
  } as Mention;
}

/** A card controller whose every method is a spy. */
export function recordingCardController() {
  return {
    pointerEnter: vi.fn(),
    pointerLeave: vi.fn(),
    open: vi.fn(),
    close: vi.fn(),
    destroy: vi.fn(),
  } satisfies CardController;
}

/** An annotator host over a lifetime that stays alive; UI text is empty. */
export function lifetimeHost(): AnnotatorHost {
  const lifetime = createLifetime(() => true);
  return {
    setTimeout: (fn, ms) => lifetime.setTimeout(fn, ms),
    clearTimeout: (handle) => lifetime.clearTimeout(handle),
    listen: (target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions) =>
      lifetime.listen(target, type, handler as (event: Event) => void, options),
    get alive() {
      return lifetime.alive;
    },
    text: () => '',
  };
}
