/**
 * Dataset validation: the zod schema plus referential integrity.
 *
 * Pure and framework-free (no fs, no browser APIs), so the data build, the
 * unit tests and anything else can share it. `validateDataset` throws one
 * Error listing every problem with its path; it never stops at the first.
 */
import { Dataset, type AliasRecord, type DatasetRecord, type PersonRecord, type SourceRefRecord } from '../../data/schema';

/** Middle-dot look-alikes that must not appear in Chinese aliases (only U+00B7 is allowed). */
const OTHER_DOTS = /[\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65\u0387\u16EB\u2E31]/;
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF]/;

/** The error thrown by `validateDataset`; `problems` holds one line per problem. */
export class DatasetValidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'DatasetValidationError';
    this.problems = problems;
  }
}

/** Formats a zod issue path the way our own checks do: `people[3].aliases[0].kind`. */
function formatPath(path: ReadonlyArray<PropertyKey>, raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      // Name array elements that carry an id, so a reader finds the file at once.
      const elemId = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (typeof elemId === 'string') out += `(${elemId})`;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out || '(root)';
}

function at(collection: string, index: number, id: string): string {
  return `${collection}[${index}](${id})`;
}

/**
 * Mainland media write Simplified, Taiwan and Hong Kong media Traditional: a form noted as
 * one of those and written in the other script is a slip (the build makes the Traditional
 * variants of every Simplified alias itself, so a regional form must say what it really is).
 */
function usageScriptProblem(alias: AliasRecord): string | null {
  const usage = alias.usage ?? [];
  if (alias.script === 'Latn' && usage.some((u) => u === 'mainland' || u === 'taiwan' || u === 'hongkong'))
    return `"${alias.text}" is a Latin form; mainland, taiwan and hongkong note Chinese forms`;
  if (alias.script === 'Hant' && usage.includes('mainland'))
    return `"${alias.text}" is marked Hant but noted as a mainland form (mainland media write Hans)`;
  const regional = usage.filter((u) => u === 'taiwan' || u === 'hongkong');
  if (alias.script === 'Hans' && regional.length > 0 && !usage.includes('mainland'))
    return `"${alias.text}" is marked Hans but noted only as a ${regional.join('/')} form (those media write Hant)`;
  return null;
}

/**
 * Checks what the schema cannot: ids unique, every referenced id exists, no duplicate alias text
 * within a person, conflicts linked from a move or role list that person, and a few alias rules
 * (Chinese aliases use U+00B7 only, no single-character Chinese aliases, script matches the text,
 * a regional usage note matches the script).
 * Returns every problem found; empty when the dataset is consistent.
 */
