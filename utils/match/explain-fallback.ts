/**
 * The explanation the page layer gives a mention until the matcher's evidence
 * model fills `MentionTarget.explanation` itself. It uses only what the
 * resolver already decided: a full-name alias is a mark on its own; a surname
 * or given name counted only because the page names the person in full
 * (utils/match/resolve.ts, rule 2). Kept apart so the real explanation replaces
 * its one call in the annotator.
 */
import type { AliasSafety } from '@/data/schema';
import type { MentionExplanation } from './why';
import { STANDALONE } from './alias-safety';

/**
 * `fullName`: how the page names the person in full (the text of a full-name
 * mention), or the person's dataset name when the page's own is not at hand.
 */
export function explainFallback(mention: { safety: AliasSafety }, fullName: string): MentionExplanation {
  if (mention.safety === STANDALONE) return { confidence: 'marked', why: { kind: 'full-name' } };
  return { confidence: 'marked', why: { kind: 'named-in-full', fullName } };
}
