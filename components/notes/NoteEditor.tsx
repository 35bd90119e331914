import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NotesClient } from '@/utils/notes/client';
import { createDraftWriter } from '@/utils/notes/draft-writer';
import { draftKey, NOTE_LIMITS, type NoteOrigin, type NoteRecord } from '@/utils/notes/records';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';

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
 *
 * Typed text is kept as a draft while it is typed (the client's draft store),
 * so closing the card, the popup or the tab loses nothing: the editor opens
 * with it again. Saving or cancelling drops the draft.
 */
export function NoteEditor({ client, personId, note, origin, onSaved, onCancel, autoFocus }: NoteEditorProps) {
  const [text, setText] = useState(note?.text ?? '');
  const [baseRevision, setBaseRevision] = useState(note?.revision);
  const [conflict, setConflict] = useState<NoteRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const typed = useRef(false);
  const key = draftKey({ personId, noteId: note?.id });
  const drafts = useMemo(
    () =>
      createDraftWriter(
        (draft) => client.drafts.save({ personId, ...(note ? { noteId: note.id, baseRevision } : {}), text: draft }),
        (cause) => logError('keeping the unsaved text failed', cause),
      ),
    // One writer per editor and note; the base revision it records is the one the edit started from.
    [client, personId, note?.id],
  );

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  // Text typed earlier and never saved comes back, unless the user has started typing already.
  useEffect(() => {
    let live = true;
    client.drafts.list(personId).then(
      (found) => {
        const draft = found.find((d) => d.key === key);
        if (!live || !draft || typed.current || draft.text === (note?.text ?? '')) return;
        setText(draft.text);
        if (note && draft.baseRevision !== undefined) setBaseRevision(draft.baseRevision);
        setRestored(true);
      },
      (cause: unknown) => logError('reading unsaved text failed', cause),
    );
    return () => {
      live = false;
    };
  }, [client, personId, key]);

  async function dropDraft() {
    await drafts.stop();
    await client.drafts.discard(key).catch((cause: unknown) => logError('dropping unsaved text failed', cause));
  }

  function cancel() {
    void dropDraft();
    onCancel?.();
  }

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
        setRestored(false);
        await dropDraft();
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
    void dropDraft();
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
      cancel();
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
        maxLength={NOTE_LIMITS.text}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          typed.current = true;
          setText(value);
          drafts.write(value);
        }}
        onKeyDown={onKeyDown}
      />
      {restored && (
        <p class="tl-note-draft" role="status" data-testid="note-draft-restored">
          {t('notesDraftRestored')}
        </p>
      )}
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
            <button type="button" onClick={cancel}>
              {t('notesCancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
