/**
 * The reader's own people at scale (issue #16): `npm run bench:people` (tsx, in Node: V8, the
 * engine of Chromium's content scripts, without a page around it).
 *
 * 1,000 generated people (a pinyin name in both orders, its Chinese form in both scripts, a
 * surname), the way the add form saves them. Measures, median (min–max) of 21 runs each; the two ways of a step in alternation:
 * - the background's build, once per change: the user index (buildUserIndexes), then the
 *   matcher's tables over it (withPrebuiltTables);
 * - what a page pays at start for the reader's people, both ways: building the tables in the page
 *   (withUserPeople, createPrefilter) or reviving the background's (reading the stored JSON back,
 *   parseUserIndexes, markingIndex, createPrefilter), bundled alone for reference;
 * - the exact matcher's build, which a page with a candidate pays, both ways;
 * - scanning the English sample page's text with each;
 * and the stored value's size in storage.local, both ways. Reading storage.local in a browser adds
 * its IPC to the JSON.parse measured here; the bench runs in Node and does not see it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as OpenCC from 'opencc-js';
import type { AliasIndex } from '../data/schema';
import { createMatcher, createPrefilter, type MatcherTables } from '../utils/match/matcher';
import type { UserPersonRecord } from '../utils/people/records';
import { buildUserIndexes, markingIndex, parseUserIndexes, withPrebuiltTables, withUserPeople } from '../utils/people/user-index';
import { createRng } from './prng';
import { formatSummary, summarize } from './stats';
import { machineInfo } from './machine';

const ROOT = path.resolve(import.meta.dirname, '..');
const bundled = JSON.parse(readFileSync(path.join(ROOT, 'data/generated/alias-index.json'), 'utf8')) as AliasIndex;
const page = readFileSync(path.join(ROOT, 'test/fixtures/pages/en-news.html'), 'utf8')
  .replace(/<(script|style)[^]*?<\/\1>/g, ' ')
  .replace(/<[^>]+>/g, ' ');

const SYLLABLES = [
  'zhang',
  'wei',
  'ming',
  'hua',
  'jun',
  'xiao',
  'lin',
  'feng',
  'yu',
  'hao',
  'chen',
  'rui',
  'tian',
  'long',
  'qing',
  'an',
  'bo',
  'kai',
];
const HAN = '张伟明华军晓林峰宇浩晨睿天龙庆安波凯';
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

function people(count: number): UserPersonRecord[] {
  const rng = createRng(16);
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  return Array.from({ length: count }, (_, i) => {
    const [a, b, c] = [rng.int(0, 17), rng.int(0, 17), rng.int(0, 17)];
    const given = cap(SYLLABLES[a]! + SYLLABLES[b]!);
    // A number keeps every name distinct, as real people's would be.
    const family = `${cap(SYLLABLES[c]!)}${i}`;
    const zh = `${HAN[c]}${HAN[a]}${HAN[b]}${i}`;
    return {
      id: `u-bench-${i}`,
      name: { primary: `${given} ${family}`, other: zh },
      aliases: [
        { text: `${family} ${given}`, kind: 'full' },
        { text: toTw(zh), kind: 'full' },
        { text: family, kind: 'surname' },
      ],
      facts: [],
      tags: [],
      createdAt: 1,
      updatedAt: 1,
      revision: 1,
    };
  });
}

function time(runs: number, fn: () => unknown): string {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    values.push(performance.now() - start);
  }
  return `${formatSummary(summarize(values), 2)} ms`;
}

/**
 * Times the two ways of one step in alternation, so that both see the same load on a shared
 * machine; prints each as median (min–max) of wall time, and the median of the process's CPU
 * time (process.cpuUsage), which waiting for a CPU held by another process does not count.
 */
function compare(runs: number, label: string, ways: Record<string, () => unknown>): void {
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [way, fn] of Object.entries(ways)) {
      const start = performance.now();
      const used = process.cpuUsage();
      fn();
      const { user, system } = process.cpuUsage(used);
      (wall[way] ??= []).push(performance.now() - start);
      (cpu[way] ??= []).push((user + system) / 1000);
    }
  }
  for (const way of Object.keys(ways)) {
    console.log(`${label}, ${way}: ${formatSummary(summarize(wall[way]!), 2)} ms wall, ${formatSummary(summarize(cpu[way]!), 2)} ms CPU`);
  }
}

const RUNS = 21;
const mine = people(1_000);
const indexes = buildUserIndexes(mine, [], 'mark', bundled.t2s);
const stored = JSON.stringify(withPrebuiltTables(indexes, bundled));
const storedWithout = JSON.stringify(indexes);
const merged = withUserPeople(bundled, indexes.marked);
const revived = markingIndex(bundled, parseUserIndexes(JSON.parse(stored)));
if (!revived.tables) throw new Error('the stored tables did not fit the bundled index');
const tables: MatcherTables = revived.tables;
const bundledMatcher = createMatcher(bundled, { prefilter: createPrefilter(bundled) });
const mergedMatcher = createMatcher(merged, { prefilter: createPrefilter(merged) });
const revivedMatcher = createMatcher(revived.index, { prefilter: createPrefilter(revived.index), tables });

const machine = machineInfo();
console.log(`machine: ${machine.cpu}, ${machine.nproc} CPUs, Node ${machine.node}`);
console.log(`user people: ${mine.length}, aliases in their index: ${indexes.marked.aliases.length} (bundled: ${bundled.aliases.length})`);
console.log(`stored in storage.local: ${Buffer.byteLength(storedWithout)} bytes of JSON without tables, ${Buffer.byteLength(stored)} with`);
console.log(`background, buildUserIndexes (1,000 people): ${time(RUNS, () => buildUserIndexes(mine, [], 'mark', bundled.t2s))}`);
console.log(`background, withPrebuiltTables (1,000 people): ${time(RUNS, () => withPrebuiltTables(indexes, bundled))}`);
console.log(`page start, bundled only: createPrefilter: ${time(RUNS, () => createPrefilter(bundled))}`);
compare(RUNS, 'page start (JSON.parse of the stored value, the index, createPrefilter)', {
  'built in the page': () => createPrefilter(withUserPeople(bundled, parseUserIndexes(JSON.parse(storedWithout)).marked)),
  'revived from the background': () => createPrefilter(markingIndex(bundled, parseUserIndexes(JSON.parse(stored))).index),
});
console.log(`matcher build, bundled only: ${time(RUNS, () => createMatcher(bundled, { prefilter: createPrefilter(bundled) }))}`);
compare(RUNS, 'matcher build (a page with a candidate)', {
  'built in the page': () => createMatcher(merged, { prefilter: createPrefilter(merged) }),
  'revived from the background': () => createMatcher(revived.index, { prefilter: createPrefilter(revived.index), tables }),
});
console.log(`scan of the English sample page (${page.length} chars), bundled only: ${time(RUNS, () => bundledMatcher.scan(page))}`);
console.log(`scan of the English sample page, with 1,000 built in the page: ${time(RUNS, () => mergedMatcher.scan(page))}`);
console.log(`scan of the English sample page, with 1,000 revived: ${time(RUNS, () => revivedMatcher.scan(page))}`);
