/**
 * Bundled by bench/matcher-bundle.ts into a script injected into benchmark
 * pages: the extension's own matching pipeline (the same modules the content
 * script uses), timed phase by phase, with any alias index. This is how the
 * 10,000-person index is measured against the real one on the same page
 * without building a second extension.
 */
import type { AliasIndex } from '../data/schema';
import { createMatcher } from '../utils/match/matcher';
import { resolveMentions } from '../utils/match/resolve';
import { collectBlocks } from '../utils/page/segments';

export interface PipelineTiming {
  /** createMatcher(index): normalizing aliases and building the automaton. */
  buildMs: number;
  /** collectBlocks(document.body): reading the page's text. */
  collectMs: number;
  /** matcher.scan over every block. */
  scanMs: number;
  /** resolveMentions over all hits. */
  resolveMs: number;
  blocks: number;
  hits: number;
  mentions: number;
}

function run(index: AliasIndex): PipelineTiming {
  const t0 = performance.now();
  const matcher = createMatcher(index);
  const t1 = performance.now();
  const blocks = collectBlocks(document.body);
  const t2 = performance.now();
  const hits = [];
  for (let block = 0; block < blocks.length; block++) {
    for (const hit of matcher.scan(blocks[block]!.text)) hits.push({ ...hit, block });
  }
  const t3 = performance.now();
  const mentions = resolveMentions(hits);
  const t4 = performance.now();
  return {
    buildMs: t1 - t0,
    collectMs: t2 - t1,
    scanMs: t3 - t2,
    resolveMs: t4 - t3,
    blocks: blocks.length,
    hits: hits.length,
    mentions: mentions.length,
  };
}

(globalThis as unknown as { __talentLensPipeline: typeof run }).__talentLensPipeline = run;
