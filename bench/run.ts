/**
 * `npm run bench`: the extension in real headless Chromium on generated news
 * pages, next to two baselines on the same pages (a bare TreeWalker pass and
 * mark.js), plus the matcher with a 10,000-person index, and bundle sizes.
 * Prints a table and writes bench/results/latest.json. See docs/benchmarks.md.
 *
 * Options: --runs=N (default 5) --markjs-runs=N (default: --runs)
 *          --pages=a,b (default: all) --no-markjs --no-profile --quick
 *          --notes-runs=N (default: --runs) --no-notes --notes-only
 *          --explore-runs=N (default: --runs) --no-explore --explore-only
 *          --frames-only [--frames-runs=N (default: --runs)]: the frames scenario alone (bench/frames.ts)
 *          --card-only [--card-runs=N (default: --runs)] [--card-shows=N (default 10)]: the card-show scenario alone (bench/card.ts)
 *          --shadow-only [--shadow-runs=N (default: --runs)]: the open-shadow-root gate scenario alone (bench/shadow.ts)
 *          --no-pipeline: leave out the matcher's runs without the extension (the scale table)
 *          --build=DIR (measure another build, e.g. an older commit's .output/chrome-mv3)
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AliasIndex } from '../data/schema';
import { CHROME_BUILD, ROOT } from '../test/e2e/harness';
import { evaluateIsolated, launch, servePages, type BenchBrowser } from './browser';
import { COLLECT, DOM_CHURN, FLOOR, INIT_SCRIPT, locateName, markJs, waitMark } from './in-page';
import { loadAverage, machineInfo } from './machine';
import { bundleMatcher } from './matcher-bundle';
import type { PipelineTiming } from './matcher-entry';
import { generatePage, namesOf, type GeneratedPage } from './pages';
import { selfTimes, type CpuProfile, type FunctionCost, type ProfileSummary } from './profile';

export type ProfileRun = Omit<ProfileSummary, 'functions'> & { top: FunctionCost[] };
import { bundleSizes } from './sizes';
import { summarize, type Summary } from './stats';
import { generateAliasIndex } from './synthetic-index';
import { withSearchedForms } from '../utils/match/matcher';
import { evaluateTargets, renderTables } from './report';
import { renderNotes, runNotesBench, type NotesResult } from './notes';
import { PERF_MARKS } from '../content/perf-marks';
import { renderExplore, runExploreBench, type ExploreResult } from './explore';
import { renderFrames, runFramesBench, writeFramesResult } from './frames';
import { renderCard, runCardBench } from './card';
import { renderShadow, runShadowBench } from './shadow';

/** CPU profiles sample every 250 µs: finer sampling slows the page enough to distort where time goes. */
const SAMPLING_US = 250;
const PIPELINE_URL = 'talent-lens-bench-pipeline.js';

/** After the last mark, how long the page is left alone before heap and script time are read. */
const SETTLE_MS = 1000;

interface PageDef {
  name: string;
  textNodes: number;
  mentionsPer1000: number;
  seed: number;
}

export const PAGE_DEFS: PageDef[] = [
  { name: 'news-1k', textNodes: 1_000, mentionsPer1000: 2, seed: 1001 },
  { name: 'news-10k', textNodes: 10_000, mentionsPer1000: 2, seed: 1002 },
  { name: 'news-100k', textNodes: 100_000, mentionsPer1000: 2, seed: 1003 },
  { name: 'none-1k', textNodes: 1_000, mentionsPer1000: 0, seed: 2001 },
  { name: 'none-10k', textNodes: 10_000, mentionsPer1000: 0, seed: 2002 },
];

