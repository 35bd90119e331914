/**
 * Bundled by bench/matcher-bundle.ts into a script injected into benchmark
 * pages: the content script's own full-scan pipeline (content/annotator.ts:
 * the page gate, the streaming candidate walk with the sieve, the exact
 * search around candidates, page-level resolution), run on its own and
 * timed phase by phase, with any alias index. This is how the 10,000-person
 * index is measured against the real one on the same page without building a
 * second extension. Unlike the content script it never yields: the phases
 * are timed whole.
 *
 * Two calls: build() makes the matcher from the index, scan() runs the page
 * through it. The harness collects garbage between them, so that neither
 * index's scan is charged for collecting what its build left behind (a 10,000
 * person build leaves megabytes; where that collection fell decided the 10k
 * ratio on the smaller pages).
 */
import type { AliasIndex } from '../data/schema';
import type { Hit, Matcher } from '../utils/match/matcher';
import { createMatcher } from '../utils/match/matcher';
import { resolveMentions } from '../utils/match/resolve';
import { collectCandidateBlocks, mayNameSomeone } from '@/content/scan/candidate-walk';
import { TaskBudget } from '@/content/scheduling';

export interface PipelineTiming {
  /** createMatcher(index) and the sieve's block automaton: everything built from the index. */
  buildMs: number;
  /** The page gate, then the walk that streams every text node through the sieve and keeps the blocks with candidates. */
  collectMs: number;
  /** The exact search around each kept block's candidates. */
  scanMs: number;
  /** resolveMentions over all hits. */
  resolveMs: number;
  /** Blocks the walk kept (blocks with candidates). */
  blocks: number;
  hits: number;
  mentions: number;
}

let built: { matcher: Matcher; buildMs: number } | null = null;

function build(index: AliasIndex): number {
  const t0 = performance.now();
  const matcher = createMatcher(index);
  matcher.prefilter.prepare();
  built = { matcher, buildMs: performance.now() - t0 };
  return built.buildMs;
}

async function scan(): Promise<PipelineTiming> {
  if (!built) throw new Error('build() first');
  const { matcher, buildMs } = built;
  const t1 = performance.now();
  const budget = new TaskBudget(Infinity);
  const never = () => false;
  const named = await mayNameSomeone(document, matcher.prefilter, budget, never);
  const kept = named ? ((await collectCandidateBlocks(document, matcher.prefilter, budget, never)) ?? []) : [];
  const t2 = performance.now();
  const hits: Array<Hit & { block: number }> = [];
  kept.forEach(({ block, ends }, i) => {
    for (const hit of matcher.scan(block.text, ends)) hits.push({ ...hit, block: i });
  });
  const t3 = performance.now();
  const mentions = resolveMentions(hits);
  const t4 = performance.now();
  return {
    buildMs,
    collectMs: t2 - t1,
    scanMs: t3 - t2,
    resolveMs: t4 - t3,
    blocks: kept.length,
    hits: hits.length,
    mentions: mentions.length,
  };
}

(globalThis as unknown as { __talentLensPipeline: { build: typeof build; scan: typeof scan } }).__talentLensPipeline = { build, scan };
