/**
 * The data build: `npx tsx scripts/build-data.ts` (npm run data).
 *
 * Loads data/*.json and data/people/*.json, validates them (schema + referential integrity),
 * checks every quote against the seed articles when they are available, then writes
 * data/generated/alias-index.json, details.json, details-hant.json (our Chinese text in Traditional,
 * for Traditional pages; OpenCC here, at build time, never in the extension) and t2s.json (the alias
 * index's folding table, which the card reads to tell a Traditional mention).
 * Exits non-zero with the full list of problems on bad data.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { buildAliasIndex, buildDetails } from '../utils/dataset/build';
import { loadArticles, loadDatasetFiles } from '../utils/dataset/load-files';
import { quoteProblems, validateDataset } from '../utils/dataset/validate';
import { traditionalDetails } from '../utils/dataset/traditional';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'data');
const outDir = path.join(dataDir, 'generated');
const seedsDir = process.env.TALENT_LENS_SEEDS ?? path.resolve(root, '../shared/seeds');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let dataset;
try {
  dataset = validateDataset(loadDatasetFiles(dataDir));
} catch (err) {
  fail(`build-data: ${(err as Error).message}`);
}

if (existsSync(seedsDir)) {
  const articles = loadArticles(
    seedsDir,
    dataset.sources.map((s) => s.file),
  );
  const problems = quoteProblems(dataset, articles);
  if (problems.length > 0)
    fail(`build-data: quotes do not match the articles in ${seedsDir}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
} else {
  console.warn(`build-data: WARNING seed articles not found at ${seedsDir}; quotes were NOT checked (set TALENT_LENS_SEEDS)`);
}

const aliasIndex = buildAliasIndex(dataset);
const details = buildDetails(dataset);
mkdirSync(outDir, { recursive: true });
const aliasJson = JSON.stringify(aliasIndex);
const detailsJson = JSON.stringify(details);
writeFileSync(path.join(outDir, 'alias-index.json'), aliasJson);
writeFileSync(path.join(outDir, 'details.json'), detailsJson);
const hantJson = JSON.stringify(
  traditionalDetails(details, { text: OpenCC.Converter({ from: 'cn', to: 'twp' }), name: OpenCC.Converter({ from: 'cn', to: 'tw' }) }),
);
writeFileSync(path.join(outDir, 'details-hant.json'), hantJson);
writeFileSync(path.join(outDir, 't2s.json'), JSON.stringify({ t2s: aliasIndex.t2s }));

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const sourceAliases = dataset.people.reduce((n, p) => n + p.aliases.length, 0);
console.log(
  `build-data: ${dataset.people.length} people, ${sourceAliases} aliases (${aliasIndex.aliases.length} indexed with Hant variants), ` +
    `${aliasIndex.t2s.length / 2} t2s pairs, ${dataset.conflicts.length} conflicts; ` +
    `alias-index.json ${bytes(aliasJson)} bytes, details.json ${bytes(detailsJson)} bytes, details-hant.json ${bytes(hantJson)} bytes`,
);