interface Options {
  runs: number;
  markjsRuns: number;
  pages: string[];
  markjs: boolean;
  profile: boolean;
  /** Runs of the notes scenario (bench/notes.ts); 0 skips it. */
  notesRuns: number;
  notesOnly: boolean;
  /** Runs of the Explore scenario (bench/explore.ts); 0 skips it. */
  exploreRuns: number;
  exploreOnly: boolean;
  /** Runs of the frames scenario (bench/frames.ts), measured only with --frames-only. */
  framesRuns: number;
  framesOnly: boolean;
  /** The card scenario (bench/card.ts), measured only with --card-only: loads, and shows per load. */
  cardRuns: number;
  cardShows: number;
  cardOnly: boolean;
  /** The shadow-root gate scenario (bench/shadow.ts), measured only with --shadow-only. */
  shadowRuns: number;
  shadowOnly: boolean;
  pipeline: boolean;
  build: string;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  const runs = Number(get('runs') ?? (quick ? 2 : 5));
  return {
    runs,
    markjsRuns: Number(get('markjs-runs') ?? runs),
    pages: get('pages')?.split(',') ?? (quick ? ['news-1k', 'none-1k'] : PAGE_DEFS.map((p) => p.name)),
    markjs: !argv.includes('--no-markjs'),
    profile: !argv.includes('--no-profile'),
    notesRuns: argv.includes('--no-notes') ? 0 : Number(get('notes-runs') ?? runs),
    notesOnly: argv.includes('--notes-only'),
    exploreRuns: argv.includes('--no-explore') ? 0 : Number(get('explore-runs') ?? runs),
    exploreOnly: argv.includes('--explore-only'),
    framesRuns: Number(get('frames-runs') ?? runs),
    framesOnly: argv.includes('--frames-only'),
    cardRuns: Number(get('card-runs') ?? runs),
    cardShows: Number(get('card-shows') ?? 10),
    cardOnly: argv.includes('--card-only'),
    shadowRuns: Number(get('shadow-runs') ?? runs),
    shadowOnly: argv.includes('--shadow-only'),
    pipeline: !argv.includes('--no-pipeline'),
    build: path.resolve(get('build') ?? CHROME_BUILD),
  };
}

/** One load of a page with the extension. */
export interface ExtensionRun {
  marks: Record<string, number>;
  /** The marks-applied mark's detail: the content script's own figures for the scan (content/perf-marks.ts). */
  scanFigures: unknown;
  /** start → marks-applied, ms. */
  annotateMs: number | null;
  /** Longest long task (≥ 50 ms, as the browser reports them) overlapping start → marks-applied; 0 if none. */
  longestTaskMs: number | null;
  longTasks: number;
  heapBytes: number;
  domNodes: number;
  scriptMs: number;
  taskMs: number;
  /** DOM_CHURN after annotation, ms. */
  churnMs: number;
  hover: { name: string; hoverToShownMs: number | null; pointerToShownMs: number | null; showStartToShownMs: number | null } | null;
}

export interface BareRun {
  heapBytes: number;
  domNodes: number;
  scriptMs: number;
  taskMs: number;
  floor: Floor;
  /** The same pass run from an isolated world of the page's own (as a content script's code runs), on the same load. */
  isolatedFloor: Floor;
  /** DOM_CHURN on the same page without the extension, ms. */
  churnMs: number;
}

type Metrics = Record<string, number>;

interface Floor {
  ms: number;
  nodes: number;
  chars: number;
}

/** FLOOR run in a fresh isolated world of the tab's main frame. */
async function isolatedFloor(tab: Page): Promise<Floor> {
  return (await evaluateIsolated(tab, [FLOOR])) as Floor;
}

