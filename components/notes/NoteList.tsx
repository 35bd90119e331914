import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { NotesClient } from '@/utils/notes/client';
import type { NoteOrigin, NoteRecord, NotesCursor } from '@/utils/notes/records';
import { byNewest, formatTime, httpUrl } from '@/utils/notes/format';
import { t } from '@/utils/i18n';
import { NoteEditor } from './NoteEditor';
import { VirtualList } from './VirtualList';
import { NOTE_GAP_PX } from './notes-css';
import { logError } from '@/utils/log';

/** How many of a person's notes the card and the popup show at first, and load per "show older" click. */
export const NOTES_PAGE_SIZE = 20;

/** Notes the notes page shows before every note is loaded: more than a screenful. */
const FIRST_SCREEN = 50;

/** A collapsed note's height before it is measured (text of two lines, the meta line, the buttons), px. */
const NOTE_ROW_ESTIMATE_PX = 120;

export interface NoteListProps {
  client: NotesClient;
  /** One person's notes, by page (with an editor for a new one); every note, in a windowed list, when omitted. */
  personId?: string;
  /** Origin recorded on new notes. */
  origin?: NoteOrigin;
  /** Narrows every note to the shown ones (the notes page's search); called with the array last given to onNotesChange. */
  select?(notes: readonly NoteRecord[]): readonly NoteRecord[];
  /** A heading per note, e.g. the person's name when listing every note. */
  heading?(note: NoteRecord): ComponentChild;
  /** Change it to reload from the store (e.g. after an import). */
  reloadKey?: unknown;
  /** Called with every note loaded, after each load or change; `complete` is false while only the newest are loaded. */
  onNotesChange?(notes: NoteRecord[], complete: boolean): void;
}

/** What is loaded of a person's notes: the newest pages, where the next one starts, and how many there are in all. */
interface Paging {
  next: NotesCursor | null;
  total: number;
}

/**
 * A person's notes (or all notes): shown as text, edited in place, deleted with
 * an undo. Style it with NOTES_CSS (components/notes/notes-css.ts).
 *
 * A person's notes come a page at a time, newest first, with a button for
 * older ones: a person with thousands of notes costs the card one short read.
 * Every note (the notes page) is loaded whole, as the page searches them all,
 * and rendered in a windowed list.
 */
