/**
 * The Explore scenario of `npm run bench`: the benchmark's 10,000-person generated dataset
 * (bench/synthetic-index.ts's names) given one to four moves each between 300 organizations
 * of very unequal size, dated as real sources date them (some to the day, most to the month,
 * some only to the year, some not at all), a few disputed. Explore's page (the real
 * component, bundled by esbuild) renders them in headless Chromium, timed inside the page
 * from the data to the page laid out, and then a filter change (years to quarters).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { launch, servePages } from './browser';
import { createRng } from './prng';
import { formatSummary, summarize, type Summary } from './stats';
import { generateAliasIndex } from './synthetic-index';
import type { ExploreReference } from '../components/explore/labels';
import type { ExploreMove } from '../utils/explore/moves';
import type { ExploreBenchTimes } from './explore-entry';

export const EXPLORE_PEOPLE = 10_000;
const ORGANIZATIONS = 300;
const SOURCES = 20;

/** Seeded: the same moves on every machine. */
export function generateExploreData(people: number, seed: number): { moves: ExploreMove[]; reference: ExploreReference } {
  const rng = createRng(seed);
  const names = generateAliasIndex({ people: people + ORGANIZATIONS, seed }).people;
  const organizations: ExploreReference['organizations'] = {};
  for (let i = 0; i < ORGANIZATIONS; i++) {
    const id = `org-${i}`;
    organizations[id] = { id, name: { en: `${names[people + i]!.en.split(' ').at(-1)} AI` }, aliases: [] };
  }
  const sources: ExploreReference['sources'] = {};
  for (let i = 0; i < SOURCES; i++) {
    const id = `s${100 + i}`;
    sources[id] = {
      id,
      file: `${100 + i}_0000000000000000.txt`,
      title: `Source ${i}`,
      titleEn: `Source ${i}`,
      language: 'en',
      date: '2025-06',
    };
  }
  const sourceIds = Object.keys(sources);
  const conflicts: ExploreReference['conflicts'] = [
    {
      id: 'synthetic-conflict',
      topic: { en: 'When it happened' },
      people: [],
      claims: [
        { statement: { en: 'In spring' }, sources: [{ source: sourceIds[0]! }] },
        { statement: { en: 'In autumn' }, sources: [{ source: sourceIds[1]! }] },
      ],
    },
  ];
  // Few big organizations, many small ones.
  const organization = () => `org-${Math.floor(ORGANIZATIONS * rng.next() ** 3)}`;
  const moves: ExploreMove[] = [];
  for (let p = 0; p < people; p++) {
    const personId = `synthetic-${p}`;
    const personName = { en: names[p]!.en, ...(names[p]!.zh ? { zh: names[p]!.zh } : {}) };
    let at: string | null = rng.chance(0.1) ? null : organization();
    let year = rng.int(2010, 2022);
    const count = rng.int(1, 4);
    for (let m = 0; m < count; m++) {
      let to: string | null = organization();
      if (to === at) to = rng.chance(0.5) ? null : `org-${(Number(to.slice(4)) + 1) % ORGANIZATIONS}`;
      year = Math.min(2025, year + rng.int(0, 3));
      const month = String(rng.int(1, 12)).padStart(2, '0');
      const precision = rng.next();
      const when =
        precision < 0.15
          ? undefined
          : precision < 0.35
            ? String(year)
            : precision < 0.9
              ? `${year}-${month}`
              : `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      moves.push({
        id: `${personId}#${m}`,
        personId,
        personName,
        origin: 'bundled',
        from: at,
        to,
        ...(when ? { when } : {}),
        sources: [{ source: rng.pick(sourceIds) }],
        ...(rng.chance(0.04) ? { conflict: 'synthetic-conflict' } : {}),
        ...(rng.chance(0.03) ? { doubt: { en: 'Only a heading says so.' } } : {}),
      });
      at = to;
    }
  }
  return { moves, reference: { organizations, sources, conflicts } };
}

async function bundleExplore(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench/explore-entry.tsx')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface ExploreResult {
  people: number;
  moves: number;
  bands: number;
  flows: number;
  renderMs: Summary | null;
  frameMs: Summary | null;
  quartersMs: Summary | null;
}

export async function runExploreBench(root: string, runs: number, log: (line: string) => void): Promise<ExploreResult> {
  const data = generateExploreData(EXPLORE_PEOPLE, 10_000);
  const script = await bundleExplore(root);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Explore bench</title></head><body><div id="app"></div><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`;
  const server = await servePages(new Map([['explore', html]]));
  const browser = await launch(null, '');
  const times: ExploreBenchTimes[] = [];
  const quarters: number[] = [];
  let counts = { bands: 0, flows: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.url('explore'));
      // The data is in the page before the clock starts, as the bundled dataset is in the real page.
      await page.evaluate((json) => Object.assign(window, { __tlExploreData: JSON.parse(json) }), JSON.stringify(data));
      const run = await page.evaluate(() => {
        const w = window as unknown as {
          __tlExploreData: { moves: ExploreMove[]; reference: ExploreReference };
          __tlExploreBench: { render(m: ExploreMove[], r: ExploreReference): Promise<ExploreBenchTimes> };
        };
        return w.__tlExploreBench.render(w.__tlExploreData.moves, w.__tlExploreData.reference);
      });
      counts = await page.evaluate(() =>
        (window as unknown as { __tlExploreBench: { counts(): { bands: number; flows: number } } }).__tlExploreBench.counts(),
      );
      const quarter = await page.evaluate(() =>
        (window as unknown as { __tlExploreBench: { changeToQuarters(): Promise<number> } }).__tlExploreBench.changeToQuarters(),
      );
      times.push(run);
      quarters.push(quarter);
      log(
        `[bench] explore run ${i + 1}/${runs}: render ${run.renderMs.toFixed(1)} ms, to frame ${run.frameMs.toFixed(1)} ms, to quarters ${quarter.toFixed(1)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    people: EXPLORE_PEOPLE,
    moves: data.moves.length,
    ...counts,
    renderMs: summarize(times.map((t) => t.renderMs)),
    frameMs: summarize(times.map((t) => t.frameMs)),
    quartersMs: summarize(quarters),
  };
}

export function renderExplore(result: ExploreResult): string {
  return [
    `### Explore (${result.people.toLocaleString('en-US')} generated people, ${result.moves.toLocaleString('en-US')} moves; ${result.bands} period bands, ${result.flows} flows drawn; median (min–max) of ${result.renderMs?.runs ?? 0} runs)`,
    '',
    '| figure | ms | target, ms |',
    '| --- | --- | --- |',
    `| data → page laid out (filters, flows, d3-sankey layout, Preact render, style and layout) | ${formatSummary(result.renderMs)} | 200 |`,
    `| data → next animation frame | ${formatSummary(result.frameMs)} | — |`,
    `| filter change, years → quarters → new picture laid out | ${formatSummary(result.quartersMs)} | — |`,
  ].join('\n');
}