async function metricsOf(page: Page): Promise<{ read(): Promise<Metrics>; gc(): Promise<void>; detach(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    },
    async gc() {
      await cdp.send('HeapProfiler.collectGarbage');
    },
    detach: () => cdp.detach(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function extensionRun(browser: BenchBrowser, url: string, page: GeneratedPage, missing: Set<string>): Promise<ExtensionRun> {
  const tab = await browser.context.newPage();
  try {
    const metrics = await metricsOf(tab);
    const before = await metrics.read();
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const start = (await tab.evaluate(waitMark(PERF_MARKS.start, 10_000))) as number | null;
    if (start === null) missing.add(PERF_MARKS.start);
    const applied = (await tab.evaluate(waitMark(PERF_MARKS.marksApplied, start === null ? 3_000 : 300_000))) as number | null;
    if (applied === null) missing.add(PERF_MARKS.marksApplied);
    await sleep(SETTLE_MS);
    await metrics.gc();
    const after = await metrics.read();
    const seen = (await tab.evaluate(COLLECT)) as {
      marks: Array<{ name: string; startTime: number; detail: unknown }>;
      longtasks: Array<{ start: number; duration: number }>;
      errors: string[];
    };
    if (seen.errors.length) console.warn(`[bench] in-page observer errors: ${seen.errors.join('; ')}`);
    const inWindow =
      start !== null && applied !== null ? seen.longtasks.filter((t) => t.start < applied && t.start + t.duration > start) : [];
    // After the metrics are read, like the floor in bareRun; before the hover, which opens the card.
    const churnMs = (await tab.evaluate(DOM_CHURN)) as number;
    const hover = page.mentions > 0 ? await hoverCard(tab, page.firstMentions, missing) : null;
    await metrics.detach();
    return {
      marks: Object.fromEntries(seen.marks.map((m) => [m.name, m.startTime])),
      scanFigures: seen.marks.find((m) => m.name === PERF_MARKS.marksApplied)?.detail ?? null,
      annotateMs: start !== null && applied !== null ? applied - start : null,
      longestTaskMs: start !== null && applied !== null ? Math.max(0, ...inWindow.map((t) => t.duration)) : null,
      longTasks: inWindow.length,
      heapBytes: after.JSHeapUsedSize!,
      domNodes: after.Nodes!,
      scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
      taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
      churnMs,
      hover,
    };
  } finally {
    await tab.close();
  }
}

async function hoverCard(tab: Page, names: string[], missing: Set<string>): Promise<ExtensionRun['hover']> {
  const spot = (await tab.evaluate(locateName(names))) as { name: string; x: number; y: number } | null;
  if (!spot) return null;
  await tab.mouse.move(1, 1);
  await sleep(300);
  const armedAt = (await tab.evaluate('(window.__tlBench.armed = true, performance.now())')) as number;
  await tab.mouse.move(spot.x, spot.y);
  const shown = (await tab.evaluate(waitMark(PERF_MARKS.cardShown, 10_000, armedAt))) as number | null;
  const seen = (await tab.evaluate(COLLECT)) as { marks: Array<{ name: string; startTime: number }>; pointer: number | null };
  const last = (name: string): number | null => {
    const times = seen.marks.filter((m) => m.name === name && m.startTime >= armedAt).map((m) => m.startTime);
    return times.length ? Math.max(...times) : null;
  };
  const hoverStart = last(PERF_MARKS.hoverStart);
  const showStart = last(PERF_MARKS.cardShowStart);
  if (hoverStart === null) missing.add(PERF_MARKS.hoverStart);
  if (shown === null) missing.add(PERF_MARKS.cardShown);
  return {
    name: spot.name,
    hoverToShownMs: shown !== null && hoverStart !== null ? shown - hoverStart : null,
    pointerToShownMs: shown !== null && seen.pointer !== null ? shown - seen.pointer : null,
    showStartToShownMs: shown !== null && showStart !== null ? shown - showStart : null,
  };
}

/** `isolatedFirst`: which world's floor runs first (each world makes its own wrappers for the nodes it touches; the order alternates between runs). */
async function bareRun(browser: BenchBrowser, url: string, isolatedFirst: boolean): Promise<BareRun> {
  const tab = await browser.context.newPage();
  try {
    const metrics = await metricsOf(tab);
    const before = await metrics.read();
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(SETTLE_MS);
    await metrics.gc();
    const after = await metrics.read();
    // The floors run after the metrics are read, so their own cost is not in them.
    const isolatedBefore = isolatedFirst ? await isolatedFloor(tab) : null;
    const floor = (await tab.evaluate(FLOOR)) as Floor;
    const isolated = isolatedBefore ?? (await isolatedFloor(tab));
    const churnMs = (await tab.evaluate(DOM_CHURN)) as number;
    await metrics.detach();
    return {
      heapBytes: after.JSHeapUsedSize!,
      domNodes: after.Nodes!,
      scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
      taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
      floor,
      isolatedFloor: isolated,
      churnMs,
    };
  } finally {
    await tab.close();
  }
}

/**
 * The extension's matcher, bundled, on a fresh load of the page without the extension: built from
 * the index, then (after a garbage collection, see bench/matcher-entry.ts) run over the page.
 */
async function pipelineRun(browser: BenchBrowser, url: string, bundle: string, indexJson: string): Promise<PipelineTiming> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await tab.addScriptTag({ content: `${bundle}\nwindow.__tlIndex = ${indexJson};` });
    await tab.evaluate('window.__talentLensPipeline.build(window.__tlIndex)');
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    return (await tab.evaluate('window.__talentLensPipeline.scan()')) as PipelineTiming;
  } finally {
    await tab.close();
  }
}

