import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';
import type { TrashedPeopleEntry } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { ownPeopleRows, type OwnPeopleRow } from '@/utils/people/listing';

/** How the notes page reaches the reader's people (the background's listUserLayer, deleteFromPeople, restoreToPeople). */
export interface OwnPeopleClient {
  list(): Promise<UserLayerSnapshot>;
  /** Moves a person (or a layer over a bundled person) to the trash; the background re-publishes the index, so open tabs unmark them. */
  remove(id: string): Promise<TrashedPeopleEntry | null>;
  /** Undo: brings the trashed entry back; null when the trash no longer has it. */
  restore(id: string): Promise<unknown>;
  /** Calls `onChange` whenever the reader's people changed anywhere (another tab, sync, an import). Returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

/** How long "deleted" with Undo stays while the reader is not in it (as the card's "Turned off" notice). */
export const UNDO_MS = 8000;

type Deleted = { id: string; name: string; kind: OwnPeopleRow['kind'] };

/**
 * "Your people" on the notes page: the reader's own people and their additions to bundled
 * people, each with Edit (the people form, `people.html?person=ID`) and Delete. A delete
 * shows "deleted" with Undo for a few seconds (longer while the pointer or focus is on it);
 * focus goes to Undo, so the keyboard reaches it at once, and comes back to the row after Undo.
 */
export function OwnPeopleSection({
  client,
  layer,
  bundledName,
  noteCount,
  onChanged,
}: {
  client: OwnPeopleClient;
  /** null: still loading. */
  layer: UserLayerSnapshot | null;
  bundledName: (personId: string) => string;
  noteCount: (personId: string) => number;
  /** The store changed here: read the list again. */
  onChanged: () => Promise<void>;
}) {
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [held, setHeld] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  /** Focus we moved to Undo ourselves does not hold the notice; the reader's own focus or pointer does. */
  const movedFocus = useRef(false);

  const rows = layer ? ownPeopleRows(layer, bundledName) : [];

  const dismiss = () => {
    const hadFocus = notice.current?.contains(document.activeElement) ?? false;
    setDeleted(null);
    setHeld(false);
    if (hadFocus) heading.current?.focus();
  };

  useEffect(() => {
    if (!deleted || held) return;
    const timer = setTimeout(dismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted, held]);

  useLayoutEffect(() => {
    if (!deleted) return;
    movedFocus.current = true;
    undoButton.current?.focus();
    movedFocus.current = false;
  }, [deleted]);

  useLayoutEffect(() => {
    if (!focusRow) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="own-person"][data-person-id="${CSS.escape(focusRow)}"] a`);
    if (row) {
      row.focus();
      setFocusRow(null);
    }
  }, [focusRow, layer]);

  async function remove(row: OwnPeopleRow) {
    setError(null);
    try {
      const entry = await client.remove(row.id);
      await onChanged();
      if (entry) {
        setHeld(false);
        setDeleted({ id: row.id, name: row.name, kind: row.kind });
      }
    } catch (cause) {
      logError('deleting one of your people failed', cause);
      setError(t('notesOwnPeopleFailed', cause instanceof Error ? cause.message : String(cause)));
    }
  }

  async function undo(entry: Deleted) {
    setError(null);
    try {
      await client.restore(entry.id);
      setDeleted(null);
      setHeld(false);
      await onChanged();
      setFocusRow(entry.id);
    } catch (cause) {
      logError('restoring one of your people failed', cause);
      setError(t('notesOwnPeopleFailed', cause instanceof Error ? cause.message : String(cause)));
    }
  }

  const visibility = (row: OwnPeopleRow) =>
    row.visibility === undefined
      ? t('notesOwnPersonDefaultVisibility')
      : t(row.visibility === 'mark' ? 'notesOwnPersonMarked' : 'notesOwnPersonFindOnly');

  return (
    <section id="tl-own-people" class="tl-own-people" aria-labelledby="tl-own-people-heading" data-testid="own-people">
      <h2 id="tl-own-people-heading" class="tl-notes-heading" ref={heading} tabIndex={-1}>
        {t('peopleYours')}
      </h2>
      <p class="tl-muted tl-small">{t('notesOwnPeopleIntro')}</p>
      {error && (
        <p class="tl-status-line tl-error" role="alert">
          {error}
        </p>
      )}
      {layer && rows.length === 0 && (
        <p class="tl-status-line tl-muted" data-testid="own-people-empty">
          {t('peopleNone')} <a href="/people.html">{t('peopleAddPerson')}</a>
        </p>
      )}
      {rows.length > 0 && (
        <ul class="tl-own-people-list">
          {rows.map((row) => (
            <li key={row.id} class="tl-own-person" data-testid="own-person" data-person-id={row.id}>
              <div class="tl-own-person-text">
                <span class="tl-person-entry-name">{row.name}</span>
                {row.otherName && <span class="tl-muted"> {row.otherName}</span>}
                {row.kind === 'addition' && <span class="tl-muted tl-small"> · {t('notesOwnPersonAdditions')}</span>}
                {row.role && <p class="tl-role">{row.role}</p>}
                <p class="tl-muted tl-small">
                  {[
                    row.aliases.length > 0 ? t('notesOwnPersonAliases', row.aliases.join(', ')) : '',
                    row.facts > 0 ? t('notesOwnPersonFacts', String(row.facts)) : '',
                    row.tags.length > 0 ? row.tags.map((tag) => `#${tag}`).join(' ') : '',
                    noteCount(row.id) > 0 ? t('notesPersonNoteCount', String(noteCount(row.id))) : '',
                    visibility(row),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              <div class="tl-own-person-actions">
                <a
                  class="tl-button"
                  href={`/people.html?person=${encodeURIComponent(row.id)}`}
                  data-testid="own-person-edit"
                  aria-label={t('notesOwnPersonEditLabel', row.name)}
                >
                  {t('notesEdit')}
                </a>
                <button
                  type="button"
                  class="tl-button"
                  data-testid="own-person-delete"
                  aria-label={t('notesOwnPersonDeleteLabel', row.name)}
                  onClick={() => void remove(row)}
                >
                  {t('peopleDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleted && (
        <div
          ref={notice}
          class="tl-undo-toast"
          role="status"
          data-testid="own-people-undo"
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(notice.current?.contains(document.activeElement) ?? false)}
          onFocusIn={() => movedFocus.current || setHeld(true)}
          onFocusOut={(event) => setHeld(notice.current?.contains(event.relatedTarget as Node | null) ?? false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              dismiss();
            }
          }}
        >
          <span>{deleted.kind === 'person' ? t('peopleDeleted', deleted.name) : t('notesOwnAdditionsDeleted', deleted.name)}</span>
          <button ref={undoButton} type="button" class="tl-button" onClick={() => void undo(deleted)}>
            {t('peopleUndo')}
          </button>
        </div>
      )}
    </section>
  );
}
