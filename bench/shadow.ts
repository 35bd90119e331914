/**
 * The open-shadow-root scenario of `npm run bench` (`--shadow-only`, `--shadow-runs=N`): what reading
 * web components' text costs a page that names nobody. The page gate (content/scan/candidate-walk.ts,
 * mayNameSomeone) reads the document's textContent, which leaves out shadow roots' text; where that
 * names nobody it looks at every element once for an open root and reads each root's textContent
 * too, and it keeps the custom elements without a root for a few later looks (content/scan/shadow-roots.ts).
 * Three pages, each loaded with the extension and profiled as the frames scenario does (bench/frames.ts),
 * and loaded without it to time the gate alone: the content script's pipeline (bench/matcher-entry.ts)
 * run from an isolated world of the page, where its `collectMs` on a page that names nobody is the gate:
 * - `none-1k`: the no-name page of 1,000 text nodes (seed 2001), no custom element;
 * - `shadow-roots`: the same page with COMPONENTS custom elements, each rendering a teaser (no name)
 *   into an open shadow root;
 * - `custom-no-root`: the same page with COMPONENTS custom elements that never attach a root (an
 *   element defined later, or styled only), which the gate keeps to look at again.
 */
import type { AliasIndex } from '../data/schema';
import { PERF_MARKS, type ScanFigures } from '../content/perf-marks';
import { evaluateIsolated, launch, servePages, type BenchBrowser } from './browser';
import { bundleMatcher } from './matcher-bundle';
import type { PipelineTiming } from './matcher-entry';
import { profiledLoad } from './frames';
import { COLLECT, INIT_SCRIPT } from './in-page';
import { generatePage, namesOf } from './pages';
import type { FunctionCost } from './profile';
import { formatSummary, summarize, type Summary } from './stats';

/** Custom elements on the page: a components-heavy news front page (teasers, share buttons, embeds) has hundreds. */
const COMPONENTS = 500;
/** Passes of the gate after the first, on the same load. */
const WARM_PASSES = 20;

const TEASER = `<script>
customElements.define('news-teaser', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<style>:host { display: block; font: 14px sans-serif; }</style><p><b>Markets</b> Shares close higher as rates hold steady.</p>';
  }
});
</script>`;

/** The page with `tag` elements spread through its body, one after each of the first COMPONENTS paragraphs (the rest at the end). */
function withComponents(html: string, tag: string, head: string): string {
  let placed = 0;
  const spread = html.replace(/<\/p>/g, (end) => (placed < COMPONENTS ? (placed++, `${end}<${tag}></${tag}>`) : end));
  const rest = `<${tag}></${tag}>`.repeat(COMPONENTS - placed);
  return spread.replace('</head>', `${head}</head>`).replace('</body>', `${rest}</body>`);
}

interface ShadowRun {
  extensionMs: number;
  /** start → marks-applied, the content script's own figure. */
  scanMs: number | null;
  top: FunctionCost[];
  /** The gate alone, from an isolated world, on a fresh load without the extension: its first pass. */
  gateMs: number;
  /** The fastest of WARM_PASSES more passes on the same load (wrappers made, code optimized): the least the machine's load lets through. */
  warmGateMs: number;
}

export interface ShadowResult {
  runs: number;
  components: number;
  pages: Record<
    string,
    { runs: ShadowRun[]; extensionMs: Summary | null; scanMs: Summary | null; gateMs: Summary | null; warmGateMs: Summary | null }
  >;
}