export function integrityProblems(data: DatasetRecord): string[] {
  const problems: string[] = [];

  const index = <T extends { id: string }>(name: string, items: T[]) => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      if (map.has(item.id)) problems.push(`${at(name, i, item.id)}.id: duplicate id "${item.id}"`);
      else map.set(item.id, item);
    });
    return map;
  };
  const sources = index('sources', data.sources);
  const orgs = index('organizations', data.organizations);
  const people = index('people', data.people);
  const conflicts = index('conflicts', data.conflicts);

  const files = new Map<string, number>();
  data.sources.forEach((s, i) => {
    if (files.has(s.file)) problems.push(`${at('sources', i, s.id)}.file: "${s.file}" is already used by sources[${files.get(s.file)}]`);
    else files.set(s.file, i);
    if (s.untitled && !s.caveat) problems.push(`${at('sources', i, s.id)}.caveat: an untitled source needs a caveat`);
    if (!s.date && !s.placed) problems.push(`${at('sources', i, s.id)}.placed: an undated source says when we place it and from what`);
    if (s.date && s.placed) problems.push(`${at('sources', i, s.id)}.placed: only an undated source is placed; this one has a date`);
  });

  const checkRefs = (path: string, refs: SourceRefRecord[]) =>
    refs.forEach((ref, j) => {
      if (!sources.has(ref.source)) problems.push(`${path}[${j}].source: unknown source "${ref.source}"`);
    });
  const checkOrg = (path: string, orgId: string | null) => {
    if (orgId !== null && !orgs.has(orgId)) problems.push(`${path}: unknown organization "${orgId}"`);
  };
  const checkConflict = (path: string, conflictId: string | undefined, person: PersonRecord) => {
    if (conflictId === undefined) return;
    const conflict = conflicts.get(conflictId);
    if (!conflict) problems.push(`${path}: unknown conflict "${conflictId}"`);
    else if (!conflict.people.includes(person.id))
      problems.push(`${path}: conflict "${conflictId}" does not list person "${person.id}" in its people`);
    else if (conflict.organization)
      problems.push(`${path}: conflict "${conflictId}" is about organization "${conflict.organization}", not this person`);
  };

  data.people.forEach((person, i) => {
    const p = at('people', i, person.id);
    checkOrg(`${p}.org`, person.org);
    checkRefs(`${p}.roleSources`, person.roleSources);
    checkConflict(`${p}.roleConflict`, person.roleConflict, person);

    const seenText = new Map<string, number>();
    person.aliases.forEach((alias, j) => {
      const a = `${p}.aliases[${j}]`;
      const key = alias.text.normalize('NFC').trim();
      if (seenText.has(key)) problems.push(`${a}.text: duplicate alias "${alias.text}" (also aliases[${seenText.get(key)}])`);
      else seenText.set(key, j);
      if (alias.text !== alias.text.trim()) problems.push(`${a}.text: leading or trailing whitespace in "${alias.text}"`);
      if (alias.seen !== undefined && alias.seen !== 'common' && !sources.has(alias.seen))
        problems.push(`${a}.seen: unknown source "${alias.seen}"`);
      const hasCjk = CJK.test(alias.text);
      if (alias.script === 'Latn' && hasCjk) problems.push(`${a}.script: "${alias.text}" contains Chinese characters but is marked Latn`);
      if (alias.script !== 'Latn' && !hasCjk)
        problems.push(`${a}.script: "${alias.text}" has no Chinese characters but is marked ${alias.script}`);
      if (alias.script !== 'Latn' && OTHER_DOTS.test(alias.text))
        problems.push(`${a}.text: "${alias.text}" uses a middle-dot variant; write U+00B7 (·)`);
      if (hasCjk && [...alias.text].length === 1)
        problems.push(`${a}.text: single-character Chinese alias "${alias.text}" is too ambiguous`);
      const scriptProblem = usageScriptProblem(alias);
      if (scriptProblem) problems.push(`${a}.usage: ${scriptProblem}`);
    });

    person.moves.forEach((move, j) => {
      const m = `${p}.moves[${j}]`;
      checkOrg(`${m}.from`, move.from);
      checkOrg(`${m}.to`, move.to);
      if (move.from === null && move.to === null) problems.push(`${m}: a move needs a from or a to`);
      checkRefs(`${m}.sources`, move.sources);
      checkConflict(`${m}.conflict`, move.conflict, person);
    });

    person.quotes.forEach((quote, j) => {
      if (!sources.has(quote.source)) problems.push(`${p}.quotes[${j}].source: unknown source "${quote.source}"`);
    });
  });

  data.conflicts.forEach((conflict, i) => {
    const c = at('conflicts', i, conflict.id);
    const listed = new Set<string>();
    conflict.people.forEach((personId, j) => {
      if (!people.has(personId)) problems.push(`${c}.people[${j}]: unknown person "${personId}"`);
      if (listed.has(personId)) problems.push(`${c}.people[${j}]: "${personId}" is listed twice`);
      listed.add(personId);
    });
    conflict.claims.forEach((claim, j) => checkRefs(`${c}.claims[${j}].sources`, claim.sources));
    if (conflict.organization !== undefined) checkOrg(`${c}.organization`, conflict.organization);
  });

  return problems;
}

/**
 * Parses a raw dataset (as read from the JSON files) with the zod schema and checks referential
 * integrity. Returns the parsed dataset (defaults applied) or throws a `DatasetValidationError`
 * whose message lists every problem with its path.
 */
export function validateDataset(raw: unknown): DatasetRecord {
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    throw new DatasetValidationError(parsed.error.issues.map((issue) => `${formatPath(issue.path, raw)}: ${issue.message}`));
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return parsed.data;
}

/** Every quoted passage in the dataset, with where it sits, for checking against the articles. */
export interface QuoteSite {
  path: string;
  source: string;
  text: string;
  /** `true` for Person.quotes (the card's quotes); `false` for a SourceRef's evidence quote. */
  cardQuote: boolean;
}

export function collectQuotes(data: DatasetRecord): QuoteSite[] {
  const out: QuoteSite[] = [];
  const refs = (path: string, list: SourceRefRecord[]) =>
    list.forEach((ref, j) => {
      if (ref.quote !== undefined) out.push({ path: `${path}[${j}].quote`, source: ref.source, text: ref.quote, cardQuote: false });
    });
  data.people.forEach((person, i) => {
    const p = at('people', i, person.id);
    person.quotes.forEach((q, j) => out.push({ path: `${p}.quotes[${j}].text`, source: q.source, text: q.text, cardQuote: true }));
    refs(`${p}.roleSources`, person.roleSources);
    person.moves.forEach((move, j) => refs(`${p}.moves[${j}].sources`, move.sources));
  });
  data.conflicts.forEach((conflict, i) =>
    conflict.claims.forEach((claim, j) => refs(`${at('conflicts', i, conflict.id)}.claims[${j}].sources`, claim.sources)),
  );
  return out;
}

/**
 * Checks that every quote is an exact substring of its article. `articles` maps a source's
 * `file` name to the article text. Returns one problem per quote that is not found verbatim.
 */
export function quoteProblems(data: DatasetRecord, articles: Record<string, string>): string[] {
  const fileOf = new Map(data.sources.map((s) => [s.id, s.file]));
  const problems: string[] = [];
  for (const site of collectQuotes(data)) {
    const file = fileOf.get(site.source);
    const text = file === undefined ? undefined : articles[file];
    if (text === undefined) problems.push(`${site.path}: article for source "${site.source}" is not available`);
    else if (!text.includes(site.text)) problems.push(`${site.path}: not an exact substring of ${file}: "${site.text}"`);
  }
  return problems;
}
