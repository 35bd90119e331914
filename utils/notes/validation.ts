/**
 * Runtime checks for note records arriving from outside the store: drafts and
 * restores from any extension context (a content script included), and files
 * being imported. The schemas are typed against records.ts, so the TypeScript
 * declaration stays the single source of the shape.
 */
import { z } from 'zod';
import { PersonId } from '@/data/schema';
import { NOTE_LIMITS, type NoteDraft, type NoteOrigin, type NoteRecord } from '@/utils/notes/records';

export { NOTE_LIMITS };

const epochMs = z.number().int().nonnegative().max(8.64e15);

export const NoteOriginSchema: z.ZodType<NoteOrigin> = z.object({
  url: z.string().max(NOTE_LIMITS.url),
  title: z.string().max(NOTE_LIMITS.title),
  selection: z.string().max(NOTE_LIMITS.selection).optional(),
});

const NoteId = z
  .string()
  .min(1)
  .max(NOTE_LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/, 'note ids are letters, digits, - and _');

const NoteText = z.string().max(NOTE_LIMITS.text, `a note holds at most ${NOTE_LIMITS.text} characters`);

const Revision = z
  .number()
  .int('a revision is a whole number')
  .min(1, 'a revision is at least 1')
  .max(NOTE_LIMITS.revision, `a revision is at most ${NOTE_LIMITS.revision}`);

/** What the editor lets anyone save: some visible text, within the length limit. */
const EditorText = NoteText.refine((text) => text.trim().length > 0, 'a note needs some text');

const noteRecordFields = {
  id: NoteId,
  personId: PersonId,
  text: NoteText,
  createdAt: epochMs,
  updatedAt: epochMs,
  revision: Revision,
  origin: NoteOriginSchema.optional(),
};

/** A stored record, e.g. the caller's copy in an undo. */
export const NoteRecordSchema: z.ZodType<NoteRecord> = z.object(noteRecordFields);

/** A note in a file being imported: a record whose text also obeys the editor's rule, so no file adds what the editor would refuse. */
export const ImportedNoteSchema: z.ZodType<NoteRecord> = z.object({ ...noteRecordFields, text: EditorText });

export const NoteDraftSchema: z.ZodType<NoteDraft> = z.object({
  id: NoteId.optional(),
  personId: PersonId,
  text: EditorText,
  baseRevision: Revision.optional(),
  origin: NoteOriginSchema.optional(),
});

/** "notes.3.text: a note holds at most…" — the first few problems, readable in one line. */
export function describeIssues(error: z.ZodError, prefix: string[] = [], limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = [...prefix, ...issue.path.map(String)].join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - limit;
  return lines.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
