/**
 * Export (JSON for import, Markdown for reading) and import of notes, and of the
 * reader's own people and additions (version 2 of the file; version 1, notes
 * only, still imports).
 *
 * An import is checked completely before anything is written, and written in a
 * single Dexie transaction: a rejected file, or a failure half-way, leaves the
 * store exactly as it was. It never silently overwrites a note edited here after
 * the export, never brings back a deleted note unasked, and never moves a note to
 * another person: each of those is reported by id in the result.
 */
import { z } from 'zod';
import type { NotesDatabase, NoteTombstone } from '@/utils/notes/db';
import type { NoteRecord } from '@/utils/notes/records';
import type { StoreOptions } from '@/utils/notes/store';
import { describeIssues, ImportedNoteSchema } from '@/utils/notes/validation';
import { byNewest, httpUrl } from '@/utils/notes/format';
import type { PersonAdditionRecord, UserPersonRecord } from '@/utils/people/records';
import { PersonAdditionSchema, UserPersonSchema } from '@/utils/people/validation';
import { findUserPersonByName } from '@/utils/people/store';

export const EXPORT_FORMAT = 'talent-lens-notes';
/** 2: the reader's people and additions beside the notes. */
export const EXPORT_VERSION = 2;
/** Every version this build reads. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

export const IMPORT_LIMITS = {
  /** Bytes of UTF-8. */
  maxBytes: 5 * 1024 * 1024,
  maxNotes: 10_000,
  /** The reader's people, and (separately) their additions to bundled people. */
  maxPeople: 10_000,
} as const;

export interface NotesExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: NoteRecord[];
  people: UserPersonRecord[];
  additions: PersonAdditionRecord[];
}

export type ImportErrorCode =
  | 'too-large'
  | 'not-json'
  /** Not JSON, and it reads like a spreadsheet's CSV export: the one mistake worth naming (see {@link looksLikeCsv}). */
  | 'csv'
  | 'wrong-format'
  | 'wrong-version'
  | 'too-many'
  | 'invalid'
  | 'unknown-people'
  | 'failed';

/** Why a note of the file was not applied, and the note here was kept as it is. */
export type ImportConflictReason =
  /** Edited here after the file was exported: the file cannot know that edit, whatever its revision says. */
  | 'edited-here'
  /** The file does not say believably when it was exported, so an edit here cannot be ruled out. */
  | 'export-time-unknown'
  /** The id belongs to a note of another person here (stored or deleted): a note never moves. */
  | 'other-person';

export interface ImportConflict {
  id: string;
  /** The person the note belongs to here. */
  personId: string;
  reason: ImportConflictReason;
}

/** A note of the file that was deleted here, and so not brought back. */
export interface ImportDeletedHere {
  id: string;
  personId: string;
  /** The file's version is newer than the one deleted: it was edited elsewhere after the delete. */
  editedAfterDeletion: boolean;
}

/** What an import did with the reader's people and additions of a version 2 file. */
export interface PeopleImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /**
   * People of the file not added because one of the reader's people here has the same name under
   * another id: a person is never created twice. Their notes go to the person here.
   */
  sameName: Array<{ id: string; existingId: string }>;
}

/** What an accepted import did; the arrays name each note the UI has to tell the user about. */
export interface ImportSummary {
  ok: true;
  added: number;
  updated: number;
  unchanged: number;
  /** Notes deleted here and brought back, only ever at the user's request (`restoreDeleted`). */
  restored: number;
  /** Kept as they are here; the file's version was not applied. */
  conflicts: ImportConflict[];
  /** Deleted here, so skipped; `restoreDeleted` brings them back. */
  deletedHere: ImportDeletedHere[];
  /** Present when the file holds people or additions (version 2). */
  people?: PeopleImportSummary;
}

export type ImportResult =
  | ImportSummary
  /** `detail` is what the UI substitutes into its localized message; `message` is a complete English sentence. */
  | { ok: false; code: ImportErrorCode; detail: string; message: string };

