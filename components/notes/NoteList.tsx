import { useEffect, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { NotesClient } from '@/utils/notes/client';
import type { NoteOrigin, NoteRecord } from '@/utils/notes/records';
import { byNewest, formatTime, httpUrl } from '@/utils/notes/format';
import { t } from '@/utils/i18n';
import { NoteEditor } from './NoteEditor';

export interface NoteListProps {
  client: NotesClient;
  /** One person's notes (with an editor for a new one), or every note when omitted. */
  personId?: string;
  /** Origin recorded on new notes. */
  origin?: NoteOrigin;
  /** Narrows the shown notes (the notes page's search). */
  filter?(note: NoteRecord): boolean;
  /** A heading per note, e.g. the person's name when listing every note. */
  heading?(note: NoteRecord): ComponentChild;
  /** Change it to reload from the store (e.g. after an import). */
  reloadKey?: unknown;
  /** Called with every note loaded, after each load or change. */
  onNotesChange?(notes: NoteRecord[]): void;
}

/**
 * A person's notes (or all notes): shown as text, edited in place, deleted with
 * an undo. Style it with NOTES_CSS (components/notes/notes-css.ts).
 */
export function NoteList({ client, personId, origin, filter, heading, reloadKey, onNotesChange }: NoteListProps) {
  const [notes, setNotes] = useState<NoteRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Notes with an edit typed and not saved (one person's list only). */
  const [editDrafts, setEditDrafts] = useState<ReadonlySet<string>>(new Set());

  function update(next: NoteRecord[]) {
    const sorted = [...next].sort(byNewest);
    setNotes(sorted);
    onNotesChange?.(sorted);
  }

  useEffect(() => {
    let live = true;
    client.list(personId ? { personId } : {}).then(
      (loaded) => live && (setFailed(false), update(loaded)),
      (cause) => {
        console.error('[talent-lens] loading notes failed', cause);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [client, personId, reloadKey]);

  useEffect(() => {
    if (!personId) return;
    let live = true;
    client.drafts.list(personId).then(
      (drafts) => live && setEditDrafts(new Set(drafts.flatMap((d) => (d.noteId ? [d.noteId] : [])))),
      (cause: unknown) => console.error('[talent-lens] reading unsaved text failed', cause),
    );
    return () => {
      live = false;
    };
  }, [client, personId, reloadKey, editing]);

  const upsert = (note: NoteRecord) => update([note, ...(notes ?? []).filter((n) => n.id !== note.id)]);

  async function remove(note: NoteRecord) {
    setError(null);
    try {
      const gone = await client.remove(note.id);
      update((notes ?? []).filter((n) => n.id !== note.id));
      setDeleted(gone ?? note);
    } catch (cause) {
      setError(t('notesSaveFailed', cause instanceof Error ? cause.message : String(cause)));
    }
  }

  async function undo(note: NoteRecord) {
    setError(null);
    try {
      upsert(await client.restore(note));
      setDeleted(null);
    } catch (cause) {
      setError(t('notesSaveFailed', cause instanceof Error ? cause.message : String(cause)));
    }
  }

  const shown = (notes ?? []).filter((note) => !filter || filter(note));

  return (
    <div class="tl-notes" data-testid="note-list">
      {personId && <NoteEditor client={client} personId={personId} origin={origin} onSaved={upsert} />}
      {failed && <p class="tl-note-error" role="alert">{t('notesLoadFailed')}</p>}
      {deleted && (
        <p class="tl-note-undo" role="status">
          {t('notesDeleted')}{' '}
          <button type="button" onClick={() => void undo(deleted)}>
            {t('notesUndo')}
          </button>
        </p>
      )}
      {error && <p class="tl-note-error" role="alert">{error}</p>}
      {notes && shown.length === 0 && <p class="tl-note-empty">{t('notesEmpty')}</p>}
      <ul class="tl-note-items" aria-label={t('notesListLabel')}>
        {shown.map((note) => (
          <li key={note.id} class="tl-note" data-testid="note" data-note-id={note.id}>
            {heading?.(note)}
            {editing === note.id ? (
              <NoteEditor
                client={client}
                personId={note.personId}
                note={note}
                autoFocus
                onSaved={(saved) => {
                  upsert(saved);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <NoteView note={note} hasDraft={editDrafts.has(note.id)} onEdit={() => setEditing(note.id)} onDelete={() => void remove(note)} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function NoteView({ note, hasDraft, onEdit, onDelete }: { note: NoteRecord; hasDraft: boolean; onEdit(): void; onDelete(): void }) {
  const link = httpUrl(note.origin?.url);
  return (
    <>
      {hasDraft && (
        <span class="tl-note-badge" data-testid="note-has-draft">
          {t('notesHasDraft')}
        </span>
      )}
      <p class="tl-note-text" data-testid="note-text">
        {note.text}
      </p>
      {note.origin?.selection && (
        <blockquote class="tl-note-selection" aria-label={t('notesSelection')}>
          {note.origin.selection}
        </blockquote>
      )}
      <p class="tl-note-meta">
        <span>{t('notesUpdated', formatTime(note.updatedAt, browser.i18n.getUILanguage?.()))}</span>
        {note.origin && (
          <span>
            {' · '}
            {t('notesFrom')}{' '}
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {note.origin.title || link}
              </a>
            ) : (
              note.origin.title
            )}
          </span>
        )}
      </p>
      <div class="tl-note-actions">
        <button type="button" onClick={onEdit}>
          {t('notesEdit')}
        </button>
        <button type="button" onClick={onDelete}>
          {t('notesDelete')}
        </button>
      </div>
    </>
  );
}