export async function runShadowBench(
  root: string,
  build: string,
  index: AliasIndex,
  runs: number,
  log: (line: string) => void,
): Promise<ShadowResult> {
  const pipeline = `${await bundleMatcher(root)}\nglobalThis.__tlIndex = ${JSON.stringify(index)};`;
  const page = generatePage({ name: 'none-1k', textNodes: 1_000, mentionsPer1000: 0, seed: 2001, names: namesOf(index) });
  const html = new Map([
    ['none-1k', page.html],
    ['shadow-roots', withComponents(page.html, 'news-teaser', TEASER)],
    ['custom-no-root', withComponents(page.html, 'news-widget', '')],
  ]);
  const server = await servePages(html);
  const browser = await launch(build, INIT_SCRIPT);
  const bare = await launch(null, INIT_SCRIPT);
  const extensionId = new URL(browser.context.serviceWorkers()[0]!.url()).host;
  const pages: ShadowResult['pages'] = {};
  for (const name of html.keys()) pages[name] = { runs: [], extensionMs: null, scanMs: null, gateMs: null, warmGateMs: null };
  try {
    // Interleaved, so a slow phase of the machine hits every page alike.
    for (let i = 0; i < runs; i++) {
      for (const name of html.keys()) {
        const tab = await browser.context.newPage();
        try {
          const load = await profiledLoad(tab, server.url(name), extensionId);
          const seen = (await tab.evaluate(COLLECT)) as { marks: Array<{ name: string; detail: unknown }> };
          const figures = seen.marks.find((m) => m.name === PERF_MARKS.marksApplied)?.detail as ScanFigures | undefined;
          const gate = await gateRun(bare, server.url(name), pipeline);
          const run = {
            extensionMs: load.extensionMs,
            scanMs: figures?.elapsedMs ?? null,
            top: load.top,
            gateMs: gate.first,
            warmGateMs: gate.warm,
          };
          pages[name]!.runs.push(run);
          log(
            `[bench] shadow ${name} run ${i + 1}/${runs}: ${run.extensionMs.toFixed(1)} ms CPU, scan ${run.scanMs?.toFixed(1) ?? '—'} ms, gate ${run.gateMs.toFixed(2)} ms (warm ${run.warmGateMs.toFixed(2)} ms)`,
          );
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    await browser.close();
    await bare.close();
    await server.close();
  }
  for (const result of Object.values(pages)) {
    result.extensionMs = summarize(result.runs.map((r) => r.extensionMs));
    result.scanMs = summarize(result.runs.flatMap((r) => (r.scanMs === null ? [] : [r.scanMs])));
    result.gateMs = summarize(result.runs.map((r) => r.gateMs));
    result.warmGateMs = summarize(result.runs.map((r) => r.warmGateMs));
  }
  return { runs, components: COMPONENTS, pages };
}

/** The content script's pipeline on a fresh load without the extension, from an isolated world: its first pass, wrappers made as a content script's are. */
async function gateRun(browser: BenchBrowser, url: string, pipeline: string): Promise<{ first: number; warm: number }> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const first = (await evaluateIsolated(tab, [
      pipeline,
      '__talentLensPipeline.build(__tlIndex)',
      '__talentLensPipeline.scan()',
    ])) as PipelineTiming;
    const warm = (await evaluateIsolated(tab, [
      pipeline,
      '__talentLensPipeline.build(__tlIndex)',
      `(async () => { let best = Infinity; for (let i = 0; i < ${WARM_PASSES}; i++) best = Math.min(best, (await __talentLensPipeline.scan()).collectMs); return best; })()`,
    ])) as number;
    return { first: first.collectMs, warm };
  } finally {
    await tab.close();
  }
}

export function renderShadow(result: ShadowResult): string {
  const base = result.pages['none-1k']?.extensionMs?.median ?? null;
  const rows = Object.entries(result.pages).map(([name, page]) => {
    const over = base !== null && page.extensionMs && name !== 'none-1k' ? (page.extensionMs.median - base).toFixed(1) : '—';
    return `| ${name} | ${formatSummary(page.gateMs, 2)} | ${formatSummary(page.warmGateMs, 2)} | ${formatSummary(page.extensionMs)} | ${over} | ${formatSummary(page.scanMs)} |`;
  });
  const costliest = Object.entries(result.pages).map(([name, page]) => {
    const top = page.runs.at(-1)?.top.slice(0, 5) ?? [];
    return `- ${name}: ${top.map((f) => `${f.function} (${f.where}) ${f.selfMs.toFixed(1)} ms`).join('; ')}`;
  });
  return [
    `### Open shadow roots on a no-name page (${result.components} custom elements; extension CPU from a profile of each load; median (min–max) of ${result.runs} runs)`,
    '',
    `| page | the gate alone: first pass (isolated world, no extension), ms | the gate alone: fastest of ${WARM_PASSES} more passes, ms | extension CPU, ms | over none-1k, ms | start → scan done (own figure), ms |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Costliest functions of the last run (self time):',
    ...costliest,
  ].join('\n');
}
