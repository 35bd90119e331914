/**
 * Node-only: reads the dataset's JSON files into the raw Dataset shape (unvalidated).
 * Kept apart from validate.ts so that module stays free of `fs`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface RawDataset {
  sources: unknown;
  organizations: unknown;
  people: unknown[];
  conflicts: unknown;
  /** data/evidence.json; absent when the file is (the schema's default then applies). */
  evidence?: unknown;
  /** data/transliteration.json; absent when the file is. */
  transliteration?: unknown;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`Invalid JSON in ${file}: ${(err as Error).message}`);
  }
}

/**
 * Reads `sources.json`, `organizations.json`, `conflicts.json` (optional; `[]` when absent) and
 * every `people/*.json` (one Person each, sorted by file name) from `dataDir`.
 */
export function loadDatasetFiles(dataDir: string): RawDataset {
  const peopleDir = path.join(dataDir, 'people');
  const personFiles = readdirSync(peopleDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const conflictsFile = path.join(dataDir, 'conflicts.json');
  const evidenceFile = path.join(dataDir, 'evidence.json');
  const transliterationFile = path.join(dataDir, 'transliteration.json');
  return {
    ...(existsSync(evidenceFile) ? { evidence: readJson(evidenceFile) } : {}),
    ...(existsSync(transliterationFile) ? { transliteration: readJson(transliterationFile) } : {}),
    sources: readJson(path.join(dataDir, 'sources.json')),
    organizations: readJson(path.join(dataDir, 'organizations.json')),
    people: personFiles.map((name) => readJson(path.join(peopleDir, name))),
    conflicts: existsSync(conflictsFile) ? readJson(conflictsFile) : [],
  };
}

/**
 * Reads the seed articles named by the sources (`file` → text) from `seedsDir`.
 * Files that are missing are left out; the caller decides whether that matters.
 */
export function loadArticles(seedsDir: string, files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const full = path.join(seedsDir, file);
    if (existsSync(full)) out[file] = readFileSync(full, 'utf8');
  }
  return out;
}