export interface ImportOptions extends Pick<StoreOptions, 'now'> {
  /**
   * Bring back notes of the file that were deleted here: `true` for all of them, or
   * the ids the user was shown. Their tombstones and trash entries are cleared.
   */
  restoreDeleted?: true | readonly string[];
}

type ImportFailure = Extract<ImportResult, { ok: false }>;

export async function exportNotes(db: NotesDatabase, now = Date.now()): Promise<NotesExport> {
  return db.transaction('r', db.notes, db.people, db.additions, async () => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    notes: (await db.notes.toArray()).sort(byNewest),
    people: (await db.people.toArray()).sort(byNewest),
    additions: (await db.additions.toArray()).sort(byNewest),
  }));
}

export function exportToJson(data: NotesExport): string {
  return JSON.stringify(data, null, 2) + '\n';
}

function failure(code: ImportErrorCode, detail: string, message: string): ImportFailure {
  return { ok: false, code, detail, message };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

const Envelope = z.object({
  format: z.unknown(),
  version: z.unknown(),
  exportedAt: z.unknown().optional(),
  notes: z.unknown(),
  people: z.unknown().optional(),
  additions: z.unknown().optional(),
});
const NotesArray = z.array(ImportedNoteSchema);
const PeopleArray = z.array(UserPersonSchema);
const AdditionsArray = z.array(PersonAdditionSchema);

/** The people part of a parsed file; null for a version 1 file, which has none. */
export interface ParsedPeople {
  people: UserPersonRecord[];
  additions: PersonAdditionRecord[];
}
const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * When the file was exported, in epoch milliseconds, or null when that is unknown:
 * missing (hand-made version 1 files may lack it), not an ISO 8601 date-time, or
 * later than now. A future time is not believed because it would make every note
 * here look untouched since the export, and so replaceable by the file.
 */
export function parseExportedAt(value: unknown, now: number): number | null {
  const iso = IsoDateTime.safeParse(value);
  if (!iso.success) return null;
  const ms = Date.parse(iso.data);
  return Number.isFinite(ms) && ms <= now ? ms : null;
}

/**
 * Whether text that failed to parse as JSON reads like a CSV (or TSV) table: a first
 * line with commas, semicolons or tabs, more than one line, and no leading `{` (a
 * broken export starts with one, and should be called broken JSON, not a table).
 * Someone who picked a spreadsheet export needs to hear that, not a parser's complaint.
 */
export function looksLikeCsv(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return false;
  const lines = body.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
  return lines.length >= 2 && /[,;\t]/.test(lines[0]!);
}

/**
 * Checks a file's text without touching the store: every note, person and addition valid,
 * every note's person known (the dataset's, the reader's people here or in the file), every
 * addition's person in the dataset.
 */
export function parseImport(
  text: string,
  isKnownPerson: (personId: string) => boolean,
  now = Date.now(),
): { ok: true; notes: NoteRecord[]; exportedAt: number | null; people: ParsedPeople | null } | ImportFailure {
  // Chars ≤ UTF-8 bytes, so the cheap length check is safe before the exact one.
  if (text.length > IMPORT_LIMITS.maxBytes || utf8Length(text) > IMPORT_LIMITS.maxBytes) {
    const mb = String(IMPORT_LIMITS.maxBytes / 1024 / 1024);
    return failure('too-large', mb, `The file is larger than ${mb} MB.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (looksLikeCsv(text)) return failure('csv', why, `The file looks like CSV, not a Talent Lens export (it is not JSON: ${why})`);
    return failure('not-json', why, `The file is not JSON: ${why}`);
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || raw === null || Array.isArray(raw) || envelope.data.format !== EXPORT_FORMAT) {
    return failure('wrong-format', EXPORT_FORMAT, `The file is not a Talent Lens notes export (its "format" is not "${EXPORT_FORMAT}").`);
  }
  if (!READABLE_VERSIONS.includes(envelope.data.version)) {
    const found = JSON.stringify(envelope.data.version) ?? 'none';
    return failure(
      'wrong-version',
      found,
      `The file's version ${found} is not supported; this version of Talent Lens reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    );
  }
  const count = Array.isArray(envelope.data.notes) ? envelope.data.notes.length : 0;
  if (count > IMPORT_LIMITS.maxNotes) {
    return failure(
      'too-many',
      String(IMPORT_LIMITS.maxNotes),
      `The file holds ${count} notes; at most ${IMPORT_LIMITS.maxNotes} can be imported at once.`,
    );
  }
  const notes = NotesArray.safeParse(envelope.data.notes);
  if (!notes.success) {
    const why = describeIssues(notes.error, ['notes']);
    return failure('invalid', why, `The file's notes are malformed: ${why}`);
  }
  const people = parsePeople(envelope.data.version, envelope.data.people, envelope.data.additions);
  if (people && 'ok' in people) return people;
  const inFile = new Set(people?.people.map((p) => p.id));
  const unknownAdditions = [...new Set(people?.additions.map((a) => a.id).filter((id) => !isKnownPerson(id)))];
  if (unknownAdditions.length > 0) {
    const shown = unknownAdditions.slice(0, 10).join(', ') + (unknownAdditions.length > 10 ? ` (+${unknownAdditions.length - 10})` : '');
    return failure('unknown-people', shown, `The file adds to people Talent Lens does not know: ${shown}.`);
  }
  const unknown = [...new Set(notes.data.map((n) => n.personId).filter((id) => !isKnownPerson(id) && !inFile.has(id)))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` (+${unknown.length - 10})` : '');
    return failure('unknown-people', shown, `The file has notes for people Talent Lens does not know: ${shown}.`);
  }
  return { ok: true, notes: notes.data, exportedAt: parseExportedAt(envelope.data.exportedAt, now), people };
}

/** A version 2 file's people and additions, checked; null for a version 1 file (which has none). */
function parsePeople(version: unknown, people: unknown, additions: unknown): ParsedPeople | ImportFailure | null {
  // Version 1 has neither; a hand-made version 2 file may leave both out.
  if (version === 1 || (people === undefined && additions === undefined)) return null;
  for (const [name, list] of [
    ['people', people],
    ['additions', additions],
  ] as const) {
    const count = Array.isArray(list) ? list.length : 0;
    if (count > IMPORT_LIMITS.maxPeople) {
      return failure(
        'too-many',
        String(IMPORT_LIMITS.maxPeople),
        `The file holds ${count} ${name}; at most ${IMPORT_LIMITS.maxPeople} can be imported at once.`,
      );
    }
  }
  const parsedPeople = PeopleArray.safeParse(people ?? []);
  if (!parsedPeople.success) {
    const why = describeIssues(parsedPeople.error, ['people']);
    return failure('invalid', why, `The file's people are malformed: ${why}`);
  }
  const parsedAdditions = AdditionsArray.safeParse(additions ?? []);
  if (!parsedAdditions.success) {
    const why = describeIssues(parsedAdditions.error, ['additions']);
    return failure('invalid', why, `The file's additions are malformed: ${why}`);
  }
  return { people: parsedPeople.data, additions: parsedAdditions.data };
}

/**
 * Merges a file into the store. Repeated ids in the file count once (the newest),
 * then dates later than `now` are pulled back to it. Then each note of the file is
 * decided by {@link decideImport}; everything is written in one transaction, so a
 * failure half-way changes nothing.
 */
export async function importNotes(
  db: NotesDatabase,
  text: string,
  isKnownPerson: (personId: string) => boolean,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = (options.now ?? Date.now)();
  // The reader's people here count as known: a backup's notes on them import.
  const storedPeople = new Set(await db.people.toCollection().primaryKeys());
  const parsed = parseImport(text, (id) => isKnownPerson(id) || storedPeople.has(id), now);
  if (!parsed.ok) return parsed;
  const { exportedAt } = parsed;
  const { restoreDeleted } = options;
  // A set: a file holds up to 10,000 notes, and so may the list of ids to bring back.
  const restoreIds = new Set(restoreDeleted === true ? [] : restoreDeleted);
  const restoreWanted = (id: string) => restoreDeleted === true || restoreIds.has(id);

  // The newest of repeated ids is judged by the file's own dates, as before they were bounded.
  const newestInFile = new Map<string, NoteRecord>();
  for (const note of parsed.notes) {
    const seen = newestInFile.get(note.id);
    newestInFile.set(note.id, seen && !isNewerThan(note, seen) ? seen : note);
  }
  const incoming = new Map([...newestInFile].map(([id, note]) => [id, withBelievableTimes(note, now)]));

  try {
    return await db.transaction('rw', [db.notes, db.tombstones, db.trash, db.people, db.additions], async (): Promise<ImportSummary> => {
      const people = parsed.people ? await mergePeople(db, parsed.people, now) : null;
      if (people) {
        // A person of the file that is already here under another id: their notes join the one here.
        const movedTo = new Map(people.sameName.map(({ id, existingId }) => [id, existingId]));
        for (const [id, note] of incoming) {
          const to = movedTo.get(note.personId);
          if (to) incoming.set(id, { ...note, personId: to });
        }
      }
      const ids = [...incoming.keys()];
      const stored = await db.notes.bulkGet(ids);
      const tombstones = await db.tombstones.bulkGet(ids);
      const summary: ImportSummary = { ok: true, added: 0, updated: 0, unchanged: 0, restored: 0, conflicts: [], deletedHere: [] };
      const writes: NoteRecord[] = [];
      const restoredIds: string[] = [];
      ids.forEach((id, i) => {
        const note = incoming.get(id)!;
        const decision = decideImport(note, stored[i], tombstones[i], exportedAt, restoreWanted(id));
        switch (decision.kind) {
          case 'add':
            summary.added++;
            writes.push(note);
            break;
          case 'update':
            summary.updated++;
            writes.push(note);
            break;
          case 'restore':
            summary.restored++;
            writes.push(note);
            restoredIds.push(id);
            break;
          case 'unchanged':
            summary.unchanged++;
            break;
          case 'conflict':
            summary.conflicts.push({ id, personId: decision.personId, reason: decision.reason });
            break;
          case 'deleted-here':
            summary.deletedHere.push({ id, personId: note.personId, editedAfterDeletion: decision.editedAfterDeletion });
            break;
        }
      });
      await db.notes.bulkPut(writes);
      await db.tombstones.bulkDelete(restoredIds);
      // The trashed copy is older than what just came back; an undo must not find it.
      await db.trash.bulkDelete(restoredIds);
      return people ? { ...summary, people } : summary;
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return failure('failed', why, `The import failed and nothing was changed: ${why}`);
  }
}

/**
 * Merges a file's people and additions, inside the import's transaction: by id, the newer
 * (higher revision, or the same revision edited later) wins, times later than now are taken
 * as now, and a new person whose name is one of the reader's people here is not added (it is
 * reported in `sameName`).
 */
async function mergePeople(db: NotesDatabase, file: ParsedPeople, now: number): Promise<PeopleImportSummary> {
  const summary: PeopleImportSummary = { added: 0, updated: 0, unchanged: 0, sameName: [] };
  const here = await db.people.toArray();
  const byId = new Map(here.map((p) => [p.id, p]));
  const peopleWrites: UserPersonRecord[] = [];
  for (const person of newestById(file.people)) {
    const incoming = withBelievableTimes(person, now);
    const stored = byId.get(incoming.id);
    if (!stored) {
      const same = findUserPersonByName(here, incoming.name.primary);
      if (same) {
        summary.sameName.push({ id: incoming.id, existingId: same.id });
        continue;
      }
      summary.added++;
      peopleWrites.push(incoming);
      here.push(incoming);
    } else if (isNewerThan(incoming, stored)) {
      summary.updated++;
      peopleWrites.push(incoming);
    } else {
      summary.unchanged++;
    }
  }
  const additions = newestById(file.additions).map((a) => withBelievableTimes(a, now));
  const storedAdditions = await db.additions.bulkGet(additions.map((a) => a.id));
  const additionWrites = additions.filter((addition, i) => {
    const stored = storedAdditions[i];
    if (!stored) summary.added++;
    else if (isNewerThan(addition, stored)) summary.updated++;
    else {
      summary.unchanged++;
      return false;
    }
    return true;
  });
  await db.people.bulkPut(peopleWrites);
  await db.additions.bulkPut(additionWrites);
  return summary;
}

/** A file's records with repeated ids counted once, the newest. */
function newestById<T extends Revisioned & { id: string }>(records: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const record of records) {
    const seen = newest.get(record.id);
    newest.set(record.id, seen && !isNewerThan(record, seen) ? seen : record);
  }
  return [...newest.values()];
}

export type ImportDecision =
  | { kind: 'add' | 'update' | 'restore' | 'unchanged' }
  | { kind: 'conflict'; reason: ImportConflictReason; personId: string }
  | { kind: 'deleted-here'; editedAfterDeletion: boolean };

/**
 * What an import does with one note of the file, given what is stored under its id.
 * The rules, in order:
 * 1. The id belongs to another person here (a stored note or a tombstone): conflict
 *    `other-person`. A note never moves, not even when brought back.
 * 2. Stored with the same text and origin: unchanged.
 * 3. Stored, and the file's export time is unknown (`exportedAt` null): conflict
 *    `export-time-unknown`. Without it an edit here cannot be told from an untouched
 *    note, so no note that differs is replaced.
 * 4. Stored, and edited here after the export (`updatedAt > exportedAt`): conflict
 *    `edited-here`, whatever the revisions say: the file never saw that edit.
 * 5. Stored and untouched since the export: updated when the file's version is newer
 *    (higher revision, or the same revision edited later), else unchanged (what is
 *    stored is already newer).
 * 6. Deleted here (a tombstone): skipped as `deleted-here`, also when the file's
 *    revision is higher than the deleted one (a deletion is a decision), unless the
 *    user asked for it back (`restore`).
 * 7. Otherwise: added.
 */
export function decideImport(
  note: NoteRecord,
  stored: NoteRecord | undefined,
  tombstone: NoteTombstone | undefined,
  exportedAt: number | null,
  restore: boolean,
): ImportDecision {
  const owner = stored?.personId ?? tombstone?.personId;
  if (owner !== undefined && owner !== note.personId) return { kind: 'conflict', reason: 'other-person', personId: owner };
  if (stored) {
    if (sameContent(note, stored)) return { kind: 'unchanged' };
    if (exportedAt === null) return { kind: 'conflict', reason: 'export-time-unknown', personId: stored.personId };
    if (stored.updatedAt > exportedAt) return { kind: 'conflict', reason: 'edited-here', personId: stored.personId };
    return { kind: isNewerThan(note, stored) ? 'update' : 'unchanged' };
  }
  if (tombstone) return restore ? { kind: 'restore' } : { kind: 'deleted-here', editedAfterDeletion: note.revision > tombstone.revision };
  return { kind: 'add' };
}

/** What newer-wins compares: notes, people and additions alike. */
interface Revisioned {
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** Dates believed only up to now: a note dated in the future would head every "newest first" list for ever. */
function withBelievableTimes<T extends Revisioned>(note: T, now: number): T {
  const createdAt = Math.min(note.createdAt, now);
  const updatedAt = Math.min(Math.max(note.updatedAt, createdAt), now);
  return createdAt === note.createdAt && updatedAt === note.updatedAt ? note : { ...note, createdAt, updatedAt };
}

/** What the user wrote and where: revisions and times aside, the two are the same note. */
function sameContent(a: NoteRecord, b: NoteRecord): boolean {
  return (
    a.text === b.text &&
    a.origin?.url === b.origin?.url &&
    a.origin?.title === b.origin?.title &&
    a.origin?.selection === b.origin?.selection
  );
}

/** Newer means a higher revision, or the same revision edited later. */
function isNewerThan(a: Revisioned, b: Revisioned): boolean {
  return a.revision > b.revision || (a.revision === b.revision && a.updatedAt > b.updatedAt);
}

export interface MarkdownPerson {
  en: string;
  zh?: string;
}

/** Backslash-escapes what Markdown or HTML would interpret in one line of inline text. */
function inline(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|&~-]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/**
 * One line of a note as Markdown text: every character Markdown or HTML would read as
 * syntax is backslash-escaped (so `<img onerror>` stays words on the page), as are the
 * line-start forms the inline escape misses: `1.` (a list) and a line of `=` (a heading
 * underline). Leading spaces become no-break spaces, so an indented line is not a code block.
 */
function escapeLine(line: string): string {
  return inline(line)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^=/, '\\=')
    .replace(/^[ \t]+/, (indent) => '\u00A0'.repeat(indent.replace(/\t/g, '    ').length));
}

/**
 * Text as Markdown paragraphs: a blank line still separates paragraphs, and each other
 * line break is kept as a hard break (a trailing backslash), so the note reads as typed.
 * `prefix` starts every line (`> ` for a block quote).
 */
function paragraphs(text: string, prefix = ''): string {
  const blocks = text
    .trim()
    .split(/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)\s*/)
    .map((block) =>
      block
        .split(/\r\n|\n|\r/)
        .map((line) => prefix + escapeLine(line.trimEnd()))
        .join('\\\n'),
    );
  return blocks.join(`\n${prefix.trimEnd()}\n`);
}

/** All notes for reading: grouped by person (by name), newest first within each. */
export function notesToMarkdown(
  notes: NoteRecord[],
  person: (personId: string) => MarkdownPerson | undefined,
  options: { exportedAt?: Date; formatTime?(epochMs: number): string } = {},
): string {
  const time = options.formatTime ?? ((ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
  const groups = new Map<string, NoteRecord[]>();
  for (const note of [...notes].sort(byNewest)) {
    groups.set(note.personId, [...(groups.get(note.personId) ?? []), note]);
  }
  const name = (id: string) => {
    const p = person(id);
    return p ? (p.zh ? `${p.en} (${p.zh})` : p.en) : id;
  };
  const people = [...groups.keys()].sort((a, b) => name(a).localeCompare(name(b)));

  const out = ['# Talent Lens notes', ''];
  if (options.exportedAt) out.push(`Exported ${options.exportedAt.toISOString()}`, '');
  for (const id of people) {
    out.push(`## ${inline(name(id))}`, '');
    for (const note of groups.get(id)!) {
      const edited = note.updatedAt !== note.createdAt ? `, edited ${time(note.updatedAt)}` : '';
      out.push(`### ${time(note.createdAt)}${edited}`, '');
      // Where it was written first, then what was selected there, then the note: the order it happened in.
      if (note.origin) {
        const url = httpUrl(note.origin.url);
        const title = inline(note.origin.title || note.origin.url);
        out.push(url ? `From: [${title}](<${url}>)` : `From: ${title}`, '');
        if (note.origin.selection?.trim()) out.push(paragraphs(note.origin.selection, '> '), '');
      }
      out.push(paragraphs(note.text), '');
    }
  }
  return out.join('\n');
}
