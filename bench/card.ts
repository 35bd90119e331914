/**
 * The card scenario of `npm run bench` (`--card-only`, `--card-runs=N`, `--card-shows=N`): our own
 * card-show work, from the moment hover intent fires (the card delay is over) to the card rendered,
 * positioned and visible, as the content script's marks time it (content/perf-marks.ts:
 * card-show-start → card-host-ready → card-rendered → card-shown). The page is the English sample
 * fixture (test/fixtures/pages/en-news.html), loaded fresh for each run with the built extension;
 * in each load the pointer opens the card `shows` times on the page's mentions in turn, moving away
 * and waiting for the card to close between two shows. The first show of a load makes the card's
 * host and shadow root and renders the card's code for the first time; the later ones are warm.
 * One more load, profiled, says where the time of the shows goes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PERF_MARKS, type CardShowFigures } from '../content/perf-marks';
import { UI_HOST_TAG } from '../content/ui-host';
import type { AliasIndex } from '../data/schema';
import { launch, servePages } from './browser';
import { COLLECT, INIT_SCRIPT, locateName, waitMark } from './in-page';
import { namesOf } from './pages';
import { selfTimes, stackHolds, type CpuProfile, type FunctionCost } from './profile';
import { formatSummary, percentile, summarize, type Summary } from './stats';

/** Finer than the page-load profiles' 250 µs: a show lasts a few ms. */
const SAMPLING_US = 100;
const PAGE = 'en-news';

/** One show's figures, ms, from the content script's marks. */
export interface CardShow {
  /** card-show-start → card-shown: the whole of our show work. */
  totalMs: number;
  /** card-show-start → card-host-ready: the host and its shadow root (made on the first show). */
  hostMs: number;
  /** card-host-ready → card-rendered: the Preact render into the shadow root. */
  renderMs: number;
  /** card-rendered → card-shown: positioning (the card's layout is read) and showing. */
  placeMs: number;
  /** hover-start → card-shown: the hover-intent delay and our work. */
  hoverToShownMs: number | null;
  figures: CardShowFigures | null;
  /**
   * The browser's style recalculation and layout time (its Performance domain's RecalcStyleDuration
   * and LayoutDuration) from the pointer's move to the card shown, ms: the delay is quiet, so most
   * of it is the layout the show forces.
   */
  styleMs: number;
  layoutMs: number;
}

export interface CardLoad {
  /** marks-applied → card-ui-loaded: the card's code is ready this long after the page's marks are. */
  marksToUiMs: number | null;
  /** card-ui-load-start → card-ui-loaded: importing card-ui.js and making the controller. */
  uiLoadMs: number | null;
  shows: CardShow[];
}

type Figure = 'totalMs' | 'hostMs' | 'renderMs' | 'placeMs' | 'styleMs' | 'layoutMs';

export interface CardSummary extends Summary {
  p95: number;
}

export interface CardResult {
  runs: number;
  shows: number;
  loads: CardLoad[];
  first: Record<Figure, CardSummary | null>;
  warm: Record<Figure, CardSummary | null>;
  uiLoadMs: Summary | null;
  marksToUiMs: Summary | null;
  /** The profiled load: time in samples under the card's show, and its costliest functions (self time, any script). */
  profile: { showMs: number; shows: number; top: FunctionCost[] } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Seen = { marks: Array<{ name: string; startTime: number; detail: unknown }> };

/** Whether the card's host is hidden (or not made yet): the page shows no card. */
const CARD_HIDDEN = `(() => { const host = document.querySelector(${JSON.stringify(UI_HOST_TAG)}); return !host || host.style.display === 'none'; })()`;

async function waitHidden(tab: Page): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (await tab.evaluate(CARD_HIDDEN)) return;
    await sleep(50);
  }
  throw new Error('the card did not close after the pointer left');
}