async function markJsRun(
  browser: BenchBrowser,
  url: string,
  markJsPath: string,
  aliases: string[],
): Promise<{ ms: number; marks: number }> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await tab.addScriptTag({ path: markJsPath });
    return (await tab.evaluate(markJs(aliases, 'partially'))) as { ms: number; marks: number };
  } finally {
    await tab.close();
  }
}

/** One profiled load with the extension: where the content script's time goes, by function. */
async function profileRun(browser: BenchBrowser, url: string, extensionId: string, outFile: string | null): Promise<ProfileRun> {
  const tab = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const start = await tab.evaluate(waitMark(PERF_MARKS.start, 10_000));
    await tab.evaluate(waitMark(PERF_MARKS.marksApplied, start === null ? 3_000 : 300_000));
    await sleep(SETTLE_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    if (outFile) writeFileSync(outFile, JSON.stringify(profile));
    const { functions, ...totals } = selfTimes(profile, `chrome-extension://${extensionId}/`);
    return { ...totals, top: functions.slice(0, 12) };
  } finally {
    await tab.close();
  }
}

/** One profiled run of the bundled matcher (readable names) with an index: where matching time goes. */
async function pipelineProfileRun(browser: BenchBrowser, url: string, bundle: string, indexJson: string): Promise<ProfileRun> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await tab.addScriptTag({ content: `${bundle}\nwindow.__tlIndex = ${indexJson};\n//# sourceURL=${PIPELINE_URL}` });
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await tab.evaluate('window.__talentLensPipeline.build(window.__tlIndex)');
    await tab.evaluate('window.__talentLensPipeline.scan()');
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const { functions, ...totals } = selfTimes(profile, PIPELINE_URL);
    return { ...totals, top: functions.slice(0, 12) };
  } finally {
    await tab.close();
  }
}

