/**
 * The reader's own people at scale (issue #16): `npm run bench:people` (tsx, in Node: V8, the
 * engine of Chromium's content scripts, without a page around it).
 *
 * 1,000 generated people (a pinyin name in both orders, its Chinese form in both scripts, a
 * surname), the way the add form saves them. Measures, median (min–max) of 15 runs each:
 * - the background's build of the user index, once per change (buildUserIndexes);
 * - what a page pays at start for the reader's people: laying the index over the bundled one
 *   (withUserPeople) and building the sieve (createPrefilter), bundled alone vs with 1,000;
 * - the exact matcher's build, which a page with a candidate pays;
 * - scanning the English sample page's text with each;
 * and the index's size in storage.local.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as OpenCC from 'opencc-js';
import type { AliasIndex } from '../data/schema';
import { createMatcher, createPrefilter } from '../utils/match/matcher';
import type { UserPersonRecord } from '../utils/people/records';
import { buildUserIndexes, withUserPeople } from '../utils/people/user-index';
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

const RUNS = 15;
const mine = people(1_000);
const indexes = buildUserIndexes(mine, [], 'mark', bundled.t2s);
const merged = withUserPeople(bundled, indexes.marked);
const bundledMatcher = createMatcher(bundled, { prefilter: createPrefilter(bundled) });
const mergedMatcher = createMatcher(merged, { prefilter: createPrefilter(merged) });

const machine = machineInfo();
console.log(`machine: ${machine.cpu}, ${machine.nproc} CPUs, Node ${machine.node}`);
console.log(`user people: ${mine.length}, aliases in their index: ${indexes.marked.aliases.length} (bundled: ${bundled.aliases.length})`);
console.log(`index in storage.local: ${Buffer.byteLength(JSON.stringify(indexes))} bytes of JSON`);
console.log(`background, buildUserIndexes (1,000 people): ${time(RUNS, () => buildUserIndexes(mine, [], 'mark', bundled.t2s))}`);
console.log(`page start, bundled only: createPrefilter: ${time(RUNS, () => createPrefilter(bundled))}`);
console.log(
  `page start, with 1,000: withUserPeople + createPrefilter: ${time(RUNS, () => createPrefilter(withUserPeople(bundled, indexes.marked)))}`,
);
console.log(`matcher build, bundled only: ${time(RUNS, () => createMatcher(bundled, { prefilter: createPrefilter(bundled) }))}`);
console.log(`matcher build, with 1,000: ${time(RUNS, () => createMatcher(merged, { prefilter: createPrefilter(merged) }))}`);
console.log(`scan of the English sample page (${page.length} chars), bundled only: ${time(RUNS, () => bundledMatcher.scan(page))}`);
console.log(`scan of the English sample page, with 1,000: ${time(RUNS, () => mergedMatcher.scan(page))}`);
