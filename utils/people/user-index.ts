/**
 * The reader's people as the matcher sees them: a small alias index, built once
 * per change by the background (from the store) and read by every content
 * script, which lays it over the bundled index (`withUserPeople`). The bundled
 * index stays prebuilt; only names travel here, never facts, quotes or tags.
 *
 * Two indexes, by the reader's choice per person (records.ts, `Visibility`):
 * `marked` joins the page's marks; `findOnly` is read only when the popup asks
 * who is on the page, and is never drawn.
 */
import type { AliasIndex, AliasSafety } from '@/data/schema';
import { indexFingerprint, matcherTablesOf, searchedForm, type MatcherTables } from '@/utils/match/matcher';
import { PARTIAL, STANDALONE } from '@/utils/match/alias-safety';
import { createFolding } from '@/utils/match/normalize';
import type { PersonAdditionRecord, UserAlias, UserPersonRecord, Visibility } from '@/utils/people/records';

/** The part of an AliasIndex the reader's people fill: people, and their aliases ([text, person, safety]). */
export interface UserAliasIndex {
  people: Array<{ id: string; en: string; zh?: string }>;
  aliases: Array<[text: string, person: number, safety: AliasSafety]>;
  /**
   * forms[i]: aliases[i] as the matcher searches for it, with the bundled index's folding ("" for
   * none), computed by the background once per change: normalizing thousands of aliases in every
   * page at start would cost more than the rest of the page's start together (docs/benchmarks.md).
   */
  forms: string[];
}

export interface UserIndexes {
  version: 1;
  marked: UserAliasIndex;
  findOnly: UserAliasIndex;
  /**
   * The matcher's and the sieve's tables for the bundled index with `marked` over it, built by the
   * background once per change ({@link withPrebuiltTables}), so that a page revives them instead of
   * building them at start. Absent with no marked people, or from an older version: the page then
   * builds them itself.
   */
  tables?: PrebuiltTables;
}

/** Tables built over one bundled index (`bundled`: its {@link indexFingerprint}) and `marked`. */
export interface PrebuiltTables {
  format: typeof TABLES_FORMAT;
  bundled: string;
  matcher: MatcherTables;
}

/** Changes whenever MatcherTables changes shape: tables of another format are rebuilt in the page. */
const TABLES_FORMAT = 1;

export const EMPTY_USER_INDEXES: UserIndexes = {
  version: 1,
  marked: { people: [], aliases: [], forms: [] },
  findOnly: { people: [], aliases: [], forms: [] },
};

const HAN = /\p{Script=Han}/u;

/** A full name may stand alone; a surname or given name obeys the stricter rules, as in the dataset (utils/dataset/build.ts). */
function safetyOf(kind: UserAlias['kind']): AliasSafety {
  return kind === 'full' ? STANDALONE : PARTIAL;
}

function displayNames(person: UserPersonRecord): { en: string; zh?: string } {
  const names = [person.name.primary, person.name.other].filter((n): n is string => n !== undefined);
  const zh = names.find((n) => HAN.test(n));
  const en = names.find((n) => !HAN.test(n)) ?? names[0]!;
  return zh && zh !== en ? { en, zh } : { en };
}

/**
 * Both indexes from the reader's people and additions. A person's names (both scripts)
 * are full aliases besides the ones listed; an addition contributes only its aliases,
 * under the bundled person's id (withUserPeople puts them on that person). `t2s`: the
 * bundled index's folding table, which the searched forms are folded with.
 */
export function buildUserIndexes(
  people: readonly UserPersonRecord[],
  additions: readonly PersonAdditionRecord[],
  defaultVisibility: Visibility,
  t2s: string,
): UserIndexes {
  const indexes: UserIndexes = {
    version: 1,
    marked: { people: [], aliases: [], forms: [] },
    findOnly: { people: [], aliases: [], forms: [] },
  };
  const add = (id: string, names: { en: string; zh?: string }, aliases: UserAlias[], visibility: Visibility | undefined) => {
    if (aliases.length === 0) return;
    const index = (visibility ?? defaultVisibility) === 'mark' ? indexes.marked : indexes.findOnly;
    const position = index.people.push({ id, ...names }) - 1;
    const seen = new Map<string, number>();
    for (const alias of aliases) {
      const text = alias.text.trim();
      if (!text) continue;
      const safety = safetyOf(alias.kind);
      const at = seen.get(text);
      if (at === undefined) seen.set(text, index.aliases.push([text, position, safety]) - 1);
      else if (safety < index.aliases[at]![2]) index.aliases[at]![2] = safety;
    }
  };
  for (const person of people) {
    const names = [person.name.primary, person.name.other]
      .filter((n): n is string => n !== undefined)
      .map((text): UserAlias => ({ text, kind: 'full' }));
    add(person.id, displayNames(person), [...names, ...person.aliases], person.visibility);
  }
  for (const addition of additions) add(addition.id, { en: addition.id }, addition.aliases, addition.visibility);
  const folding = createFolding(t2s);
  for (const index of [indexes.marked, indexes.findOnly]) index.forms = index.aliases.map(([text]) => searchedForm(text, folding) ?? '');
  return indexes;
}

/**
 * The bundled index with the reader's people laid over it: their people after the
 * bundled ones (an addition's aliases go to the bundled person of its id), their
 * aliases after the bundled aliases, searched with the bundled index's folding.
 * The searched forms are the bundled ones and the background's; the sieve's patterns are computed again
 * (createPrefilter does it when `stream` is absent), since they cover every alias.
 */