function markJsDist(): string | null {
  const candidates = [process.env.MARKJS_PATH, path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js')];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export interface PageResult {
  textNodes: number;
  chars: number;
  mentions: number;
  ext: ExtensionRun[];
  bare: BareRun[];
  markjs: Array<{ ms: number; marks: number }>;
  pipeline: { real: PipelineTiming[]; synthetic: PipelineTiming[] };
  /** Profiled loads with the extension (as many as runs); the first one's profile is saved. */
  profiles: ProfileRun[];
  /** Profiles of the bundled matcher with each index. */
  pipelineProfile?: Record<'real' | 'synthetic', ProfileRun>;
  summary: Record<string, Summary | null>;
}

function summarizePage(r: Omit<PageResult, 'summary'>): Record<string, Summary | null> {
  const nums = (xs: Array<number | null | undefined>): number[] => xs.filter((x): x is number => typeof x === 'number');
  const med = (xs: number[]): number => summarize(xs)?.median ?? NaN;
  const bareHeap = med(r.bare.map((b) => b.heapBytes));
  const bareScript = med(r.bare.map((b) => b.scriptMs));
  const bareTask = med(r.bare.map((b) => b.taskMs));
  return {
    annotateMs: summarize(nums(r.ext.map((e) => e.annotateMs))),
    longestTaskMs: summarize(nums(r.ext.map((e) => e.longestTaskMs))),
    // The content script's own count of its longest step between yields (sub-50 ms resolution, unlike longtask).
    longestStepMs: summarize(nums(r.ext.map((e) => (e.scanFigures as { longestStepMs?: number } | null)?.longestStepMs))),
    floorMs: summarize(r.bare.map((b) => b.floor.ms)),
    isolatedFloorMs: summarize(r.bare.map((b) => b.isolatedFloor.ms)),
    markjsMs: summarize(r.markjs.map((m) => m.ms)),
    // Differences against the median of the runs without the extension, per run with it.
    heapDeltaKB: summarize(r.ext.map((e) => (e.heapBytes - bareHeap) / 1024)),
    scriptDeltaMs: summarize(r.ext.map((e) => e.scriptMs - bareScript)),
    extensionCpuMs: summarize(r.profiles.map((p) => p.totalMs)),
    extensionSelfMs: summarize(r.profiles.map((p) => p.selfMs)),
    taskDeltaMs: summarize(r.ext.map((e) => e.taskMs - bareTask)),
    churnMs: summarize(r.ext.map((e) => e.churnMs)),
    bareChurnMs: summarize(r.bare.map((b) => b.churnMs)),
    domNodesDelta: summarize(r.ext.map((e) => e.domNodes - med(r.bare.map((b) => b.domNodes)))),
    hoverToShownMs: summarize(nums(r.ext.map((e) => e.hover?.hoverToShownMs))),
    pointerToShownMs: summarize(nums(r.ext.map((e) => e.hover?.pointerToShownMs))),
    showStartToShownMs: summarize(nums(r.ext.map((e) => e.hover?.showStartToShownMs))),
    realBuildMs: summarize(r.pipeline.real.map((p) => p.buildMs)),
    realScanMs: summarize(r.pipeline.real.map((p) => p.collectMs + p.scanMs + p.resolveMs)),
    realCollectMs: summarize(r.pipeline.real.map((p) => p.collectMs)),
    realMatchMs: summarize(r.pipeline.real.map((p) => p.scanMs)),
    synthBuildMs: summarize(r.pipeline.synthetic.map((p) => p.buildMs)),
    synthScanMs: summarize(r.pipeline.synthetic.map((p) => p.collectMs + p.scanMs + p.resolveMs)),
    synthMatchMs: summarize(r.pipeline.synthetic.map((p) => p.scanMs)),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(path.join(options.build, 'manifest.json')))
    throw new Error(`No built extension in ${options.build}: run \`npm run build\` first`);
  if (options.exploreOnly) {
    // Explore's page needs no extension build: its component is bundled on its own.
    const explore = await runExploreBench(ROOT, options.exploreRuns || 1, (line) => console.error(line));
    const resultsDir = path.join(ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      path.join(resultsDir, 'explore-latest.json'),
      JSON.stringify({ machine: machineInfo(), command: commandLine(), explore }, null, 2),
    );
    console.log(renderExplore(explore));
    console.log(`\nWrote ${path.relative(ROOT, path.join(resultsDir, 'explore-latest.json'))}`);
    return;
  }
  if (options.cardOnly) {
    await runAlone(
      options,
      'card-latest.json',
      (build, index) =>
        runCardBench(ROOT, build, index, { runs: options.cardRuns, shows: options.cardShows }, (line) => console.error(line)),
      renderCard,
    );
    return;
  }
  if (options.shadowOnly) {
    await runAlone(
      options,
      'shadow-latest.json',
      (build, index) => runShadowBench(ROOT, build, index, options.shadowRuns, (line) => console.error(line)),
      renderShadow,
    );
    return;
  }
  if (options.framesOnly) {
    const build = mkdtempSync(path.join(tmpdir(), 'talent-lens-bench-build-'));
    cpSync(options.build, build, { recursive: true });
    try {
      const index = JSON.parse(readFileSync(path.join(ROOT, 'data/generated/alias-index.json'), 'utf8')) as AliasIndex;
      const frames = await runFramesBench(build, index, options.framesRuns, (line) => console.error(line));
      const resultsDir = path.join(ROOT, 'bench/results');
      mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, 'frames-latest.json');
      writeFramesResult(file, frames, { machine: machineInfo(), command: commandLine(), build: options.build });
      console.log(renderFrames(frames));
      console.log(`\nWrote ${path.relative(ROOT, file)}`);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
    return;
  }
  if (options.notesOnly) {
    const build = mkdtempSync(path.join(tmpdir(), 'talent-lens-bench-build-'));
    cpSync(options.build, build, { recursive: true });
    try {
      const notes = await runNotesBench(build, options.notesRuns || 1, (line) => console.error(line));
      const resultsDir = path.join(ROOT, 'bench/results');
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(
        path.join(resultsDir, 'notes-latest.json'),
        JSON.stringify({ machine: machineInfo(), command: commandLine(), build: options.build, notes }, null, 2),
      );
      console.log(renderNotes(notes));
      console.log(`\nWrote ${path.relative(ROOT, path.join(resultsDir, 'notes-latest.json'))}`);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
    return;
  }
  const indexFile = path.join(ROOT, 'data/generated/alias-index.json');
  if (!existsSync(indexFile)) throw new Error('No data/generated/alias-index.json: run `npx tsx scripts/build-data.ts` first');
  // A private copy: a rebuild of .output during the run must not change what is measured.
  const build = mkdtempSync(path.join(tmpdir(), 'talent-lens-bench-build-'));
  cpSync(options.build, build, { recursive: true });
  const sizes = bundleSizes(build);

  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as AliasIndex;
  // Through the same precomputation as the real index in the data build (searched forms, sieve patterns).
  const synthetic = withSearchedForms(generateAliasIndex({ people: 10_000, seed: 10_000, base: index }));
  const names = namesOf(index);
  const aliasTexts = [...new Set(index.aliases.map(([text]) => text))];
  const defs = PAGE_DEFS.filter((d) => options.pages.includes(d.name));
  const pages = defs.map((d) => generatePage({ ...d, names }));
  const server = await servePages(new Map(pages.map((p) => [p.name, p.html])));
  const bundle = await bundleMatcher(ROOT);
  const realJson = JSON.stringify(index);
  const synthJson = JSON.stringify(synthetic);
  const markJsPath = options.markjs ? markJsDist() : null;
  if (options.markjs && !markJsPath) console.warn('[bench] mark.js not found: `npm install --save-dev mark.js@8.11.1` or set MARKJS_PATH');

  const results: Record<string, PageResult> = {};
  let notes: NotesResult | null = null;
  let explore: ExploreResult | null = null;
  const missing = new Set<string>();
  const resultsDir = path.join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const withExt = await launch(build, INIT_SCRIPT);
  const bare = await launch(null, INIT_SCRIPT);
  const extensionId = new URL(withExt.context.serviceWorkers()[0]!.url()).host;
  try {
    for (const page of pages) {
      const url = server.url(page.name);
      const r: Omit<PageResult, 'summary'> = {
        textNodes: page.textNodes,
        chars: page.chars,
        mentions: page.mentions,
        ext: [],
        bare: [],
        markjs: [],
        pipeline: { real: [], synthetic: [] },
        profiles: [],
      };
      const log = (what: string) => console.error(`[bench] ${page.name}: ${what}`);
      // Interleaved, so a slow phase of the machine hits every kind of run alike.
      for (let i = 0; i < options.runs; i++) {
        r.ext.push(await extensionRun(withExt, url, page, missing));
        r.bare.push(await bareRun(bare, url, i % 2 === 1));
        const order = i % 2 ? (['synthetic', 'real'] as const) : (['real', 'synthetic'] as const);
        for (const which of options.pipeline ? order : []) {
          r.pipeline[which].push(await pipelineRun(bare, url, bundle, which === 'real' ? realJson : synthJson));
        }
        log(
          `run ${i + 1}/${options.runs}: annotate ${r.ext[i]!.annotateMs?.toFixed(1) ?? '—'} ms, floor ${r.bare[i]!.floor.ms.toFixed(1)} ms, isolated floor ${r.bare[i]!.isolatedFloor.ms.toFixed(1)} ms`,
        );
      }
      if (markJsPath && page.mentions > 0) {
        for (let i = 0; i < options.markjsRuns; i++) {
          r.markjs.push(await markJsRun(bare, url, markJsPath, aliasTexts));
          log(`mark.js ${i + 1}/${options.markjsRuns}: ${r.markjs[i]!.ms.toFixed(0)} ms, ${r.markjs[i]!.marks} marks`);
        }
      }
      if (options.profile) {
        for (let i = 0; i < options.runs; i++) {
          const out = i === 0 ? path.join(resultsDir, `${page.name}.cpuprofile`) : null;
          r.profiles.push(await profileRun(withExt, url, extensionId, out));
        }
        log(`profiles: ${r.profiles.map((p) => p.totalMs.toFixed(1)).join(', ')} ms in the extension's scripts`);
        if (options.pipeline)
          r.pipelineProfile = {
            real: await pipelineProfileRun(bare, url, bundle, realJson),
            synthetic: await pipelineProfileRun(bare, url, bundle, synthJson),
          };
      }
      results[page.name] = { ...r, summary: summarizePage(r) };
    }
    if (options.notesRuns > 0) notes = await runNotesBench(build, options.notesRuns, (line) => console.error(line));
    if (options.exploreRuns > 0) explore = await runExploreBench(ROOT, options.exploreRuns, (line) => console.error(line));
  } finally {
    await withExt.close();
    await bare.close();
    await server.close();
    rmSync(build, { recursive: true, force: true });
  }

  const output = {
    machine: machineInfo(),
    command: commandLine(),
    options,
    markJs: markJsPath ? { path: path.relative(ROOT, markJsPath), accuracy: 'partially', aliases: aliasTexts.length } : null,
    datasets: {
      real: { people: index.people.length, aliases: index.aliases.length },
      synthetic: { people: synthetic.people.length, aliases: synthetic.aliases.length },
    },
    missingMarks: [...missing],
    sizes,
    pages: results,
    notes,
    explore,
  };
  const targets = evaluateTargets(output);
  const json = { ...output, targets };
  writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(json, null, 2));
  console.log(renderTables(json));
  if (notes) console.log(`\n${renderNotes(notes)}`);
  if (explore) console.log(`\n${renderExplore(explore)}`);
  if (missing.size) console.log(`\nMissing performance marks: ${[...missing].join(', ')}`);
  console.log(`\nWrote ${path.relative(ROOT, path.join(resultsDir, 'latest.json'))}`);
}

export type BenchOutput = {
  machine: ReturnType<typeof machineInfo>;
  command: string;
  options: Options;
  markJs: { path: string; accuracy: string; aliases: number } | null;
  datasets: Record<'real' | 'synthetic', { people: number; aliases: number }>;
  missingMarks: string[];
  sizes: ReturnType<typeof bundleSizes>;
  pages: Record<string, PageResult>;
  notes: NotesResult | null;
  explore: ExploreResult | null;
};

/**
 * One scenario alone, on a private copy of the build (a rebuild during the run must not change what
 * is measured): its table printed, its figures in bench/results/<file> with the machine's load
 * average before and after (the machine is shared).
 */
async function runAlone<T>(
  options: Options,
  file: string,
  run: (build: string, index: AliasIndex) => Promise<T>,
  render: (result: T) => string,
): Promise<void> {
  const build = mkdtempSync(path.join(tmpdir(), 'talent-lens-bench-build-'));
  cpSync(options.build, build, { recursive: true });
  try {
    const index = JSON.parse(readFileSync(path.join(ROOT, 'data/generated/alias-index.json'), 'utf8')) as AliasIndex;
    const loadBefore = loadAverage();
    const result = await run(build, index);
    const resultsDir = path.join(ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    const out = path.join(resultsDir, file);
    const load = { before: loadBefore, after: loadAverage() };
    writeFileSync(out, JSON.stringify({ machine: machineInfo(), load, command: commandLine(), build: options.build, result }, null, 2));
    console.log(render(result));
    console.log(`\nLoad average (1, 5, 15 min) before: ${load.before}; after: ${load.after}`);
    console.log(`Wrote ${path.relative(ROOT, out)}`);
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

function commandLine(): string {
  return `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
