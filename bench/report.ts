/** Targets and tables for a benchmark result (bench/run.ts → bench/results/latest.json). */
import type { BenchOutput } from './run';
import { formatSummary, type Summary } from './stats';
import { PARTS } from './sizes';
import { CHURN_CHANGES } from './in-page';

export interface TargetResult {
  target: string;
  measured: string;
  met: boolean | null;
}

const median = (s: Summary | null | undefined): number | null => s?.median ?? null;

export function evaluateTargets(out: BenchOutput): TargetResult[] {
  const targets: TargetResult[] = [];
  const big = out.pages['news-100k']?.summary;
  const ours = median(big?.annotateMs);
  const floor = median(big?.floorMs);
  const isolated = median(big?.isolatedFloorMs);
  const markjs = median(big?.markjsMs);
  targets.push({
    target: "news-100k: full annotation ≤ 3× the floor in an isolated world (the content script's own kind)",
    measured:
      ours !== null && isolated !== null
        ? `${(ours / isolated).toFixed(1)}× (${ours.toFixed(0)} ms vs ${isolated.toFixed(1)} ms; main-world floor ${floor?.toFixed(1) ?? '—'} ms, ${floor ? (ours / floor).toFixed(1) : '—'}×)`
        : 'not measured',
    met: ours !== null && isolated !== null ? ours <= 3 * isolated : null,
  });
  targets.push({
    target: 'news-100k: ≥ 20× faster than mark.js',
    measured: ours !== null && markjs !== null ? `${(markjs / ours).toFixed(1)}× (mark.js ${markjs.toFixed(0)} ms)` : 'not measured',
    met: ours !== null && markjs !== null ? markjs >= 20 * ours : null,
  });
  const longest = Object.entries(out.pages)
    .map(([name, p]) => [name, p.summary.longestTaskMs?.max ?? null] as const)
    .filter((x): x is readonly [string, number] => x[1] !== null);
  const worst = longest.reduce<readonly [string, number] | null>((a, b) => (a && a[1] >= b[1] ? a : b), null);
  targets.push({
    target: 'no main-thread task over 50 ms during annotation (any page, any run)',
    measured: worst ? (worst[1] === 0 ? 'none reported' : `${worst[1].toFixed(0)} ms on ${worst[0]}`) : 'not measured',
    met: worst ? worst[1] <= 50 : null,
  });
  for (const name of ['none-1k', 'none-10k']) {
    const s = out.pages[name]?.summary;
    const cpu = median(s?.extensionCpuMs);
    targets.push({
      target: `${name}: content script's cost ≤ 5 ms (CPU profile: time in stacks of the extension's scripts)`,
      measured: cpu !== null ? `${cpu.toFixed(1)} ms` : 'not measured',
      met: cpu !== null ? cpu <= 5 : null,
    });
  }
  const kb = out.sizes.content.gzipBytes / 1024;
  targets.push({ target: 'content script ≤ 50 KB gzipped', measured: `${kb.toFixed(1)} KB`, met: kb <= 50 });
  for (const [name, p] of Object.entries(out.pages)) {
    const real = median(p.summary.realScanMs);
    const synth = median(p.summary.synthScanMs);
    if (real === null || synth === null || p.mentions === 0) continue;
    targets.push({
      target: `${name}: 10,000-person scan ≤ 1.5× the real dataset's`,
      measured: `${(synth / real).toFixed(2)}× (${synth.toFixed(1)} ms vs ${real.toFixed(1)} ms)`,
      met: synth <= 1.5 * real,
    });
  }
  return targets;
}

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** Markdown tables (they read fine in a terminal too). */
export function renderTables(out: BenchOutput & { targets: TargetResult[] }): string {
  const f = formatSummary;
  const ratio = (a: Summary | null | undefined, b: Summary | null | undefined): string => {
    const x = median(a);
    const y = median(b);
    return x !== null && y !== null && y > 0 ? `${(x / y).toFixed(1)}×` : '—';
  };
  const pages = Object.entries(out.pages);
  const runs = `median (min–max) of ${out.options.runs} runs`;
  const main = table(
    [
      'page',
      'text nodes',
      'chars',
      'names',
      'ours: start→marks applied, ms',
      'longest task in it, ms',
      'longest step (own figure), ms',
      'floor, ms',
      'ours/floor',
      'isolated-world floor, ms',
      'ours/isolated floor',
      'mark.js, ms',
      'mark.js/ours',
    ],
    pages.map(([name, p]) => [
      name,
      String(p.textNodes),
      String(p.chars),
      String(p.mentions),
      f(p.summary.annotateMs),
      f(p.summary.longestTaskMs, 0),
      f(p.summary.longestStepMs, 1),
      f(p.summary.floorMs, 2),
      ratio(p.summary.annotateMs, p.summary.floorMs),
      f(p.summary.isolatedFloorMs, 2),
      ratio(p.summary.annotateMs, p.summary.isolatedFloorMs),
      f(p.summary.markjsMs, 0),
      ratio(p.summary.markjsMs, p.summary.annotateMs),
    ]),
  );
  const cost = table(
    [
      'page',
      'CPU in extension scripts, ms',
      'all main-thread tasks Δ, ms',
      'JS heap Δ, KB',
      'DOM nodes Δ',
      `page's ${CHURN_CHANGES} DOM changes, with / without, ms`,
      'hover→card shown, ms',
      'card-show-start→card shown, ms',
    ],
    pages.map(([name, p]) => [
      name,
      f(p.summary.extensionCpuMs),
      f(p.summary.taskDeltaMs),
      f(p.summary.heapDeltaKB, 0),
      f(p.summary.domNodesDelta, 0),
      `${f(p.summary.churnMs, 1)} / ${f(p.summary.bareChurnMs, 1)}`,
      f(p.summary.hoverToShownMs),
      f(p.summary.showStartToShownMs),
    ]),
  );
  const scale = table(
    [
      'page',
      'build, real, ms',
      'build, 10k, ms',
      'collect+match+resolve, real, ms',
      'same, 10k, ms',
      '10k/real',
      'match only, real / 10k, ms',
    ],
    pages.map(([name, p]) => [
      name,
      f(p.summary.realBuildMs),
      f(p.summary.synthBuildMs),
      f(p.summary.realScanMs),
      f(p.summary.synthScanMs),
      ratio(p.summary.synthScanMs, p.summary.realScanMs),
      `${f(p.summary.realMatchMs)} / ${f(p.summary.synthMatchMs)}`,
    ]),
  );
  const kb = (b: number) => (b / 1024).toFixed(1);
  const sizes = table(
    ['part', 'files', 'raw, KB', 'gzip -9, KB'],
    PARTS.map((k) => [k, out.sizes[k].files.join(', '), kb(out.sizes[k].bytes), kb(out.sizes[k].gzipBytes)]),
  );
  const targets = table(
    ['target', 'measured', 'met'],
    out.targets.map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'yes' : '**no**']),
  );
  return [
    `Annotation and baselines (${runs}; mark.js: ${out.options.markjsRuns} runs)`,
    main,
    '',
    `Cost on the page (CPU: separate profiled loads; Δ: with − without the extension; ${runs})`,
    cost,
    '',
    `Scale: the extension's matcher in the page, real index (${out.datasets.real.people} people, ${out.datasets.real.aliases} aliases) vs synthetic (${out.datasets.synthetic.people} people, ${out.datasets.synthetic.aliases} aliases)`,
    scale,
    '',
    'Bundle sizes',
    sizes,
    '',
    'Targets',
    targets,
  ].join('\n');
}
