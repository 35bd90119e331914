/**
 * Unsaved editor text (EditorDraft) on a NotesDatabase: written on every
 * change the editor makes, read when an editor opens, dropped when its note is
 * saved or the user cancels. Like store.ts, free of browser APIs but Dexie.
 */
import { z } from 'zod';
import { PersonId } from '@/data/schema';
import type { NotesDatabase } from '@/utils/notes/db';
import { draftKey, NOTE_LIMITS, type EditorDraft } from '@/utils/notes/records';
import { describeIssues } from '@/utils/notes/validation';

const EditorDraftInputSchema = z.object({
  personId: PersonId,
  noteId: z
    .string()
    .min(1)
    .max(NOTE_LIMITS.id)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  baseRevision: z.number().int().min(1).optional(),
  text: z.string().max(NOTE_LIMITS.text),
});

/** A draft key as `draftKey` makes them. */
const DraftKey = z.union([z.string().regex(/^new:[a-z0-9-]{1,100}$/), z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)]);

export type SaveDraftResult = { ok: true; draft: EditorDraft | null } | { ok: false; message: string };

/** One person's drafts (their new-note draft and their edits in progress). */
export async function listDrafts(db: NotesDatabase, personId: string): Promise<EditorDraft[]> {
  return db.drafts.where('personId').equals(personId).toArray();
}

/**
 * Keeps an editor's text. Text that is only white space removes the draft:
 * an emptied editor has nothing to bring back.
 */
export async function saveDraft(db: NotesDatabase, input: unknown, now = Date.now()): Promise<SaveDraftResult> {
  const parsed = EditorDraftInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const key = draftKey(parsed.data);
  if (parsed.data.text.trim() === '') {
    await db.drafts.delete(key);
    return { ok: true, draft: null };
  }
  const draft: EditorDraft = { ...parsed.data, key, updatedAt: now };
  await db.drafts.put(draft);
  return { ok: true, draft };
}

export async function getDraft(db: NotesDatabase, key: unknown): Promise<EditorDraft | undefined> {
  return DraftKey.safeParse(key).success ? db.drafts.get(key as string) : undefined;
}

export async function discardDraft(db: NotesDatabase, key: unknown): Promise<void> {
  if (DraftKey.safeParse(key).success) await db.drafts.delete(key as string);
}
