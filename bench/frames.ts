/**
 * The frames scenario of `npm run bench` (`--frames-only`, `--frames-runs=N`): what the content script
 * costs a page once it runs in every frame. Three pages, each loaded with the extension and profiled
 * (the CPU time of samples with a frame of the extension's scripts on the stack, every frame's content
 * script included: same-origin frames share the page's renderer and its profiler):
 * - `none-1k`: the no-name page of 1,000 text nodes, no frames (today's figure);
 * - `frames-none`: the same page with 20 ad-like frames (1×1 pixels, 728×90 and 320×50 banners,
 *   300×250 box ads with text) and one article frame, none of them naming anyone;
 * - `frames-article`: the same, with the article frame naming people (it is marked).
 * The difference between the first two, per frame, is what a frame with no names costs.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AliasIndex } from '../data/schema';
import { launch, servePages } from './browser';
import { INIT_SCRIPT, waitMark } from './in-page';
import { generatePage, namesOf, type GeneratedPage } from './pages';
import { selfTimes, type CpuProfile, type FunctionCost } from './profile';
import { summarize, formatSummary, type Summary } from './stats';
import { PERF_MARKS } from '../content/perf-marks';

const SAMPLING_US = 250;
/** After the last frame is done, how long the page is left alone before the profile stops. */
const SETTLE_MS = 1000;

/** The 20 ad-like frames: what a news page carries around its article. */
const AD_FRAMES: Array<{ width: number; height: number; kind: 'pixel' | 'banner' | 'box' }> = [
  ...Array.from({ length: 8 }, () => ({ width: 1, height: 1, kind: 'pixel' as const })),
  ...Array.from({ length: 4 }, () => ({ width: 728, height: 90, kind: 'banner' as const })),
  ...Array.from({ length: 4 }, () => ({ width: 320, height: 50, kind: 'banner' as const })),
  ...Array.from({ length: 4 }, () => ({ width: 300, height: 250, kind: 'box' as const })),
];

const AD_HTML = {
  pixel: '<!doctype html><html><body><img alt="" width="1" height="1"></body></html>',
  banner:
    '<!doctype html><html><body style="margin:0;font:12px sans-serif"><a href="#">Save 20% on noise-cancelling headphones today</a></body></html>',
  box: `<!doctype html><html><body style="margin:0;font:13px sans-serif">${'<p>The mattress that sleeps cooler. Free returns for 100 nights. Order by Friday for delivery next week.</p>'.repeat(6)}</body></html>`,
};

/** The top page: a no-name page with the ad frames through it and the article frame in the middle. */
function framedPage(top: GeneratedPage, article: string): string {
  const frames = AD_FRAMES.map(
    (ad, i) => `<iframe src="ad-${ad.kind}.html" width="${ad.width}" height="${ad.height}" title="ad ${i}"></iframe>`,
  );
  frames.splice(10, 0, `<iframe src="${article}.html" width="700" height="900" title="article"></iframe>`);
  return top.html.replace('</body>', `${frames.join('\n')}\n</body>`);
}

export interface FramesRun {
  /** CPU in stacks with an extension script frame, ms. */
  extensionMs: number;
  /** Frames whose content script started / finished a scan (the gate leaves the tiny ones before any scan). */
  started: number;
  scanned: number;
  /** Where the extension's time went: the costliest functions (self time). */
  top: FunctionCost[];
}

export interface FramesResult {
  runs: number;
  pages: Record<string, { frames: number; runs: FramesRun[]; extensionMs: Summary | null }>;
}

/** One load of `url`, profiled until every frame worth reading has finished its scan (and a settling second). */
export async function profiledLoad(page: Page, url: string, extensionId: string): Promise<FramesRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let started = 0;
  let scanned = 0;
  for (const frame of page.frames()) {
    // The content script's start mark comes in every frame; a scan only in the frames worth reading.
    const start = await frame.evaluate(waitMark(PERF_MARKS.start, 5_000)).catch(() => null);
    if (start === null) continue;
    started++;
    const size = await frame.evaluate('[innerWidth, innerHeight]').catch(() => [0, 0]);
    const [width, height] = size as [number, number];
    const worth = frame === page.mainFrame() || (width >= 150 && height >= 100);
    if (worth && (await frame.evaluate(waitMark(PERF_MARKS.marksApplied, 30_000)).catch(() => null)) !== null) scanned++;
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  const { totalMs, functions } = selfTimes(profile, `chrome-extension://${extensionId}/`);
  return { extensionMs: totalMs, started, scanned, top: functions.slice(0, 8) };
}

export async function runFramesBench(build: string, index: AliasIndex, runs: number, log: (line: string) => void): Promise<FramesResult> {
  const names = namesOf(index);
  const top = generatePage({ name: 'none-1k', textNodes: 1_000, mentionsPer1000: 0, seed: 2001, names });
  const quiet = generatePage({ name: 'article-none', textNodes: 300, mentionsPer1000: 0, seed: 3001, names });
  const named = generatePage({ name: 'article-named', textNodes: 300, mentionsPer1000: 2, seed: 3002, names });
  const html = new Map<string, string>([
    ['none-1k', top.html],
    ['article-none', quiet.html],
    ['article-named', named.html],
    ['frames-none', framedPage(top, 'article-none')],
    ['frames-article', framedPage(top, 'article-named')],
    ...Object.entries(AD_HTML).map(([kind, page]): [string, string] => [`ad-${kind}`, page]),
  ]);
  const server = await servePages(html);
  const browser = await launch(build, INIT_SCRIPT);
  const extensionId = new URL(browser.context.serviceWorkers()[0]!.url()).host;
  const scenarios = [
    { name: 'none-1k', frames: 0 },
    { name: 'frames-none', frames: AD_FRAMES.length + 1 },
    { name: 'frames-article', frames: AD_FRAMES.length + 1 },
  ];
  const pages: FramesResult['pages'] = {};
  try {
    for (const scenario of scenarios) pages[scenario.name] = { frames: scenario.frames, runs: [], extensionMs: null };
    // Interleaved, so a slow phase of the machine hits every page alike.
    for (let i = 0; i < runs; i++) {
      for (const scenario of scenarios) {
        const tab = await browser.context.newPage();
        try {
          const run = await profiledLoad(tab, server.url(scenario.name), extensionId);
          pages[scenario.name]!.runs.push(run);
          log(
            `[bench] frames ${scenario.name} run ${i + 1}/${runs}: ${run.extensionMs.toFixed(1)} ms, ${run.started} started, ${run.scanned} scanned`,
          );
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const page of Object.values(pages)) page.extensionMs = summarize(page.runs.map((r) => r.extensionMs));
  return { runs, pages };
}

export function renderFrames(result: FramesResult): string {
  const base = result.pages['none-1k']?.extensionMs?.median ?? null;
  const rows = Object.entries(result.pages).map(([name, page]) => {
    const last = page.runs.at(-1);
    const perFrame =
      base !== null && page.frames > 0 && page.extensionMs ? ((page.extensionMs.median - base) / page.frames).toFixed(2) : '—';
    return `| ${name} | ${page.frames} | ${formatSummary(page.extensionMs)} | ${perFrame} | ${last ? `${last.started} / ${last.scanned}` : '—'} |`;
  });
  return [
    `### Frames (extension CPU from a profile of the whole page, every frame's content script included; median (min–max) of ${result.runs} runs)`,
    '',
    '| page | frames | extension CPU, ms | per frame over none-1k, ms | content scripts started / scans finished |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function writeFramesResult(file: string, result: FramesResult, extra: object): void {
  writeFileSync(file, JSON.stringify({ ...extra, frames: result }, null, 2));
}
