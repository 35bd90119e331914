/**
 * The whole matching pipeline for one page: text blocks → hits → resolved
 * mentions. The scan CLI and the tests run exactly this; the content script
 * runs the same steps incrementally (matcher.scan per block, PageResolver).
 */
import type { AliasIndex } from '@/data/schema';
import { collectBlocks, type CollectOptions, type TextBlock } from './segments';
import { emptyEvidence, EvidenceScanner } from '@/utils/match/evidence';
import type { Matcher } from '@/utils/match/matcher';
import { resolveContextOf, resolveMentions, type Mention } from '@/utils/match/resolve';

/** A mention with the index of its block; start/end are offsets in that block's text. */
export type BlockMention = Mention & { block: number };

const scanners = new WeakMap<AliasIndex, EvidenceScanner | null>();

/**
 * Scans independent blocks of text as one page. With the alias index the matcher was built
 * from, shared names are weighed by the page's evidence (its organizations and people; see
 * resolve.ts); without it they count only where their person is named by a unique alias.
 */
export function scanTexts(texts: readonly string[], matcher: Matcher, index?: AliasIndex): BlockMention[] {
  const hits = texts.flatMap((text, block) => matcher.scan(text).map((hit) => ({ ...hit, block })));
  if (!index) return resolveMentions(hits);
  const evidence = emptyEvidence();
  if (hits.some((hit) => hit.shared)) {
    if (!scanners.has(index)) scanners.set(index, EvidenceScanner.build(index, matcher.folding));
    const scanner = scanners.get(index);
    for (const text of texts) scanner?.collect(text, evidence);
  }
  return resolveMentions(hits, resolveContextOf(index), evidence);
}

/** Scans a DOM document or subtree as one page (see scanTexts for `index`). */
export function scanDocument(
  root: Node,
  matcher: Matcher,
  opts?: CollectOptions,
  index?: AliasIndex,
): { blocks: TextBlock[]; mentions: BlockMention[] } {
  const blocks = collectBlocks(root, opts);
  return {
    blocks,
    mentions: scanTexts(
      blocks.map((b) => b.text),
      matcher,
      index,
    ),
  };
}

/** What separates two blocks in the text of a page as collected (see {@link joinBlocks}). */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * The text of a page as collected: its block texts joined by a blank line,
 * and where each block starts in it. The scan CLI reports HTML offsets into
 * this text.
 */
export function joinBlocks(texts: readonly string[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let at = 0;
  for (const text of texts) {
    offsets.push(at);
    at += text.length + BLOCK_SEPARATOR.length;
  }
  return { text: texts.join(BLOCK_SEPARATOR), offsets };
}

/**
 * Splits plain text into paragraphs: a blank (or whitespace-only) line ends
 * one. Each paragraph keeps its offset in the text and its inner line breaks.
 */
export function paragraphs(text: string): Array<{ offset: number; text: string }> {
  const out: Array<{ offset: number; text: string }> = [];
  const blank = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  const push = (to: number): void => {
    const chunk = text.slice(from, to);
    const lead = chunk.length - chunk.trimStart().length;
    const body = chunk.trim();
    if (body) out.push({ offset: from + lead, text: body });
  };
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
