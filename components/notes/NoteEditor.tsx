import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotesClient } from '@/utils/notes/client';
import type { NoteOrigin, NoteRecord } from '@/utils/notes/records';
import { t } from '@/utils/i18n';

export interface NoteEditorProps {
  client: NotesClient;
  personId: string;
  /** The note being edited; omitted for a new note. */
  note?: NoteRecord;
  /** Where a new note is written from (the card passes the page and the selection). */
  origin?: NoteOrigin;
  onSaved(note: NoteRecord): void;
  /** Shown as a Cancel button when given (editing in place); Escape calls it too. */
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * Writes one note. Text is edited in a textarea and never interpreted as HTML.
 * A save based on a stale revision comes back as a conflict: the editor keeps
 * the user's text, shows the stored text beside it, and lets the user either
 * keep theirs (overwrite, based on the stored revision) or take the stored one.
 */
export function NoteEditor({ client, personId, note, origin, onSaved, onCancel, autoFocus }: NoteEditorProps) {
  const [text, setText] = useState(note?.text ?? '');
  const [baseRevision, setBaseRevision] = useState(note?.revision);
  const [conflict, setConflict] = useState<NoteRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  async function save(base = baseRevision) {
    if (!text.trim()) {
      setError(t('notesEmptyText'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await client.save({
        id: note?.id,
        personId,
        text,
        baseRevision: note ? base : undefined,
        origin: note ? undefined : origin,
      });
      if (result.ok) {
        setConflict(null);
        setBaseRevision(result.note.revision);
        if (!note) setText('');
        onSaved(result.note);
      } else if (result.reason === 'conflict') {
        setConflict(result.current);
      } else {
        setError(t('notesSaveFailed', result.message));
      }
    } catch (cause) {
      setError(t('notesSaveFailed', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  }

  function takeStored(stored: NoteRecord) {
    setConflict(null);
    setText(stored.text);
    setBaseRevision(stored.revision);
    onSaved(stored);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && onCancel) {
      // The card closes on Escape too; the first Escape only leaves the editor.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      class="tl-note-editor"
      data-testid="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={area}
        class="tl-note-input"
        aria-label={t('notesTextLabel')}
        placeholder={t('notesPlaceholder')}
        value={text}
        rows={3}
        maxLength={20000}
        onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
      />
      {conflict && (
        <div class="tl-note-conflict" role="alert" data-testid="note-conflict">
          <p>{t('notesConflict')}</p>
          <p class="tl-note-text" data-testid="note-conflict-stored">
            {conflict.text}
          </p>
          <div class="tl-note-actions">
            <button type="button" disabled={busy} onClick={() => void save(conflict.revision)}>
              {t('notesKeepMine')}
            </button>
            <button type="button" disabled={busy} onClick={() => takeStored(conflict)}>
              {t('notesTakeStored')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="tl-note-error" role="alert">
          {error}
        </p>
      )}
      {!conflict && (
        <div class="tl-note-actions">
          <button type="submit" disabled={busy}>
            {note ? t('notesSave') : t('notesAdd')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('notesCancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