/** Opens the card `shows` times on the page's mentions in turn and reads each show's marks. */
async function showCards(tab: Page, names: string[], shows: number): Promise<CardShow[]> {
  const result: CardShow[] = [];
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { style: of('RecalcStyleDuration'), layout: of('LayoutDuration') };
  };
  for (let i = 0; i < shows; i++) {
    await tab.mouse.move(1, 1);
    await waitHidden(tab);
    const spot = (await tab.evaluate(locateName(names, i))) as { x: number; y: number } | null;
    if (!spot) throw new Error(`no mention to hover on the page (show ${i + 1})`);
    const armedAt = (await tab.evaluate('performance.now()')) as number;
    const before = await metrics();
    await tab.mouse.move(spot.x, spot.y);
    const shown = (await tab.evaluate(waitMark(PERF_MARKS.cardShown, 10_000, armedAt))) as number | null;
    if (shown === null) throw new Error(`the card did not show (show ${i + 1})`);
    const after = await metrics();
    const seen = (await tab.evaluate(COLLECT)) as Seen;
    const at = (name: string): { time: number; detail: unknown } | null => {
      const mark = seen.marks.filter((m) => m.name === name && m.startTime >= armedAt).at(-1);
      return mark ? { time: mark.startTime, detail: mark.detail } : null;
    };
    const start = at(PERF_MARKS.cardShowStart);
    const host = at(PERF_MARKS.cardHostReady);
    const rendered = at(PERF_MARKS.cardRendered);
    const end = at(PERF_MARKS.cardShown)!;
    const hover = at(PERF_MARKS.hoverStart);
    if (!start || !host || !rendered) throw new Error(`a card-show mark is missing (show ${i + 1})`);
    result.push({
      totalMs: end.time - start.time,
      hostMs: host.time - start.time,
      renderMs: rendered.time - host.time,
      placeMs: end.time - rendered.time,
      hoverToShownMs: hover ? end.time - hover.time : null,
      figures: (end.detail as CardShowFigures | null) ?? null,
      styleMs: after.style - before.style,
      layoutMs: after.layout - before.layout,
    });
  }
  await cdp.detach();
  return result;
}

async function loadPage(tab: Page, url: string): Promise<Pick<CardLoad, 'marksToUiMs' | 'uiLoadMs'>> {
  await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const applied = (await tab.evaluate(waitMark(PERF_MARKS.marksApplied, 30_000))) as number | null;
  const loaded = (await tab.evaluate(waitMark(PERF_MARKS.cardUiLoaded, 30_000))) as number | null;
  if (loaded === null) throw new Error('the card’s code did not load on a page with marks');
  const loadStart = (await tab.evaluate(waitMark(PERF_MARKS.cardUiLoadStart, 1_000))) as number | null;
  return {
    marksToUiMs: applied !== null ? loaded - applied : null,
    uiLoadMs: loadStart !== null ? loaded - loadStart : null,
  };
}

/** Time in samples with a frame of the card's `show` method (card-ui.js) on the stack, and where it goes (any script's functions). */
function underShow(profile: CpuProfile, extensionUrl: string): { showMs: number; top: FunctionCost[] } {
  const inShow = stackHolds(profile, (f) => f.functionName === 'show' && f.url.startsWith(extensionUrl) && f.url.endsWith('card-ui.js'));
  const { totalMs, functions } = selfTimes(profile, '', inShow);
  return { showMs: totalMs, top: functions.slice(0, 12) };
}