export function NoteList({ client, personId, origin, select, heading, reloadKey, onNotesChange }: NoteListProps) {
  const [notes, setNotes] = useState<NoteRecord[] | null>(null);
  const [paging, setPaging] = useState<Paging | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Notes with an edit typed and not saved (one person's list only). */
  const [editDrafts, setEditDrafts] = useState<ReadonlySet<string>>(new Set());
  const container = useRef<HTMLDivElement>(null);
  /** A note to move focus to once rendered: the first older one loaded when the button went away with its focus. */
  const focusNote = useRef<string | null>(null);

  const complete = useRef(false);
  function update(next: NoteRecord[], loadedAll = complete.current) {
    const sorted = [...next].sort(byNewest);
    complete.current = loadedAll;
    setNotes(sorted);
    onNotesChange?.(sorted, loadedAll);
  }

  useEffect(() => {
    let live = true;
    const fail = (cause: unknown) => {
      logError('loading notes failed', cause);
      if (live) setFailed(true);
    };
    if (personId) {
      // The count comes after the first page is shown: counting is the slow part (see countNotes).
      client.page({ personId, limit: NOTES_PAGE_SIZE }).then((page) => {
        if (!live) return;
        setFailed(false);
        setPaging({ next: page.next, total: page.notes.length });
        update(page.notes, true);
        if (page.next) {
          client.count({ personId }).then((total) => live && setPaging((p) => p && { ...p, total: Math.max(total, p.total) }), fail);
        }
      }, fail);
    } else {
      // Reading 20,000 notes takes Chromium's IndexedDB about a second: the newest screenful is shown first.
      // One after the other: sent together, the small answer waits behind the large one in the background.
      client
        .page({ limit: FIRST_SCREEN })
        .then(
          (page) => live && (setFailed(false), update(page.notes, !page.next)),
          () => undefined,
        )
        .then(() => (live ? client.list({}) : null))
        .then((loaded) => loaded && live && (setFailed(false), setPaging(null), update(loaded, true)), fail);
    }
    return () => {
      live = false;
    };
  }, [client, personId, reloadKey]);

  useEffect(() => {
    if (!personId) return;
    let live = true;
    client.drafts.list(personId).then(
      (drafts) => live && setEditDrafts(new Set(drafts.flatMap((d) => (d.noteId ? [d.noteId] : [])))),
      (cause: unknown) => logError('reading unsaved text failed', cause),
    );
    return () => {
      live = false;
    };
  }, [client, personId, reloadKey, editing]);

  useLayoutEffect(() => {
    const id = focusNote.current;
    if (!id || !container.current) return;
    focusNote.current = null;
    const item = [...container.current.querySelectorAll<HTMLElement>('[data-note-id]')].find((el) => el.dataset.noteId === id);
    item?.focus();
  });

  const known = (id: string) => (notes ?? []).some((n) => n.id === id);
  const countBy = (delta: number) => setPaging((p) => p && { ...p, total: Math.max(0, p.total + delta) });

  const upsert = (note: NoteRecord) => {
    if (!known(note.id)) countBy(1);
    update([note, ...(notes ?? []).filter((n) => n.id !== note.id)]);
  };

  async function loadOlder() {
    if (!personId || !paging?.next || loadingOlder) return;
    setLoadingOlder(true);
    setError(null);
    try {
      const page = await client.page({ personId, limit: NOTES_PAGE_SIZE, after: paging.next });
      const fresh = page.notes.filter((note) => !known(note.id));
      if (!page.next && fresh[0]) focusNote.current = fresh[0].id;
      setPaging((p) => p && { ...p, next: page.next });
      update([...(notes ?? []), ...fresh]);
    } catch (cause) {
      setError(t('notesLoadFailed'));
      logError('loading older notes failed', cause);
    } finally {
      setLoadingOlder(false);
    }
  }

  async function remove(note: NoteRecord) {
    setError(null);
    try {
      const gone = await client.remove(note.id);
      if (known(note.id)) countBy(-1);
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

  const shown = notes ? (select ? select(notes) : notes) : [];
  // Shown once counted: until then the total is only what is loaded.
  const older = paging && paging.next ? Math.max(0, paging.total - (notes?.length ?? 0)) : 0;

  const content = (note: NoteRecord) => (
    <>
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
    </>
  );

  return (
    <div class="tl-notes" data-testid="note-list" ref={container}>
      {personId && <NoteEditor client={client} personId={personId} origin={origin} onSaved={upsert} />}
      {failed && (
        <p class="tl-note-error" role="alert">
          {t('notesLoadFailed')}
        </p>
      )}
      {deleted && (
        <p class="tl-note-undo" role="status">
          {t('notesDeleted')}{' '}
          <button type="button" onClick={() => void undo(deleted)}>
            {t('notesUndo')}
          </button>
        </p>
      )}
      {error && (
        <p class="tl-note-error" role="alert">
          {error}
        </p>
      )}
      {notes && shown.length === 0 && <p class="tl-note-empty">{t('notesEmpty')}</p>}
      {personId ? (
        <>
          <ul class="tl-note-items" aria-label={t('notesListLabel')}>
            {shown.map((note) => (
              <li key={note.id} class="tl-note" data-testid="note" data-note-id={note.id} tabIndex={-1}>
                {content(note)}
              </li>
            ))}
          </ul>
          {older > 0 && (
            <div class="tl-note-actions">
              <button type="button" data-testid="notes-show-older" disabled={loadingOlder} onClick={() => void loadOlder()}>
                {t('notesShowOlder', String(older))}
              </button>
            </div>
          )}
        </>
      ) : (
        shown.length > 0 && (
          <VirtualList
            items={shown}
            itemKey={(note) => note.id}
            itemProps={(note) => ({ class: 'tl-note', 'data-testid': 'note', 'data-note-id': note.id })}
            renderItem={content}
            estimatedHeight={NOTE_ROW_ESTIMATE_PX}
            gap={NOTE_GAP_PX}
            label={t('notesListLabel')}
          />
        )
      )}
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
