/**
 * Export (JSON for import, Markdown for reading) and import of notes.
 *
 * An import is checked completely before anything is written, and written in a
 * single Dexie transaction: a rejected file, or a failure half-way, leaves the
 * store exactly as it was.
 */
import { z } from 'zod';
import type { NotesDatabase } from '@/utils/notes/db';
import type { NoteRecord } from '@/utils/notes/records';
import { describeIssues, NoteRecordSchema } from '@/utils/notes/validation';
import { byNewest, httpUrl } from '@/utils/notes/format';

export const EXPORT_FORMAT = 'talent-lens-notes';
export const EXPORT_VERSION = 1;

export const IMPORT_LIMITS = {
  /** Bytes of UTF-8. */
  maxBytes: 5 * 1024 * 1024,
  maxNotes: 10_000,
} as const;

export interface NotesExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: NoteRecord[];
}

export type ImportErrorCode =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'wrong-version'
  | 'too-many'
  | 'invalid'
  | 'unknown-people'
  | 'failed';

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  /** `detail` is what the UI substitutes into its localized message; `message` is a complete English sentence. */
  | { ok: false; code: ImportErrorCode; detail: string; message: string };

type ImportFailure = Extract<ImportResult, { ok: false }>;

export async function exportNotes(db: NotesDatabase, now = Date.now()): Promise<NotesExport> {
  const notes = (await db.notes.toArray()).sort(byNewest);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), notes };
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

const Envelope = z.object({ format: z.unknown(), version: z.unknown(), notes: z.unknown() });
const NotesArray = z.array(NoteRecordSchema);

/** Checks a file's text without touching the store: every note valid, every person known. */
export function parseImport(
  text: string,
  isKnownPerson: (personId: string) => boolean,
): { ok: true; notes: NoteRecord[] } | ImportFailure {
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
    return failure('not-json', why, `The file is not JSON: ${why}`);
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || raw === null || Array.isArray(raw) || envelope.data.format !== EXPORT_FORMAT) {
    return failure('wrong-format', EXPORT_FORMAT, `The file is not a Talent Lens notes export (its "format" is not "${EXPORT_FORMAT}").`);
  }
  if (envelope.data.version !== EXPORT_VERSION) {
    const found = JSON.stringify(envelope.data.version) ?? 'none';
    return failure(
      'wrong-version',
      found,
      `The file's version ${found} is not supported; this version of Talent Lens reads version ${EXPORT_VERSION}.`,
    );
  }
  const count = Array.isArray(envelope.data.notes) ? envelope.data.notes.length : 0;
  if (count > IMPORT_LIMITS.maxNotes) {
    return failure('too-many', String(IMPORT_LIMITS.maxNotes), `The file holds ${count} notes; at most ${IMPORT_LIMITS.maxNotes} can be imported at once.`);
  }
  const notes = NotesArray.safeParse(envelope.data.notes);
  if (!notes.success) {
    const why = describeIssues(notes.error, ['notes']);
    return failure('invalid', why, `The file's notes are malformed: ${why}`);
  }
  const unknown = [...new Set(notes.data.map((n) => n.personId).filter((id) => !isKnownPerson(id)))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` (+${unknown.length - 10})` : '');
    return failure('unknown-people', shown, `The file has notes for people Talent Lens does not know: ${shown}.`);
  }
  return { ok: true, notes: notes.data };
}


/** Merges a file into the store: new notes are added, a note already stored is replaced only by a newer version. */
export async function importNotes(
  db: NotesDatabase,
  text: string,
  isKnownPerson: (personId: string) => boolean,
): Promise<ImportResult> {
  const parsed = parseImport(text, isKnownPerson);
  if (!parsed.ok) return parsed;

  const incoming = new Map<string, NoteRecord>();
  for (const note of parsed.notes) {
    const seen = incoming.get(note.id);
    incoming.set(note.id, seen && !isNewerThan(note, seen) ? seen : note);
  }

  try {
    return await db.transaction('rw', db.notes, async () => {
      const ids = [...incoming.keys()];
      const stored = await db.notes.bulkGet(ids);
      const writes: NoteRecord[] = [];
      let added = 0;
      let updated = 0;
      ids.forEach((id, i) => {
        const note = incoming.get(id)!;
        const current = stored[i];
        if (!current) {
          added++;
          writes.push(note);
        } else if (isNewerThan(note, current)) {
          updated++;
          writes.push(note);
        }
      });
      await db.notes.bulkPut(writes);
      return { ok: true as const, added, updated, unchanged: ids.length - added - updated };
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return failure('failed', why, `The import failed and nothing was changed: ${why}`);
  }
}

/** Newer means a higher revision, or the same revision edited later. */
function isNewerThan(a: NoteRecord, b: NoteRecord): boolean {
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

/** Note text in a fenced block: literal in every Markdown renderer, HTML included. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
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
      out.push(`### ${time(note.createdAt)}${edited}`, '', fenced(note.text), '');
      if (note.origin) {
        const url = httpUrl(note.origin.url);
        const title = inline(note.origin.title || note.origin.url);
        out.push(url ? `From: [${title}](<${url}>)` : `From: ${title}`, '');
        if (note.origin.selection) out.push(`Selected text: ${inline(note.origin.selection)}`, '');
      }
    }
  }
  return out.join('\n');
}