export async function runCardBench(
  root: string,
  build: string,
  index: AliasIndex,
  options: { runs: number; shows: number },
  log: (line: string) => void,
): Promise<CardResult> {
  const html = readFileSync(path.join(root, `test/fixtures/pages/${PAGE}.html`), 'utf8');
  const names = [
    ...new Set(
      namesOf(index)
        .filter((n) => n.full && n.lang === 'en')
        .map((n) => n.text),
    ),
  ];
  const server = await servePages(new Map([[PAGE, html]]));
  const browser = await launch(build, INIT_SCRIPT);
  const extensionUrl = browser.context
    .serviceWorkers()[0]!
    .url()
    .replace(/[^/]*$/, '');
  const loads: CardLoad[] = [];
  let profile: CardResult['profile'] = null;
  try {
    for (let i = 0; i < options.runs; i++) {
      const tab = await browser.context.newPage();
      try {
        const load = await loadPage(tab, server.url(PAGE));
        const shows = await showCards(tab, names, options.shows);
        loads.push({ ...load, shows });
        log(
          `[bench] card run ${i + 1}/${options.runs}: first show ${shows[0]!.totalMs.toFixed(1)} ms, later ${shows
            .slice(1)
            .map((s) => s.totalMs.toFixed(1))
            .join(' ')} ms`,
        );
      } finally {
        await tab.close();
      }
    }
    const tab = await browser.context.newPage();
    try {
      await loadPage(tab, server.url(PAGE));
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
      await cdp.send('Profiler.start');
      const shows = await showCards(tab, names, options.shows);
      const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.detach();
      profile = { ...underShow(cpu, extensionUrl), shows: shows.length };
      log(`[bench] card profiled run: ${profile.showMs.toFixed(1)} ms under show() in ${shows.length} shows`);
    } finally {
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const figures: Figure[] = ['totalMs', 'hostMs', 'renderMs', 'placeMs', 'styleMs', 'layoutMs'];
  const summaryOf = (shows: CardShow[], figure: Figure): CardSummary | null => {
    const values = shows.map((s) => s[figure]);
    const summary = summarize(values);
    return summary ? { ...summary, p95: percentile(values, 0.95) } : null;
  };
  const firsts = loads.map((l) => l.shows[0]!);
  const later = loads.flatMap((l) => l.shows.slice(1));
  const nums = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  return {
    runs: options.runs,
    shows: options.shows,
    loads,
    first: Object.fromEntries(figures.map((f) => [f, summaryOf(firsts, f)])) as CardResult['first'],
    warm: Object.fromEntries(figures.map((f) => [f, summaryOf(later, f)])) as CardResult['warm'],
    uiLoadMs: summarize(nums(loads.map((l) => l.uiLoadMs))),
    marksToUiMs: summarize(nums(loads.map((l) => l.marksToUiMs))),
    profile,
  };
}

/** The card goal: our show work fits one frame at 60 Hz. */
const CARD_SHOW_GOAL_MS = 16;

export function renderCard(result: CardResult): string {
  const cell = (s: CardSummary | null) => (s ? `${formatSummary(s)}; p95 ${s.p95.toFixed(1)}` : '—');
  const rows: Array<[string, Figure]> = [
    ['card-show-start → card-shown (all of it)', 'totalMs'],
    ['… → host and shadow root ready', 'hostMs'],
    ['… → rendered (Preact)', 'renderMs'],
    ['… → positioned and visible', 'placeMs'],
    ["browser's style recalculation, pointer move → shown", 'styleMs'],
    ["browser's layout, pointer move → shown", 'layoutMs'],
  ];
  const verdict = (s: CardSummary | null) => (s ? (s.p95 <= CARD_SHOW_GOAL_MS ? 'met' : '**missed**') : '—');
  const lines = [
    `### Card show (${PAGE}.html; ${result.runs} loads × ${result.shows} shows; median (min–max); p95 by nearest rank)`,
    '',
    `| figure, ms | first show of a load (${result.runs}) | later shows (${result.runs * (result.shows - 1)}) |`,
    '| --- | --- | --- |',
    ...rows.map(([label, f]) => `| ${label} | ${cell(result.first[f])} | ${cell(result.warm[f])} |`),
    `| goal: p95 ≤ ${CARD_SHOW_GOAL_MS} ms | ${verdict(result.first.totalMs)} | ${verdict(result.warm.totalMs)} |`,
    '',
    `card-ui.js import → controller made: ${formatSummary(result.uiLoadMs)} ms; marks-applied → card code ready: ${formatSummary(result.marksToUiMs)} ms`,
  ];
  if (result.profile) {
    lines.push(
      '',
      `Profiled load (${SAMPLING_US} µs sampling): ${result.profile.showMs.toFixed(1)} ms in samples under the card's show() over ${result.profile.shows} shows. Costliest functions there (self time):`,
      '',
      '| function | where | self, ms |',
      '| --- | --- | --- |',
      ...result.profile.top.map((f) => `| ${f.function} | ${f.where} | ${f.selfMs.toFixed(1)} |`),
    );
  }
  return lines.join('\n');
}