export function withUserPeople(bundled: AliasIndex, user: UserAliasIndex): AliasIndex {
  if (user.aliases.length === 0) return bundled;
  const position = new Map(bundled.people.map((p, i) => [p.id, i]));
  const people = [...bundled.people];
  const moved = user.people.map((person) => {
    const at = position.get(person.id);
    if (at !== undefined) return at;
    position.set(person.id, people.length);
    return people.push(person) - 1;
  });
  const added = user.aliases.map(([text, person, safety]): AliasIndex['aliases'][number] => [text, moved[person]!, safety]);
  const { stream: _stream, forms, ...rest } = bundled;
  const merged: AliasIndex = { ...rest, people, aliases: [...bundled.aliases, ...added] };
  // Without the bundled forms (a test's index) the matcher normalizes every alias itself.
  if (forms) merged.forms = [...forms, ...user.forms];
  return merged;
}

/** The indexes with their tables (see {@link UserIndexes.tables}), as the background stores them. */
export function withPrebuiltTables(indexes: UserIndexes, bundled: AliasIndex): UserIndexes {
  if (indexes.marked.aliases.length === 0) return indexes;
  const matcher = matcherTablesOf(withUserPeople(bundled, indexes.marked));
  return { ...indexes, tables: { format: TABLES_FORMAT, bundled: indexFingerprint(bundled), matcher } };
}

/**
 * The index a page marks with (the bundled one with the reader's marked people over it) and, when
 * the stored tables were built for exactly this bundled index, those tables: the sieve's patterns
 * go into the index (AliasIndex.stream) and the matcher's are for createMatcher's `tables`.
 */
export function markingIndex(bundled: AliasIndex, indexes: UserIndexes): { index: AliasIndex; tables?: MatcherTables } {
  const index = withUserPeople(bundled, indexes.marked);
  const { tables } = indexes;
  if (index === bundled || !tables || tables.bundled !== indexFingerprint(bundled)) return { index };
  if (!tablesFitIndex(tables.matcher, index)) return { index };
  return { index: { ...index, stream: tables.matcher.stream }, tables: tables.matcher };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Whether stored tables are whole and point only at people and aliases the index has (a malformed store is rebuilt in place, never trusted). */
function tablesFitIndex(tables: MatcherTables, index: AliasIndex): boolean {
  const { stream, texts, shapes, rows, near } = tables;
  if (!Array.isArray(stream?.patterns) || !Array.isArray(stream.cores) || !stream.patterns.every(isString) || !stream.cores.every(isString))
    return false;
  if (!Array.isArray(texts) || !Array.isArray(shapes) || !Array.isArray(rows) || !Array.isArray(near)) return false;
  if (shapes.length !== texts.length || rows.length % 5 !== 0 || !texts.every(isString) || !shapes.every(isCount)) return false;
  for (let k = 0; k < rows.length; k += 5) {
    const [pattern, person, safety, alias, shared] = [rows[k], rows[k + 1], rows[k + 2], rows[k + 3], rows[k + 4]];
    if (!isCount(pattern) || pattern >= texts.length || !isCount(person) || person >= index.people.length) return false;
    if ((safety !== STANDALONE && safety !== PARTIAL) || !isCount(alias) || alias >= index.aliases.length || (shared !== 0 && shared !== 1))
      return false;
  }
  return near.every((entry) => Array.isArray(entry) && isCount(entry[0]) && entry[0] < rows.length / 5 && isString(entry[1]));
}

/**
 * Where the background keeps the indexes for the content scripts: the extension's own
 * storage.local (never the page's), whose change event reaches every open tab at once.
 */
const STORAGE_KEY = 'userPeopleIndex';

function isAliasIndexPart(value: unknown): value is UserAliasIndex {
  const part = value as Partial<UserAliasIndex> | null;
  if (!part || !Array.isArray(part.people) || !Array.isArray(part.aliases)) return false;
  const people = part.people.length;
  return (
    Array.isArray(part.forms) &&
    part.forms.length === part.aliases.length &&
    part.forms.every((form) => typeof form === 'string') &&
    part.people.every((p) => typeof p?.id === 'string' && typeof p.en === 'string') &&
    part.aliases.every(
      (a) =>
        Array.isArray(a) &&
        typeof a[0] === 'string' &&
        Number.isInteger(a[1]) &&
        a[1] >= 0 &&
        a[1] < people &&
        (a[2] === STANDALONE || a[2] === PARTIAL),
    )
  );
}

/** Stored indexes, or none when what is stored is missing or malformed (written by another version): the bundled people still mark. */
export function parseUserIndexes(raw: unknown): UserIndexes {
  const value = raw as Partial<UserIndexes> | null;
  if (value?.version !== 1 || !isAliasIndexPart(value.marked) || !isAliasIndexPart(value.findOnly)) return EMPTY_USER_INDEXES;
  const parsed: UserIndexes = { version: 1, marked: value.marked, findOnly: value.findOnly };
  // Tables of another format are left out (the page builds its own); markingIndex checks the rest.
  const tables = value.tables as Partial<PrebuiltTables> | undefined;
  if (tables?.format === TABLES_FORMAT && isString(tables.bundled) && tables.matcher && typeof tables.matcher === 'object')
    parsed.tables = tables as PrebuiltTables;
  return parsed;
}

export async function loadUserIndexes(): Promise<UserIndexes> {
  const stored = await browser.storage.local.get(STORAGE_KEY);
  return parseUserIndexes(stored[STORAGE_KEY]);
}

/** The background, after every change to the reader's people. */
export async function saveUserIndexes(indexes: UserIndexes): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: indexes });
}

/** Calls `listener` whenever the background saved new indexes. Returns the unsubscribe function. */
export function watchUserIndexes(listener: (indexes: UserIndexes) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) listener(parseUserIndexes(changes[STORAGE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
